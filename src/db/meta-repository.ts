import { eq } from 'drizzle-orm';
import type { Db } from './open-database.ts';
import { botMeta } from './schema/index.ts';

/** Key/value facts about the bot itself. */
export function createMetaRepository(db: Db) {
  return {
    get(key: string): string | undefined {
      return db.select().from(botMeta).where(eq(botMeta.key, key)).get()?.value;
    },
    set(key: string, value: string): void {
      db.insert(botMeta).values({ key, value }).onConflictDoUpdate({ target: botMeta.key, set: { value } }).run();
    },
  };
}
export type MetaRepository = ReturnType<typeof createMetaRepository>;
