import { Client, Events, GatewayDispatchEvents, GatewayIntentBits, Options, Partials, type GatewayDispatchPayload } from 'discord.js';
import { pacedMakeRequest } from './request-budget.ts';

const fifteenMinutesSecs = 15 * 60;

const isBot = (entry: { id: string; client: Client<true> }) => entry.id === entry.client.user.id;

/**
 * The gateway client with the fewest intents the features need (guilds, guild messages and their
 * content for typed quiz answers) and bounded caches, so memory does not grow with guild or member
 * count: the bot needs no member list (every interaction brings its member and permissions), only
 * its own member per guild (channel permissions for the quiz) and a few users; messages (typed quiz
 * answers arrive as events, the bot edits its own messages by id), presences, voice, invites, events,
 * stickers, emojis and reactions are not kept at all.
 * All its REST requests share one budget that keeps the bot under Discord's global limit.
 */
export function createDiscordClient(apiUrl: string | undefined): Client {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent],
    partials: [Partials.Channel],
    allowedMentions: { parse: [] },
    rest: { ...(apiUrl ? { api: apiUrl } : {}), makeRequest: pacedMakeRequest() },
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      GuildMemberManager: { maxSize: 0, keepOverLimit: isBot },
      UserManager: { maxSize: 100, keepOverLimit: isBot },
      ReactionManager: 0,
      ReactionUserManager: 0,
      GuildEmojiManager: 0,
      GuildStickerManager: 0,
      GuildBanManager: 0,
      AutoModerationRuleManager: 0,
      PresenceManager: 0,
      VoiceStateManager: 0,
      GuildInviteManager: 0,
      GuildScheduledEventManager: 0,
      StageInstanceManager: 0,
      ThreadMemberManager: 0,
    }),
    sweepers: {
      ...Options.DefaultSweeperSettings,
      users: { interval: fifteenMinutesSecs, filter: () => (user) => user.id !== user.client.user.id },
    },
  });
  client.on(Events.Raw, (packet: GatewayDispatchPayload) => keepOwnMemberOnly(packet, client));
  return client;
}

/**
 * Cuts a GUILD_CREATE's member and presence lists down to the bot's own member before discord.js
 * handles the packet (the raw event sees the same object first). Discord sends those lists only to
 * bots with the presences intent, which this bot does not ask for; if they come anyway, building a
 * GuildMember and a User for every entry just for the limited cache to drop them would grow the heap
 * with every guild (issue 17: 200 guilds × 1,000 members).
 */
function keepOwnMemberOnly(packet: GatewayDispatchPayload, client: Client): void {
  if (packet.t !== GatewayDispatchEvents.GuildCreate || !Array.isArray(packet.d.members)) return;
  const ownId = client.user?.id;
  packet.d.members = packet.d.members.filter((member) => member.user.id === ownId);
  packet.d.presences = [];
}
