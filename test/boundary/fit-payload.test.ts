import { describe, expect, it } from 'vitest';
import { clipText, discordLimits } from '../../src/domain/limits.ts';
import { RequestMethod, type REST } from 'discord.js';
import { fitCallback, fitMessage, fitPayloadsToDiscordLimits } from '../../src/discord/fit-payload.ts';

const embedTotal = (embeds: Record<string, unknown>[]) =>
  embeds.reduce((sum, embed) => sum + String(embed.title ?? '').length + String(embed.description ?? '').length
    + ((embed.fields as { name: string; value: string }[] | undefined) ?? []).reduce((s, f) => s + f.name.length + f.value.length, 0), 0);

describe('outgoing payloads fitted to Discord limits', () => {
  it('clip text by UTF-16 length with an ellipsis and never split an emoji', () => {
    expect(clipText('abc', 3)).toBe('abc');
    expect(clipText('abcd', 3)).toBe('ab…');
    expect(clipText('🐳🐳🐳', 4)).toBe('🐳…');
    expect(clipText('🐳🐳🐳', 4).length).toBeLessThanOrEqual(4);
  });

  it('shorten content, embed titles, descriptions, fields and their total', () => {
    const long = '덱'.repeat(5000);
    const fitted = fitMessage({
      content: long,
      embeds: [{ title: long, description: long, fields: [{ name: long, value: long }, { name: 'ok', value: long }], footer: { text: long } }, { description: long }],
    });
    expect(String(fitted.content).length).toBe(discordLimits.messageContent);
    expect(String(fitted.content).endsWith('…')).toBe(true);
    const embeds = fitted.embeds as Record<string, unknown>[];
    expect(String(embeds[0]!.title).length).toBe(discordLimits.embedTitle);
    expect(embedTotal(embeds)).toBeLessThanOrEqual(discordLimits.embedTotal);
    expect((embeds[0]!.fields as { value: string }[]).every((field) => field.value.length <= discordLimits.embedFieldValue)).toBe(true);
  });

  it('leave a payload that fits untouched, and fit autocomplete choices, modals and button labels', () => {
    const small = { content: 'hi', embeds: [{ title: 't', description: 'd' }], components: [{ type: 1, components: [{ type: 2, label: 'ok', custom_id: 'a', style: 1 }] }] };
    expect(fitMessage(small)).toEqual(small);
    const choices = fitCallback({ type: 8, data: { choices: Array.from({ length: 30 }, (_, i) => ({ name: 'n'.repeat(300), value: `v${i}` })) } });
    const data = choices.data as { choices: { name: string }[] };
    expect(data.choices).toHaveLength(25);
    expect(data.choices.every((choice) => choice.name.length <= 100)).toBe(true);
    const modal = fitCallback({ type: 9, data: { title: 'T'.repeat(80), custom_id: 'm', components: [{ type: 1, components: [{ type: 4, custom_id: 'x', label: 'L'.repeat(90), style: 1 }] }] } });
    expect(String((modal.data as { title: string }).title).length).toBe(45);
    const button = fitMessage({ components: [{ type: 1, components: [{ type: 2, label: 'b'.repeat(200), custom_id: 'c', style: 1 }] }] });
    expect(JSON.stringify(button)).toContain(`"${'b'.repeat(79)}…"`);
  });

  it('return a payload that fits as the same object, and cut only copies: the payload given is never changed', () => {
    const small = {
      content: 'hi', embeds: [{ title: 't', description: 'd', fields: [{ name: 'n', value: 'v' }], footer: { text: 'f' } }],
      components: [{ type: 1, components: [{ type: 2, label: 'ok', custom_id: 'a', style: 1 }, { type: 3, custom_id: 's', options: [{ label: 'o', value: 'o' }] }] }],
    };
    expect(fitMessage(small)).toBe(small);
    expect(fitCallback({ type: 7, data: small }).data).toBe(small);

    const long = '덱'.repeat(5000);
    const big = {
      content: 'fits',
      embeds: [{ title: 't', description: long, fields: [{ name: 'n', value: long.slice(0, 1000) }] }, { description: long }],
      components: small.components,
    };
    const before = structuredClone(big);
    const fitted = fitMessage(big);
    expect(big).toEqual(before);
    expect(fitted).not.toBe(big);
    expect(embedTotal(fitted.embeds as Record<string, unknown>[])).toBeLessThanOrEqual(discordLimits.embedTotal);
    // What fits is shared, not copied.
    expect(fitted.components).toBe(small.components);
  });

  it('tell the client only about requests that had to be cut', async () => {
    const sent: unknown[] = [];
    const rest = { request: async (options: { body?: unknown }) => { sent.push(options.body); return null; } } as unknown as REST;
    const cut: string[] = [];
    fitPayloadsToDiscordLimits(rest, (route) => cut.push(route));
    const fits = { type: 4, data: { content: 'ok' } };
    await rest.request({ fullRoute: '/interactions/1/token/callback', method: RequestMethod.Post, body: fits });
    await rest.request({ fullRoute: '/interactions/1/token/callback', method: RequestMethod.Post, body: { type: 4, data: { content: 'x'.repeat(2500) } } });
    expect(sent[0]).toBe(fits);
    expect(String((sent[1] as { data: { content: string } }).data.content)).toHaveLength(discordLimits.messageContent);
    expect(cut).toEqual(['/interactions/1/token/callback']);
  });
});
