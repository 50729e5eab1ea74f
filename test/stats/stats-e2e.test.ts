import { afterEach, describe, expect, it } from 'vitest';
import { reviewXp } from '../../src/domain/learning/rewards.ts';
import { chartSize, chartTitleFontPx } from '../../src/discord/charts/render-png.ts';
import { chartFileNames } from '../../src/discord/stats/render-stats.ts';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.ts';
import { content } from '../helpers/review-driver.ts';
import { manualClock } from '../helpers/temp-db.ts';
import { decodePng, inkColumns } from './png.ts';

let harness: BotHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const dayMs = 86_400_000;
const items = [...content.items.values()].filter((item) => item.kind !== 'interview').slice(0, 12).map((item) => item.id);
/** The scripted month: on day d the learner answers 4 cards; every answer whose index is a multiple of 5 is wrong. */
const wrongAt = (d: number, j: number) => (d + j) % 5 === 0;

function fieldOf(embed: { fields?: { name: string; value: string }[] }, name: string): string {
  const field = embed.fields?.find((f) => f.name === name);
  if (!field) throw new Error(`no field ${name}: ${JSON.stringify(embed.fields)}`);
  return field.value;
}

describe('/stats end to end', () => {
  it('after a scripted month shows the right numbers and two Korean PNG charts', async () => {
    // 2026-03-01 20:00 in Seoul, then every evening for 30 days.
    const clock = manualClock(new Date('2026-03-01T11:00:00Z'));
    harness = await startBotHarness({ clock });
    const { standin, guild, channel, learnerKo, learnerEn } = harness;
    const { learning, settings } = harness.bot.services;
    let correct = 0;
    let answers = 0;
    for (let d = 0; d < 30; d += 1) {
      clock.set(new Date(Date.parse('2026-03-01T11:00:00Z') + d * dayMs));
      for (let j = 0; j < 4; j += 1) {
        const wrong = wrongAt(d, j);
        const result = learning.recordAnswer({
          guildId: guild.id, userId: learnerKo.id, itemId: items[(d + j) % items.length]!, mode: 'review', source: 'review',
          outcome: wrong ? 'incorrect' : 'correct', hintUsed: false, responseMs: 3000, answerText: null,
        });
        expect(result.ok).toBe(true);
        answers += 1;
        if (!wrong) correct += 1;
      }
    }
    clock.set(new Date('2026-03-31T01:00:00Z')); // Tuesday 10:00 in Seoul

    const handle = await standin.sendChatInput({ user: learnerKo, guild, channel, name: 'stats', locale: 'ko' });
    const reply = await handle.finalMessage();
    expect(reply.ephemeral).toBe(true);
    const embed = reply.embeds[0]!;
    expect(embed.title).toBe(`📊 ${learnerKo.username}님의 학습 통계`);
    expect(fieldOf(embed, '정답률')).toBe(`${Math.round((correct / answers) * 100)}% (${answers}번 답함)`);
    expect(fieldOf(embed, '연속 학습')).toBe('지금 30일 · 최고 30일');

    // Expected values straight from the database the bot wrote.
    const dbCards = harness.rows<{ state: number; stability: number; due_ms: number }>('select state, stability, due_ms from cards where user_id = ?', learnerKo.id);
    const byState = { new: 0, learning: 0, review: 0, mastered: 0 };
    for (const card of dbCards) {
      if (card.state === 0) byState.new += 1;
      else if (card.state === 2) byState[card.stability >= 21 ? 'mastered' : 'review'] += 1;
      else byState.learning += 1;
    }
    expect(fieldOf(embed, '카드')).toBe(`새 카드 ${byState.new} · 학습 중 ${byState.learning} · 복습 ${byState.review} · 완전히 익힘 ${byState.mastered}`);
    // Study days roll over at 04:00 Seoul (19:00 UTC): today ends 2026-03-31T19:00Z.
    const tomorrowStart = Date.parse('2026-03-31T19:00:00Z');
    const dueToday = dbCards.filter((card) => card.due_ms < tomorrowStart).length;
    const dueTomorrow = dbCards.filter((card) => card.due_ms >= tomorrowStart && card.due_ms < tomorrowStart + dayMs).length;
    expect(fieldOf(embed, '복습 예정')).toBe(`오늘 ${dueToday}장 · 내일 ${dueTomorrow}장`);
    const xp = (since: number) => harness!.rows<{ n: number }>('select coalesce(sum(amount), 0) n from xp_events where user_id = ? and created_at_ms >= ?', learnerKo.id, since)[0]!.n;
    // This week began Monday 2026-03-30 04:00 in Seoul.
    expect(fieldOf(embed, 'XP (이 서버)')).toBe(`이번 주 ${xp(Date.parse('2026-03-29T19:00:00Z'))} · 전체 ${xp(0)}`);
    expect(xp(0)).toBe(correct * reviewXp.correct + (answers - correct) * reviewXp.incorrect);

    // Two PNGs, uploaded as multipart files[n] with image/png.
    const edit = standin.calls.find((call) => call.method === 'PATCH' && call.path.includes('/messages/@original'))!;
    expect(edit.files.map((file) => [file.field, file.filename, file.contentType])).toEqual([
      ['files[0]', chartFileNames.reviews, 'image/png'],
      ['files[1]', chartFileNames.forecast, 'image/png'],
    ]);
    for (const attachment of reply.attachments) {
      const png = await decodePng(attachment.data);
      expect([png.width, png.height]).toEqual([chartSize.width, chartSize.height]);
      // The bold Korean title is drawn centred in the top band.
      const title = inkColumns(png, 0, chartTitleFontPx + 16);
      expect(title).not.toBeNull();
      expect(title!.count).toBeGreaterThan(300);
      expect(Math.abs((title!.left + title!.right) / 2 - chartSize.width / 2)).toBeLessThan(12);
    }

    // Another member sees a summary without charts; nothing once the learner hides from boards.
    const other = await (await standin.sendChatInput({ user: learnerEn, guild, channel, name: 'stats', locale: 'en-US', options: { user: learnerKo } })).finalMessage();
    expect(other.embeds[0]?.title).toBe(`📊 Study stats of ${learnerKo.username}`);
    expect(other.attachments).toEqual([]);
    settings.setLeaderboardVisible(learnerKo.id, false);
    const hidden = await (await standin.sendChatInput({ user: learnerEn, guild, channel, name: 'stats', locale: 'en-US', options: { user: learnerKo } })).finalMessage();
    expect(hidden).toMatchObject({ content: 'This member keeps their stats private.', embeds: [] });
  });
});
