import { flattenComponents, type StandinMessage } from '../standin/index.ts';

/** A numbered thing the person can act on: a button to press or a select menu to pick from. */
export type ConsoleAction =
  | { kind: 'button'; customId: string; label: string; disabled: boolean }
  | { kind: 'select'; customId: string; label: string; options: Array<{ label: string; value: string }>; minValues: number; maxValues: number; disabled: boolean };

export interface RenderContext {
  authorName(userId: string): string;
  /** Who an ephemeral message is for, as the header says it ("you", "bob"). */
  viewerName?(userId: string): string;
  userName(userId: string): string | undefined;
  channelName(channelId: string): string | undefined;
}

export interface RenderedMessage {
  readonly lines: string[];
  readonly actions: ConsoleAction[];
}

type Obj = Record<string, unknown>;
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Discord markup that reads badly in a terminal: mentions, channel links, timestamps, custom emoji. */
export function plainText(text: string, context: RenderContext): string {
  return text
    .replace(/<@!?(\d+)>/g, (_, id: string) => `@${context.userName(id) ?? id}`)
    .replace(/<#(\d+)>/g, (_, id: string) => `#${context.channelName(id) ?? id}`)
    .replace(/<t:(\d+)(?::[tTdDfFR])?>/g, (_, secs: string) => readableTime(Number(secs) * 1000))
    .replace(/<a?:(\w+):\d+>/g, ':$1:');
}

/** A message as readable text, with its buttons and select menus numbered from 1. */
export function renderMessage(message: StandinMessage, context: RenderContext, header: string): RenderedMessage {
  const lines = [header];
  const indent = (text: string, prefix = '  ') => plainText(text, context).split('\n').map((line) => `${prefix}${line}`);
  if (message.content) lines.push(...indent(message.content));
  for (const embed of message.embeds) {
    const bar = '  ┃ ';
    if (embed.author?.name) lines.push(...indent(embed.author.name, bar));
    if (embed.title) lines.push(...indent(`【${embed.title}】`, bar));
    if (embed.description) lines.push(...indent(embed.description, bar));
    for (const field of embed.fields ?? []) lines.push(...indent(`${field.name}: ${field.value}`, bar));
    if (embed.footer?.text) lines.push(...indent(`— ${embed.footer.text}`, bar));
  }
  for (const attachment of message.attachments) lines.push(`  📎 ${attachment.filename} (${attachment.size} bytes) ${attachment.url}`);

  const actions: ConsoleAction[] = [];
  const buttonLine: string[] = [];
  const flush = () => {
    if (buttonLine.length > 0) lines.push(`  ${buttonLine.join('  ')}`);
    buttonLine.length = 0;
  };
  for (const component of flattenComponents(message.components)) {
    if (component.type === 10) {
      flush();
      lines.push(...indent(str(component.content)));
    } else if (component.type === 2) {
      const label = [emojiOf(component.emoji), str(component.label)].filter(Boolean).join(' ') || '(button)';
      if (component.style === 5) {
        buttonLine.push(`[link] ${label} → ${str(component.url)}`);
        continue;
      }
      const disabled = component.disabled === true;
      actions.push({ kind: 'button', customId: str(component.custom_id), label, disabled });
      buttonLine.push(disabled ? `[${actions.length}] ${label} (disabled)` : `[${actions.length}] ${label}`);
    } else if (component.type === 3) {
      flush();
      const options = (Array.isArray(component.options) ? (component.options as Obj[]) : []).map((option) => ({ label: str(option.label), value: str(option.value) }));
      const minValues = typeof component.min_values === 'number' ? component.min_values : 1;
      const maxValues = typeof component.max_values === 'number' ? component.max_values : 1;
      const label = str(component.placeholder) || 'choose';
      actions.push({ kind: 'select', customId: str(component.custom_id), label, options, minValues, maxValues, disabled: component.disabled === true });
      const many = maxValues > 1 ? ` (pick ${minValues}-${maxValues})` : '';
      lines.push(`  [${actions.length}] ▾ ${label}${many}: ${options.map((option, index) => `${index + 1}) ${option.label}`).join('  ')}`);
    }
  }
  flush();
  if (message.reactions.length > 0) lines.push(`  ${message.reactions.map((r) => `${r.emoji} ${r.userIds.length}`).join('  ')}`);
  return { lines, actions };
}

function emojiOf(value: unknown): string {
  if (typeof value !== 'object' || value === null) return '';
  const emoji = value as Obj;
  return emoji.id ? `:${str(emoji.name)}:` : str(emoji.name);
}

/** The header line: who wrote it and how it is shown. */
export function headerFor(message: StandinMessage, context: RenderContext, kind: 'created' | 'updated'): string {
  const viewer = message.interaction ? (context.viewerName?.(message.interaction.userId) ?? 'you') : 'you';
  const notes = [message.ephemeral ? `only ${viewer} can see this` : '', kind === 'updated' ? 'edited' : ''].filter(Boolean);
  return `${context.authorName(message.authorId)}${notes.length ? ` (${notes.join(', ')})` : ''}:`;
}

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const units: [Intl.RelativeTimeFormatUnit, number][] = [['day', 86_400_000], ['hour', 3_600_000], ['minute', 60_000], ['second', 1000]];

/** A Discord timestamp as a reader sees it: "in 3 hours (2026-12-05 09:00 UTC)". */
export function readableTime(atMs: number, nowMs = Date.now()): string {
  const delta = atMs - nowMs;
  const [unit, size] = units.find(([, ms]) => Math.abs(delta) >= ms) ?? units.at(-1)!;
  const absolute = new Date(atMs).toISOString().slice(0, 16).replace('T', ' ');
  return `${relative.format(Math.round(delta / size), unit)} (${absolute} UTC)`;
}
