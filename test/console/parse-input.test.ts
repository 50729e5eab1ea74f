import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/console/args.ts';
import { parseInput, tokenize } from '../../src/console/parse-input.ts';
import { describeCommands, toInvocation } from '../../src/console/slash-invocation.ts';
import type { StandinUser, StoredCommand } from '../../src/standin/index.ts';

describe('console input parsing', () => {
  it('reads subcommands and options, keeping quoted values with spaces in one option', () => {
    expect(parseInput('/lab run command:"docker run --name apa02 -d -p 8080:80 httpd"')).toEqual({
      kind: 'slash',
      name: 'lab',
      words: ['run'],
      options: { command: 'docker run --name apa02 -d -p 8080:80 httpd' },
    });
    expect(parseInput("/review deck:docker-basics note:'it''s'")).toMatchObject({ options: { deck: 'docker-basics', note: 'its' } });
    expect(parseInput('/quiz admin reset  user:@minji')).toEqual({ kind: 'slash', name: 'quiz', words: ['admin', 'reset'], options: { user: '@minji' } });
  });

  it('keeps escaped quotes and colons inside a quoted value', () => {
    expect(tokenize('say:"a \\"b\\" c:d"')).toEqual([{ text: 'say:a "b" c:d', colonAt: 3 }]);
    expect(parseInput('/x a:"unclosed')).toEqual({ kind: 'invalid', problem: 'a " quote is not closed' });
  });

  it('tells button numbers, select picks, say, help and quit apart', () => {
    expect(parseInput(' 2 ')).toEqual({ kind: 'click', message: null, item: 2 });
    expect(parseInput('4.2')).toEqual({ kind: 'click', message: 4, item: 2 });
    expect(parseInput('select 3 1 2')).toEqual({ kind: 'select', message: null, item: 3, choices: [1, 2] });
    expect(parseInput('select 4.3 1')).toEqual({ kind: 'select', message: 4, item: 3, choices: [1] });
    expect(parseInput('select 2')).toEqual({ kind: 'select', message: null, item: null, choices: [2] });
    expect(parseInput('as bob say 도커 엔진')).toEqual({ kind: 'as', username: 'bob', input: { kind: 'say', text: '도커 엔진' } });
    expect(parseInput('as bob 2')).toEqual({ kind: 'as', username: 'bob', input: { kind: 'click', message: null, item: 2 } });
    expect(parseInput('as bob')).toMatchObject({ kind: 'invalid' });
    expect(parseInput('choices /review deck:co')).toEqual({ kind: 'choices', focused: 'deck', slash: { kind: 'slash', name: 'review', words: [], options: { deck: 'co' } } });
    expect(parseInput('choices /review')).toMatchObject({ kind: 'invalid' });
    expect(parseInput('say docker ps -a')).toEqual({ kind: 'say', text: 'docker ps -a' });
    expect(parseInput('help')).toEqual({ kind: 'help' });
    expect(parseInput('exit')).toEqual({ kind: 'quit' });
    expect(parseInput('hello')).toMatchObject({ kind: 'invalid' });
    expect(parseInput('/review deck:a extra')).toMatchObject({ kind: 'invalid' });
  });

  it('types option text by the registered definition and resolves subcommand groups', () => {
    const command = {
      id: '1',
      name: 'quiz',
      type: 1,
      options: [
        { type: 2, name: 'admin', options: [{ type: 1, name: 'reset', options: [{ type: 6, name: 'user', required: true }] }] },
        { type: 1, name: 'start', options: [{ type: 4, name: 'rounds' }, { type: 5, name: 'public' }] },
      ],
    } as StoredCommand;
    const minji = { kind: 'user', id: '123456789012345678', username: 'minji' } as StandinUser;
    const lookups = { userNamed: (name: string) => (name === 'minji' ? minji : undefined), channelNamed: () => undefined };
    expect(toInvocation({ name: 'quiz', words: ['start'], options: { rounds: '5', public: 'yes' } }, command, lookups)).toEqual({
      name: 'quiz',
      subcommand: 'start',
      options: { rounds: 5, public: true },
    });
    expect(toInvocation({ name: 'quiz', words: ['admin', 'reset'], options: { user: '@minji' } }, command, lookups)).toMatchObject({
      subcommandGroup: 'admin',
      subcommand: 'reset',
      options: { user: minji },
    });
    expect(toInvocation({ name: 'quiz', words: [], options: {} }, command, lookups)).toEqual({ problem: '/quiz needs one of: start' });
    expect(toInvocation({ name: 'quiz', words: ['start'], options: { rounds: 'many' } }, command, lookups)).toEqual({ problem: 'rounds: "many" is not a number' });
    expect(describeCommands([command])).toEqual(['  /quiz admin reset user:…', '  /quiz start [rounds:…] [public:…]']);
  });

  it('parses the console flags', () => {
    expect(parseArgs(['--db', 'x.db', '--locale=en-US', '--admin', '--env', 'LAB_TTL_SECS=600'])).toMatchObject({
      db: 'x.db',
      locale: 'en-US',
      admin: true,
      env: { LAB_TTL_SECS: '600' },
    });
    expect(parseArgs(['--nope'])).toEqual({ problem: 'unknown option --nope' });
    expect(parseArgs(['--db'])).toEqual({ problem: '--db needs a value' });
  });
});

describe('times in the console', () => {
  it('shows a Discord timestamp as a relative time with the UTC clock time', async () => {
    const { readableTime } = await import('../../src/console/render.ts');
    const now = Date.parse('2026-12-04T20:00:00Z');
    expect(readableTime(now + 3 * 3_600_000, now)).toBe('in 3 hours (2026-12-04 23:00 UTC)');
    expect(readableTime(now - 2 * 86_400_000, now)).toBe('2 days ago (2026-12-02 20:00 UTC)');
  });
});
