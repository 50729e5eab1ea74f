import type { REST } from 'discord.js';
import { clipText, discordLimits as L } from '../domain/limits.ts';

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Interaction callback types whose `data` is a message, autocomplete choices, or a modal. */
const messageCallbacks = new Set([4, 7]);
const choicesCallback = 8;
const modalCallback = 9;

/**
 * The one place outgoing payloads are fitted to Discord's limits: every REST request of the client
 * passes through here, so a reply, an edit, a follow-up or a channel message can never be refused
 * for its size, whichever renderer built it. `onFitted` hears about each request that had to be cut.
 * Fitting is copy-on-write: a payload that fits comes back as the same object (nothing is copied or
 * serialised on the way of every reply), and only what is cut is copied.
 */
export function fitPayloadsToDiscordLimits(rest: REST, onFitted: (route: string) => void): void {
  const send = rest.request.bind(rest);
  rest.request = (options) => {
    const body = options.body;
    if (!isObj(body)) return send(options);
    const fitted = options.fullRoute.includes('/callback') ? fitCallback(body) : isMessageRoute(options.fullRoute) ? fitMessage(body) : body;
    if (fitted === body) return send(options);
    onFitted(options.fullRoute.replace(/\/[\w-]{60,}/g, '/<token>'));
    return send({ ...options, body: fitted });
  };
}

function isMessageRoute(route: string): boolean {
  return /\/messages(\/|$)/.test(route) || /^\/webhooks\/\d+\/[^/]+$/.test(route);
}

/** Fits the body of an interaction callback by its type (the same object when it fits). */
export function fitCallback(body: Obj): Obj {
  const data = body.data;
  if (!isObj(data)) return body;
  const type = body.type;
  if (typeof type === 'number' && messageCallbacks.has(type)) return patched(body, { data: fitMessage(data) });
  if (type === choicesCallback && Array.isArray(data.choices)) {
    const choices = mapFitted(objectsWithin(data.choices, L.optionChoices), (choice) => patched(choice, {
      name: text(choice.name, L.choiceName),
      value: typeof choice.value === 'string' ? text(choice.value, L.choiceValue) : choice.value,
    }));
    return patched(body, { data: patched(data, { choices }) });
  }
  if (type === modalCallback) return patched(body, { data: patched(data, { title: text(data.title, L.modalTitle), components: fitComponents(data.components) }) });
  return body;
}

/** Fits a message payload: content, embeds (each field and their total) and component labels (the same object when it fits). */
export function fitMessage(message: Obj): Obj {
  return patched(message, {
    content: text(message.content, L.messageContent),
    embeds: Array.isArray(message.embeds) ? fitEmbedTotal(mapFitted(objectsWithin(message.embeds, L.embedsPerMessage), fitEmbed)) : message.embeds,
    components: fitComponents(message.components),
  });
}

function fitEmbed(embed: Obj): Obj {
  return patched(embed, {
    title: text(embed.title, L.embedTitle),
    description: text(embed.description, L.embedDescription),
    footer: isObj(embed.footer) ? patched(embed.footer, { text: text(embed.footer.text, L.embedFooterText) }) : embed.footer,
    author: isObj(embed.author) ? patched(embed.author, { name: text(embed.author.name, L.embedAuthorName) }) : embed.author,
    fields: Array.isArray(embed.fields)
      ? mapFitted(objectsWithin(embed.fields, L.embedFields), (field) => patched(field, { name: text(field.name, L.embedFieldName), value: text(field.value, L.embedFieldValue) }))
      : embed.fields,
  });
}

/** Discord also caps the sum of every embed text in a message: cut the longest texts (of copies) until it fits. */
function fitEmbedTotal(fittedEmbeds: readonly Obj[]): readonly Obj[] {
  if (fittedEmbeds.reduce((sum, embed) => sum + embedLength(embed), 0) <= L.embedTotal) return fittedEmbeds;
  const embeds = fittedEmbeds.map((embed): Obj => ({ ...embed, ...(Array.isArray(embed.fields) ? { fields: (embed.fields as Obj[]).map((field) => ({ ...field })) } : {}) }));
  const pieces = () => embeds.flatMap((embed) => [
    { get: () => embed.description, set: (v: string) => (embed.description = v) },
    ...((embed.fields as Obj[] | undefined) ?? []).map((field) => ({ get: () => field.value, set: (v: string) => (field.value = v) })),
    { get: () => embed.title, set: (v: string) => (embed.title = v) },
  ]);
  const total = () => embeds.reduce((sum, embed) => sum + embedLength(embed), 0);
  for (let excess = total() - L.embedTotal; excess > 0; excess = total() - L.embedTotal) {
    const longest = pieces().filter((piece) => typeof piece.get() === 'string').sort((a, b) => String(b.get()).length - String(a.get()).length)[0];
    if (!longest) break;
    const current = String(longest.get());
    longest.set(clipText(current, Math.max(1, current.length - excess)));
    if (current.length <= 1) break;
  }
  return embeds;
}

function embedLength(embed: Obj): number {
  const len = (value: unknown) => (typeof value === 'string' ? value.length : 0);
  const fields = (embed.fields as Obj[] | undefined) ?? [];
  return len(embed.title) + len(embed.description) + len((embed.footer as Obj | undefined)?.text) + len((embed.author as Obj | undefined)?.name)
    + fields.reduce((sum, field) => sum + len(field.name) + len(field.value), 0);
}

/** Labels, placeholders and option texts of buttons, selects, text inputs and text displays, at any depth. */
function fitComponents(components: unknown): unknown {
  return Array.isArray(components) ? mapFitted(components, fitComponent) : components;
}

function fitComponent(component: unknown): unknown {
  if (!isObj(component)) return component;
  const patch: Obj = {};
  switch (component.type) {
    case 2: patch.label = text(component.label, L.buttonLabel); break;
    case 4:
      patch.label = text(component.label, L.textInputLabel);
      patch.placeholder = text(component.placeholder, L.textInputPlaceholder);
      patch.value = text(component.value, L.textInputValue);
      break;
    case 10: patch.content = text(component.content, L.textDisplay); break;
    case 3: case 5: case 6: case 7: case 8:
      patch.placeholder = text(component.placeholder, L.selectPlaceholder);
      if (Array.isArray(component.options)) {
        patch.options = mapFitted(objectsWithin(component.options, Infinity), (option) => patched(option, {
          label: text(option.label, L.selectOptionLabel), description: text(option.description, L.selectOptionDescription),
        }));
      }
      break;
  }
  if ('components' in component) patch.components = fitComponents(component.components);
  if (isObj(component.component)) patch.component = fitComponent(component.component);
  return patched(component, patch);
}

function text(value: unknown, max: number): unknown {
  return typeof value === 'string' ? clipText(value, max) : value;
}

/** `object` with `patch` applied (keys set to undefined dropped), or `object` itself when no value changes. */
function patched(object: Obj, patch: Obj): Obj {
  for (const key in patch) {
    if (patch[key] !== object[key]) return Object.fromEntries(Object.entries({ ...object, ...patch }).filter(([, value]) => value !== undefined));
  }
  return object;
}

/** `items.map(fit)`, or `items` itself when `fit` returned every item unchanged. */
function mapFitted<T>(items: readonly T[], fit: (item: T) => T): readonly T[] {
  let copy: T[] | null = null;
  items.forEach((item, index) => {
    const fitted = fit(item);
    if (fitted !== item && copy === null) copy = items.slice(0, index);
    copy?.push(fitted);
  });
  return copy ?? items;
}

/** The first `max` items that are objects (`items` itself when that is all of them). */
function objectsWithin(items: readonly unknown[], max: number): readonly Obj[] {
  return items.length <= max && items.every(isObj) ? (items as readonly Obj[]) : items.slice(0, max).filter(isObj);
}
