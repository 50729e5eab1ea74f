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
 */
export function fitPayloadsToDiscordLimits(rest: REST, onFitted: (route: string) => void): void {
  const send = rest.request.bind(rest);
  rest.request = (options) => {
    const body = options.body;
    if (!isObj(body)) return send(options);
    const fitted = options.fullRoute.includes('/callback') ? fitCallback(body) : isMessageRoute(options.fullRoute) ? fitMessage(body) : body;
    if (JSON.stringify(fitted) !== JSON.stringify(body)) onFitted(options.fullRoute.replace(/\/[\w-]{60,}/g, '/<token>'));
    return send({ ...options, body: fitted });
  };
}

function isMessageRoute(route: string): boolean {
  return /\/messages(\/|$)/.test(route) || /^\/webhooks\/\d+\/[^/]+$/.test(route);
}

/** Fits the body of an interaction callback by its type. */
export function fitCallback(body: Obj): Obj {
  const data = body.data;
  if (!isObj(data)) return body;
  const type = body.type;
  if (typeof type === 'number' && messageCallbacks.has(type)) return { ...body, data: fitMessage(data) };
  if (type === choicesCallback && Array.isArray(data.choices)) {
    const choices = data.choices.slice(0, L.optionChoices).filter(isObj).map((choice) => ({
      ...choice,
      name: text(choice.name, L.choiceName),
      value: typeof choice.value === 'string' ? text(choice.value, L.choiceValue) : choice.value,
    }));
    return { ...body, data: { ...data, choices } };
  }
  if (type === modalCallback) return { ...body, data: { ...data, title: text(data.title, L.modalTitle), components: fitComponents(data.components) } };
  return body;
}

/** Fits a message payload: content, embeds (each field and their total) and component labels. */
export function fitMessage(message: Obj): Obj {
  const fitted: Obj = { ...message };
  if (typeof message.content === 'string') fitted.content = clipText(message.content, L.messageContent);
  if (Array.isArray(message.embeds)) fitted.embeds = fitEmbedTotal(message.embeds.slice(0, L.embedsPerMessage).filter(isObj).map(fitEmbed));
  if (Array.isArray(message.components)) fitted.components = fitComponents(message.components);
  return fitted;
}

function fitEmbed(embed: Obj): Obj {
  const fitted: Obj = { ...embed, title: text(embed.title, L.embedTitle), description: text(embed.description, L.embedDescription) };
  if (isObj(embed.footer)) fitted.footer = { ...embed.footer, text: text(embed.footer.text, L.embedFooterText) };
  if (isObj(embed.author)) fitted.author = { ...embed.author, name: text(embed.author.name, L.embedAuthorName) };
  if (Array.isArray(embed.fields)) {
    fitted.fields = embed.fields.slice(0, L.embedFields).filter(isObj).map((field) => ({
      ...field, name: text(field.name, L.embedFieldName), value: text(field.value, L.embedFieldValue),
    }));
  }
  return dropUndefined(fitted);
}

/** Discord also caps the sum of every embed text in a message: cut the longest texts until it fits. */
function fitEmbedTotal(embeds: Obj[]): Obj[] {
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
  if (!Array.isArray(components)) return components;
  return components.map((component) => {
    if (!isObj(component)) return component;
    const fitted: Obj = { ...component };
    switch (component.type) {
      case 2: fitted.label = text(component.label, L.buttonLabel); break;
      case 4:
        fitted.label = text(component.label, L.textInputLabel);
        fitted.placeholder = text(component.placeholder, L.textInputPlaceholder);
        fitted.value = text(component.value, L.textInputValue);
        break;
      case 10: fitted.content = text(component.content, L.textDisplay); break;
      case 3: case 5: case 6: case 7: case 8:
        fitted.placeholder = text(component.placeholder, L.selectPlaceholder);
        if (Array.isArray(component.options)) {
          fitted.options = component.options.filter(isObj).map((option) => dropUndefined({
            ...option, label: text(option.label, L.selectOptionLabel), description: text(option.description, L.selectOptionDescription),
          }));
        }
        break;
    }
    if ('components' in component) fitted.components = fitComponents(component.components);
    if (isObj(component.component)) fitted.component = (fitComponents([component.component]) as unknown[])[0];
    return dropUndefined(fitted);
  });
}

function text(value: unknown, max: number): unknown {
  return typeof value === 'string' ? clipText(value, max) : value;
}

function dropUndefined(object: Obj): Obj {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}
