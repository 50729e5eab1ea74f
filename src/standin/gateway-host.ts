import { guildCreateJson, memberJson, userJson } from './api-json.ts';
import type { StandinCore } from './core.ts';
import { privilegedIntents, type GatewayHost } from './gateway.ts';
import type { PrivilegedIntentSwitches } from './standin-api.ts';
import { gatewayUrl } from './rest-other.ts';

/** What the gateway sends from the stand-in's state: READY, GUILD_CREATEs and member chunks. */
/** Application flags that say a privileged intent is enabled (the "limited" variants of unverified bots). */
const applicationFlagOf = { presences: 1 << 13, guildMembers: 1 << 15, messageContent: 1 << 19 } as const;

export function createGatewayHost(core: Omit<StandinCore, 'gateway'>, changed: () => void, enabled: PrivilegedIntentSwitches, members: 'all' | 'bot' | 'by-intents'): GatewayHost {
  const { state, botUser, applicationId } = core;
  const url = () => gatewayUrl(core);
  const botGuilds = () => [...state.guilds.values()].filter((guild) => state.member(guild.id, botUser.id));
  const names = (Object.keys(privilegedIntents) as Array<keyof typeof privilegedIntents>).filter((name) => enabled[name] !== false);
  return {
    token: core.token,
    enabledPrivilegedIntents: names.reduce((all, name) => all | privilegedIntents[name], 0),
    resumeUrl: url,
    readyData: (sessionId) => ({
      v: 10,
      user: { ...userJson(botUser), verified: true, mfa_enabled: false, email: null },
      guilds: botGuilds().map((guild) => ({ id: guild.id, unavailable: true })),
      session_id: sessionId,
      resume_gateway_url: url(),
      session_type: 'normal',
      shard: [0, 1],
      application: { id: applicationId, flags: names.reduce((all, name) => all | applicationFlagOf[name], 0) },
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      user_settings: {},
      auth: {},
    }),
    guildCreates: (intents) => {
      const listed = members !== 'by-intents' ? members : (intents & privilegedIntents.presences) !== 0 ? 'all' : 'bot';
      return botGuilds().map((guild) => guildCreateJson(state, guild, botUser.id, listed));
    },
    // Answers op 8 (what `guild.members.fetch()` sends) in one chunk.
    membersChunk: (request) => {
      const guildId = String(request.guild_id ?? '');
      if (!state.guilds.has(guildId)) return null;
      const ids = request.user_ids;
      const wanted = Array.isArray(ids) ? ids.map(String) : typeof ids === 'string' ? [ids] : null;
      const query = typeof request.query === 'string' ? request.query.toLowerCase() : '';
      const limit = typeof request.limit === 'number' && request.limit > 0 ? request.limit : Number.POSITIVE_INFINITY;
      const members = state
        .membersOf(guildId)
        .filter((member) => (wanted ? wanted.includes(member.userId) : (state.users.get(member.userId)?.username.toLowerCase().startsWith(query) ?? false)))
        .slice(0, limit);
      return {
        guild_id: guildId,
        members: members.map((member) => memberJson(state, member, { user: true, permissions: false })),
        chunk_index: 0,
        chunk_count: 1,
        not_found: wanted ? wanted.filter((id) => !members.some((member) => member.userId === id)) : [],
        nonce: request.nonce,
      };
    },
    changed,
  };
}
