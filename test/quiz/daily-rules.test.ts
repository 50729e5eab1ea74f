import { describe, expect, it } from 'vitest';
import { dueDailyPost, localDate, nextPostInstant, parseDailyTime, pickDailyItem } from '../../src/domain/quiz/index.ts';

const tz = 'Asia/Seoul';

describe('daily question schedule', () => {
  it('parses HH:MM and refuses anything else', () => {
    expect(parseDailyTime('09:30')).toEqual({ hour: 9, minute: 30 });
    expect(parseDailyTime('7:05')).toEqual({ hour: 7, minute: 5 });
    expect(['24:00', '12:60', '0930', 'nine', ''].map(parseDailyTime)).toEqual([null, null, null, null, null]);
  });

  it('is due once the local time has come, and only once per local date', () => {
    const time = { hour: 9, minute: 0 };
    const base = { time, timeZone: tz, activeSinceMs: 0, lastPostedDate: null };
    expect(dueDailyPost({ ...base, now: new Date('2026-03-01T23:59:00Z') })).toBeNull(); // 08:59 KST
    expect(dueDailyPost({ ...base, now: new Date('2026-03-02T00:00:00Z') })).toEqual({ date: '2026-03-02', scheduledAt: new Date('2026-03-02T00:00:00Z') });
    expect(dueDailyPost({ ...base, now: new Date('2026-03-02T05:00:00Z'), lastPostedDate: '2026-03-02' })).toBeNull();
  });

  it('starts tomorrow when switched on after today\u2019s time', () => {
    const now = new Date('2026-03-02T06:00:00Z'); // 15:00 KST
    const time = { hour: 9, minute: 0 };
    expect(dueDailyPost({ now, time, timeZone: tz, activeSinceMs: now.getTime(), lastPostedDate: null })).toBeNull();
    expect(nextPostInstant({ now, time, timeZone: tz, postedToday: false })).toEqual(new Date('2026-03-03T00:00:00Z'));
    expect(localDate(new Date('2026-03-02T16:00:00Z'), tz)).toBe('2026-03-03');
  });

  it('picks an unused item, the same one for the same guild and date', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const first = pickDailyItem(ids, new Set(['a', 'b']), 'g1', '2026-03-02');
    expect(['c', 'd']).toContain(first);
    expect(pickDailyItem(ids, new Set(['a', 'b']), 'g1', '2026-03-02')).toBe(first);
    expect(ids).toContain(pickDailyItem(ids, new Set(ids), 'g1', '2026-03-02'));
    expect(pickDailyItem([], new Set(), 'g1', '2026-03-02')).toBeNull();
  });
});
