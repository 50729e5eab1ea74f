import { createHash } from 'node:crypto';
import { REST, Routes, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';

export type DeployTarget = { token: string; applicationId: string; guildId?: string | undefined; apiUrl?: string | undefined };
export type HashStore = { get(key: string): string | undefined; set(key: string, value: string): void };

/**
 * Registers the command set with one bulk overwrite (guild commands appear at once, global ones
 * within an hour). Skips the call when the same set was already registered to the same place.
 */
export async function registerCommands(
  target: DeployTarget,
  definitions: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[],
  store: HashStore,
  options: { force?: boolean } = {},
): Promise<'registered' | 'unchanged'> {
  const place = target.guildId ? `guild:${target.guildId}` : 'global';
  const key = `commands:${target.applicationId}:${place}`;
  const hash = createHash('sha256').update(JSON.stringify(definitions)).digest('hex');
  if (!options.force && store.get(key) === hash) return 'unchanged';

  const rest = new REST(target.apiUrl ? { api: target.apiUrl } : {}).setToken(target.token);
  const route = target.guildId
    ? Routes.applicationGuildCommands(target.applicationId, target.guildId)
    : Routes.applicationCommands(target.applicationId);
  await rest.put(route, { body: definitions });
  store.set(key, hash);
  return 'registered';
}
