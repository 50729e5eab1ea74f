import type { InteractionHandle, Standin, StandinChannel, StandinGuild, StandinMessage, StandinUser } from '../../src/standin/index.ts';
import { seededRandom } from '../../src/domain/random.ts';
import { buttonsOf } from '../../src/standin/index.ts';
import { reviewButtons } from '../../test/helpers/review-driver.ts';
import type { Target } from './child.ts';

/** The button a learner clicks next on what the bot showed: the coach's skip/next, the echo's only button. */
function nextButton(target: Target, screen: StandinMessage): string | null {
  if (target === 'echo') return buttonsOf(screen).find((button) => button.customId && !button.disabled)?.customId ?? null;
  const buttons = reviewButtons(screen).filter((button) => !button.disabled);
  return (buttons.find((button) => button.action === 'skip') ?? buttons.find((button) => button.action === 'next'))?.customId ?? null;
}

export type Sample = { slice: number; latencyMs: number };

/**
 * Learners of one target: each runs `/review`, then clicks the buttons the bot sent back, with a seeded
 * think time before each interaction, only while its target's slice is active. Records the time from
 * sending each interaction to the bot's first callback.
 */
export function createLearners(options: {
  target: Target; standin: Standin; guild: StandinGuild; channel: StandinChannel; users: readonly StandinUser[];
  thinkMs: { min: number; max: number }; seed: number;
}) {
  const { target, standin, guild, channel } = options;
  const random = seededRandom(options.seed);
  const samples: Sample[] = [];
  const failures: string[] = [];
  let slice = -1;
  let active = false;
  let done = false;
  let wake: (() => void)[] = [];
  const whenActive = () => (active || done ? Promise.resolve() : new Promise<void>((resolve) => wake.push(resolve)));
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const think = () => options.thinkMs.min + random() * (options.thinkMs.max - options.thinkMs.min);

  const loop = async (user: StandinUser) => {
    let screen: StandinMessage | null = null;
    while (!done) {
      await whenActive();
      await sleep(think());
      if (!active || done) continue;
      const inSlice = slice;
      const customId = screen ? nextButton(target, screen) : null;
      const started = performance.now();
      try {
        const handle: InteractionHandle = screen && customId
          ? await standin.clickButton({ user, message: screen, customId })
          : await standin.sendChatInput({ user, guild, channel, name: 'review', options: { deck: 'docker-commands' } });
        try {
          await handle.reply(3000);
        } catch (error) {
          // No answer within Discord's 3 s: the learner would see "This interaction failed".
          if (inSlice >= 0) failures.push(error instanceof Error ? error.message.split('\n')[0]! : String(error));
          screen = null;
          continue;
        }
        samples.push({ slice: inSlice, latencyMs: performance.now() - started });
        screen = await handle.finalMessage(5000);
      } catch {
        // The answer came but the screen did not follow (or the interaction could not be sent): start over.
        screen = null;
      }
    }
  };
  const running = options.users.map((user) => loop(user));

  return {
    samples,
    failures,
    /** Starts a slice: learners act until `pause()`. */
    resume(sliceIndex: number) {
      slice = sliceIndex;
      active = true;
      for (const resolve of wake) resolve();
      wake = [];
    },
    pause() {
      active = false;
    },
    async finish() {
      done = true;
      active = false;
      for (const resolve of wake) resolve();
      wake = [];
      await Promise.allSettled(running);
    },
  };
}
