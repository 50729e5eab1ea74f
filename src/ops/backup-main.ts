import Database from 'better-sqlite3';
import { ConfigError, loadBackupConfig } from '../config.ts';
import { backupDatabase } from './backup.ts';
import { pruneBackups } from './backup-files.ts';

// `npm run backup`: one verified online backup of DATABASE_PATH into BACKUP_DIR, while the bot runs or not.
try {
  const config = loadBackupConfig();
  const source = new Database(config.databasePath, { readonly: true, fileMustExist: true });
  try {
    // One step: a consistent snapshot that the running bot's writes cannot restart.
    const result = await backupDatabase(source, config.backup.dir, new Date(), 2 ** 30);
    const pruned = pruneBackups(config.backup.dir, config.backup.keep);
    process.stdout.write(`backup ok: ${result.path} (${result.bytes} bytes, ${Math.round(result.durationMs)} ms, integrity_check ok${pruned.length ? `, ${pruned.length} old removed` : ''})\n`);
  } finally {
    source.close();
  }
} catch (error) {
  process.stderr.write(`backup failed: ${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
