/**
 * Emoticon codes and emoji sequences (spec, Definitions: "Emoji", "Emoticon code"), recognised
 * in a normalised (NFKC, lower-cased) text. Shared by the comparison text (which removes them)
 * and the numeric tokens (whose digits inside `#E-s01` or `/:8-)` are no numbers).
 */
import { isHan } from './cjk.js';

/** Media placeholders: look like emoticon codes but are content (图片 stays in the comparison text). */
export const MEDIA_PLACEHOLDERS: ReadonlySet<string> = new Set(['图片', '视频', '文件', '语音', '链接', '商品', '订单']);

const OPEN_BRACKET = 0x5b; // [
const CLOSE_BRACKET = 0x5d; // ]

/** `[数字x]`, the pack's number placeholder (also the tail of JD's `#E-s[数字x]`); x in either case. */
export function numberPlaceholderEnd(s: string, i: number): number {
  if (s.charCodeAt(i) !== OPEN_BRACKET || s.charCodeAt(i + 1) !== 0x6570 || s.charCodeAt(i + 2) !== 0x5b57) return -1;
  const x = s.charCodeAt(i + 3) | 0x20;
  return x === 0x78 && s.charCodeAt(i + 4) === CLOSE_BRACKET ? i + 5 : -1;
}

/**
 * If an emoticon code starts at index i of the normalised text, its end index; else -1.
 *  - `[` + 1 to 4 Han characters + `]`, not a media placeholder (`[微笑]`);
 *  - `/:` + 1 to 6 non-space ASCII characters other than `[` (`/:^_^`; takes as many as there are, up to 6);
 *  - `#E-s` (any case) + ASCII digits or `[数字x]` (`#E-s01`).
 */
export function emoticonCodeEnd(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c === OPEN_BRACKET) {
    let j = i + 1;
    let count = 0;
    while (count < 4 && j < s.length) {
      const cp = s.codePointAt(j)!;
      if (!isHan(cp)) break;
      j += cp > 0xffff ? 2 : 1;
      count++;
    }
    if (count === 0 || s.charCodeAt(j) !== CLOSE_BRACKET) return -1;
    if (count === 2 && j - i === 3 && MEDIA_PLACEHOLDERS.has(s.slice(i + 1, j))) return -1;
    return j + 1;
  }
  if (c === 0x2f /* / */) {
    if (s.charCodeAt(i + 1) !== 0x3a /* : */) return -1;
    let j = i + 2;
    while (j < i + 8 && j < s.length) {
      const u = s.charCodeAt(j);
      if (u < 0x21 || u > 0x7e || u === OPEN_BRACKET) break;
      j++;
    }
    return j > i + 2 ? j : -1;
  }
  if (c === 0x23 /* # */) {
    if ((s.charCodeAt(i + 1) | 0x20) !== 0x65 || s.charCodeAt(i + 2) !== 0x2d || (s.charCodeAt(i + 3) | 0x20) !== 0x73) return -1;
    let j = i + 4;
    while (j < s.length && isAsciiDigit(s.charCodeAt(j))) j++;
    if (j > i + 4) return j;
    return numberPlaceholderEnd(s, i + 4);
  }
  return -1;
}

export function isAsciiDigit(u: number): boolean {
  return u >= 0x30 && u <= 0x39;
}

/**
 * If a keycap emoji (`1️⃣`: 0-9, # or * + optional U+FE0F + U+20E3) starts at index i, its end;
 * else -1. The whole keycap is an emoji (Unicode's emoji keycap sequence), digit included.
 */
export function keycapEnd(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (!(isAsciiDigit(c) || c === 0x23 || c === 0x2a)) return -1;
  let j = i + 1;
  if (s.charCodeAt(j) === 0xfe0f) j++;
  return s.charCodeAt(j) === 0x20e3 ? j + 1 : -1;
}
