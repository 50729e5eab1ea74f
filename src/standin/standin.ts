import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StandinCore } from './core.ts';
import { clickButton, forgeComponent, requestAutocomplete, selectOption, sendChatInput, submitModal } from './driver-interactions.ts';
import { dispatchChannelCreate, dispatchChannelUpdate, dispatchGuildCreate, dispatchMemberAdd, dispatchMessageCreate, dispatchReaction } from './events.ts';
import { Gateway } from './gateway.ts';
import { createGatewayHost } from './gateway-host.ts';
import { createRequestHandler } from './http-server.ts';
import { globalRequestsPerSecond, RateLimits } from './rate-limits.ts';
import { InteractionRegistry } from './interaction-registry.ts';
import type { StandinUser } from './model.ts';
import { defaultBotPermissions, defaultEveryonePermissions } from './permissions.ts';
import { channelRoutes, dmChannelFor, toggleReaction } from './rest-channels.ts';
import { interactionRoutes } from './rest-interactions.ts';
import { gatewayUrl, otherRoutes } from './rest-other.ts';
import type { Standin, StandinOptions } from './standin-api.ts';
import { createSnowflakeGenerator } from './snowflake.ts';
import { snapshotMessage, StandinState } from './state.ts';
import { ChangeSignal } from './wait.ts';

/** Starts a stand-in for Discord on 127.0.0.1 (ephemeral port). Close it with `close()`. */
export async function startStandin(options: StandinOptions = {}): Promise<Standin> {
  const now = options.now ?? (() => new Date());
  const nextId = createSnowflakeGenerator(() => now().getTime());
  const state = new StandinState(nextId, now);
  const applicationId = options.applicationId ?? nextId();
  const botUser = state.addUser({
    kind: 'user',
    id: options.botUserId ?? applicationId,
    username: options.botUsername ?? 'coach-bot',
    globalName: null,
    bot: true,
    locale: 'en-US',
  });
  const token = options.token ?? `${Buffer.from(botUser.id).toString('base64url')}.standin.${randomBytes(16).toString('hex')}`;
  const signal = new ChangeSignal();
  let port = 0;
  const baseUrl = () => `http://127.0.0.1:${port}`;

  const base: Omit<StandinCore, 'gateway'> = {
    state,
    signal,
    interactions: new InteractionRegistry(),
    calls: [],
    applicationId,
    botUser,
    token,
    ackDeadlineMs: options.ackDeadlineMs === undefined ? 3000 : options.ackDeadlineMs,
    defaultTimeoutMs: options.defaultTimeoutMs ?? 5000,
    closedDmUserIds: new Set(),
    baseUrl,
    nowMs: () => Date.now(),
    tokenNowMs: options.interactionTokenClock ?? (() => Date.now()),
    rateLimits: new RateLimits(options.rateLimitClock ?? (() => Date.now()), options.globalRequestsPerSecond ?? globalRequestsPerSecond),
  };
  const gateway = new Gateway(createGatewayHost(base, () => signal.notify(), options.privilegedIntents ?? {}, options.guildCreateMembers ?? 'by-intents'));
  const core: StandinCore = { ...base, gateway };

  const server = createServer(createRequestHandler(core, [...interactionRoutes(core), ...channelRoutes(core), ...otherRoutes(core)]));
  server.on('upgrade', (request, socket, head) => gateway.handleUpgrade(request, socket, head));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  const waitForGateway = (what: string) =>
    signal.waitFor(() => (gateway.readySession() ? true : undefined), core.defaultTimeoutMs, `the bot to log in on the gateway before ${what}`);
  const requireMember = (guildId: string | null, user: StandinUser) => {
    if (guildId && !state.member(guildId, user.id)) throw new Error(`${user.username} is not a member of guild ${guildId}: call addMember first`);
  };
  const changed = <T>(value: T): T => {
    signal.notify();
    return value;
  };

  const standin: Standin = {
    restUrl: `${baseUrl()}/api`,
    baseUrl: baseUrl(),
    gatewayUrl: gatewayUrl(core),
    token,
    applicationId,
    botUser,
    calls: core.calls,
    gatewayStats: gateway.stats,

    createGuild(guildOptions = {}) {
      const owner = guildOptions.owner ?? standin.createUser({ username: 'server-owner' });
      const guild = state.addGuild(
        {
          kind: 'guild',
          id: guildOptions.id ?? nextId(),
          name: guildOptions.name ?? 'Docker Study',
          ownerId: owner.id,
          preferredLocale: guildOptions.locale ?? 'ko',
        },
        guildOptions.everyonePermissions ?? defaultEveryonePermissions,
      );
      state.addMember({ kind: 'member', guildId: guild.id, userId: owner.id, roleIds: [], nick: null, joinedAt: now() });
      const botRole = state.addRole({ guildId: guild.id, name: botUser.username, permissions: options.botPermissions ?? defaultBotPermissions, managed: true });
      state.addMember({ kind: 'member', guildId: guild.id, userId: botUser.id, roleIds: [botRole.id], nick: null, joinedAt: now() });
      dispatchGuildCreate(core, guild);
      return changed(guild);
    },
    createUser(userOptions = {}) {
      const id = userOptions.id ?? nextId();
      return changed(
        state.addUser({
          kind: 'user',
          id,
          username: userOptions.username ?? `learner-${id.slice(-4)}`,
          globalName: userOptions.globalName ?? null,
          bot: userOptions.bot ?? false,
          locale: userOptions.locale ?? 'ko',
        }),
      );
    },
    createRole(guild, roleOptions) {
      return changed(state.addRole({ guildId: guild.id, name: roleOptions.name, permissions: roleOptions.permissions, managed: false }));
    },
    addMember(guild, user, memberOptions = {}) {
      const roleIds = (memberOptions.roles ?? []).map((role) => role.id);
      if (memberOptions.permissions !== undefined) {
        roleIds.push(state.addRole({ guildId: guild.id, name: `${user.username}-role`, permissions: memberOptions.permissions, managed: false }).id);
      }
      const member = state.addMember({ kind: 'member', guildId: guild.id, userId: user.id, roleIds, nick: memberOptions.nick ?? null, joinedAt: now() });
      dispatchMemberAdd(core, member);
      return changed(member);
    },
    createTextChannel(guild, name, channelOptions = {}) {
      const channel = state.addChannel({ guildId: guild.id, name, type: 0, parentId: channelOptions.parent?.id ?? null });
      dispatchChannelCreate(core, channel);
      return changed(channel);
    },
    createCategory(guild, name) {
      const channel = state.addChannel({ guildId: guild.id, name, type: 4 });
      dispatchChannelCreate(core, channel);
      return changed(channel);
    },
    dmChannel: (user) => changed(dmChannelFor(core, user.id)),
    setPermissionOverwrite(channel, target, permissions) {
      const type = target.kind === 'user' ? 1 : 0;
      core.state.setOverwrite(channel.id, { id: target.id, type, allow: permissions.allow ?? 0n, deny: permissions.deny ?? 0n });
      dispatchChannelUpdate(core, channel);
      signal.notify();
    },
    setDmsOpen: (user, open) => void (open ? core.closedDmUserIds.delete(user.id) : core.closedDmUserIds.add(user.id)),

    sendChatInput: (chatOptions) => sendChatInput(core, chatOptions),
    autocomplete: (autocompleteOptions) => requestAutocomplete(core, autocompleteOptions),
    clickButton: (clickOptions) => clickButton(core, clickOptions),
    selectOption: (selectOptions) => selectOption(core, selectOptions),
    submitModal: (modalOptions) => submitModal(core, modalOptions),
    forgeComponent: (forged) => forgeComponent(core, forged),
    async sendMessage({ user, channel, content, replyTo }) {
      requireMember(channel.guildId, user);
      await waitForGateway(`posting "${content.slice(0, 40)}"`);
      const message = state.createMessage({
        channelId: channel.id,
        authorId: user.id,
        content,
        referencedMessageId: replyTo?.id ?? null,
        type: replyTo ? 19 : 0,
      });
      dispatchMessageCreate(core, message);
      return changed(snapshotMessage(message));
    },
    async react({ user, message, emoji }) {
      const record = state.messages.get(message.id);
      if (!record || record.deleted) throw new Error(`message ${message.id} does not exist`);
      requireMember(record.guildId, user);
      await waitForGateway(`reacting with ${emoji}`);
      if (toggleReaction(core, record, emoji, user.id, true)) dispatchReaction(core, 'MESSAGE_REACTION_ADD', record, user.id, emoji);
      signal.notify();
    },

    user: (id) => state.users.get(id),
    users: () => [...state.users.values()],
    channel: (id) => state.channels.get(id),
    channels: () => [...state.channels.values()],
    onMessage: (listener) => state.onMessage(listener),
    message(id) {
      const record = state.messages.get(id);
      return record ? snapshotMessage(record) : undefined;
    },
    messagesIn(channel, listOptions = {}) {
      return state
        .messagesIn(channel.id)
        .filter((message) => listOptions.ephemeral !== 'exclude' || !message.ephemeral)
        .map(snapshotMessage);
    },
    waitForMessage(predicate, waitOptions = {}) {
      const after = waitOptions.after ? BigInt(waitOptions.after.id) : null;
      return signal.waitFor(
        () => {
          for (const record of state.messages.values()) {
            if (record.deleted || (after !== null && BigInt(record.id) <= after)) continue;
            const snapshot = snapshotMessage(record);
            if (predicate(snapshot)) return snapshot;
          }
          return undefined;
        },
        waitOptions.timeoutMs ?? core.defaultTimeoutMs,
        waitOptions.description ?? 'a message matching the predicate',
        () => `  messages stored: ${state.messages.size}; last REST calls: ${core.calls.slice(-5).map((c) => `${c.method} ${c.path} → ${c.status}`).join('; ') || 'none'}`,
      );
    },
    waitForCall(predicate, timeoutMs, description) {
      return signal.waitFor(
        () => core.calls.find(predicate),
        timeoutMs ?? core.defaultTimeoutMs,
        description ?? 'a REST call matching the predicate',
        () => `  calls so far: ${core.calls.map((c) => `${c.method} ${c.path} → ${c.status}`).join('; ') || 'none'}`,
      );
    },
    async waitForBotReady(timeoutMs) {
      await signal.waitFor(() => (gateway.readySession() ? true : undefined), timeoutMs ?? core.defaultTimeoutMs, 'the bot to IDENTIFY on the gateway');
    },
    registeredCommands: (guild) => structuredClone(state.commands.get(guild?.id ?? 'global') ?? []),
    dropGatewayConnections: (code) => gateway.dropConnections(code),
    async close() {
      signal.close('the stand-in was closed');
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return standin;
}
