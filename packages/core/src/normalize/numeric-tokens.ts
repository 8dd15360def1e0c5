/**
 * Numeric tokens (spec, Definitions), in order, on a normalised text: the numbers, dates and
 * times whose change makes a copied script "modified" (crisis.script-modified).
 *
 *  - ASCII digit runs with an optional decimal part: 48, 3.5. Values are canonical decimals
 *    (048 -> 48, 3.50 -> 3.5), so equal numbers compare equal as strings.
 *  - Chinese numeral runs (零〇一二两三四五六七八九十百千万亿) count when they have 2 or more
 *    numerals (二十, 四十八), are followed by a unit of time or money (两天, 三点), or stand on
 *    either side of a range connector 到, 至, - or ~ whose other side is a number (三到五个工作日).
 *    Values are the same canonical decimals: 四十八 -> 48, 一万五 -> 15000, 二〇二四 -> 2024.
 *  - Idioms are wording: 一点, 一下, 一些, 一般, 一定, 一直, 一起, 一样, 一致, 十分, 万一, 一一, 统一,
 *    唯一, 第一时间; but 一点 right after 上午/下午/中午/晚上/凌晨/早上, and 十分 before 钟, are times.
 *  - Date words (今天, 明天, 后天, 昨天, 周一…周日, 周天, 星期一…星期日, 星期天, 周末) are tokens
 *    whose value is the word; the numerals inside them are not numbers of their own.
 *  - `[数字x]` is a wildcard token that matches any number.
 *  - Emoticon codes (`#E-s01`, `/:8-)`) and keycap emoji (`1️⃣`) hold no numbers: the spec says
 *    copies differing only in emoji or emoticon codes do not count as modified.
 *  - ASCII digits are read alone, exactly as the spec says: 5万 gives 5 (a lone 万 is wording).
 */
import { emoticonCodeEnd, isAsciiDigit, keycapEnd, numberPlaceholderEnd } from './emoticon.js';

export interface NumericToken {
  /** Canonical value: a decimal number ('48', '3.5'), a date word ('明天'), or '*' for a wildcard. */
  value: string;
  /** [start, end) in the normalised text. */
  start: number;
  end: number;
  /** `[数字x]`: matches any number. */
  wildcard?: boolean;
}

const CN_DIGIT: ReadonlyMap<string, number> = new Map([
  ['零', 0], ['〇', 0], ['一', 1], ['二', 2], ['两', 2], ['三', 3], ['四', 4],
  ['五', 5], ['六', 6], ['七', 7], ['八', 8], ['九', 9],
]);
/** Multipliers as powers of ten. */
const CN_UNIT: ReadonlyMap<string, number> = new Map([['十', 1], ['百', 2], ['千', 3], ['万', 4], ['亿', 8]]);

const TIME_MONEY_UNITS = '天分秒元块折号月日周年点'; // 分钟 starts with 分; 小时 is checked apart
const RANGE_CONNECTORS = '到至-~';
const TIME_OF_DAY = ['上午', '下午', '中午', '晚上', '凌晨', '早上'];
const WORDING_AFTER_ONE = '下些般定直起样致'; // 一下, 一些, 一般, 一定, 一直, 一起, 一样, 一致

const isCnNumeral = (ch: string | undefined): boolean => ch !== undefined && (CN_DIGIT.has(ch) || CN_UNIT.has(ch));
const isNumberChar = (ch: string | undefined): boolean => ch !== undefined && (isAsciiDigit(ch.charCodeAt(0)) || isCnNumeral(ch));

/** Length of the date word starting at i, or 0. */
function dateWordLength(s: string, i: number): number {
  const c = s[i];
  if (c === '星' && s[i + 1] === '期' && '一二三四五六日天'.includes(s[i + 2] ?? '#')) return 3;
  if (c === '周' && '一二三四五六日天末'.includes(s[i + 1] ?? '#')) return 2;
  if ((c === '今' || c === '明' || c === '后' || c === '昨') && s[i + 1] === '天') return 2;
  return 0;
}

function unitFollows(s: string, j: number): boolean {
  const c = s[j];
  return (c !== undefined && TIME_MONEY_UNITS.includes(c)) || s.startsWith('小时', j);
}

/** Is [i, j) on one side of a range connector whose other side is a number? (spaces allowed around it) */
function inRange(s: string, i: number, j: number): boolean {
  let a = j;
  while (s[a] === ' ') a++;
  if (s[a] !== undefined && RANGE_CONNECTORS.includes(s[a]!)) {
    a++;
    while (s[a] === ' ') a++;
    if (isNumberChar(s[a])) return true;
  }
  let b = i - 1;
  while (s[b] === ' ') b--;
  if (b >= 0 && RANGE_CONNECTORS.includes(s[b]!)) {
    b--;
    while (s[b] === ' ') b--;
    if (b >= 0 && isNumberChar(s[b])) return true;
  }
  return false;
}

/** The idioms: 'wording' (no number), 'time' (a number whatever else holds), or null. */
function idiom(s: string, i: number, j: number, run: string): 'wording' | 'time' | null {
  const next = s[j];
  if (run === '一') {
    if (next === '点') return TIME_OF_DAY.some((w) => s.endsWith(w, i)) ? 'time' : 'wording';
    if (next !== undefined && WORDING_AFTER_ONE.includes(next)) return 'wording';
    const prev = s[i - 1];
    if (prev === '统' || prev === '唯') return 'wording';
    if (prev === '第' && s.startsWith('时间', j)) return 'wording';
  }
  if (run === '十' && next === '分') return s[j + 1] === '钟' ? 'time' : 'wording';
  if (run === '一一' || run === '万一') return 'wording';
  return null;
}

/** '048' -> '48', '3.50' -> '3.5', '7.0' -> '7'. */
function canonicalDecimal(intPart: string, fracPart: string): string {
  let k = 0;
  while (k < intPart.length - 1 && intPart[k] === '0') k++;
  const int = intPart.slice(k) || '0';
  let e = fracPart.length;
  while (e > 0 && fracPart[e - 1] === '0') e--;
  return e > 0 ? `${int}.${fracPart.slice(0, e)}` : int;
}


/** Value of a Chinese numeral run: digit by digit (二〇二四) or positional (一万五千, 两百五). */
export function chineseNumeralValue(run: string): string {
  const chars = Array.from(run);
  if (!chars.some((c) => CN_UNIT.has(c))) return canonicalDecimal(chars.map((c) => String(CN_DIGIT.get(c) ?? 0)).join(''), '');
  let yi = 0; // sum of 亿 sections
  let wan = 0; // sum of 万 sections below the current 亿
  let section = 0; // below 万
  let digit = -1; // pending digit, -1 when none
  let lastUnit = 0; // exponent of the last multiplier
  let afterUnit = false; // pending digit directly follows a multiplier (一万五: colloquial 15000)
  let prevWasUnit = false;
  for (const c of chars) {
    const d = CN_DIGIT.get(c);
    if (d !== undefined) {
      digit = d;
      afterUnit = prevWasUnit && d !== 0;
      prevWasUnit = false;
      continue;
    }
    const e = CN_UNIT.get(c)!;
    if (e === 8) {
      const below = wan + section + Math.max(digit, 0);
      yi += (below === 0 ? 1 : below) * 1e8;
      wan = 0;
      section = 0;
    } else if (e === 4) {
      const below = section + Math.max(digit, 0);
      wan += (below === 0 ? 1 : below) * 1e4;
      section = 0;
    } else {
      section += (digit < 0 ? 1 : digit) * 10 ** e;
    }
    digit = -1;
    lastUnit = e;
    prevWasUnit = true;
  }
  let tail = Math.max(digit, 0);
  if (afterUnit && lastUnit >= 2) tail *= 10 ** (lastUnit - 1); // 两百五 = 250, 一万五 = 15000
  return String(yi + wan + section + tail);
}

export function numericTokens(normalized: string): NumericToken[] {
  const s = normalized;
  const L = s.length;
  const tokens: NumericToken[] = [];
  let i = 0;
  while (i < L) {
    const u = s.charCodeAt(i);
    if (u === 0x5b /* [ */) {
      const p = numberPlaceholderEnd(s, i);
      if (p >= 0) {
        tokens.push({ value: '*', start: i, end: p, wildcard: true });
        i = p;
        continue;
      }
    }
    if (u === 0x5b || u === 0x2f /* / */ || u === 0x23 /* # */) {
      const e = emoticonCodeEnd(s, i);
      if (e >= 0) {
        i = e;
        continue;
      }
    }
    if (isAsciiDigit(u) || u === 0x23 || u === 0x2a) {
      const k = keycapEnd(s, i);
      if (k >= 0) {
        i = k;
        continue;
      }
    }
    const dw = dateWordLength(s, i);
    if (dw > 0) {
      tokens.push({ value: s.slice(i, i + dw), start: i, end: i + dw });
      i += dw;
      continue;
    }
    if (isAsciiDigit(u)) {
      let j = i;
      while (j < L && isAsciiDigit(s.charCodeAt(j))) j++;
      const intPart = s.slice(i, j);
      let fracPart = '';
      if (s.charCodeAt(j) === 0x2e /* . */ && isAsciiDigit(s.charCodeAt(j + 1))) {
        let f = j + 1;
        while (f < L && isAsciiDigit(s.charCodeAt(f))) f++;
        fracPart = s.slice(j + 1, f);
        j = f;
      }
      // The spec reads ASCII digits alone: 5万 is 5 and a lone 万 (wording), as other implementations will.
      tokens.push({ value: canonicalDecimal(intPart, fracPart), start: i, end: j });
      i = j;
      continue;
    }
    if (isCnNumeral(s[i])) {
      let j = i;
      while (j < L && isCnNumeral(s[j])) j++;
      const run = s.slice(i, j);
      const kind = idiom(s, i, j, run);
      const counts = kind === 'time' || (kind === null && (j - i >= 2 || unitFollows(s, j) || inRange(s, i, j)));
      if (counts) tokens.push({ value: chineseNumeralValue(run), start: i, end: j });
      i = j;
      continue;
    }
    i++;
  }
  return tokens;
}
