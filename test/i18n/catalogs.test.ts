import { describe, expect, it } from 'vitest';
import { catalogs, localeFromDiscord, t } from '../../src/i18n/index.ts';
import { commands } from '../../src/discord/commands/index.ts';

describe('message catalogs', () => {
  it('have exactly the same keys in Korean and English', () => {
    const ko = Object.keys(catalogs.ko).sort();
    const en = Object.keys(catalogs.en).sort();
    expect(ko.filter((key) => !en.includes(key))).toEqual([]);
    expect(en.filter((key) => !ko.includes(key))).toEqual([]);
    expect(ko.length).toBeGreaterThan(50);
  });

  it('use the same placeholders in both languages and leave no message empty', () => {
    const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)(?::[^{}]*)?\}/g)].map((match) => match[1]))].sort();
    for (const key of Object.keys(catalogs.ko)) {
      expect(catalogs.ko[key]!.trim(), key).not.toBe('');
      expect(placeholders(catalogs.en[key]!), key).toEqual(placeholders(catalogs.ko[key]!));
    }
  });

  it('answer Korean for ko and English for every other Discord locale', () => {
    expect(localeFromDiscord('ko')).toBe('ko');
    expect(localeFromDiscord('en-US')).toBe('en');
    expect(localeFromDiscord('ja')).toBe('en');
    expect(localeFromDiscord(undefined)).toBe('en');
    expect(t('ko', 'error.generic', { ref: 'ab12' })).toContain('ab12');
  });

  it('give every slash command, subcommand and option a Korean name and description', () => {
    type Node = { name: string; description?: string; name_localizations?: Record<string, string> | null; description_localizations?: Record<string, string> | null; options?: Node[]; type?: number };
    const missing: string[] = [];
    const visit = (node: Node, path: string) => {
      if (!node.name_localizations?.ko) missing.push(`${path}: name`);
      if (!node.description_localizations?.ko) missing.push(`${path}: description`);
      for (const option of node.options ?? []) visit(option, `${path} ${option.name}`);
    };
    for (const command of commands) visit(command.data.toJSON() as Node, `/${command.data.name}`);
    expect(missing).toEqual([]);
  });
});
