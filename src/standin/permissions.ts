/**
 * Permission bits the stand-in needs by name. Tests may pass any bigint (for example discord.js's
 * `PermissionFlagsBits.ManageGuild`); these names only keep the stand-in free of the client library.
 */
export const Permission = {
  CreateInstantInvite: 1n << 0n,
  KickMembers: 1n << 1n,
  BanMembers: 1n << 2n,
  Administrator: 1n << 3n,
  ManageChannels: 1n << 4n,
  ManageGuild: 1n << 5n,
  AddReactions: 1n << 6n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  ManageMessages: 1n << 13n,
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
  ReadMessageHistory: 1n << 16n,
  MentionEveryone: 1n << 17n,
  UseExternalEmojis: 1n << 18n,
  ChangeNickname: 1n << 26n,
  ManageRoles: 1n << 28n,
  UseApplicationCommands: 1n << 31n,
  SendMessagesInThreads: 1n << 38n,
  ModerateMembers: 1n << 40n,
} as const;

/** Every permission bit Discord defines today (and a few spare), as an administrator has them. */
export const allPermissions = (1n << 53n) - 1n;

/** What @everyone gets in a new server: chat, react, read history, use commands. */
export const defaultEveryonePermissions =
  Permission.CreateInstantInvite |
  Permission.AddReactions |
  Permission.ViewChannel |
  Permission.SendMessages |
  Permission.EmbedLinks |
  Permission.AttachFiles |
  Permission.ReadMessageHistory |
  Permission.UseExternalEmojis |
  Permission.ChangeNickname |
  Permission.UseApplicationCommands |
  Permission.SendMessagesInThreads;

/** What the bot's own managed role gets unless a test says otherwise. */
export const defaultBotPermissions =
  defaultEveryonePermissions | Permission.ManageMessages | Permission.MentionEveryone;

/** Administrator implies every permission, as on Discord. */
export function effectivePermissions(granted: bigint): bigint {
  return (granted & Permission.Administrator) !== 0n ? allPermissions : granted;
}
