// `npm run deploy-commands`: registers the slash commands now, even when they look unchanged
// (e.g. after someone edited them in the Developer Portal).
import { ConfigError, loadConfig } from './config.ts';
import { createMetaRepository } from './db/meta-repository.ts';
import { openDatabase, runMigrations } from './db/open-database.ts';
import { commands } from './discord/commands/index.ts';
import { registerCommands } from './discord/deploy.ts';

try {
  const config = loadConfig();
  const database = openDatabase(config.databasePath);
  runMigrations(database.db);
  const result = await registerCommands(
    { token: config.discordToken, applicationId: config.applicationId, guildId: config.guildId, apiUrl: config.discordApiUrl },
    commands.map((command) => command.data.toJSON()),
    createMetaRepository(database.db),
    { force: true },
  );
  await database.close();
  process.stdout.write(`${result}: ${commands.length} commands ${config.guildId ? `to guild ${config.guildId}` : 'globally'}\n`);
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? error.message : `Could not register commands: ${(error as Error).message}`}\n`);
  process.exit(1);
}
