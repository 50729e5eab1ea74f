import { statSync } from 'node:fs';
import { Status, type Client } from 'discord.js';
import type { Logger } from 'pino';
import type { AppConfig } from '../config.ts';
import { createMetaRepository } from '../db/meta-repository.ts';
import type { OpenedDatabase } from '../db/open-database.ts';
import type { LabDriver } from '../lab/lab-driver.ts';
import { newestBackupAgeSecs } from './backup-files.ts';
import { scheduleBackups } from './backup-schedule.ts';
import { checkHealth } from './health.ts';
import type { OpsServer } from './http-server.ts';
import type { observeDiscord, InteractionSettled } from './observe-discord.ts';

/**
 * Running the bot as a service: metrics, the optional health/metrics HTTP listener and scheduled
 * backups. `observe` is the router's observer; `attach` starts watching the client and listening.
 * Metrics exist only with the listener (HTTP_PORT): nobody could read them otherwise, and
 * prom-client is then never loaded.
 */
export function createOps(config: AppConfig, deps: { database: OpenedDatabase; labDriver: LabDriver | undefined; logger: Logger }) {
  const { database, logger, labDriver } = deps;
  const roundCounts = database.sqlite.prepare(
    'select count(*) filter (where closed_at_ms is null) open, count(*) filter (where closed_at_ms is not null) closed from quiz_rounds',
  );
  const meta = createMetaRepository(database.db);
  const stopBackups = scheduleBackups(database.sqlite, config.backup, { logger, now: () => new Date() });
  let observer: ReturnType<typeof observeDiscord> | undefined;
  let server: OpsServer | undefined;

  return {
    observe(event: InteractionSettled): void {
      observer?.settled(event);
    },
    /** Starts watching the client and, when HTTP_PORT is set, listening; resolves with the bound port. */
    async attach(client: Client): Promise<number | undefined> {
      if (!config.http) return undefined;
      const [{ createMetrics }, { observeDiscord }, { startOpsServer }] = await Promise.all([
        import('./metrics.ts'), import('./observe-discord.ts'), import('./http-server.ts'),
      ]);
      const metrics = createMetrics({
        quizRounds: () => roundCounts.get() as { open: number; closed: number },
        labContainers: async () =>
          labDriver ? labDriver.listLabContainers().then((all) => all.filter((c) => c.instance === labDriver.instance).length, () => undefined) : undefined,
        databaseBytes: () => ({ db: fileSize(config.databasePath), wal: fileSize(`${config.databasePath}-wal`) }),
        backupAgeSecs: () => newestBackupAgeSecs(config.backup.dir, Date.now()),
      });
      observer = observeDiscord(client, metrics);
      server = await startOpsServer({
        host: config.http.host,
        port: config.http.port,
        registry: metrics.registry,
        logger,
        health: () => checkHealth({
          // The manager's own status stays Ready while a shard reconnects; each shard's does not.
          gatewayConnected: () => client.ws.shards.size > 0 && client.ws.shards.every((shard) => shard.status === Status.Ready),
          writeDatabase: () => meta.set('health.checked_at', new Date().toISOString()),
          pingLab: labDriver ? () => labDriver.ping() : undefined,
        }),
      });
      return server.port;
    },
    async stop(): Promise<void> {
      observer?.detach();
      await server?.close();
      await stopBackups();
    },
  };
}
export type Ops = ReturnType<typeof createOps>;

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
