import { DiscordAPIError, RESTJSONErrorCodes, type Client } from 'discord.js';
import type { Logger } from 'pino';
import type { AppServices } from '../../app/services.ts';
import { reminderSpacingMs } from '../../domain/remind/reminder-schedule.ts';
import { renderReminderDm } from './render-reminder.ts';

export type ReminderRuntime = {
  /** Sends every reminder due now, one DM per `reminderSpacingMs` (tests call it after moving the clock). */
  tick(): Promise<void>;
  stop(): Promise<void>;
};

const runtimes = new WeakMap<Client, ReminderRuntime>();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Checks reminders every `tickMs` and DMs the learners whose time has come. Sends are spaced so
 * thousands due at 09:00 stay within Discord's request budget; ticks never overlap.
 */
export function attachReminderRuntime(deps: { client: Client; services: AppServices; logger: Logger; tickMs?: number }): ReminderRuntime {
  const { client, services } = deps;
  const logger = deps.logger.child({ area: 'remind' });
  let running: Promise<void> | undefined;
  let stopped = false;

  const send = async (userId: string) => {
    const dm = services.remind.claim(userId);
    if (!dm) return false;
    try {
      const channel = await client.users.createDM(userId);
      await channel.send(renderReminderDm(dm));
    } catch (error) {
      if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.CannotSendMessagesToThisUser) {
        services.remind.refused(userId);
        logger.info({ userId }, 'reminder DM refused; reminder switched off');
      } else {
        // Today's reminder stays claimed: a missed DM is better than a second one.
        logger.warn({ err: error, userId }, 'reminder DM failed');
      }
    }
    return true;
  };

  const runOnce = async () => {
    for (const userId of services.remind.dueLearners()) {
      if (stopped) return;
      if (await send(userId)) await sleep(reminderSpacingMs);
    }
  };
  const tick = () => (running ??= runOnce().catch((error: unknown) => logger.error({ err: error }, 'reminder tick failed')).finally(() => (running = undefined)));

  const interval = setInterval(() => void tick(), deps.tickMs ?? 30_000);
  interval.unref();
  void tick();

  const runtime: ReminderRuntime = {
    tick,
    async stop() {
      stopped = true;
      clearInterval(interval);
      await running;
      runtimes.delete(client);
    },
  };
  runtimes.set(client, runtime);
  return runtime;
}

/** The reminder runtime attached to this client. */
export function reminderRuntimeOf(client: Client): ReminderRuntime {
  const runtime = runtimes.get(client);
  if (!runtime) throw new Error('the reminder runtime is not attached to this client');
  return runtime;
}
