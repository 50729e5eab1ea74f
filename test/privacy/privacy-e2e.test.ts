import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { buttonsOf } from '../../src/standin/index.ts';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.ts';
import { manualClock } from '../helpers/temp-db.ts';
import { rowsMentioning, seedLearner } from './seed-learner.ts';

let harness: BotHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const nowMs = Date.parse('2026-03-10T03:00:00Z');
const asText = (value: unknown) => (value === null || value === undefined ? '' : String(value));

describe('/export and /forget-me end to end', () => {
  it('exports the learner\'s rows exactly, then forgets every row of theirs and nothing of anyone else', async () => {
    harness = await startBotHarness({ clock: manualClock(new Date(nowMs)) });
    const h = harness;
    const { standin, guild, channel, learnerKo: minji, learnerEn: alex } = h;
    seedLearner(h, minji.id, nowMs);
    seedLearner(h, alex.id, nowMs + 1);

    // /export: one ephemeral zip whose CSV rows are the database rows, row for row.
    const exported = await (await standin.sendChatInput({ user: minji, guild, channel, name: 'export', locale: 'ko' })).finalMessage();
    expect(exported.ephemeral).toBe(true);
    expect(exported.content).toContain('CSV 파일 5개');
    expect(exported.attachments.map((a) => a.filename)).toEqual(['docker-coach-export.zip']);
    const files = unzipSync(exported.attachments[0]!.data);
    expect(Object.keys(files).sort()).toEqual(['cards.csv', 'interview_attempts.csv', 'lab_progress.csv', 'profile.json', 'review_log.csv', 'xp_ledger.csv']);
    const tables = { 'cards.csv': 'cards', 'review_log.csv': 'review_logs', 'xp_ledger.csv': 'xp_events', 'interview_attempts.csv': 'interview_attempts', 'lab_progress.csv': 'lab_progress' } as const;
    for (const [file, table] of Object.entries(tables)) {
      const records = parse(strFromU8(files[file]!), { columns: false }) as string[][];
      const dbRows = h.rows<Record<string, unknown>>(`select * from ${table} where user_id = ? order by rowid`, minji.id);
      expect(dbRows.length, file).toBeGreaterThan(0);
      expect(records.length - 1, file).toBe(dbRows.length);
      // Same values in the same order (CSV headers are camelCase names of the snake_case columns).
      expect(records.slice(1), file).toEqual(dbRows.map((row) => Object.values(row).map(asText)));
    }
    const profile = JSON.parse(strFromU8(files['profile.json']!)) as { userId: string; profile: { reminder: { hour: number }; streaks: unknown[] } };
    expect(profile).toMatchObject({ userId: minji.id, profile: { reminder: { hour: 9 } } });
    expect(profile.profile.streaks).toHaveLength(1);

    // Before: minji is on the board and in many tables.
    const board = async () => (await (await standin.sendChatInput({ user: alex, guild, channel, name: 'leaderboard', locale: 'en-US', options: { period: 'all' } })).finalMessage()).embeds[0]!.description!;
    expect(await board()).toContain(`<@${minji.id}>`);
    const before = rowsMentioning(h, minji.id);
    expect(Object.keys(before).sort()).toEqual(expect.arrayContaining([
      'cards', 'daily_answers', 'daily_configs', 'interview_attempts', 'interview_prompts', 'lab_active', 'lab_images', 'lab_progress', 'quiz_answers',
      'quizzes', 'reminders', 'review_logs', 'review_sessions', 'streaks', 'users', 'xp_events', 'xp_totals',
    ]));
    const alexBefore = rowsMentioning(h, alex.id);

    // Cancel deletes nothing; confirm deletes everything of minji's.
    const ask = await (await standin.sendChatInput({ user: minji, guild, channel, name: 'forget-me', locale: 'ko' })).finalMessage();
    expect(ask.ephemeral).toBe(true);
    const [confirm, cancel] = buttonsOf(ask);
    const cancelled = await (await standin.clickButton({ message: ask, customId: cancel!.customId!, user: minji })).finalMessage();
    expect(cancelled.content).toBe('취소했어요. 아무것도 지우지 않았어요.');
    expect(rowsMentioning(h, minji.id)).toEqual(before);

    const ask2 = await (await standin.sendChatInput({ user: minji, guild, channel, name: 'forget-me', locale: 'ko' })).finalMessage();
    const done = await (await standin.clickButton({ message: ask2, customId: buttonsOf(ask2)[0]!.customId!, user: minji })).finalMessage();
    expect(done.content).toMatch(/^🗑️ 모두 지웠어요 \(\d+행\)/);
    expect(confirm!.label).toBe('네, 모두 지워 주세요');

    // Every table of the live schema: not one row mentions minji; alex's rows are all still there.
    expect(rowsMentioning(h, minji.id)).toEqual({});
    expect(rowsMentioning(h, alex.id)).toEqual(alexBefore);
    expect(await board()).not.toContain(`<@${minji.id}>`);
    expect(await board()).toContain(`<@${alex.id}>`);
  });
});
