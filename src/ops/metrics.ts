import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Values read when Prometheus scrapes, rather than counted as they happen. */
export type ScrapedSources = {
  /** Quiz rounds stored in the database, by `open` / `closed`. */
  quizRounds(): { open: number; closed: number };
  /** This instance's lab containers on the engine; undefined when the lab is off or the engine is silent. */
  labContainers(): Promise<number | undefined>;
  /** Sizes of the SQLite file and its write-ahead log. */
  databaseBytes(): { db: number; wal: number };
  /** Seconds since the newest verified backup; undefined when there is none. */
  backupAgeSecs(): number | undefined;
};

export type InteractionOutcome = 'ok' | 'user_error' | 'error' | 'refused';

/** Every metric the bot exports, in one registry (not prom-client's global one, so tests can run several bots). */
export function createMetrics(sources: ScrapedSources) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'coach_' });
  const registers = [registry];

  const interactions = new Counter({
    name: 'coach_interactions_total',
    help: 'Interactions handled, by type (command, button, ...), command or component name, and outcome',
    labelNames: ['type', 'name', 'outcome'] as const,
    registers,
  });
  const replyLatency = new Histogram({
    name: 'coach_reply_latency_seconds',
    help: 'From receiving an interaction to Discord accepting its first answer (reply, defer or update)',
    labelNames: ['type'] as const,
    buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5],
    registers,
  });
  const errors = new Counter({
    name: 'coach_errors_total',
    help: 'Incidents answered with a reference, by error class',
    labelNames: ['class'] as const,
    registers,
  });
  const rateLimited = new Counter({
    name: 'coach_discord_rate_limited_total',
    help: 'Discord rate limits (429 or a bucket running dry) met by the REST client, by route and scope',
    labelNames: ['route', 'scope'] as const,
    registers,
  });
  const labCommands = new Counter({
    name: 'coach_lab_commands_total',
    help: '/lab commands, by subcommand and outcome',
    labelNames: ['subcommand', 'outcome'] as const,
    registers,
  });
  new Gauge({
    name: 'coach_quiz_rounds',
    help: 'Quiz rounds stored in the database, by state',
    labelNames: ['state'] as const,
    registers,
    collect() {
      const rounds = sources.quizRounds();
      this.set({ state: 'open' }, rounds.open);
      this.set({ state: 'closed' }, rounds.closed);
    },
  });
  new Gauge({
    name: 'coach_lab_containers',
    help: "This bot's lab containers on the lab engine (absent when the lab is off or silent)",
    registers,
    async collect() {
      const count = await sources.labContainers();
      if (count === undefined) this.reset();
      else this.set(count);
    },
  });
  new Gauge({
    name: 'coach_database_bytes',
    help: 'Size of the SQLite database file and of its write-ahead log',
    labelNames: ['file'] as const,
    registers,
    collect() {
      const sizes = sources.databaseBytes();
      this.set({ file: 'db' }, sizes.db);
      this.set({ file: 'wal' }, sizes.wal);
    },
  });
  new Gauge({
    name: 'coach_backup_age_seconds',
    help: 'Seconds since the newest verified backup (absent when there is none)',
    registers,
    collect() {
      const age = sources.backupAgeSecs();
      if (age === undefined) this.reset();
      else this.set(age);
    },
  });

  return { registry, interactions, replyLatency, errors, rateLimited, labCommands };
}
export type CoachMetrics = ReturnType<typeof createMetrics>;
