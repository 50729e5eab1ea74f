import { channelJson, guildJson, memberJson, roleJson, userJson } from './api-json.ts';
import type { StandinCore } from './core.ts';
import { unknown } from './http-io.ts';
import { json, noContent, type Route, type RouteContext } from './routes.ts';
import type { StoredCommand } from './state.ts';
import { checkCommandCount, validateCommand, validateCommandList } from './validate-commands.ts';

/** Gateway discovery, users, guilds, the application and its commands. */
export function otherRoutes(core: StandinCore): Route[] {
  const auth = true;
  const gatewayBot = () =>
    json({
      url: gatewayUrl(core),
      shards: 1,
      session_start_limit: { total: 1000, remaining: 1000, reset_after: 86_400_000, max_concurrency: 1 },
    });
  const application = () => json(applicationJson(core));
  return [
    { method: 'GET', pattern: '/gateway', auth: false, handle: () => json({ url: gatewayUrl(core) }) },
    { method: 'GET', pattern: '/gateway/bot', auth, handle: gatewayBot },
    { method: 'GET', pattern: '/users/@me', auth, handle: () => json(userJson(core.botUser)) },
    { method: 'GET', pattern: '/users/:userId', auth, handle: (c) => json(userJson(userOf(core, c))) },
    { method: 'GET', pattern: '/applications/@me', auth, handle: application },
    { method: 'GET', pattern: '/oauth2/applications/@me', auth, handle: application },
    ...commandRoutes(core, '/applications/:appId/commands'),
    ...commandRoutes(core, '/applications/:appId/guilds/:guildId/commands'),
    { method: 'GET', pattern: '/guilds/:guildId', auth, handle: (c) => json(guildJson(core.state, guildOf(core, c))) },
    { method: 'GET', pattern: '/guilds/:guildId/channels', auth, handle: (c) => json(core.state.channelsOf(guildOf(core, c).id).map((ch) => channelJson(core.state, ch))) },
    { method: 'GET', pattern: '/guilds/:guildId/roles', auth, handle: (c) => json(core.state.rolesOf(guildOf(core, c).id).map(roleJson)) },
    { method: 'GET', pattern: '/guilds/:guildId/members', auth, handle: (c) => listMembers(core, c) },
    { method: 'GET', pattern: '/guilds/:guildId/members/search', auth, handle: (c) => listMembers(core, c) },
    { method: 'GET', pattern: '/guilds/:guildId/members/:userId', auth, handle: (c) => getMember(core, c) },
  ];
}

export function gatewayUrl(core: Pick<StandinCore, 'baseUrl'>): string {
  return `${core.baseUrl().replace(/^http/, 'ws')}/gateway`;
}

export function applicationJson(core: StandinCore): Record<string, unknown> {
  return {
    id: core.applicationId,
    name: core.botUser.username,
    icon: null,
    description: '',
    bot_public: false,
    bot_require_code_grant: false,
    bot: userJson(core.botUser),
    flags: 0,
    verify_key: '0'.repeat(64),
    team: null,
    owner: undefined,
    approximate_guild_count: core.state.guilds.size,
    integration_types_config: { '0': {} },
  };
}

function userOf(core: StandinCore, context: RouteContext) {
  const user = core.state.users.get(context.params.userId ?? '');
  if (!user) throw unknown.user();
  return user;
}

function guildOf(core: StandinCore, context: RouteContext) {
  const guild = core.state.guilds.get(context.params.guildId ?? '');
  if (!guild) throw unknown.guild();
  return guild;
}

function listMembers(core: StandinCore, context: RouteContext) {
  const guild = guildOf(core, context);
  const query = (context.query.get('query') ?? '').toLowerCase();
  const limit = Math.min(Math.max(Number(context.query.get('limit') ?? 1) || 1, 1), 1000);
  const after = context.query.get('after');
  const members = core.state
    .membersOf(guild.id)
    .filter((member) => !after || BigInt(member.userId) > BigInt(after))
    .filter((member) => !query || (core.state.users.get(member.userId)?.username.toLowerCase().startsWith(query) ?? false))
    .slice(0, limit);
  return json(members.map((member) => memberJson(core.state, member, { user: true, permissions: false })));
}

function getMember(core: StandinCore, context: RouteContext) {
  const guild = guildOf(core, context);
  const member = core.state.member(guild.id, context.params.userId ?? '');
  if (!member) throw unknown.member();
  return json(memberJson(core.state, member, { user: true, permissions: false }));
}

/** GET/PUT (bulk overwrite)/POST on a command list, and GET/PATCH/DELETE on one command. */
function commandRoutes(core: StandinCore, base: string): Route[] {
  const scopeOf = (context: RouteContext): string => {
    if (context.params.appId !== core.applicationId) throw unknown.route();
    if (context.params.guildId !== undefined && !core.state.guilds.has(context.params.guildId)) throw unknown.guild();
    return context.params.guildId ?? 'global';
  };
  const listOf = (scope: string) => core.state.commands.get(scope) ?? [];
  const stored = (scope: string, input: Record<string, unknown>, previous?: StoredCommand): StoredCommand => ({
    type: 1,
    nsfw: false,
    default_member_permissions: null,
    options: [],
    ...input,
    id: previous?.id ?? core.state.nextId(),
    application_id: core.applicationId,
    guild_id: scope === 'global' ? undefined : scope,
    version: core.state.nextId(),
    name: String(input.name),
  });
  const findOne = (context: RouteContext) => {
    const scope = scopeOf(context);
    const command = listOf(scope).find((candidate) => candidate.id === context.params.commandId);
    if (!command) throw unknown.command();
    return { scope, command };
  };
  return [
    { method: 'GET', pattern: base, auth: true, handle: (c) => json(listOf(scopeOf(c))) },
    {
      method: 'PUT',
      pattern: base,
      auth: true,
      handle: (c) => {
        const scope = scopeOf(c);
        const previous = listOf(scope);
        // Discord keeps a command's id when the overwrite contains the same name and type again.
        const next = validateCommandList(c.body).map((input) =>
          stored(scope, input, previous.find((old) => old.name === input.name && old.type === (input.type ?? 1))),
        );
        core.state.commands.set(scope, next);
        return json(next);
      },
    },
    {
      method: 'POST',
      pattern: base,
      auth: true,
      handle: (c) => {
        const scope = scopeOf(c);
        const input = validateCommand(c.body, 'body');
        const others = listOf(scope).filter((old) => !(old.name === input.name && old.type === (input.type ?? 1)));
        const previous = listOf(scope).find((old) => old.name === input.name && old.type === (input.type ?? 1));
        const command = stored(scope, input, previous);
        checkCommandCount([...others, command]);
        core.state.commands.set(scope, [...others, command]);
        return json(command, previous ? 200 : 201);
      },
    },
    { method: 'GET', pattern: `${base}/:commandId`, auth: true, handle: (c) => json(findOne(c).command) },
    {
      method: 'PATCH',
      pattern: `${base}/:commandId`,
      auth: true,
      handle: (c) => {
        const { scope, command } = findOne(c);
        const updated = stored(scope, { ...command, ...validateCommand({ ...command, ...(c.body as object) }, 'body') }, command);
        core.state.commands.set(scope, listOf(scope).map((old) => (old.id === command.id ? updated : old)));
        return json(updated);
      },
    },
    {
      method: 'DELETE',
      pattern: `${base}/:commandId`,
      auth: true,
      handle: (c) => {
        const { scope, command } = findOne(c);
        core.state.commands.set(scope, listOf(scope).filter((old) => old.id !== command.id));
        return noContent();
      },
    },
  ];
}
