import { loadBackupConfig } from '../config.ts';
import { restoreDatabase } from './restore.ts';

// `npm run restore -- <backup file>`: with the bot stopped, replaces DATABASE_PATH with a verified backup.
const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: npm run restore -- <backup file>\n');
  process.exit(2);
}
try {
  const config = loadBackupConfig();
  const kept = restoreDatabase(file, config.databasePath, new Date());
  process.stdout.write(`restored ${config.databasePath} from ${file}${kept ? ` (the replaced database is kept as ${kept})` : ''}\n`);
} catch (error) {
  process.stderr.write(`restore failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
