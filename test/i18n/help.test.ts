import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ApplicationCommandOptionType, type APIApplicationCommandOption } from 'discord.js';
import { commands } from '../../src/discord/commands/index.ts';
import { renderHelp } from '../../src/discord/renderers/help.ts';
import { t } from '../../src/i18n/index.ts';

const definitions = commands.map((command) => command.data.toJSON());
const descriptionOf = (locale: 'ko' | 'en') => renderHelp(definitions, locale).embeds[0]!.toJSON().description ?? '';

type Node = { name: string; name_localizations?: Record<string, string | null> | null; options?: readonly APIApplicationCommandOption[] };
const nameIn = (node: Node, locale: 'ko' | 'en') => (locale === 'ko' ? node.name_localizations?.ko ?? node.name : node.name);

/** Walks `/a b c:x d:y` through the definitions as a reader of `locale` would type it. */
function resolves(example: string, locale: 'ko' | 'en'): boolean {
  const [path, ...args] = example.slice(1).split(/\s+(?=[^\s:]+:)/);
  let node: Node | undefined = definitions.find((d) => nameIn(d, locale) === path!.split(' ')[0]);
  for (const part of path!.split(' ').slice(1)) node = node?.options?.find((option) => nameIn(option, locale) === part);
  if (!node) return false;
  return args.every((arg) => (node!.options ?? []).some((option) => nameIn(option, locale) === arg.split(':')[0]));
}

describe('/help', () => {
  it('lists every subcommand, including those inside a group, with their options in the reader language', () => {
    const ko = descriptionOf('ko');
    expect(ko).toContain('**/서버설정 오늘의문제 설정** (/config daily set) `<채널> <시간>`');
    expect(ko).toContain('**/서버설정 오늘의문제 끄기** (/config daily off)');
    expect(ko).toContain('**/복습** (/review) `[덱] [방식]`');
    const en = descriptionOf('en');
    expect(en).toContain('**/config daily set** `<channel> <time>`');
    expect(en).toContain('**/lab run** `<command>`');
    expect(ko).toContain('**/수강생현황 보기** (/cohort report) `[기간]`');
    expect(en).toContain('**/cohort export** `[period]`');
    expect(ko.length).toBeLessThanOrEqual(4096);
    expect(en.length).toBeLessThanOrEqual(4096);
  });

  it('matches the README command table: every command and subcommand is listed there', () => {
    const readme = readFileSync('README.md', 'utf8');
    const table = readme.slice(readme.indexOf('## Commands'), readme.indexOf('## Run the bot'));
    const paths = definitions.flatMap((command) => {
      const subcommands = (command.options ?? []).filter((option) => option.type === ApplicationCommandOptionType.Subcommand).map((option) => option.name);
      return subcommands.length > 0 ? subcommands.map((name) => `/${command.name} ${name}`) : [`/${command.name}`];
    });
    expect(paths).toContain('/cohort report');
    for (const path of paths) expect(table, path).toContain(`\`${path}`);
  });

  it('gives examples that name real commands and options, in each language', () => {
    for (const locale of ['ko', 'en'] as const) {
      const examples = [...t(locale, 'help.examples').matchAll(/`(\/[^`]+)`/g)].map((match) => match[1]!);
      expect(examples.length).toBeGreaterThan(5);
      for (const example of examples) expect(resolves(example, locale), `${locale}: ${example}`).toBe(true);
    }
  });
});
