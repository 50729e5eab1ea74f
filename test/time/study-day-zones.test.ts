import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { instantOfLocal, localParts, nextPeriodStartDay, periodKey, studyDay, studyDayStart } from '../../src/domain/study-day.ts';
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

describe('studyDay remembers the current day per time zone and never answers a stale one', () => {
  /** The rule computed from the wall clock alone (localParts keeps no memory): before 04:00 is the previous date. */
  const expected = (instant: Date, timeZone: string): number => {
    const { year, month, day, hour } = localParts(instant, timeZone);
    return Date.UTC(year, month - 1, day) / 86_400_000 - (hour < 4 ? 1 : 0);
  };
  const ms = (iso: string) => Date.parse(iso);
  const minute = 60_000;

  it('turns at 04:00 local right after answering from the remembered day, and back again going backwards', () => {
    expect(studyDay(at('2025-06-10T03:00:00Z'), seoul)).toBe(dayOf('2025-06-10')); // 12:00 KST
    expect(studyDay(at('2025-06-10T18:59:59.999Z'), seoul)).toBe(dayOf('2025-06-10')); // 03:59:59.999 KST on the 11th
    expect(studyDay(at('2025-06-10T19:00:00Z'), seoul)).toBe(dayOf('2025-06-11')); // 04:00 KST
    expect(studyDay(at('2025-06-10T18:59:59.999Z'), seoul)).toBe(dayOf('2025-06-10'));
    expect(studyDay(at('2025-06-09T19:00:00Z'), seoul)).toBe(dayOf('2025-06-10'));
    expect(studyDay(at('2025-06-09T18:59:59.999Z'), seoul)).toBe(dayOf('2025-06-09'));
    expect(studyDay(at('2025-06-10T19:00:00Z'), seoul)).toBe(dayOf('2025-06-11'));
  });

  it('follows New York through both daylight-saving changes, minute by minute forwards and backwards', () => {
    for (const [from, to] of [['2025-03-08T06:00:00Z', '2025-03-10T10:00:00Z'], ['2025-11-01T06:00:00Z', '2025-11-03T11:00:00Z']] as const) {
      const instants: number[] = [];
      for (let t = ms(from); t <= ms(to); t += 7 * minute) instants.push(t);
      for (const t of [...instants, ...instants.reverse()]) expect(studyDay(new Date(t), ny), new Date(t).toISOString()).toBe(expected(new Date(t), ny));
    }
    // The 23-hour day before spring-forward ends at 04:00 EDT, not 24 hours after it began.
    expect(studyDay(at('2025-03-08T09:00:00Z'), ny)).toBe(dayOf('2025-03-08'));
    expect(studyDay(at('2025-03-09T08:30:00Z'), ny)).toBe(dayOf('2025-03-09'));
    // The 25-hour day of fall-back: the repeated 01:30 and 03:59 EST still belong to 1 November.
    expect(studyDay(at('2025-11-01T12:00:00Z'), ny)).toBe(dayOf('2025-11-01'));
    expect(studyDay(at('2025-11-02T06:30:00Z'), ny)).toBe(dayOf('2025-11-01'));
    expect(studyDay(at('2025-11-02T08:59:00Z'), ny)).toBe(dayOf('2025-11-01'));
    expect(studyDay(at('2025-11-02T09:00:00Z'), ny)).toBe(dayOf('2025-11-02'));
  });

  it('keeps zones apart: one instant alternating between zones gets each zone\u2019s own day', () => {
    const instant = at('2025-03-08T19:00:00Z'); // 04:00 KST on the 9th, 14:00 EST and 20:00 CET on the 8th
    for (let round = 0; round < 3; round++) {
      expect(studyDay(instant, seoul)).toBe(dayOf('2025-03-09'));
      expect(studyDay(instant, ny)).toBe(dayOf('2025-03-08'));
      expect(studyDay(instant, berlin)).toBe(dayOf('2025-03-08'));
      expect(studyDay(new Date(instant.getTime() - 1), seoul)).toBe(dayOf('2025-03-08'));
    }
  });

  it('stays right when more zones take turns than it remembers, over the spring changes of both hemispheres', () => {
    const zones = [seoul, ny, berlin, 'UTC', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/St_Johns', 'Pacific/Chatham', 'Asia/Kathmandu', 'America/Sao_Paulo', 'Pacific/Kiritimati', 'Europe/London'];
    for (let t = ms('2025-03-29T00:00:00Z'); t < ms('2025-04-07T00:00:00Z'); t += 53 * minute) {
      for (const zone of zones) expect(studyDay(new Date(t), zone), `${zone} ${new Date(t).toISOString()}`).toBe(expected(new Date(t), zone));
    }
  });
});

describe('the assumption the remembered day rests on', () => {
  it('no time zone moves its clock back across 04:00 (2024\u20132037; later years repeat the same rules), so a study day never comes back once over', () => {
    const studyDate = (epochMs: number, offsetNs: number) => Math.floor((epochMs + offsetNs / 1e6 - 4 * 3_600_000) / 86_400_000);
    const backwards: string[] = [];
    let transitions = 0;
    for (const zone of Intl.supportedValuesOf('timeZone')) {
      const end = Date.UTC(2038, 0, 1);
      for (let change = Temporal.Instant.from('2024-01-01T00:00:00Z').toZonedDateTimeISO(zone).getTimeZoneTransition('next');
        change && change.epochMilliseconds < end; change = change.getTimeZoneTransition('next')) {
        transitions++;
        const before = Temporal.Instant.fromEpochMilliseconds(change.epochMilliseconds - 1).toZonedDateTimeISO(zone).offsetNanoseconds;
        if (studyDate(change.epochMilliseconds, change.offsetNanoseconds) < studyDate(change.epochMilliseconds - 1, before)) backwards.push(change.toString());
      }
    }
    expect(transitions).toBeGreaterThan(500);
    expect(backwards).toEqual([]);
  });
});
