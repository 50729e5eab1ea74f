import { afterEach, describe, expect, it } from 'vitest';
import { reminderSpacingMs } from '../../src/domain/remind/reminder-schedule.ts';
import { reminderRuntimeOf } from '../../src/discord/remind/reminder-runtime.ts';
import { buttonsOf, type StandinUser } from '../../src/standin/index.ts';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.ts';
import { content } from '../helpers/review-driver.ts';
import { manualClock } from '../helpers/temp-db.ts';

let harness: BotHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const items = [...content.items.values()].filter((item) => item.kind !== 'interview').slice(0, 3).map((item) => item.id);

describe('/remind end to end', () => {
  it('DMs at the set time only learners with due cards, once a day across a restart, and turns off when DMs are closed', async () => {
    // Sunday 2026-03-01 20:00 in Seoul: minji and closed study; alex does not.
    const clock = manualClock(new Date('2026-03-01T11:00:00Z'));
    harness = await startBotHarness({ clock });
    const h = harness;
    const { standin, guild, channel, learnerKo: minji, learnerEn: alex } = h;
    const closed = standin.createUser({ username: 'closed', locale: 'ko' });
    standin.addMember(guild, closed);
    standin.setDmsOpen(closed, false);
    for (const user of [minji, closed]) {
      for (const itemId of items) {
        h.bot.services.learning.recordAnswer({ guildId: guild.id, userId: user.id, itemId, mode: 'review', source: 'review', outcome: 'incorrect', hintUsed: false, responseMs: 1, answerText: null });
      }
    }

    clock.set(new Date('2026-03-01T22:30:00Z')); // Monday 07:30 in Seoul
    const remind = async (user: StandinUser, options: Record<string, string>, subcommand = 'on') =>
      (await standin.sendChatInput({ user, guild, channel, name: 'remind', subcommand, options, locale: user.locale })).finalMessage();
    expect((await remind(minji, { time: '9:00' })).content).toContain('매일 **09:00** (Asia/Seoul)');
    expect((await remind(minji, { time: '25:00' })).content).toContain('올바른 시간이 아니에요');
    expect((await remind(alex, {})).content).toContain('**09:00** (Asia/Seoul)');
    await remind(closed, { time: '09:00' });
    expect((await remind(minji, {}, 'status')).content).toBe('⏰ 복습 알림: 매일 **09:00** (Asia/Seoul)');

    const dmsTo = (user: StandinUser) => standin.messagesIn(standin.dmChannel(user)).filter((m) => m.authorId === standin.botUser.id && m.interaction === null);
    const tick = () => reminderRuntimeOf(h.bot.client).tick();
    clock.set(new Date('2026-03-01T23:59:00Z')); // 08:59
    await tick();
    expect(dmsTo(minji)).toEqual([]);

    clock.set(new Date('2026-03-02T00:00:00Z')); // 09:00
    await tick();
    const [dm] = dmsTo(minji);
    expect(dm?.content).toContain(`오늘 복습할 카드가 **${items.length}장** 있어요.`);
    expect(dm?.content).toContain('연속 학습 **1일**이 걸려 있어요');
    expect(dmsTo(alex)).toEqual([]);
    expect(h.rows('select enabled, refusal_pending from reminders where user_id = ?', closed.id)).toEqual([{ enabled: 0, refusal_pending: 1 }]);
    expect(standin.calls.some((call) => call.status === 403 && (call.response as { code?: number }).code === 50007)).toBe(true);

    // A restart at 09:00:30 does not send today's reminder again.
    clock.set(new Date('2026-03-02T00:00:30Z'));
    await h.restart();
    await tick();
    expect(dmsTo(minji)).toHaveLength(1);

    // "Review now" starts a review session in the DM, with the settings of the server minji studied in.
    const review = await (await standin.clickButton({ message: dm!, customId: buttonsOf(dm!)[0]!.customId!, user: minji })).finalMessage();
    expect(review.channelId).toBe(standin.dmChannel(minji).id);
    expect(review.embeds.length + buttonsOf(review).length).toBeGreaterThan(1);
    expect(h.rows('select guild_id from review_sessions where user_id = ?', minji.id)).toEqual([{ guild_id: guild.id }]);

    // The learner whose DMs are closed is told the next time they use the bot, once.
    const status = await (await standin.sendChatInput({ user: closed, guild, channel, name: 'remind', subcommand: 'status', locale: 'ko' })).finalMessage();
    expect(status.content).toContain('꺼져 있어요');
    const notice = await standin.waitForMessage((m) => m.content.includes('Discord가 DM을 막아서'), { description: 'the refusal notice' });
    expect(notice.ephemeral).toBe(true);
    expect(h.rows('select refusal_pending from reminders where user_id = ?', closed.id)).toEqual([{ refusal_pending: 0 }]);

    // The next day at 09:00 minji gets the next reminder.
    clock.set(new Date('2026-03-03T00:00:00Z'));
    await tick();
    expect(dmsTo(minji)).toHaveLength(2);
  });

  it('spreads many reminders due at the same minute instead of bursting them', async () => {
    const clock = manualClock(new Date('2026-03-01T11:00:00Z'));
    harness = await startBotHarness({ clock });
    const h = harness;
    const { standin, guild } = h;
    const learners = Array.from({ length: 12 }, (_, i) => standin.createUser({ username: `many-${i}` }));
    for (const user of learners) {
      h.bot.services.learning.recordAnswer({ guildId: guild.id, userId: user.id, itemId: items[0]!, mode: 'review', source: 'review', outcome: 'incorrect', hintUsed: false, responseMs: 1, answerText: null });
      h.bot.services.remind.turnOn(guild.id, user.id, '09:00');
    }
    const sentAt: number[] = [];
    const unsubscribe = standin.onMessage((event) => {
      if (event.kind === 'created' && event.message.guildId === null) sentAt.push(performance.now());
    });
    clock.set(new Date('2026-03-02T00:00:00Z'));
    await reminderRuntimeOf(h.bot.client).tick();
    unsubscribe();
    expect(sentAt).toHaveLength(learners.length);
    const gaps = sentAt.slice(1).map((t, i) => t - sentAt[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(reminderSpacingMs - 5);
  });
});
