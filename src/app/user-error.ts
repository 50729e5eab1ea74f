import type { MessageKey, MessageParams } from '../i18n/index.ts';

/**
 * A failure the user caused and can fix (wrong input, missing permission, stale button).
 * The Discord error boundary shows it as a localized ephemeral message; nothing is logged as an incident.
 */
export class UserError extends Error {
  constructor(
    readonly code: MessageKey,
    readonly context: MessageParams = {},
  ) {
    super(code);
    this.name = 'UserError';
  }
}
