/** Command-line options of `npm run console`. */
export interface ConsoleArgs {
  /** SQLite file to keep progress in; a temporary one (deleted at exit) when absent. */
  db: string | null;
  username: string;
  /** The console user's Discord client language. */
  locale: string;
  /** Give the console user Manage Server (for moderator commands). */
  admin: boolean;
  /** Instructor preview: admin, and no daily limit on new review cards. */
  preview: boolean;
  logLevel: string;
  /** Where the bot's JSON log goes; a file in the temporary folder when absent. */
  logFile: string | null;
  /** Extra configuration keys (`--env LAB_TTL_SECS=600`), applied on top of the console's own. */
  env: Record<string, string>;
  help: boolean;
}

export const usage = `Usage: npm run console -- [options]

Runs the bot against a local stand-in for Discord and lets you use it from this terminal.

Options:
  --db <path>           keep progress in this SQLite file (default: a temporary database)
  --user <name>         your user name (default: learner)
  --locale <ko|en-US>   your Discord language (default: ko)
  --admin               give yourself Manage Server (for /config, /settings new_cards, /quiz stop of others)
  --preview             instructor preview: --admin, and no daily limit on new review cards
  --log-level <level>   bot log level (default: info)
  --log <path>          bot log file (default: bot.log in a temporary folder)
  --env KEY=VALUE       any other configuration key (repeatable), e.g. --env DOCKER_HOST=unix:///var/run/docker.sock
  --help                this text`;

/** The start options in one line, for the console's own `help`. */
export const startOptionsLine = '--db <path>  --user <name>  --locale <ko|en-US>  --admin  --preview  --log-level <level>  --log <path>  --env KEY=VALUE  --help';

export function parseArgs(argv: readonly string[]): ConsoleArgs | { problem: string } {
  const args: ConsoleArgs = { db: null, username: 'learner', locale: 'ko', admin: false, preview: false, logLevel: 'info', logFile: null, env: {}, help: false };
  try {
    for (let i = 0; i < argv.length; i += 1) {
      const flag = argv[i] as string;
      // `--db=x` and `--db x` both work.
      const equals = flag.startsWith('--') ? flag.indexOf('=') : -1;
      const name = equals > 0 ? flag.slice(0, equals) : flag;
      const value = (): string => {
        const next = equals > 0 ? flag.slice(equals + 1) : argv[++i];
        if (next === undefined) throw new Error(`${name} needs a value`);
        return next;
      };
      switch (name) {
        case '--db':
          args.db = value();
          break;
        case '--user':
          args.username = value();
          break;
        case '--locale':
          args.locale = value();
          break;
        case '--admin':
          args.admin = true;
          break;
        case '--preview':
          args.preview = true;
          args.admin = true;
          break;
        case '--log-level':
          args.logLevel = value();
          break;
        case '--log':
          args.logFile = value();
          break;
        case '--env': {
          const pair = value();
          const at = pair.indexOf('=');
          if (at <= 0) throw new Error(`--env wants KEY=VALUE, got "${pair}"`);
          args.env[pair.slice(0, at)] = pair.slice(at + 1);
          break;
        }
        case '--help':
        case '-h':
          args.help = true;
          break;
        default:
          throw new Error(`unknown option ${flag}`);
      }
    }
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
  return args;
}
