import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';

/** Gateway intents the stand-in filters events by. */
export const Intent = {
  Guilds: 1 << 0,
  GuildMembers: 1 << 1,
  GuildMessages: 1 << 9,
  GuildMessageReactions: 1 << 10,
  DirectMessages: 1 << 12,
  DirectMessageReactions: 1 << 13,
  MessageContent: 1 << 15,
} as const;

/** Intents an application must have enabled in the developer portal; asking without it closes with 4014. */
export const privilegedIntents = { guildMembers: Intent.GuildMembers, presences: 1 << 8, messageContent: Intent.MessageContent } as const;

const Op = { Dispatch: 0, Heartbeat: 1, Identify: 2, PresenceUpdate: 3, VoiceState: 4, Resume: 6, RequestGuildMembers: 8, InvalidSession: 9, Hello: 10, HeartbeatAck: 11 } as const;

/** Slow enough never to matter in a test; discord.js starts beating at a random fraction of it. */
const heartbeatIntervalMs = 41_250;
const replayBufferSize = 1000;

type Json = Record<string, unknown>;

/** Builds an event's data for one session (intents decide what it may see), or `null` to skip it. */
export type EventBuilder = (intents: number) => Json | null;

/** What the gateway needs from the rest of the stand-in. */
export interface GatewayHost {
  readonly token: string;
  resumeUrl(): string;
  readyData(sessionId: string): Json;
  /** The privileged intents the application has enabled (bits of `privilegedIntents`). */
  readonly enabledPrivilegedIntents: number;
  /** The GUILD_CREATE of every guild of the bot, as a session with these intents receives them. */
  guildCreates(intents: number): Json[];
  membersChunk(request: Json): Json | null;
  changed(): void;
}

export interface GatewaySession {
  readonly id: string;
  intents: number;
  seq: number;
  socket: WebSocket | null;
  buffer: Array<{ s: number; text: string }>;
  /** READY and every GUILD_CREATE were sent. */
  ready: boolean;
}

/** The WebSocket gateway: HELLO → IDENTIFY → READY + GUILD_CREATE, heartbeats, RESUME with replay. */
export class Gateway {
  readonly #wss = new WebSocketServer({ noServer: true });
  readonly sessions = new Map<string, GatewaySession>();
  readonly stats = { identifies: 0, resumes: 0, connections: 0 };

  constructor(private readonly host: GatewayHost) {
    this.#wss.on('connection', (socket) => this.#accept(socket));
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.#wss.handleUpgrade(request, socket, head, (ws) => this.#wss.emit('connection', ws, request));
  }

  /** A session that has received READY and all its guilds; events sent now reach the bot. */
  readySession(): GatewaySession | undefined {
    return [...this.sessions.values()].find((session) => session.ready);
  }

  /** Sends (or buffers for a resume) one dispatch event to every session. */
  dispatch(event: string, build: Json | EventBuilder): void {
    for (const session of this.sessions.values()) {
      const data = typeof build === 'function' ? build(session.intents) : build;
      if (data) this.#send(session, event, data);
    }
  }

  /** Closes every live connection with a resumable code, as a network blip would. */
  dropConnections(code = 4000): void {
    for (const session of this.sessions.values()) session.socket?.close(code, 'stand-in dropped the connection');
  }

  async close(): Promise<void> {
    for (const client of this.#wss.clients) client.terminate();
    this.sessions.clear();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
  }

  #send(session: GatewaySession, event: string, data: Json): void {
    session.seq += 1;
    const text = JSON.stringify({ op: Op.Dispatch, t: event, s: session.seq, d: data });
    session.buffer.push({ s: session.seq, text });
    if (session.buffer.length > replayBufferSize) session.buffer.shift();
    if (session.socket?.readyState === WebSocket.OPEN) session.socket.send(text);
  }

  #accept(socket: WebSocket): void {
    this.stats.connections += 1;
    let session: GatewaySession | null = null;
    socket.on('error', () => undefined);
    socket.send(JSON.stringify({ op: Op.Hello, d: { heartbeat_interval: heartbeatIntervalMs }, s: null, t: null }));
    socket.on('close', (code) => {
      if (session && session.socket === socket) {
        session.socket = null;
        // A client closing with 1000/1001 ends its session (discord.js `destroy()`); other codes may resume.
        if (code === 1000 || code === 1001) this.sessions.delete(session.id);
      }
      this.host.changed();
    });
    socket.on('message', (raw) => {
      let payload: { op?: number; d?: unknown };
      try {
        payload = JSON.parse(String(raw)) as { op?: number; d?: unknown };
      } catch {
        socket.close(4002, 'Error while decoding payload.');
        return;
      }
      const data = (payload.d ?? {}) as Json;
      switch (payload.op) {
        case Op.Heartbeat:
          socket.send(JSON.stringify({ op: Op.HeartbeatAck, d: null, s: null, t: null }));
          return;
        case Op.Identify:
          if (session) return socket.close(4005, 'Already authenticated.');
          if (!this.#tokenMatches(data.token)) return socket.close(4004, 'Authentication failed.');
          if (this.#disallowed(data.intents)) return socket.close(4014, 'Disallowed intent(s).');
          session = this.#identify(socket, data);
          return;
        case Op.Resume:
          if (session) return socket.close(4005, 'Already authenticated.');
          session = this.#resume(socket, data);
          return;
        case Op.RequestGuildMembers: {
          if (!session) return socket.close(4003, 'Not authenticated.');
          const chunk = this.host.membersChunk(data);
          if (chunk) this.#send(session, 'GUILD_MEMBERS_CHUNK', chunk);
          return;
        }
        case Op.PresenceUpdate:
        case Op.VoiceState:
          if (!session) socket.close(4003, 'Not authenticated.');
          return;
        default:
          socket.close(4001, 'Unknown opcode.');
      }
    });
  }

  #disallowed(intents: unknown): boolean {
    const asked = Number(intents ?? 0);
    const privileged = Object.values(privilegedIntents).reduce((all, bit) => all | bit, 0);
    return (asked & privileged & ~this.host.enabledPrivilegedIntents) !== 0;
  }

  #tokenMatches(token: unknown): boolean {
    return typeof token === 'string' && token.replace(/^Bot\s+/i, '') === this.host.token;
  }

  #identify(socket: WebSocket, data: Json): GatewaySession {
    this.stats.identifies += 1;
    // A fresh IDENTIFY means the client gave up its old session: drop it, as Discord would.
    for (const old of this.sessions.values()) old.socket?.terminate();
    this.sessions.clear();
    const session: GatewaySession = {
      id: randomBytes(16).toString('hex'),
      intents: typeof data.intents === 'number' ? data.intents : Number(data.intents ?? 0),
      seq: 0,
      socket,
      buffer: [],
      ready: false,
    };
    this.sessions.set(session.id, session);
    this.#send(session, 'READY', this.host.readyData(session.id));
    for (const guild of this.host.guildCreates(session.intents)) this.#send(session, 'GUILD_CREATE', guild);
    session.ready = true;
    this.host.changed();
    return session;
  }

  #resume(socket: WebSocket, data: Json): GatewaySession | null {
    const session = typeof data.session_id === 'string' ? this.sessions.get(data.session_id) : undefined;
    if (!session || !this.#tokenMatches(data.token)) {
      socket.send(JSON.stringify({ op: Op.InvalidSession, d: false, s: null, t: null }));
      return null;
    }
    this.stats.resumes += 1;
    session.socket?.terminate();
    session.socket = socket;
    const from = typeof data.seq === 'number' ? data.seq : 0;
    for (const entry of session.buffer) if (entry.s > from) socket.send(entry.text);
    this.#send(session, 'RESUMED', {});
    this.host.changed();
    return session;
  }
}
