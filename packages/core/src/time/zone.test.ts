import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  TIMESTAMP_PATTERN,
  canonicalTimeZone,
  createTimestampParser,
  isValidTimeZone,
  parseTimestamp,
  zoneOffsetMinutes,
  zonedParts,
  zonedToEpoch,
} from './index.js';

const SH = 'Asia/Shanghai';
const NY = 'America/New_York';
const utc = (s: string): number => Date.parse(s);

describe('parseTimestamp', () => {
  it('reads ISO 8601 with an offset or Z, with optional fractional seconds', () => {
    expect(parseTimestamp('2024-06-18T10:02:11+08:00', NY)).toBe(utc('2024-06-18T02:02:11Z'));
    expect(parseTimestamp('2024-06-18T02:02:11.331Z', SH)).toBe(utc('2024-06-18T02:02:11.331Z'));
    expect(parseTimestamp('2024-06-18T02:02:11z', SH)).toBe(utc('2024-06-18T02:02:11Z'));
    expect(parseTimestamp('2024-06-18T10:02:11+0800', 'UTC')).toBe(utc('2024-06-18T02:02:11Z'));
    expect(parseTimestamp('2024-06-18T10:02:11+08', 'UTC')).toBe(utc('2024-06-18T02:02:11Z'));
    expect(parseTimestamp('2024-06-17T21:32:11-04:30', 'UTC')).toBe(utc('2024-06-18T02:02:11Z'));
    expect(parseTimestamp('2024-06-18 10:02:11+08:00', 'UTC')).toBe(utc('2024-06-18T02:02:11Z'));
  });

  it('keeps whole milliseconds of a fraction (1–9 digits, truncated)', () => {
    const base = utc('2024-06-18T02:02:11Z');
    expect(parseTimestamp('2024-06-18T02:02:11.3Z', SH)).toBe(base + 300);
    expect(parseTimestamp('2024-06-18T02:02:11.33Z', SH)).toBe(base + 330);
    expect(parseTimestamp('2024-06-18T02:02:11.999999999Z', SH)).toBe(base + 999);
    expect(parseTimestamp('2024-06-18 10:02:11.5', SH)).toBe(base + 500);
    expect(parseTimestamp('2024-06-18T02:02:11.Z', SH)).toBeUndefined();
    expect(parseTimestamp('2024-06-18T02:02:11.1234567891Z', SH)).toBeUndefined();
  });

  it('reads YYYY-MM-DD HH:mm:ss (or with T) in the given zone', () => {
    expect(parseTimestamp('2024-06-18 10:02:11', SH)).toBe(utc('2024-06-18T02:02:11Z'));
    expect(parseTimestamp('2024-06-18T10:02:11', SH)).toBe(utc('2024-06-18T02:02:11Z'));
    expect(parseTimestamp('2024-06-18 10:02:11', 'UTC')).toBe(utc('2024-06-18T10:02:11Z'));
    expect(parseTimestamp('2024-06-18 10:02:11', 'Etc/UTC')).toBe(utc('2024-06-18T10:02:11Z'));
    // New York: EDT (-4) in summer, EST (-5) in winter
    expect(parseTimestamp('2024-06-18 10:02:11', NY)).toBe(utc('2024-06-18T14:02:11Z'));
    expect(parseTimestamp('2024-01-18 10:02:11', NY)).toBe(utc('2024-01-18T15:02:11Z'));
    // Asia/Kolkata +05:30, Asia/Kathmandu +05:45
    expect(parseTimestamp('2024-06-18 10:00:00', 'Asia/Kolkata')).toBe(utc('2024-06-18T04:30:00Z'));
    expect(parseTimestamp('2024-06-18 10:00:00', 'Asia/Kathmandu')).toBe(utc('2024-06-18T04:15:00Z'));
    // surrounding blanks are ignored
    expect(parseTimestamp('  2024-06-18 10:02:11 ', SH)).toBe(utc('2024-06-18T02:02:11Z'));
  });

  it('reads Unix epoch milliseconds as a number or digit string', () => {
    expect(parseTimestamp(1718676131331, SH)).toBe(1718676131331);
    expect(parseTimestamp('1718676131331', SH)).toBe(1718676131331);
    expect(parseTimestamp('0', SH)).toBe(0);
    expect(parseTimestamp(0, SH)).toBe(0);
    expect(parseTimestamp(1718676131331.7, SH)).toBe(1718676131331);
    expect(parseTimestamp(Number.NaN, SH)).toBeUndefined();
    expect(parseTimestamp(Number.POSITIVE_INFINITY, SH)).toBeUndefined();
    expect(parseTimestamp('99999999999999999', SH)).toBeUndefined();
    expect(parseTimestamp('-1718676131331', SH)).toBeUndefined();
    expect(parseTimestamp('1718676131331.5', SH)).toBeUndefined();
  });

  it('rejects impossible dates and other shapes', () => {
    for (const bad of [
      '',
      '   ',
      '2024-02-30 10:00:00',
      '2023-02-29 10:00:00',
      '2024-13-01 10:00:00',
      '2024-00-10 10:00:00',
      '2024-06-18 25:00:00',
      '2024-06-18 24:00:00',
      '2024-06-18 10:60:00',
      '2024-06-18 10:00:60',
      '2024-06-18',
      '2024-06-18 10:02',
      '2024/06/18 10:02:11',
      '2024-6-18 10:02:11',
      '18/06/2024 10:02:11',
      '2024-06-18T10:02:11+24:00',
      '2024-06-18T10:02:11+08:60',
      '2024-06-18T10:02:11+8',
      '2024-06-18T10:02:11Z junk',
      'yesterday',
      '1e12',
      '0x10',
    ]) {
      expect(parseTimestamp(bad, SH), bad).toBeUndefined();
    }
    expect(parseTimestamp('2024-02-29 10:00:00', SH)).toBe(utc('2024-02-29T02:00:00Z'));
    expect(parseTimestamp('2000-02-29 10:00:00', SH)).toBe(utc('2000-02-29T02:00:00Z'));
    expect(parseTimestamp('1900-02-29 10:00:00', SH)).toBeUndefined();
  });

  it('never throws and reads only zone-free forms with an invalid zone', () => {
    expect(parseTimestamp('2024-06-18 10:02:11', 'Mars/Olympus')).toBeUndefined();
    expect(parseTimestamp('2024-06-18T10:02:11+08:00', 'Mars/Olympus')).toBe(utc('2024-06-18T02:02:11Z'));
    expect(parseTimestamp('1718676131331', '')).toBe(1718676131331);
    expect(parseTimestamp(undefined as unknown as string, SH)).toBeUndefined();
    expect(createTimestampParser('Mars/Olympus')).toBeUndefined();
    expect(createTimestampParser(SH)?.('2024-06-18 10:02:11')).toBe(utc('2024-06-18T02:02:11Z'));
  });

  it('matches Date.parse for random ISO instants with Z (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }), (t) => {
        expect(parseTimestamp(new Date(t).toISOString(), NY)).toBe(t);
      }),
    );
  });

  it('TIMESTAMP_PATTERN accepts what the parser reads (shape)', () => {
    const re = new RegExp(TIMESTAMP_PATTERN);
    for (const ok of ['2024-06-18T10:02:11+08:00', '2024-06-18T02:02:11.331Z', '2024-06-18 10:02:11', '1718676131331']) {
      expect(re.test(ok), ok).toBe(true);
    }
    for (const bad of ['2024/06/18 10:02:11', 'abc', '2024-06-18']) expect(re.test(bad), bad).toBe(false);
  });
});

describe('DST (America/New_York)', () => {
  // 2024-03-10 02:00 EST -> 03:00 EDT (02:00–02:59 does not exist)
  // 2024-11-03 02:00 EDT -> 01:00 EST (01:00–01:59 happens twice)
  it('gap: a non-existent wall time is moved forward by the gap (offset before the transition)', () => {
    expect(parseTimestamp('2024-03-10 02:30:00', NY)).toBe(utc('2024-03-10T07:30:00Z')); // = 03:30 EDT
    expect(zonedToEpoch({ year: 2024, month: 3, day: 10, hour: 2, minute: 30 }, NY)).toBe(utc('2024-03-10T07:30:00Z'));
    // either side of the gap is exact
    expect(parseTimestamp('2024-03-10 01:59:59', NY)).toBe(utc('2024-03-10T06:59:59Z'));
    expect(parseTimestamp('2024-03-10 03:00:00', NY)).toBe(utc('2024-03-10T07:00:00Z'));
  });

  it('overlap: an ambiguous wall time takes the earlier instant (EDT)', () => {
    expect(parseTimestamp('2024-11-03 01:30:00', NY)).toBe(utc('2024-11-03T05:30:00Z'));
    expect(parseTimestamp('2024-11-03 00:59:59', NY)).toBe(utc('2024-11-03T04:59:59Z'));
    expect(parseTimestamp('2024-11-03 02:00:00', NY)).toBe(utc('2024-11-03T07:00:00Z'));
  });

  it('zonedParts across the transitions', () => {
    expect(zonedParts(utc('2024-03-10T06:59:59Z'), NY)).toMatchObject({ hour: 1, minute: 59, second: 59 });
    expect(zonedParts(utc('2024-03-10T07:00:00Z'), NY)).toMatchObject({ hour: 3, minute: 0 });
    expect(zonedParts(utc('2024-11-03T05:30:00Z'), NY)).toMatchObject({ hour: 1, minute: 30 });
    expect(zonedParts(utc('2024-11-03T06:30:00Z'), NY)).toMatchObject({ hour: 1, minute: 30 });
    expect(zoneOffsetMinutes(utc('2024-11-03T05:30:00Z'), NY)).toBe(-240);
    expect(zoneOffsetMinutes(utc('2024-11-03T06:30:00Z'), NY)).toBe(-300);
  });

  it('Europe/London and Australia/Lord_Howe (30-minute DST) gaps', () => {
    expect(parseTimestamp('2024-03-31 01:30:00', 'Europe/London')).toBe(utc('2024-03-31T01:30:00Z')); // = 02:30 BST
    expect(parseTimestamp('2024-10-27 01:30:00', 'Europe/London')).toBe(utc('2024-10-27T00:30:00Z')); // BST first
    // Lord Howe: 2024-10-06 02:00 -> 02:30 (+10:30 -> +11)
    expect(parseTimestamp('2024-10-06 02:15:00', 'Australia/Lord_Howe')).toBe(utc('2024-10-05T15:45:00Z')); // = 02:45 +11
  });

  it('round-trips every 17 minutes across a whole DST year', () => {
    const start = utc('2024-01-01T00:00:00Z');
    const secondOneAm = [utc('2024-11-03T06:00:00Z'), utc('2024-11-03T07:00:00Z')] as const;
    let bad = 0;
    for (let t = start; t < start + 366 * 86_400_000; t += 17 * 60_000 + 1234) {
      const back = zonedToEpoch(zonedParts(t, NY), NY);
      // the second 01:xx of the overlap maps back to the first one (earlier instant)
      const expected = t >= secondOneAm[0] && t < secondOneAm[1] ? t - 3_600_000 : t;
      if (back !== expected) bad++;
    }
    expect(bad).toBe(0);
  });
});

describe('zonedParts / zonedToEpoch', () => {
  it('Asia/Shanghai and UTC, weekday ISO 1..7', () => {
    // 2024-06-18 was a Tuesday
    expect(zonedParts(utc('2024-06-18T02:02:11.331Z'), SH)).toEqual({
      year: 2024,
      month: 6,
      day: 18,
      hour: 10,
      minute: 2,
      second: 11,
      millisecond: 331,
      weekday: 2,
    });
    expect(zonedParts(utc('2024-06-16T23:00:00Z'), 'UTC').weekday).toBe(7); // Sunday
    expect(zonedParts(utc('2024-06-16T23:00:00Z'), SH)).toMatchObject({ day: 17, hour: 7, weekday: 1 });
    expect(zonedParts(utc('1969-12-31T23:59:59.999Z'), 'UTC')).toMatchObject({ year: 1969, month: 12, day: 31, millisecond: 999, weekday: 3 });
  });

  it('zonedToEpoch inverts zonedParts and overflows like Date.UTC', () => {
    expect(zonedToEpoch({ year: 2024, month: 6, day: 18, hour: 10, minute: 2, second: 11 }, SH)).toBe(utc('2024-06-18T02:02:11Z'));
    expect(zonedToEpoch({ year: 2024, month: 6, day: 31 }, SH)).toBe(utc('2024-06-30T16:00:00Z')); // July 1st 00:00 +08
    expect(zonedToEpoch({ year: 2024, month: 12, day: 31, hour: 24 }, 'UTC')).toBe(utc('2025-01-01T00:00:00Z'));
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2060, 0, 1) }), fc.constantFrom(SH, 'UTC', 'Asia/Tokyo', 'Europe/Berlin'), (t, tz) => {
        const p = zonedParts(t, tz);
        const back = zonedToEpoch(p, tz);
        // exact except inside an overlap hour, where the earlier instant is chosen
        expect(back === t || back === t - 3_600_000).toBe(true);
      }),
    );
  });

  it('throws RangeError on an invalid zone', () => {
    expect(() => zonedParts(0, 'Nowhere/City')).toThrow(RangeError);
    expect(() => zonedToEpoch({ year: 2024, month: 1, day: 1 }, '')).toThrow(RangeError);
  });

  it('handles historical local mean time offsets (seconds)', () => {
    // Shanghai used LMT +08:05:43 before 1901
    expect(zoneOffsetMinutes(utc('1890-01-01T00:00:00Z'), SH)).toBeCloseTo(8 * 60 + 5 + 43 / 60, 5);
    expect(parseTimestamp('1890-01-01 08:05:43', SH)).toBe(utc('1890-01-01T00:00:00Z'));
  });
});

describe('isValidTimeZone', () => {
  it('accepts IANA zones and rejects others', () => {
    expect(isValidTimeZone(SH)).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone(NY)).toBe(true);
    expect(isValidTimeZone('asia/shanghai')).toBe(true); // Intl is case-insensitive
    expect(canonicalTimeZone('asia/shanghai')).toBe(SH);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone(42 as unknown as string)).toBe(false);
  });
});
