import type { Gateway } from './gateway.ts';
import type { InteractionRegistry } from './interaction-registry.ts';
import type { RecordedCall, StandinUser } from './model.ts';
import type { RateLimits } from './rate-limits.ts';
import type { StandinState } from './state.ts';
import type { ChangeSignal } from './wait.ts';

/** Everything the REST routes, the gateway and the test driver share. Internal to the stand-in. */
export interface StandinCore {
  readonly state: StandinState;
  readonly signal: ChangeSignal;
  readonly gateway: Gateway;
  readonly interactions: InteractionRegistry;
  readonly calls: RecordedCall[];
  readonly rateLimits: RateLimits;
  readonly applicationId: string;
  readonly botUser: StandinUser;
  readonly token: string;
  /** Discord's 3-second window for the first interaction answer; `null` turns the check off. */
  readonly ackDeadlineMs: number | null;
  readonly defaultTimeoutMs: number;
  /** Users whose privacy settings refuse DMs from the bot (sending there fails with 50007). */
  readonly closedDmUserIds: Set<string>;
  /** `http://127.0.0.1:PORT`, known once the server listens. */
  baseUrl(): string;
  nowMs(): number;
  /** Clock of the 15-minute interaction token lifetime (tests may move it). */
  tokenNowMs(): number;
}
