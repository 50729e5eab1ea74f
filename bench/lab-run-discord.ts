/*
 * The Discord leg of bench/lab-run.ts: the real bot (startBot) on a fresh SQLite file, connected to
 * the local Discord stand-in and to the same Docker engine, timed from the slash command to the
 * edit that ends its deferred reply.
 */
import type Docker from 'dockerode';
import type { StandinUser } from '../src/standin/index.ts';
import { startBotHarness, type BotHarness } from '../test/helpers/bot-harness.ts';

/** Has no page-visited step, so the automatic check after each run never reads an access log. */
const exerciseId = 'container-lifecycle';
/** The bot allows 20 lab commands per learner per minute; each bench learner stays well below. */
const commandsPerLearner = 12;
const replyTimeoutMs = 30_000;
const containerIdLine = /^([0-9a-f]{64})$/m;

export type DiscordLab = {
  readonly harness: BotHarness;
  /** Times one `/lab run command:"docker run -d --name <name> -p 8080:80 httpd"`, then removes the container. */
  timeRun(iteration: number, name: string): Promise<number>;
};

/**
 * Starts the bot with the lab on `instance`, adds enough learners to stay under the per-learner rate
 * limit for `iterations` runs, and gives each an active exercise and httpd in their image view.
 */
export async function startDiscordLab(options: { docker: Docker; dockerHost: string; instance: string; portRange: string; iterations: number }): Promise<DiscordLab> {
  const { docker } = options;
  const harness = await startBotHarness({ env: { DOCKER_HOST: options.dockerHost, LAB_INSTANCE: options.instance, LAB_PORT_RANGE: options.portRange } });
  try {
    const { standin, guild, channel } = harness;
    const learners: StandinUser[] = [];
    const learnerCount = Math.max(1, Math.ceil(options.iterations / commandsPerLearner));
    for (let k = 0; k < learnerCount; k++) {
      const user = standin.createUser({ username: `bench${k}`, locale: 'ko' });
      standin.addMember(guild, user);
      learners.push(user);
    }

    const lab = async (user: StandinUser, subcommand: string, commandOptions: Record<string, string>) => {
      const handle = await standin.sendChatInput({ user, guild, channel, name: 'lab', subcommand, locale: 'ko', options: commandOptions });
      return handle.finalMessage(replyTimeoutMs);
    };
    // Outside the measurements: the exercise screen, and the first pull notes of each learner.
    for (const user of learners) {
      await lab(user, 'start', { exercise: exerciseId });
      await lab(user, 'run', { command: 'docker pull httpd' });
    }

    return {
      harness,
      async timeRun(iteration, name) {
        const user = learners[iteration % learners.length]!;
        const start = performance.now();
        const handle = await standin.sendChatInput({ user, guild, channel, name: 'lab', subcommand: 'run', locale: 'ko', options: { command: `docker run -d --name ${name} -p 8080:80 httpd` } });
        const message = await handle.finalMessage(replyTimeoutMs);
        const elapsedMs = performance.now() - start;
        const id = containerIdLine.exec(message.content)?.[1];
        if (!id) throw new Error(`/lab run did not print a container id:\n${message.content}`);
        // The driver side, so removals never count against the learner's command rate limit.
        await docker.getContainer(id).remove({ force: true });
        return elapsedMs;
      },
    };
  } catch (error) {
    await harness.close();
    throw error;
  }
}
