import { describe, expect, it } from 'vitest';
import { handledDayWhenSwitchedOn, isReminderDue, reminderDueAt, reminderSpacingMs } from '../../src/domain/remind/reminder-schedule.ts';
import { studyDay } from '../../src/domain/study-day.ts';

const zone = 'Asia/Seoul';
const at = (iso: string) => new Date(iso);

describe('when a reminder is due', () => {
  const today = studyDay(at('2026-03-02T01:00:00Z'), zone); // Monday 10:00 in Seoul

  it('is due from the local time on, once per study day', () => {
    const reminder = { time: { hour: 9, minute: 0 }, enabled: true, lastSentDay: today - 1 };
    expect(reminderDueAt(today, reminder.time, zone).toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(isReminderDue(reminder, at('2026-03-01T23:59:59Z'), zone)).toBe(false);
    expect(isReminderDue(reminder, at('2026-03-02T00:00:00Z'), zone)).toBe(true);
    expect(isReminderDue({ ...reminder, lastSentDay: today }, at('2026-03-02T05:00:00Z'), zone)).toBe(false);
    expect(isReminderDue({ ...reminder, enabled: false }, at('2026-03-02T05:00:00Z'), zone)).toBe(false);
  });

  it('puts a time before the 04:00 rollover at the end of the study day it belongs to', () => {
    // 02:30 on Tuesday's calendar date still belongs to Monday's study day.
    expect(reminderDueAt(today, { hour: 2, minute: 30 }, zone).toISOString()).toBe('2026-03-02T17:30:00.000Z');
  });

  it('starts tomorrow when switched on after today\'s time', () => {
    expect(handledDayWhenSwitchedOn({ hour: 9, minute: 0 }, at('2026-03-02T01:00:00Z'), zone)).toBe(today);
    expect(handledDayWhenSwitchedOn({ hour: 11, minute: 0 }, at('2026-03-02T01:00:00Z'), zone)).toBeNull();
  });

  it('spaces DMs so two requests each stay under Discord\'s 50 requests per second', () => {
    expect((1000 / reminderSpacingMs) * 2).toBeLessThan(50);
  });
});
