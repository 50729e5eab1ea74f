import type { StandinCore } from './core.ts';
import { ApiError } from './http-io.ts';
import type { StandinChannel } from './model.ts';

/** Discord answers 50007 to a message in the DM channel of a user who does not accept DMs from the bot. */
export function requireOpenDms(core: StandinCore, channel: StandinChannel): void {
  if (channel.type === 1 && channel.recipientIds.some((id) => core.closedDmUserIds.has(id))) {
    throw new ApiError(403, 50007, 'Cannot send messages to this user');
  }
}
