import { Events, RESTEvents, type Client, type Interaction } from 'discord.js';
import { customIdPrefix } from '../discord/custom-id.ts';
import type { CoachMetrics, InteractionOutcome } from './metrics.ts';

/** What the router reports when it has finished with an interaction. */
export type InteractionSettled = { interaction: Interaction; outcome: InteractionOutcome; error?: unknown };

/** An interaction token lives 15 minutes; a start time older than that will never see its answer. */
const forgetAfterMs = 15 * 60_000;
const callbackPath = /^\/interactions\/(\d+)\/[^/]+\/callback/;

/**
 * Counts interactions, reply latency and Discord rate limits. Latency runs from the gateway event
 * to Discord's answer to the first interaction callback (reply, defer or update), read from the REST
 * client's own `response` events, so no handler needs to report it.
 */
export function observeDiscord(client: Client, metrics: CoachMetrics, nowMs: () => number = () => performance.now()) {
  const received = new Map<string, { atMs: number; type: string }>();

  const onInteraction = (interaction: Interaction) => {
    const atMs = nowMs();
    for (const [id, start] of received) {
      if (atMs - start.atMs < forgetAfterMs) break;
      received.delete(id);
    }
    received.set(interaction.id, { atMs, type: interactionType(interaction) });
  };
  const onResponse = (request: { path: string; route: string }, response: { status: number }) => {
    if (response.status === 429) metrics.rateLimited.inc({ route: request.route, scope: 'response_429' });
    const id = callbackPath.exec(request.path)?.[1];
    const start = id === undefined ? undefined : received.get(id);
    if (id === undefined || !start) return;
    received.delete(id);
    metrics.replyLatency.observe({ type: start.type }, (nowMs() - start.atMs) / 1000);
  };
  // Emitted when the client waits for a bucket it knows is empty, before sending anything.
  const onRateLimited = (info: { route: string; global: boolean }) =>
    metrics.rateLimited.inc({ route: info.route, scope: info.global ? 'global_wait' : 'bucket_wait' });

  client.prependListener(Events.InteractionCreate, onInteraction);
  client.rest.on(RESTEvents.Response, onResponse);
  client.rest.on(RESTEvents.RateLimited, onRateLimited);

  return {
    /** The router's observer: one call per interaction, after its last answer. */
    settled({ interaction, outcome, error }: InteractionSettled): void {
      metrics.interactions.inc({ type: interactionType(interaction), name: interactionName(interaction), outcome });
      if (outcome === 'error') metrics.errors.inc({ class: errorClass(error) });
      if (interaction.isChatInputCommand() && interaction.commandName === 'lab') {
        metrics.labCommands.inc({ subcommand: interaction.options.getSubcommand(false) ?? '', outcome });
      }
    },
    detach(): void {
      client.off(Events.InteractionCreate, onInteraction);
      client.rest.off(RESTEvents.Response, onResponse);
      client.rest.off(RESTEvents.RateLimited, onRateLimited);
    },
  };
}

function interactionType(interaction: Interaction): string {
  if (interaction.isChatInputCommand()) return 'command';
  if (interaction.isAutocomplete()) return 'autocomplete';
  if (interaction.isButton()) return 'button';
  if (interaction.isAnySelectMenu()) return 'select';
  if (interaction.isModalSubmit()) return 'modal';
  return 'other';
}

function interactionName(interaction: Interaction): string {
  if (interaction.isCommand() || interaction.isAutocomplete()) return interaction.commandName;
  if (interaction.isMessageComponent() || interaction.isModalSubmit()) return customIdPrefix(interaction.customId);
  return '';
}

function errorClass(error: unknown): string {
  if (error instanceof Error) return error.constructor.name;
  return typeof error;
}
