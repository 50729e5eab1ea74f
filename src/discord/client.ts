import { Client, GatewayIntentBits, Options, Partials } from 'discord.js';
import { pacedMakeRequest } from './request-budget.ts';

const fifteenMinutesSecs = 15 * 60;

/**
 * The gateway client with the fewest intents the features need (guilds, guild messages and their
 * content for typed quiz answers) and bounded caches, so memory does not grow with member count.
 * All its REST requests share one budget that keeps the bot under Discord's global limit.
 */
export function createDiscordClient(apiUrl: string | undefined): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent],
    partials: [Partials.Channel],
    allowedMentions: { parse: [] },
    rest: { ...(apiUrl ? { api: apiUrl } : {}), makeRequest: pacedMakeRequest() },
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 50,
      GuildMemberManager: { maxSize: 200, keepOverLimit: (member) => member.id === member.client.user.id },
      UserManager: 500,
      ReactionManager: 0,
      PresenceManager: 0,
      VoiceStateManager: 0,
      GuildInviteManager: 0,
      GuildScheduledEventManager: 0,
      StageInstanceManager: 0,
      ThreadMemberManager: 0,
    }),
    sweepers: {
      ...Options.DefaultSweeperSettings,
      messages: { interval: fifteenMinutesSecs, lifetime: fifteenMinutesSecs },
      users: { interval: fifteenMinutesSecs, filter: () => (user) => user.id !== user.client.user.id },
    },
  });
}
