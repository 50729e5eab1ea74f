import { describe, expect, it } from 'vitest';
import { clipText, discordLimits } from '../../src/domain/limits.ts';
import { fitCallback, fitMessage } from '../../src/discord/fit-payload.ts';

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
});
