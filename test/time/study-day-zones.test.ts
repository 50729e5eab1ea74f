import { describe, expect, it } from 'vitest';
import { instantOfLocal, nextPeriodStartDay, periodKey, studyDay, studyDayStart } from '../../src/domain/study-day.ts';
import { dueDailyPost, localDate } from '../../src/domain/quiz/index.ts';

const dayOf = (isoDate: string): number => Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000;
const at = (iso: string): Date => new Date(iso);
const ny = 'America/New_York';
const berlin = 'Europe/Berlin';
const seoul = 'Asia/Seoul';

describe('04:00 study-day rollover on daylight-saving days', () => {
  it('New York spring-forward (2025-03-09): the day starts at 04:00 EDT, not 05:00', () => {
    expect(instantOfLocal(2025, 3, 9, 4, 0, ny)).toEqual(at('2025-03-09T08:00:00Z'));
    expect(studyDay(at('2025-03-09T07:59:00Z'), ny)).toBe(dayOf('2025-03-08'));
    expect(studyDay(at('2025-03-09T08:00:00Z'), ny)).toBe(dayOf('2025-03-09'));
    expect(studyDayStart(dayOf('2025-03-09'), ny)).toEqual(at('2025-03-09T08:00:00Z'));
  });

  it('New York fall-back (2025-11-02): the day starts at 04:00 EST, not 03:00', () => {
    expect(instantOfLocal(2025, 11, 2, 4, 0, ny)).toEqual(at('2025-11-02T09:00:00Z'));
    expect(studyDay(at('2025-11-02T08:59:00Z'), ny)).toBe(dayOf('2025-11-01'));
    expect(studyDay(at('2025-11-02T09:00:00Z'), ny)).toBe(dayOf('2025-11-02'));
    // The repeated hour 01:00–02:00 belongs to the previous study day both times.
    expect(studyDay(at('2025-11-02T05:30:00Z'), ny)).toBe(dayOf('2025-11-01'));
    expect(studyDay(at('2025-11-02T06:30:00Z'), ny)).toBe(dayOf('2025-11-01'));
  });

  it('Berlin spring-forward (2025-03-30) and fall-back (2025-10-26)', () => {
    expect(studyDayStart(dayOf('2025-03-30'), berlin)).toEqual(at('2025-03-30T02:00:00Z'));
    expect(studyDay(at('2025-03-30T01:59:00Z'), berlin)).toBe(dayOf('2025-03-29'));
    expect(studyDay(at('2025-03-30T02:00:00Z'), berlin)).toBe(dayOf('2025-03-30'));
    expect(studyDayStart(dayOf('2025-10-26'), berlin)).toEqual(at('2025-10-26T03:00:00Z'));
    expect(studyDay(at('2025-10-26T02:59:00Z'), berlin)).toBe(dayOf('2025-10-25'));
    expect(studyDay(at('2025-10-26T03:00:00Z'), berlin)).toBe(dayOf('2025-10-26'));
  });

  it('Seoul (no daylight saving): the day starts at 04:00 KST, 19:00 UTC the evening before', () => {
    expect(studyDayStart(dayOf('2025-03-09'), seoul)).toEqual(at('2025-03-08T19:00:00Z'));
    expect(studyDay(at('2025-03-08T18:59:00Z'), seoul)).toBe(dayOf('2025-03-08'));
    expect(studyDay(at('2025-03-08T19:00:00Z'), seoul)).toBe(dayOf('2025-03-09'));
  });
});

describe('daily post time on daylight-saving days', () => {
  const base = { activeSinceMs: 0, lastPostedDate: null };

  it('a 02:30 post on New York\u2019s spring-forward day (02:30 does not exist) goes out at 03:30 EDT', () => {
    const time = { hour: 2, minute: 30 };
    expect(dueDailyPost({ ...base, time, timeZone: ny, now: at('2025-03-09T07:29:00Z') })).toBeNull();
    expect(dueDailyPost({ ...base, time, timeZone: ny, now: at('2025-03-09T07:30:00Z') }))
      .toEqual({ date: '2025-03-09', scheduledAt: at('2025-03-09T07:30:00Z') });
  });

  it('a 01:30 post on New York\u2019s fall-back day goes out at the first 01:30, and only once', () => {
    const time = { hour: 1, minute: 30 };
    expect(dueDailyPost({ ...base, time, timeZone: ny, now: at('2025-11-02T05:30:00Z') }))
      .toEqual({ date: '2025-11-02', scheduledAt: at('2025-11-02T05:30:00Z') });
    expect(dueDailyPost({ ...base, time, timeZone: ny, now: at('2025-11-02T06:30:00Z'), lastPostedDate: '2025-11-02' })).toBeNull();
  });

  it('a 09:00 post in Berlin on both change days is at 09:00 local', () => {
    const time = { hour: 9, minute: 0 };
    expect(dueDailyPost({ ...base, time, timeZone: berlin, now: at('2025-03-30T07:00:00Z') })?.scheduledAt).toEqual(at('2025-03-30T07:00:00Z'));
    expect(dueDailyPost({ ...base, time, timeZone: berlin, now: at('2025-10-26T08:00:00Z') })?.scheduledAt).toEqual(at('2025-10-26T08:00:00Z'));
    expect(localDate(at('2025-10-26T22:59:00Z'), berlin)).toBe('2025-10-26');
  });
});

describe('week and month period keys follow the local study day', () => {
  it('a New York week resets on Monday 04:00 EDT right after spring-forward', () => {
    const sunday = studyDay(at('2025-03-10T07:59:00Z'), ny); // Monday 03:59 EDT is still Sunday's study day
    const monday = studyDay(at('2025-03-10T08:00:00Z'), ny);
    expect(periodKey('week', sunday)).toBe(`w${dayOf('2025-03-03')}`);
    expect(periodKey('week', monday)).toBe(`w${dayOf('2025-03-10')}`);
    expect(studyDayStart(nextPeriodStartDay('week', sunday) ?? 0, ny)).toEqual(at('2025-03-10T08:00:00Z'));
  });

  it('a Seoul month resets on the 1st at 04:00 KST', () => {
    expect(periodKey('month', studyDay(at('2025-03-31T18:59:00Z'), seoul))).toBe('m202503');
    expect(periodKey('month', studyDay(at('2025-03-31T19:00:00Z'), seoul))).toBe('m202504');
    expect(nextPeriodStartDay('month', dayOf('2025-12-15'))).toBe(dayOf('2026-01-01'));
    expect(studyDayStart(dayOf('2025-04-01'), seoul)).toEqual(at('2025-03-31T19:00:00Z'));
  });

  it('a Berlin month that ends on the fall-back weekend resets on 1 November at 04:00 CET', () => {
    const lastOctober = studyDay(at('2025-10-31T12:00:00Z'), berlin);
    expect(periodKey('month', lastOctober)).toBe('m202510');
    expect(studyDayStart(nextPeriodStartDay('month', lastOctober) ?? 0, berlin)).toEqual(at('2025-11-01T03:00:00Z'));
    expect(periodKey('day', lastOctober)).toBe(`d${dayOf('2025-10-31')}`);
    expect(nextPeriodStartDay('all', lastOctober)).toBeNull();
  });
});
