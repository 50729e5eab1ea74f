import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17–20 digits)');
const optionalText = z.string().trim().min(1).optional().catch(undefined);
const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

const fields = z.object({
  DISCORD_TOKEN: z.string({ error: 'is required' }).trim().min(1, 'is required'),
  DISCORD_APPLICATION_ID: snowflake,
  DISCORD_GUILD_ID: z.preprocess(emptyAsUndefined, snowflake.optional()),
  DATABASE_PATH: z.preprocess(emptyAsUndefined, z.string().default('data/quizbot.db')),
  DISCORD_API_URL: z.preprocess(emptyAsUndefined, z.url({ error: 'must be a URL like http://127.0.0.1:8080/api' }).optional()),
  LOG_LEVEL: z.preprocess(emptyAsUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
  INTERACTION_RATE_LIMIT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).default(10)),
  BOT_TIMEZONE: z.preprocess(
    emptyAsUndefined,
    z.string().default('Asia/Seoul').refine(isTimeZone, 'must be an IANA time zone such as Asia/Seoul'),
  ),
  DOCKER_HOST: z.preprocess(
    emptyAsUndefined,
    z.string().regex(/^(unix|tcp|ssh|https?):\/\/\S+$/, 'must look like unix:///var/run/docker.sock, tcp://host:2376 or ssh://user@host').optional(),
  ),
  DOCKER_CERT_PATH: z.preprocess(emptyAsUndefined, z.string().optional()),
  LAB_BIND_ADDRESS: z.preprocess(emptyAsUndefined, z.union([z.ipv4(), z.ipv6()], { error: 'must be an IP address such as 127.0.0.1' }).default('127.0.0.1')),
  LAB_ALLOW_PUBLIC_BIND: z.preprocess(emptyAsUndefined, z.enum(['true', 'false'], { error: 'must be true or false' }).default('false')),
  LAB_PUBLIC_HOST: z.preprocess(emptyAsUndefined, z.string().default('localhost')),
  LAB_PORT_RANGE: z.preprocess(
    emptyAsUndefined,
    z.string().default('20000-20999').refine(isPortRange, 'must look like 20000-20999'),
  ),
  LAB_ALLOWED_IMAGES: z.preprocess(emptyAsUndefined, z.string().default('httpd:latest,nginx:latest')),
  LAB_TTL_SECS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(60).default(7200)),
  LAB_INSTANCE: z.preprocess(emptyAsUndefined, z.string().regex(/^[a-z0-9][a-z0-9-]{0,19}$/, 'must be lowercase letters, digits and dashes (≤ 20)').default('main')),
  SSH_AUTH_SOCK: z.preprocess(emptyAsUndefined, z.string().optional()),
  INTERVIEW_LLM_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
  INTERVIEW_LLM_MODEL: optionalText,
  INTERVIEW_LLM_API_KEY: optionalText,
  INTERVIEW_LLM_TIMEOUT_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(100).default(8000)),
  HTTP_PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65535).optional()),
  HTTP_HOST: z.preprocess(emptyAsUndefined, z.string().default('127.0.0.1')),
  BACKUP_DIR: z.preprocess(emptyAsUndefined, z.string().optional()),
  BACKUP_EVERY_HOURS: z.preprocess(emptyAsUndefined, z.coerce.number().min(0).default(24)),
  BACKUP_KEEP: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).default(7)),
  SHUTDOWN_DRAIN_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(60_000).default(5000)),
  NODE_ENV: z.preprocess(emptyAsUndefined, z.string().optional()),
  PAYLOAD_VALIDATION: z.preprocess(emptyAsUndefined, z.enum(['on', 'off'], { error: 'must be on or off' }).optional()),
});

const schema = fields.superRefine((env, ctx) => {
  // Learners' published ports on every interface of a shared host are a risk worth one explicit line.
  if ((env.LAB_BIND_ADDRESS === '0.0.0.0' || env.LAB_BIND_ADDRESS === '::') && env.LAB_ALLOW_PUBLIC_BIND !== 'true') {
    ctx.addIssue({ code: 'custom', path: ['LAB_BIND_ADDRESS'], message: `${env.LAB_BIND_ADDRESS} publishes learners' ports on every interface; set LAB_ALLOW_PUBLIC_BIND=true if that is intended` });
  }
});

/** The keys `npm run backup` and `npm run restore` need (no Discord token). */
const backupSchema = fields.pick({ DATABASE_PATH: true, BACKUP_DIR: true, BACKUP_EVERY_HOURS: true, BACKUP_KEEP: true });

/** How to fix each key, shown next to its problem. */
const fixes: Record<string, string> = {
  DISCORD_TOKEN: 'copy the bot token from the Developer Portal (Bot → Reset Token)',
  DISCORD_APPLICATION_ID: 'copy the Application ID from the Developer Portal (General Information)',
  DISCORD_GUILD_ID: 'right-click your server → Copy Server ID, or leave it empty for global commands',
};

export type AppConfig = ReturnType<typeof toAppConfig>;

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example for every setting.`);
    this.name = 'ConfigError';
  }
}

/** The process environment, after loading `.env` from the working directory when there is one. */
export function readEnvironment(): Record<string, string | undefined> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  return process.env;
}

/** Parses the environment; throws one ConfigError naming every missing or invalid key. */
export function loadConfig(env: Record<string, string | undefined> = readEnvironment()) {
  return toAppConfig(parseOrThrow(schema, env));
}

/** Only the database and backup settings, for the backup and restore commands. */
export function loadBackupConfig(env: Record<string, string | undefined> = readEnvironment()) {
  const parsed = parseOrThrow(backupSchema, env);
  return { databasePath: parsed.DATABASE_PATH, backup: backupSettings(parsed) };
}

function parseOrThrow<S extends z.ZodType>(keys: S, env: Record<string, string | undefined>): z.infer<S> {
  const parsed = keys.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? '?');
      const message = issue.code === 'invalid_type' && env[key] === undefined ? 'is required' : issue.message;
      return `${key} ${message}${fixes[key] ? ` (${fixes[key]})` : ''}`;
    });
    throw new ConfigError(problems);
  }
  return parsed.data;
}

/** Backups go next to the database unless BACKUP_DIR says otherwise. */
function backupSettings(env: z.infer<typeof backupSchema>) {
  return {
    dir: env.BACKUP_DIR ?? join(dirname(env.DATABASE_PATH), 'backups'),
    everyHours: env.BACKUP_EVERY_HOURS,
    keep: env.BACKUP_KEEP,
  };
}

function toAppConfig(env: z.infer<typeof schema>) {
  const [portMin, portMax] = env.LAB_PORT_RANGE.split('-').map(Number) as [number, number];
  return {
    discordToken: env.DISCORD_TOKEN,
    applicationId: env.DISCORD_APPLICATION_ID,
    guildId: env.DISCORD_GUILD_ID,
    databasePath: env.DATABASE_PATH,
    discordApiUrl: env.DISCORD_API_URL,
    logLevel: env.LOG_LEVEL,
    /** Interactions one learner may send per 5 s before a friendly "too fast". */
    interactionsPer5s: env.INTERACTION_RATE_LIMIT,
    timeZone: env.BOT_TIMEZONE,
    lab: {
      dockerHost: env.DOCKER_HOST,
      dockerCertPath: env.DOCKER_CERT_PATH,
      bindAddress: env.LAB_BIND_ADDRESS,
      publicHost: env.LAB_PUBLIC_HOST,
      portRange: { min: portMin, max: portMax },
      allowedImages: env.LAB_ALLOWED_IMAGES.split(',').map((s) => s.trim()).filter(Boolean),
      ttlSecs: env.LAB_TTL_SECS,
      instance: env.LAB_INSTANCE,
      sshAgentSocket: env.SSH_AUTH_SOCK,
    },
    interviewLlm: env.INTERVIEW_LLM_URL && env.INTERVIEW_LLM_MODEL
      ? { url: env.INTERVIEW_LLM_URL, model: env.INTERVIEW_LLM_MODEL, apiKey: env.INTERVIEW_LLM_API_KEY, timeoutMs: env.INTERVIEW_LLM_TIMEOUT_MS }
      : undefined,
    http: env.HTTP_PORT === undefined ? undefined : { host: env.HTTP_HOST, port: env.HTTP_PORT },
    backup: backupSettings(env),
    /** How long SIGTERM waits for interactions in progress before closing anyway. */
    shutdownDrainMs: env.SHUTDOWN_DRAIN_MS,
    /**
     * Whether discord.js builders check every call (setTitle, setColor…). Off in production, where the
     * same checks cost time on every interaction; the tests and the stand-in check the payloads.
     */
    payloadValidation: (env.PAYLOAD_VALIDATION ?? (env.NODE_ENV === 'production' ? 'off' : 'on')) === 'on',
  };
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function isPortRange(range: string): boolean {
  const match = /^(\d{2,5})-(\d{2,5})$/.exec(range);
  if (!match) return false;
  const [min, max] = [Number(match[1]), Number(match[2])];
  return min >= 1024 && max <= 65535 && min < max;
}
