import { disableValidators, enableValidators } from 'discord.js';

/**
 * The one switch for discord.js builder validation (`setTitle`, `setColor`, `addFields`… check their
 * arguments on every call). Production turns it off: renderers build the same payloads every time,
 * the tests run with it on, and the stand-in checks every payload's shape and limits as Discord does
 * (`fitPayloadsToDiscordLimits` still shortens what is too long).
 */
export function setPayloadValidation(on: boolean): void {
  if (on) enableValidators();
  else disableValidators();
}
