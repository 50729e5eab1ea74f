import { createInterface } from 'node:readline';
import { parseArgs, usage } from './args.ts';
import { ConsoleSession } from './session.ts';

// `npm run console`: the real bot against a local stand-in for Discord, driven from this terminal
// (or from a pipe: `printf '/help\nquit\n' | npm run console`).
async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if ('problem' in args) {
    process.stderr.write(`${args.problem}\n\n${usage}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const interactive = Boolean(process.stdin.isTTY);
  const out = (text: string) => process.stdout.write(`${text}\n`);
  out('Starting the bot against a local stand-in for Discord…');
  // Imported only now so the line above shows at once; loading the whole bot takes a few seconds.
  const { startConsoleWorld } = await import('./bootstrap.ts');
  const world = await startConsoleWorld(args);
  const role = args.preview ? ', admin, preview: no daily new-card limit' : args.admin ? ', admin' : ', not an admin (start with --admin for /config)';
  out(`Ready. You are ${world.user.username} (locale ${world.user.locale}${role}) in #${world.channel.name} of "${world.guild.name}".`);
  out(`Database: ${args.db ?? 'temporary'}   Bot log: ${world.logPath}   Type help for commands.`);
  if (world.labAvailable) out(`Lab: instance ${world.labInstance}; its containers and network are removed at quit.`);

  // Created only now: lines typed (or piped) during start-up wait in stdin instead of being lost.
  const rl = createInterface({ input: process.stdin, output: interactive ? process.stdout : undefined, terminal: interactive });
  const lines = rl[Symbol.asyncIterator]();
  // When each line was typed: a button number goes to the message that was newest at that moment.
  const typedAt: number[] = [];
  rl.on('line', () => typedAt.push(Date.now()));
  let atPrompt = false;
  const prompt = () => {
    if (!interactive) return;
    rl.setPrompt('> ');
    rl.prompt();
    atPrompt = true;
  };
  const session = new ConsoleSession({
    standin: world.standin,
    guild: world.guild,
    channel: world.channel,
    user: world.user,
    io: {
      write: (text) => {
        // Output that arrives while the prompt waits (a quiz round ending) must not garble it.
        if (atPrompt) process.stdout.write('\r\x1b[K');
        out(text);
        if (atPrompt) rl.prompt(true);
      },
      ask: async (question) => {
        if (interactive) {
          rl.setPrompt(question);
          rl.prompt();
        } else {
          process.stdout.write(question);
        }
        const next = await lines.next();
        typedAt.shift();
        if (next.done) return null;
        if (!interactive) out(next.value);
        return next.value;
      },
    },
  });
  session.start();
  let interrupted = false;
  const interrupt = () => {
    interrupted = true;
    rl.close();
  };
  rl.on('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  if (!interactive) process.once('SIGINT', interrupt);

  try {
    for (;;) {
      prompt();
      const next = await lines.next();
      atPrompt = false;
      if (next.done || interrupted) break;
      if (!interactive) out(`> ${next.value}`);
      if ((await session.handle(next.value, typedAt.shift())) === 'quit') break;
    }
  } finally {
    session.stop();
    rl.close();
    out('Stopping…');
    await world.shutdown();
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`Console failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
