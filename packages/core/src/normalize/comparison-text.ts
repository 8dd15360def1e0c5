/**
 * Comparison text (spec, Definitions): the normalised text without emoji, emoticon codes and
 * every punctuation (P*), symbol (S*, which includes ~ and ～), separator (Z*), control (Cc)
 * and format (Cf) character. Used for "same text", similarity, "symbol-only" and lengths
 * ("at least 6 characters" counts code points of the comparison text).
 *
 * Emoji are removed as: Extended_Pictographic characters (some are unassigned, so not in S*),
 * emoji modifiers (Sk), ZWJ (Cf), variation selectors (Mn, removed everywhere: they only choose
 * a glyph), U+20E3 COMBINING ENCLOSING KEYCAP (Me) and whole keycap sequences (`1️⃣`, digit
 * included), tag characters (Cf) and regional indicators (So).
 */
import { copyInt32 } from './int32-pool.js';
import { emoticonCodeEnd, keycapEnd } from './emoticon.js';

export interface ComparisonText {
  text: string;
  /** Index into the normalised text for each UTF-16 unit of `text`. */
  map: Int32Array;
}

const REMOVED = /^[\p{P}\p{S}\p{Z}\p{Cc}\p{Cf}\p{Extended_Pictographic}\p{Variation_Selector}\u20e3]$/u;

/** 0 = not computed, 1 = kept, 2 = removed. */
const bmpRemoved = new Uint8Array(0x10000);
const astralRemoved = new Map<number, boolean>();

function isRemoved(cp: number): boolean {
  if (cp < 0x10000) {
    let v = bmpRemoved[cp]!;
    if (v === 0) {
      v = REMOVED.test(String.fromCharCode(cp)) ? 2 : 1;
      bmpRemoved[cp] = v;
    }
    return v === 2;
  }
  let v = astralRemoved.get(cp);
  if (v === undefined) {
    v = REMOVED.test(String.fromCodePoint(cp));
    astralRemoved.set(cp, v);
  }
  return v;
}

/** If what starts at i is removed as a whole (emoticon code, keycap), its end; else -1. */
function removedSequenceEnd(s: string, i: number, unit: number): number {
  if (unit === 0x5b || unit === 0x2f) return emoticonCodeEnd(s, i);
  if (unit === 0x23) {
    const e = emoticonCodeEnd(s, i);
    return e >= 0 ? e : keycapEnd(s, i);
  }
  if ((unit >= 0x30 && unit <= 0x39) || unit === 0x2a) return keycapEnd(s, i);
  return -1;
}

let scratchMap = new Int32Array(256);

/**
 * Returns the comparison text of `s` (built from slices of `s`); fills scratchMap[0..length)
 * with source indices when `withMap`. With `firstOnly`, stops at the first kept character and
 * returns it (or '' when there is none).
 */
function scan(s: string, withMap: boolean, firstOnly: boolean): string {
  const L = s.length;
  if (withMap && scratchMap.length < L) scratchMap = new Int32Array(Math.max(L, scratchMap.length * 2));
  const map = scratchMap;
  let out = '';
  let runStart = 0; // start of the current run of kept units not yet appended to out
  let n = 0;
  let i = 0;
  while (i < L) {
    const unit = s.charCodeAt(i);
    let skipTo = -1;
    if (unit === 0x5b || unit === 0x2f || unit === 0x23 || unit === 0x2a || (unit >= 0x30 && unit <= 0x39)) {
      skipTo = removedSequenceEnd(s, i, unit);
    }
    let width = 1;
    if (skipTo < 0) {
      let cp = unit;
      if ((unit & 0xfc00) === 0xd800 && i + 1 < L && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        cp = s.codePointAt(i)!;
        width = 2;
      }
      if (!isRemoved(cp)) {
        if (firstOnly) return s.slice(i, i + width);
        if (withMap) {
          map[n++] = i;
          if (width === 2) map[n++] = i + 1;
        }
        i += width;
        continue;
      }
      skipTo = i + width;
    }
    if (runStart < i) out += s.slice(runStart, i);
    i = skipTo;
    runStart = i;
  }
  if (firstOnly) return '';
  if (runStart === 0) return s; // nothing removed
  if (runStart < L) out += s.slice(runStart, L);
  return out;
}

/** The comparison text of a normalised text, with a map back into the normalised text. */
export function comparisonOf(normalized: string): ComparisonText {
  const text = scan(normalized, true, false);
  return { text, map: copyInt32(scratchMap, text.length) };
}

/** The comparison text of a normalised text. */
export function comparisonText(normalized: string): string {
  return scan(normalized, false, false);
}

/** Is the comparison text empty (nothing but emoji, emoticon codes, punctuation, symbols, spaces)? */
export function isSymbolOnly(normalized: string): boolean {
  return scan(normalized, false, true) === '';
}

/** Length in code points (how the spec counts "characters"). */
export function codePointLength(s: string): number {
  let count = s.length;
  for (let k = 0; k + 1 < s.length; k++) {
    if ((s.charCodeAt(k) & 0xfc00) === 0xd800 && (s.charCodeAt(k + 1) & 0xfc00) === 0xdc00) {
      count--;
      k++;
    }
  }
  return count;
}
