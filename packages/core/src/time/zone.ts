/**
 * Browser-safe time-zone helpers built on `Intl.DateTimeFormat` only (no tz library, no Node APIs).
 *
 * Hot path: the importers parse one timestamp per message. `Intl.DateTimeFormat` is created once per
 * zone and the UTC offset is cached per UTC hour, so steady-state parsing does no Intl calls at all.
 *
 * DST rules (same as `Date` for the local zone and Temporal's `disambiguation: 'compatible'`):
 * - gap (a wall-clock time that does not exist, e.g. 2024-03-10 02:30 in America/New_York):
 *   read with the offset in force BEFORE the transition, i.e. moved forward by the gap length
 *   (02:30 -> 03:30 EDT = 07:30Z). Exporters that write local time without offsets can produce
 *   such values when their clock was not yet switched; shifting keeps the row instead of dropping it.
 * - overlap (a wall-clock time that happens twice, e.g. 2024-11-03 01:30 in America/New_York):
 *   the EARLIER instant (01:30 EDT = 05:30Z).
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** ECMAScript time value range. */
const MAX_EPOCH_MS = 8.64e15;
/** Upper bound on cached hour buckets per zone (≈ 11 years of hours); the cache is reset beyond it. */
const MAX_CACHED_HOURS = 100_000;

/** Wall-clock fields of an instant in a zone. `weekday` is ISO: 1 = Monday … 7 = Sunday. */
export interface ZonedParts {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
  /** 0–23 */
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** ISO day of week: 1 = Monday … 7 = Sunday (same as Temporal's `dayOfWeek`). */
  weekday: number;
}

/** Input of {@link zonedToEpoch}: time fields default to 0; out-of-range values overflow like `Date.UTC`. */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
  millisecond?: number;
}

interface ZoneInfo {
  readonly name: string;
  /** null for UTC-like zones (offset always 0). */
  readonly dtf: Intl.DateTimeFormat | null;
  /** UTC hour bucket -> offset in ms, or NaN when the offset changes inside that hour. */
  readonly hours: Map<number, number>;
}

const zones = new Map<string, ZoneInfo | null>();
const UTC_NAMES = new Set(['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT', 'Etc/Universal', 'Etc/Zulu', 'Universal', 'Zulu']);

function getZone(timeZone: string): ZoneInfo | null {
  const hit = zones.get(timeZone);
  if (hit !== undefined) return hit;
  let info: ZoneInfo | null = null;
  if (typeof timeZone === 'string' && timeZone.length > 0) {
    try {
      const dtf = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        era: 'short',
      });
      const resolved = dtf.resolvedOptions().timeZone;
      info = { name: resolved, dtf: UTC_NAMES.has(resolved) ? null : dtf, hours: new Map() };
    } catch {
      info = null;
    }
  }
  zones.set(timeZone, info);
  return info;
}

function requireZone(timeZone: string): ZoneInfo {
  const z = getZone(timeZone);
  if (z === null) throw new RangeError(`Invalid time zone: ${String(timeZone)}`);
  return z;
}

/** True when `Intl` knows the IANA zone (or offset zone, where the engine supports it). */
export function isValidTimeZone(timeZone: string): boolean {
  return typeof timeZone === 'string' && getZone(timeZone) !== null;
}

/** The engine's canonical name of a zone (e.g. 'Asia/Calcutta' -> 'Asia/Kolkata' or vice versa), or undefined. */
export function canonicalTimeZone(timeZone: string): string | undefined {
  return getZone(timeZone)?.name;
}

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic (proleptic Gregorian, no Date objects on the hot path)

/** Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm). */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeap(y) ? 29 : (MONTH_DAYS[m - 1] ?? 0);
}

/** Wall-clock fields read as if they were UTC (valid fields only). */
function wallMs(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number {
  return daysFromCivil(y, mo, d) * DAY_MS + h * HOUR_MS + mi * 60_000 + s * 1000 + ms;
}

// ---------------------------------------------------------------------------------------------
// Offsets

/** Offset (wall − UTC, ms) at an instant, straight from Intl. */
function intlOffset(dtf: Intl.DateTimeFormat, t: number): number {
  const parts = dtf.formatToParts(t);
  let y = 0;
  let mo = 1;
  let d = 1;
  let h = 0;
  let mi = 0;
  let s = 0;
  let bc = false;
  for (const p of parts) {
    switch (p.type) {
      case 'year':
        y = Number(p.value);
        break;
      case 'month':
        mo = Number(p.value);
        break;
      case 'day':
        d = Number(p.value);
        break;
      case 'hour':
        h = Number(p.value) % 24; // some engines print 24 at midnight
        break;
      case 'minute':
        mi = Number(p.value);
        break;
      case 'second':
        s = Number(p.value);
        break;
      case 'era':
        bc = p.value === 'BC' || p.value === 'B';
        break;
      default:
        break;
    }
  }
  if (bc) y = 1 - y;
  const tSec = t - (((t % 1000) + 1000) % 1000);
  return wallMs(y, mo, d, h, mi, s, 0) - tSec;
}

/** Offset (wall − UTC, ms) of `zone` at instant `t`, cached per UTC hour. */
function offsetAt(zone: ZoneInfo, t: number): number {
  const dtf = zone.dtf;
  if (dtf === null) return 0;
  const bucket = Math.floor(t / HOUR_MS);
  const cached = zone.hours.get(bucket);
  if (cached !== undefined) {
    return cached === cached ? cached : intlOffset(dtf, t); // NaN: transition inside this hour
  }
  const start = bucket * HOUR_MS;
  const a = intlOffset(dtf, start);
  const b = intlOffset(dtf, start + HOUR_MS - 1);
  if (zone.hours.size >= MAX_CACHED_HOURS) zone.hours.clear();
  // Equal ends => no transition inside the hour (zones never switch twice within an hour).
  zone.hours.set(bucket, a === b ? a : Number.NaN);
  return a === b ? a : intlOffset(dtf, t);
}

/** Epoch ms of a wall-clock time (given as ms-as-if-UTC) in a zone; gaps/overlaps as documented above. */
function wallToEpoch(zone: ZoneInfo, wall: number): number {
  if (zone.dtf === null) return wall;
  // Offsets are within ±1 day, so wall ± 1 day as an instant lies before/after any transition near `wall`.
  const before = offsetAt(zone, wall - DAY_MS);
  const after = offsetAt(zone, wall + DAY_MS);
  const tBefore = wall - before;
  const okBefore = offsetAt(zone, tBefore) === before;
  if (before === after) {
    if (okBefore) return tBefore;
    // Two transitions within two days (practically never): settle iteratively.
    const o = offsetAt(zone, tBefore);
    const t2 = wall - o;
    return offsetAt(zone, t2) === o ? t2 : tBefore;
  }
  const tAfter = wall - after;
  const okAfter = offsetAt(zone, tAfter) === after;
  if (okBefore && okAfter) return Math.min(tBefore, tAfter); // overlap: earlier instant
  if (okBefore) return tBefore;
  if (okAfter) return tAfter;
  return tBefore; // gap: offset before the transition (moves the time forward)
}

/** UTC offset of `timeZone` at an instant, in minutes (e.g. 480 for Asia/Shanghai). Throws RangeError on a bad zone. */
export function zoneOffsetMinutes(epochMs: number, timeZone: string): number {
  return offsetAt(requireZone(timeZone), epochMs) / 60_000;
}

/** Wall-clock fields of an instant in a zone. Throws RangeError on an invalid zone. */
export function zonedParts(epochMs: number, timeZone: string): ZonedParts {
  const zone = requireZone(timeZone);
  const wall = epochMs + offsetAt(zone, epochMs);
  const days = Math.floor(wall / DAY_MS);
  let rest = wall - days * DAY_MS;
  // civil from days (Hinnant)
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const hour = Math.floor(rest / HOUR_MS);
  rest -= hour * HOUR_MS;
  const minute = Math.floor(rest / 60_000);
  rest -= minute * 60_000;
  const second = Math.floor(rest / 1000);
  const millisecond = rest - second * 1000;
  const weekday = ((((days + 3) % 7) + 7) % 7) + 1; // 1970-01-01 was a Thursday (4)
  return { year, month, day, hour, minute, second, millisecond, weekday };
}

/**
 * Epoch ms of a wall-clock time in a zone. Fields overflow like `Date.UTC` (day 32 = next month's 1st,
 * hour 24 = next day 00:00), which makes "same time tomorrow" arithmetic easy. Gaps move forward,
 * overlaps take the earlier instant (see the module comment). NaN when a field is not a finite number.
 * Throws RangeError on an invalid zone.
 */
export function zonedToEpoch(parts: LocalDateTime, timeZone: string): number {
  const zone = requireZone(timeZone);
  const d = new Date(0);
  d.setUTCFullYear(parts.year, parts.month - 1, parts.day);
  d.setUTCHours(parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0, parts.millisecond ?? 0);
  const wall = d.getTime();
  if (Number.isNaN(wall)) return Number.NaN;
  return wallToEpoch(zone, wall);
}

// ---------------------------------------------------------------------------------------------
// Parsing

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

function two(s: string, i: number): number {
  const a = digit(s, i);
  const b = digit(s, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x3000 || c === 0xfeff;
}

/** `zone` null: the zone is invalid, so only strings with an explicit offset, and epoch ms, can be read. */
function parseIn(raw: string | number, zone: ZoneInfo | null): number | undefined {
  if (typeof raw === 'number') {
    return Number.isFinite(raw) && Math.abs(raw) <= MAX_EPOCH_MS ? Math.floor(raw) : undefined;
  }
  if (typeof raw !== 'string') return undefined;
  let s = raw;
  let len = s.length;
  if (len === 0) return undefined;
  if (isBlank(s.charCodeAt(0)) || isBlank(s.charCodeAt(len - 1))) {
    s = s.trim();
    len = s.length;
    if (len === 0) return undefined;
  }
  // Unix epoch milliseconds: digits only.
  if (len < 19 || s.charCodeAt(4) !== 45 /* - */) {
    for (let i = 0; i < len; i++) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) return undefined;
    }
    if (len > 16) return undefined;
    const n = Number(s);
    return n <= MAX_EPOCH_MS ? n : undefined;
  }
  // YYYY-MM-DD[T ]HH:mm:ss[.fff…][Z|±HH[:mm]]
  const y1 = two(s, 0);
  const y2 = two(s, 2);
  if (y1 < 0 || y2 < 0) return undefined;
  const y = y1 * 100 + y2;
  const mo = two(s, 5);
  const d = two(s, 8);
  const sep = s.charCodeAt(10);
  const h = two(s, 11);
  const mi = two(s, 14);
  const sec = two(s, 17);
  if (
    s.charCodeAt(7) !== 45 ||
    (sep !== 84 /* T */ && sep !== 32 /* space */ && sep !== 116) /* t */ ||
    s.charCodeAt(13) !== 58 ||
    s.charCodeAt(16) !== 58 ||
    mo < 1 ||
    mo > 12 ||
    d < 1 ||
    d > daysInMonth(y, mo) ||
    h < 0 ||
    h > 23 ||
    mi < 0 ||
    mi > 59 ||
    sec < 0 ||
    sec > 59
  ) {
    return undefined;
  }
  let i = 19;
  let ms = 0;
  const dot = s.charCodeAt(i);
  if (dot === 46 /* . */ || dot === 44 /* , */) {
    i++;
    const from = i;
    while (i < len) {
      const c = digit(s, i);
      if (c < 0) break;
      if (i - from < 3) ms = ms * 10 + c; // whole milliseconds; sub-ms digits are truncated
      i++;
    }
    const n = i - from;
    if (n === 0 || n > 9) return undefined;
    if (n === 1) ms *= 100;
    else if (n === 2) ms *= 10;
  }
  const wall = wallMs(y, mo, d, h, mi, sec, ms);
  if (i === len) {
    if (zone === null) return undefined;
    return wallToEpoch(zone, wall);
  }
  const z = s.charCodeAt(i);
  if (z === 90 /* Z */ || z === 122 /* z */) {
    return i + 1 === len ? wall : undefined;
  }
  if (z !== 43 /* + */ && z !== 45 /* - */ && z !== 0x2212 /* − */) return undefined;
  const oh = two(s, i + 1);
  if (oh < 0 || oh > 23) return undefined;
  let om = 0;
  let j = i + 3;
  if (j < len) {
    if (s.charCodeAt(j) === 58) j++;
    om = two(s, j);
    if (om < 0 || om > 59) return undefined;
    j += 2;
  }
  if (j !== len) return undefined;
  const off = (oh * 60 + om) * 60_000;
  return z === 43 ? wall - off : wall + off;
}

/**
 * Parse a timestamp to epoch ms. Accepts
 * - ISO 8601 with `Z` or an offset (`+08:00`, `+0800`, `+08`), optional fraction (`.331`, up to 9 digits, truncated to ms);
 * - `YYYY-MM-DD HH:mm:ss` or `YYYY-MM-DDTHH:mm:ss` (optional fraction) read in `timeZone`;
 * - Unix epoch milliseconds, as a number or a digit string.
 * Everything else — including impossible dates (2024-02-30, 25:00:00), dates without seconds, other
 * separators — gives undefined. Never throws; with an invalid zone only the zone-free forms are read.
 */
export function parseTimestamp(raw: string | number, timeZone: string): number | undefined {
  return parseIn(raw, getZone(timeZone));
}

/** A {@link parseTimestamp} bound to one zone (skips the per-call zone lookup). Undefined for an invalid zone. */
export function createTimestampParser(timeZone: string): ((raw: string | number) => number | undefined) | undefined {
  const zone = getZone(timeZone);
  if (zone === null) return undefined;
  return (raw) => parseIn(raw, zone);
}

/** Regular expression (source) of the timestamp strings {@link parseTimestamp} can read (shape only, not ranges). */
export const TIMESTAMP_PATTERN =
  '^\\s*(?:[0-9]{1,16}|[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(?:[.,][0-9]{1,9})?(?:[Zz]|[+\\-\u2212][0-9]{2}(?::?[0-9]{2})?)?)\\s*$';
