import type { LabProgressRecord, LabProgressStore } from '../../src/app/lab/lab-progress-store.ts';

/** Lab progress in memory, for service tests that do not need SQLite (the bot uses the SQLite repository). */
export function createInMemoryLabProgressStore(): LabProgressStore {
  const records = new Map<string, LabProgressRecord>();
  const active = new Map<string, string>();
  const key = (guildId: string, userId: string) => `${guildId}:${userId}`;
  return {
    transaction: (work) => work(),
    activeExercise: (guildId, userId) => active.get(key(guildId, userId)),
    setActiveExercise(guildId, userId, exerciseId) {
      if (exerciseId === undefined) active.delete(key(guildId, userId));
      else active.set(key(guildId, userId), exerciseId);
    },
    get: (guildId, userId, exerciseId) => records.get(`${key(guildId, userId)}:${exerciseId}`),
    save(guildId, userId, record) {
      records.set(`${key(guildId, userId)}:${record.exerciseId}`, record);
    },
    list: (guildId, userId) => [...records.entries()].filter(([k]) => k.startsWith(`${key(guildId, userId)}:`)).map(([, r]) => r),
  };
}
