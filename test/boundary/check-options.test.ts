import { describe, expect, it } from 'vitest';
import { commands } from '../../src/discord/commands/index.ts';
import { findBadOption, type GivenOption } from '../../src/discord/options/check-options.ts';

const definitionOf = (name: string) => commands.find((command) => command.data.name === name)!.data.toJSON().options;
const S = 3, I = 4, B = 5, N = 10, Sub = 1, Group = 2;
const check = (name: string, given: GivenOption[], mode: 'command' | 'autocomplete' = 'command') => findBadOption(definitionOf(name), given, mode);

describe('options checked against the command definition', () => {
  it('accept what the Discord client would send', () => {
    expect(check('review', [])).toBeNull();
    expect(check('review', [{ name: 'mode', type: S, value: 'mistakes' }, { name: 'deck', type: S, value: 'containers' }])).toBeNull();
    expect(check('settings', [{ name: 'retention', type: N, value: 0.85 }, { name: 'new_cards', type: I, value: 20 }])).toBeNull();
    expect(check('interview', [{ name: 'mock', type: Sub, options: [{ name: 'count', type: I, value: 3 }] }])).toBeNull();
    expect(check('config', [{ name: 'daily', type: Group, options: [{ name: 'off', type: Sub, options: [] }] }])).toBeNull();
  });

  it('name the option of a wrong type, outside its choices, range or length, unknown or repeated', () => {
    expect(check('review', [{ name: 'mode', type: B, value: true }])).toBe('mode');
    expect(check('review', [{ name: 'mode', type: S, value: true }])).toBe('mode');
    expect(check('review', [{ name: 'mode', type: S, value: 'everything' }])).toBe('mode');
    expect(check('settings', [{ name: 'retention', type: N, value: '0.9' }])).toBe('retention');
    expect(check('settings', [{ name: 'retention', type: N, value: 10 }])).toBe('retention');
    expect(check('settings', [{ name: 'retention', type: N, value: Number.NaN }])).toBe('retention');
    expect(check('settings', [{ name: 'new_cards', type: I, value: 2.5 }])).toBe('new_cards');
    expect(check('settings', [{ name: 'language', type: S, value: 'klingon' }])).toBe('language');
    expect(check('leaderboard', [{ name: 'period', type: S, value: 'x'.repeat(4000) }])).toBe('period');
    expect(check('review', [{ name: 'deck', type: S, value: 'x'.repeat(6001) }])).toBe('deck');
    expect(check('review', [{ name: 'colour', type: S, value: 'red' }])).toBe('colour');
    expect(check('review', [{ name: 'deck', type: S, value: 'a' }, { name: 'deck', type: S, value: 'b' }])).toBe('deck');
  });

  it('refuse a missing or unknown subcommand and a missing required option', () => {
    expect(check('interview', [])).toBe('subcommand');
    expect(check('interview', [{ name: 'dance', type: Sub, options: [] }])).toBe('dance');
    expect(check('interview', [{ name: 'ask', type: Sub, options: [] }, { name: 'mock', type: Sub, options: [] }])).toBe('ask');
    expect(check('config', [{ name: 'daily', type: Group, options: [{ name: 'set', type: Sub, options: [] }] }])).toBe('channel');
  });

  it('for autocomplete, want exactly one focused option, on an autocomplete option, carrying text', () => {
    expect(check('review', [{ name: 'deck', type: S, value: 'cont', focused: true }], 'autocomplete')).toBeNull();
    expect(check('review', [], 'autocomplete')).toBe('focused');
    expect(check('review', [{ name: 'deck', type: S, value: 42, focused: true }], 'autocomplete')).toBe('deck');
    expect(check('review', [{ name: 'mode', type: S, value: 'd', focused: true }], 'autocomplete')).toBe('mode');
    expect(check('review', [{ name: 'deck', type: S, value: 'c', focused: true }], 'command')).toBe('deck');
  });
});
