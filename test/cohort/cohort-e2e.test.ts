import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { APIEmbed } from 'discord.js';
import { chartSize } from '../../src/discord/charts/render-png.ts';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.ts';
import { content } from '../helpers/review-driver.ts';
import { manualClock } from '../helpers/temp-db.ts';
import { decodePng } from '../stats/png.ts';
import { dayMs, isActive, optedOut, reportAt, scriptDays, seedCohort } from './seed-cohort.ts';

let harness: BotHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** Seoul is UTC+9 all year and study days roll over at 04:00: the day number, computed apart from the bot's code. */
const seoulStudyDay = (ms: number) => Math.floor((ms + (9 - 4) * 3_600_000) / dayMs);
const isoOf = (day: number) => new Date(day * dayMs).toISOString().slice(0, 10);
const textOf = (item: { ko: string } | undefined) => item?.ko ?? '';
const promptKo = (itemId: string) => {
  const item = content.items.get(itemId)!;
  return 'prompt' in item ? item.prompt.ko : item.term.ko;
};
const clipped = (text: string, max: number) => (text.length <= max ? text : `${[...text].slice(0, max - 1).join('')}…`);

function fieldOf(embed: APIEmbed, prefix: string): string {
  const field = embed.fields?.find((f) => f.name.startsWith(prefix));
  if (!field) throw new Error(`no field ${prefix}: ${JSON.stringify(embed.fields?.map((f) => f.name))}`);
  return field.value;
}

describe('/cohort end to end', () => {
  it('reports a scripted cohort of 50 learners over 30 days with the figures SQL finds, a PNG chart and no hidden names', async () => {
    const clock = manualClock(new Date('2026-03-02T11:00:00Z'));
    harness = await startBotHarness({ clock });
    const h = harness;
    const { standin, guild, channel, admin, learnerKo, learnerEn } = h;
    const learners = seedCohort(h, clock);
    clock.set(reportAt);
    const today = seoulStudyDay(reportAt.getTime());
    const fromDay = today - 29;
    expect(seoulStudyDay(Date.parse('2026-03-02T11:00:00Z'))).toBe(fromDay); // the script fills the month exactly

    // A learner without Manage Server is refused in their language, even though they can send the command.
    const refusedKo = await (await standin.sendChatInput({ user: learnerKo, guild, channel, name: 'cohort', subcommand: 'report', locale: 'ko' })).finalMessage();
    expect(refusedKo).toMatchObject({ ephemeral: true, content: '서버 관리 권한이 있는 사람만 할 수 있어요.', embeds: [], attachments: [] });
    const refusedEn = await (await standin.sendChatInput({ user: learnerEn, guild, channel, name: 'cohort', subcommand: 'export', locale: 'en-US' })).finalMessage();
    expect(refusedEn.content).toBe('Only members with the Manage Server permission can do this.');

    const reply = await (await standin.sendChatInput({
      user: admin, guild, channel, name: 'cohort', subcommand: 'report', locale: 'ko', options: { period: 'month' },
    })).finalMessage();
    expect(reply.ephemeral).toBe(true);
    const embed = reply.embeds[0]!;
    expect(embed.title).toBe('📈 수강생 현황 · 최근 30일');

    // Totals of the period, straight from the review log.
    const one = <T,>(sql: string, ...params: unknown[]) => h.rows<T>(sql, ...params)[0]!;
    const totals = one<{ learners: number; answers: number; ok: number }>(
      `select count(distinct user_id) learners, count(*) answers, sum(outcome in ('correct', 'close')) ok
       from review_logs where guild_id = ? and study_day between ? and ?`, guild.id, fromDay, today);
    const everyone = one<{ n: number }>('select count(distinct user_id) n from review_logs where guild_id = ?', guild.id).n;
    expect(everyone).toBe(50);
    expect(embed.description).toBe(`${isoOf(fromDay)} ~ ${isoOf(today)} · 학습자 ${everyone}명 중 ${totals.learners}명이 답했어요 · `
      + `답변 ${totals.answers}번 · 정답률 ${Math.round((totals.ok / totals.answers) * 100)}%`);

    // Learners and answers per day: the last 7 days listed, the busiest day named.
    const perDay = h.rows<{ day: number; learners: number; answers: number }>(
      'select study_day day, count(distinct user_id) learners, count(*) answers from review_logs where guild_id = ? group by study_day order by study_day', guild.id);
    expect(perDay).toHaveLength(scriptDays);
    const activity = fieldOf(embed, '일별 활동').split('\n');
    expect(activity.slice(0, 7)).toEqual(perDay.slice(-7).map((d) => `${isoOf(d.day)}: ${d.learners}명 · ${d.answers}번`));
    const peak = perDay.reduce((best, d) => (d.learners > best.learners ? d : best));
    const avg = (pick: (d: (typeof perDay)[number]) => number) => Math.round((perDay.reduce((s, d) => s + pick(d), 0) / 30) * 10) / 10;
    expect(activity[7]).toBe(`하루 평균 ${avg((d) => d.learners)}명 · ${avg((d) => d.answers)}번 (가장 많은 날 ${isoOf(peak.day)}: ${peak.learners}명)`);

    // Retention by deck, through the cards' own deck column.
    const decks = h.rows<{ deck: string; answers: number; ok: number }>(
      `select c.deck_id deck, count(*) answers, sum(r.outcome in ('correct', 'close')) ok from review_logs r join cards c on c.id = r.card_id
       where r.guild_id = ? group by c.deck_id order by answers desc, deck`, guild.id);
    expect(decks).toHaveLength(4);
    expect(fieldOf(embed, '덱별 정답률').split('\n')).toEqual(decks.map((d) =>
      `${textOf(content.decks.find((deck) => deck.id === d.deck)?.title)}: ${Math.round((d.ok / d.answers) * 100)}% (${d.answers}번)`));

    // The 10 weakest: lapses (a review card answered Again) per answer, then recall.
    const weakest = h.rows<{ item: string; answers: number; lapses: number; ok: number }>(
      `select item_id item, count(*) answers, sum(state_before = 2 and rating = 1) lapses, sum(outcome in ('correct', 'close')) ok
       from review_logs where guild_id = ? group by item_id having count(*) >= 5
       order by cast(lapses as real) / answers desc, cast(ok as real) / answers asc, answers desc, item_id limit 10`, guild.id);
    expect(weakest.some((w) => w.lapses > 0)).toBe(true);
    expect(fieldOf(embed, '가장 약한 문제').split('\n')).toEqual(weakest.map((w, i) =>
      `${i + 1}. ${clipped(promptKo(w.item), 50)} — 망각 ${w.lapses}/${w.answers}번 · 기억률 ${Math.round((w.ok / w.answers) * 100)}%`));

    // Idle for 7+ study days: counted all, named only when visible on boards.
    const idle = h.rows<{ user: string; visible: number }>(
      `select r.user_id user, coalesce(u.leaderboard_visible, 1) visible from review_logs r left join users u on u.id = r.user_id
       where r.guild_id = ? group by r.user_id having max(r.study_day) <= ?`, guild.id, today - 7);
    const expectedIdle = learners.map((_, i) => i).filter((i) => ![...Array(scriptDays).keys()].some((d) => d > 22 && isActive(i, d)));
    expect(idle.map((row) => row.user).sort()).toEqual(expectedIdle.map((i) => learners[i]!.id).sort());
    const inactive = fieldOf(embed, '7일 넘게 쉬고 있는');
    const hiddenIdle = idle.filter((row) => row.visible === 0);
    expect(hiddenIdle.length).toBe(2);
    expect(inactive.split('\n')[0]).toBe(`${idle.length}명`);
    expect([...inactive.matchAll(/<@(\d+)>/g)].map((m) => m[1]).sort()).toEqual(idle.filter((row) => row.visible === 1).map((row) => row.user).sort());
    expect(inactive).toContain(`순위표 비공개 ${hiddenIdle.length}명`);
    // No opted-out learner appears anywhere in the reply, by id or by name.
    const whole = JSON.stringify(reply);
    for (const i of optedOut) {
      expect(whole).not.toContain(learners[i]!.id);
      expect(whole).not.toContain(learners[i]!.username);
    }
    expect(reply.allowedMentions).toEqual({ parse: [] });

    // Interview answers with a score: count, average and the five bands per question.
    const interviews = h.rows<{ item: string; n: number; average: number; b0: number; b1: number; b2: number; b3: number; b4: number }>(
      `select item_id item, count(*) n, round(avg(score)) average,
       sum(score < 20) b0, sum(score >= 20 and score < 40) b1, sum(score >= 40 and score < 60) b2, sum(score >= 60 and score < 80) b3, sum(score >= 80) b4
       from interview_attempts where guild_id = ? and kind = 'answer' and score is not null group by item_id order by n desc, item_id`, guild.id);
    expect(interviews.length).toBe(3);
    expect(fieldOf(embed, '면접 연습').split('\n')).toEqual(interviews.map((r) =>
      `${clipped(promptKo(r.item), 50)}: ${r.n}회 · 평균 ${r.average}점 · 0–19:${r.b0} 20–39:${r.b1} 40–59:${r.b2} 60–79:${r.b3} 80–100:${r.b4}`));

    // The lab funnel: how many reached each step, and the step where most stopped.
    const reachedOf = (exercise: string, steps: number) => Array.from({ length: steps + 1 }, (_, k) =>
      one<{ n: number }>('select count(*) n from lab_progress where guild_id = ? and exercise_id = ? and best_steps >= ?', guild.id, exercise, k).n);
    const apache = reachedOf('practice-3-apache', 6);
    const finished = one<{ n: number }>(`select count(*) n from lab_progress where guild_id = ? and exercise_id = 'practice-3-apache' and finished_at_ms is not null`, guild.id).n;
    expect(apache).toEqual([40, 36, 32, 20, 16, 12, 8]);
    const apacheField = embed.fields!.find((f) => f.name.includes('아파치') || f.value.startsWith(`시작 ${apache[0]} → 1단계 ${apache[1]}`))!;
    expect(apacheField.value).toBe(`시작 ${apache[0]} → ${apache.slice(1).map((n, k) => `${k + 1}단계 ${n}`).join(' → ')} → 완료 ${finished}\n가장 많이 멈춘 곳: 3단계 (12명)`);

    // The chart is a real PNG of the shared chart size.
    expect(reply.attachments.map((a) => [a.filename, a.contentType])).toEqual([['cohort-activity.png', 'image/png']]);
    const pngBytes = reply.attachments[0]!.data;
    expect([...pngBytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const png = await decodePng(pngBytes);
    expect([png.width, png.height]).toEqual([chartSize.width, chartSize.height]);

    // The last 7 days only: fewer answers, the same people still idle.
    const week = (await (await standin.sendChatInput({ user: admin, guild, channel, name: 'cohort', subcommand: 'report', locale: 'en-US', options: { period: 'week' } })).finalMessage()).embeds[0]!;
    const weekTotals = one<{ learners: number; answers: number; ok: number }>(
      `select count(distinct user_id) learners, count(*) answers, sum(outcome in ('correct', 'close')) ok
       from review_logs where guild_id = ? and study_day between ? and ?`, guild.id, today - 6, today);
    expect(week.title).toBe('📈 Cohort report · last 7 days');
    expect(week.description).toBe(`${isoOf(today - 6)} – ${isoOf(today)} · ${weekTotals.learners} of 50 learners answered · `
      + `${weekTotals.answers} answers · ${Math.round((weekTotals.ok / weekTotals.answers) * 100)}% right`);
  });

  it('exports the same figures as CSV files in a zip, with hidden learners as anonymous labels', async () => {
    const clock = manualClock(new Date('2026-03-02T11:00:00Z'));
    harness = await startBotHarness({ clock });
    const h = harness;
    const { standin, guild, channel, admin } = h;
    const learners = seedCohort(h, clock);
    clock.set(reportAt);
    const today = seoulStudyDay(reportAt.getTime());

    const reply = await (await standin.sendChatInput({ user: admin, guild, channel, name: 'cohort', subcommand: 'export', locale: 'ko', options: { period: 'all' } })).finalMessage();
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain('CSV 파일 7개');
    expect(reply.attachments.map((a) => a.filename)).toEqual([`cohort-all-${isoOf(today)}.zip`]);
    const files = unzipSync(reply.attachments[0]!.data);
    expect(Object.keys(files).sort()).toEqual(['days.csv', 'decks.csv', 'inactive.csv', 'interviews.csv', 'lab_funnel.csv', 'summary.csv', 'weakest.csv']);
    const csv = (name: string) => parse(strFromU8(files[name]!), { columns: true }) as Record<string, string>[];

    const perDay = h.rows<{ day: number; learners: number; answers: number; ok: number }>(
      `select study_day day, count(distinct user_id) learners, count(*) answers, sum(outcome in ('correct', 'close')) ok
       from review_logs where guild_id = ? group by study_day order by study_day`, guild.id);
    expect(csv('days.csv')).toEqual(perDay.map((d) => ({ date: isoOf(d.day), active_learners: String(d.learners), reviews: String(d.answers), correct: String(d.ok) })));
    const [summary] = csv('summary.csv');
    expect(summary).toMatchObject({ period: 'all', from: isoOf(perDay[0]!.day), to: isoOf(today), learners: '50', reviews: String(perDay.reduce((s, d) => s + d.answers, 0)) });

    const idle = h.rows<{ user: string; visible: number; last: number }>(
      `select r.user_id user, coalesce(u.leaderboard_visible, 1) visible, max(r.study_day) last from review_logs r left join users u on u.id = r.user_id
       where r.guild_id = ? group by r.user_id having max(r.study_day) <= ?`, guild.id, today - 7);
    const inactive = csv('inactive.csv');
    expect(inactive).toHaveLength(idle.length);
    expect(summary!.inactive_learners).toBe(String(idle.length));
    expect(inactive.filter((row) => /^\d+$/.test(row.learner!)).map((row) => row.learner).sort()).toEqual(idle.filter((r) => r.visible === 1).map((r) => r.user).sort());
    expect(inactive.filter((row) => row.learner!.startsWith('hidden-')).map((row) => row.learner)).toEqual(['hidden-1', 'hidden-2']);
    for (const row of inactive) expect(Number(row.idle_days)).toBeGreaterThanOrEqual(7);

    const lab = csv('lab_funnel.csv').filter((row) => row.exercise_id === 'practice-3-apache');
    expect(lab.map((row) => [row.stage, row.learners])).toEqual([
      ['started', '40'], ['step 1', '36'], ['step 2', '32'], ['step 3', '20'], ['step 4', '16'], ['step 5', '12'], ['step 6', '8'], ['completed', '8'],
    ]);
    expect(lab.filter((row) => row.most_stop_here === '1').map((row) => row.stage)).toEqual(['step 3']);
    const interviewRows = csv('interviews.csv');
    const scored = h.rows<{ n: number }>(`select count(*) n from interview_attempts where guild_id = ? and kind = 'answer'`, guild.id)[0]!.n;
    expect(interviewRows.reduce((sum, row) => sum + Number(row.attempts), 0)).toBe(scored);
    expect(csv('weakest.csv')).toHaveLength(10);

    // Nobody who hides from boards is named in any file.
    const everything = Object.values(files).map((bytes) => strFromU8(bytes)).join('\n');
    for (const i of optedOut) {
      expect(everything).not.toContain(learners[i]!.id);
      expect(everything).not.toContain(learners[i]!.username);
    }
  });
});
