import { afterEach, describe, expect, it } from 'vitest';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.ts';
import { manualClock } from '../helpers/temp-db.ts';

let harness: BotHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('/leaderboard end to end', () => {
  it('ranks the week in the bot time zone, shows the caller outside the top 10 and hides opted-out members', async () => {
    // Sunday 2026-03-08 22:00 in Seoul (13:00 UTC): still last week.
    const clock = manualClock(new Date('2026-03-08T13:00:00Z'));
    harness = await startBotHarness({ clock });
    const { standin, guild, channel, learnerKo } = harness;
    const { xp, settings } = harness.bot.services;
    const member = (i: number) => `4000000000000000${String(i).padStart(2, '0')}`;
    xp.award({ guildId: guild.id, userId: member(99), amount: 500, source: 'quiz', ref: 'last-week' });

    // Monday 05:00 in Seoul is 20:00 UTC on Sunday: the new week has begun here, not in UTC.
    clock.set(new Date('2026-03-08T20:00:00Z'));
    for (let i = 1; i <= 12; i += 1) xp.award({ guildId: guild.id, userId: member(i), amount: 130 - i * 10, source: 'quiz', ref: `round-${i}` });
    xp.award({ guildId: guild.id, userId: learnerKo.id, amount: 5, source: 'quiz', ref: 'mine' });
    settings.setLeaderboardVisible(member(1), false);

    clock.set(new Date('2026-03-09T01:00:00Z')); // Monday 10:00 in Seoul
    const board = await (await standin.sendChatInput({ user: learnerKo, guild, channel, name: 'leaderboard', locale: 'ko', options: { period: 'week' } })).finalMessage();
    const text = board.embeds[0]?.description ?? '';
    const shown = [...text.matchAll(/<@(\d+)>/g)].map((match) => match[1]);
    expect(shown).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map(member));
    expect(text).not.toContain(member(99));
    expect(text).toContain('내 순위: **12위** · 5 XP');
    expect(board.embeds[0]?.title).toContain('이번 주');
    expect(board.allowedMentions).toEqual({ parse: [] });

    // The opted-out member still sees their own rank.
    const hiddenView = harness.bot.services.leaderboard.show(guild.id, member(1), 'week', 'xp');
    expect(hiddenView.me).toEqual({ userId: member(1), value: 120, rank: 1 });
    expect(hiddenView.top.some((row) => row.userId === member(1))).toBe(false);
  });

  it('tells a learner who hid themselves that they are hidden, with their score and no rank', async () => {
    harness = await startBotHarness({ clock: manualClock(new Date('2026-03-09T01:00:00Z')) });
    const { standin, guild, channel, learnerKo, learnerEn } = harness;
    harness.bot.services.xp.award({ guildId: guild.id, userId: learnerKo.id, amount: 300, source: 'quiz', ref: 'mine' });
    harness.bot.services.settings.setLeaderboardVisible(learnerKo.id, false);
    const ko = await (await standin.sendChatInput({ user: learnerKo, guild, channel, name: 'leaderboard', locale: 'ko', options: {} })).finalMessage();
    const text = ko.embeds[0]?.description ?? '';
    expect(text).toContain('순위표에 공개된 기록이 아직 없어요');
    expect(text).toContain('순위표에서 나를 숨겨 두었어요. 내 기록: 300 XP');
    expect(text).not.toMatch(/내 순위|\d+위/);
    expect(ko.embeds[0]?.fields ?? []).toEqual([]);
    harness.bot.services.settings.setLeaderboardVisible(learnerEn.id, false);
    const en = await (await standin.sendChatInput({ user: learnerEn, guild, channel, name: 'leaderboard', locale: 'en-US', options: {} })).finalMessage();
    expect(en.embeds[0]?.description).toContain('You hid yourself from the leaderboard. You have no score in this period yet.');
  });
});
