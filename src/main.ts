import { startBot } from './bot.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { armExitDeadline } from './ops/exit-deadline.ts';

/** Time after the drain for the rest of the shutdown (gateway, timers, database) before the hard kill. */
const closeGraceMs = 3000;

// The composition root: config → bot (db, migrations, content, lab, services, Discord) → signals.
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  // A stray rejection (e.g. a Discord call that failed after its answer was sent) is logged, not fatal.
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
  const bot = await startBot(config, { logger });
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) {
      // A second signal: the operator does not want to wait.
      process.exit(1);
    }
    stopping = true;
    armExitDeadline(config.shutdownDrainMs + closeGraceMs);
    logger.info({ signal, drainMs: config.shutdownDrainMs }, 'shutting down');
    bot.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`Fatal: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
