import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type JSONEncodable,
} from 'discord.js';
import { discordLimits } from '../domain/limits.ts';
import { clip } from './format.ts';

/*
 * Message components as plain Discord JSON (discord-api-types), for renderers on the hot path: a
 * builder validates and copies on every call even with validation off, while these are the objects
 * Discord receives. The stand-in checks their shape and limits in every test.
 */

export type ButtonColor = ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success | ButtonStyle.Danger;
export type MessageRow = APIActionRowComponent<APIComponentInMessageActionRow>;

/** A button with a custom id; its label is clipped to Discord's limit, `disabled` is sent only when given. */
export function jsonButton(customId: string, label: string, style: ButtonColor = ButtonStyle.Secondary, disabled?: boolean): APIButtonComponentWithCustomId {
  const button: APIButtonComponentWithCustomId = { type: ComponentType.Button, custom_id: customId, label: clip(label, discordLimits.buttonLabel), style };
  if (disabled !== undefined) button.disabled = disabled;
  return button;
}

/** One action row holding `components`. */
export function jsonRow(components: APIComponentInMessageActionRow[]): MessageRow {
  return { type: ComponentType.ActionRow, components };
}

/** Buttons laid out in as many rows as Discord's five per row need. */
export function jsonButtonRows(buttons: APIButtonComponentWithCustomId[]): MessageRow[] {
  const rows: MessageRow[] = [];
  for (let at = 0; at < buttons.length; at += discordLimits.buttonsPerRow) rows.push(jsonRow(buttons.slice(at, at + discordLimits.buttonsPerRow)));
  return rows;
}

/**
 * Marks plain Discord JSON so that discord.js sends it as it is. discord.js passes every component,
 * embed and modal that is not JSON-encodable through its `jsonTransformer`, a deep key-by-key
 * snake-casing with lodash (regular expressions per key: ~0.08 ms of CPU per review screen under
 * load); ours already carry Discord's keys.
 */
export function sentAsIs<T extends object>(json: T): JSONEncodable<T> {
  return { toJSON: () => json };
}

/** A message payload of plain JSON embeds and rows, each marked with `sentAsIs`. */
export function messageSentAsIs<P extends { embeds: APIEmbed[]; components: MessageRow[] }>(payload: P) {
  return { ...payload, embeds: payload.embeds.map(sentAsIs), components: payload.components.map(sentAsIs) };
}
