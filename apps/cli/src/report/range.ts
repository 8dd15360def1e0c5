/** --from / --to: a day (YYYY-MM-DD) or an instant (YYYY-MM-DD HH:mm:ss, ISO with offset), in a time zone. */
import { parseTimestamp, zonedToEpoch } from '@zhijian/core';

const DAY = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/;

/**
 * Epoch ms of a date flag, or undefined when it cannot be read. A bare day is its start; with
 * `endOfDay`, the start of the NEXT day (so `--to 2025-06-30` includes the 30th).
 */
export function parseDateFlag(value: string, timeZone: string, endOfDay: boolean): number | undefined {
  const m = DAY.exec(value);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const check = new Date(Date.UTC(year, month - 1, day));
    if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
    return zonedToEpoch({ year, month, day: endOfDay ? day + 1 : day }, timeZone);
  }
  if (/^\s*\d+\s*$/.test(value)) return undefined; // epoch numbers are not dates people type
  return parseTimestamp(value, timeZone);
}
