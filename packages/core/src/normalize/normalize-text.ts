/**
 * Matching text for a message, with an exact map back to the original (spec, "Text
 * normalisation"): NFKC, lower case, OpenCC t2s, zero-width characters removed, whitespace
 * between two Han characters removed. Every UTF-16 unit of the result knows the original
 * [start, end) it came from, so findings on the normalised text point at
 * `original.slice(start, end)`.
 *
 * Pipeline, in this order:
 *  1. Split the original into clusters: a code point plus the following code points that can
 *     compose with it under NFKC (combining marks, halfwidth kana voicing marks, Hangul vowel /
 *     final jamo). NFKC + toLowerCase per cluster; each output unit maps to the whole cluster.
 *  2. t2s on the whole string at once (phrase tables need context), skipped when no character
 *     can change. t2s keeps the number of code points, so code point k of the output maps to
 *     code point k of the input; if some table ever breaks that, each code point is converted
 *     on its own instead, so offsets stay exact.
 *  3. Drop zero-width characters; drop whitespace runs whose nearest kept neighbours on both
 *     sides are Han (`text`), or keep them (`spaced`).
 *
 * Hot path: a per-BMP-unit table caches "NFKC+lower of this unit alone is this single unit",
 * so typical chat text costs a table lookup per character and no string normalisation call.
 * Scratch buffers are module-level and reused (the function is synchronous and never re-entered);
 * the offset arrays of a result are pooled views (see int32-pool.ts).
 */
import { isHan } from './cjk.js';
import { copyInt32 } from './int32-pool.js';
import { mayChangeUnderT2s, t2s, t2sCodePoint } from './traditional-to-simplified.js';

export interface NormalizedText {
  readonly original: string;
  /**
   * Matching text: per cluster NFKC, lower-cased, then OpenCC t2s, zero-width characters
   * (U+200B..U+200D, U+2060, U+FEFF, U+180E) removed everywhere, and whitespace runs (any \s)
   * removed when the nearest kept characters on both sides are Han.
   */
  readonly text: string;
  /** Same pipeline but whitespace kept (zero-width still removed): some rules judge "with its spaces". */
  readonly spaced: string;
  /** For each UTF-16 unit i of `text`: original start offset of the source character(s) it came from. */
  readonly starts: Int32Array;
  /** For each unit i of `text`: original end offset (exclusive) of its source character(s). */
  readonly ends: Int32Array;
  readonly spacedStarts: Int32Array;
  readonly spacedEnds: Int32Array;
}

// ---------------------------------------------------------------------------------------------
// Per-character tables

const MARK = /^\p{M}$/u;
const WHITESPACE = /^\s$/u;

function isZeroWidth(cp: number): boolean {
  return (cp >= 0x200b && cp <= 0x200d) || cp === 0x2060 || cp === 0xfeff || cp === 0x180e;
}

/** Can this character compose with the one before it under NFKC? */
function composesWithPrevious(ch: string): boolean {
  if (MARK.test(ch)) return true;
  const nf = ch.normalize('NFKC');
  const first = nf.codePointAt(0);
  if (first === undefined) return false;
  // ﾞ -> U+3099 (a mark); ㅏ -> U+1161 (a Hangul vowel jamo, composes with a leading consonant).
  return MARK.test(String.fromCodePoint(first)) || (first >= 0x1160 && first <= 0x11ff) || (first >= 0xd7b0 && first <= 0xd7ff);
}

// bmpNorm[unit]: 0 = not computed; else N_DONE | flags | (mapped unit when not N_COMPLEX).
const N_DONE = 1 << 16;
/** NFKC+lower of the unit alone is not one BMP unit (or the unit is a surrogate). */
const N_COMPLEX = 1 << 17;
/** The unit composes with the previous character (joins its cluster). */
const N_JOINER = 1 << 18;
/** The mapped unit may be changed by t2s. */
const N_T2S = 1 << 19;
const bmpNorm = new Uint32Array(0x10000);

function normInfo(unit: number): number {
  const cached = bmpNorm[unit]!;
  if (cached !== 0) return cached;
  let v = N_DONE;
  if (unit >= 0xd800 && unit <= 0xdfff) {
    v |= N_COMPLEX;
  } else {
    const ch = String.fromCharCode(unit);
    const out = ch.normalize('NFKC').toLowerCase();
    const o = out.charCodeAt(0);
    if (out.length === 1 && !(o >= 0xd800 && o <= 0xdfff)) {
      v |= o;
      if (mayChangeUnderT2s(o)) v |= N_T2S;
    } else {
      v |= N_COMPLEX;
    }
    if (composesWithPrevious(ch)) v |= N_JOINER;
  }
  bmpNorm[unit] = v;
  return v;
}

const astralJoiner = new Map<number, boolean>();

/** Does the code point at index j of s join the cluster before it? */
function joinsAt(s: string, j: number): boolean {
  const unit = s.charCodeAt(j);
  if ((unit & 0xfc00) !== 0xd800) return (normInfo(unit) & N_JOINER) !== 0;
  const cp = s.codePointAt(j)!;
  if (cp < 0x10000) return false; // lone high surrogate
  let v = astralJoiner.get(cp);
  if (v === undefined) {
    v = composesWithPrevious(String.fromCodePoint(cp));
    astralJoiner.set(cp, v);
  }
  return v;
}

/** NFKC + lower case of a lone code point that is not a simple table entry. */
const complexSingle = new Map<number, string>();

function normalizeSingle(cp: number): string {
  let out = complexSingle.get(cp);
  if (out === undefined) {
    out = String.fromCodePoint(cp).normalize('NFKC').toLowerCase();
    complexSingle.set(cp, out);
  }
  return out;
}

// bmpClass[unit] for the final characters: 0 = not computed.
const C_DONE = 1;
const C_ZW = 2;
const C_WS = 4;
const C_HAN = 8;
const bmpClass = new Uint8Array(0x10000);

function classOf(cp: number): number {
  if (cp >= 0x10000) return isHan(cp) ? C_DONE | C_HAN : C_DONE; // no astral whitespace / zero-width
  const cached = bmpClass[cp]!;
  if (cached !== 0) return cached;
  let v = C_DONE;
  if (isZeroWidth(cp)) v |= C_ZW;
  else if (WHITESPACE.test(String.fromCharCode(cp))) v |= C_WS;
  else if (isHan(cp)) v |= C_HAN;
  bmpClass[cp] = v;
  return v;
}

// ---------------------------------------------------------------------------------------------
// Scratch buffers: UTF-16 units with their original [start, end).

class UnitBuffer {
  units = new Uint16Array(256);
  starts = new Int32Array(256);
  ends = new Int32Array(256);

  /** Make room for `needed` units, keeping the first `keep`. */
  reserve(needed: number, keep: number): void {
    if (needed <= this.units.length) return;
    let size = this.units.length * 2;
    while (size < needed) size *= 2;
    const units = new Uint16Array(size);
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    units.set(this.units.subarray(0, keep));
    starts.set(this.starts.subarray(0, keep));
    ends.set(this.ends.subarray(0, keep));
    this.units = units;
    this.starts = starts;
    this.ends = ends;
  }
}

const stage1 = new UnitBuffer(); // NFKC + lower
const stage2 = new UnitBuffer(); // after t2s (only when something changed)
const textBuf = new UnitBuffer();
const spacedBuf = new UnitBuffer();

const CHUNK = 4096;

function unitsToString(units: Uint16Array, n: number): string {
  if (n <= CHUNK) return String.fromCharCode.apply(null, units.subarray(0, n) as unknown as number[]);
  let out = '';
  for (let k = 0; k < n; k += CHUNK) {
    out += String.fromCharCode.apply(null, units.subarray(k, Math.min(n, k + CHUNK)) as unknown as number[]);
  }
  return out;
}

function codePointCount(s: string): number {
  let count = s.length;
  for (let k = 0; k + 1 < s.length; k++) {
    if ((s.charCodeAt(k) & 0xfc00) === 0xd800 && (s.charCodeAt(k + 1) & 0xfc00) === 0xdc00) {
      count--;
      k++;
    }
  }
  return count;
}

/** UTF-16 length (1 or 2) of the code point starting at unit k of units[0..n). */
function widthAt(units: Uint16Array, k: number, n: number): number {
  return (units[k]! & 0xfc00) === 0xd800 && k + 1 < n && (units[k + 1]! & 0xfc00) === 0xdc00 ? 2 : 1;
}

// ---------------------------------------------------------------------------------------------

const S1_CHANGED = 1;
const S1_T2S = 2;
let stage1Length = 0;

/** Stage 1: NFKC + lower case per cluster into stage1 (length in stage1Length). Returns S1_* flags. */
function foldClusters(original: string): number {
  const L = original.length;
  stage1.reserve(L + 16, 0);
  let { units, starts, ends } = stage1;
  let n = 0;
  let flags = 0;
  let i = 0;
  while (i < L) {
    const unit = original.charCodeAt(i);
    const info = normInfo(unit);
    if ((info & N_COMPLEX) === 0 && (i + 1 === L || !joinsAt(original, i + 1))) {
      const mapped = info & 0xffff;
      units[n] = mapped;
      starts[n] = i;
      ends[n] = i + 1;
      n++;
      if (mapped !== unit) flags |= S1_CHANGED;
      if ((info & N_T2S) !== 0) flags |= S1_T2S;
      i++;
      continue;
    }
    // Slow path: a cluster (code point + joiners) through String.prototype.normalize.
    const cp = original.codePointAt(i)!;
    const first = cp > 0xffff ? 2 : 1;
    let j = i + first;
    while (j < L && joinsAt(original, j)) j += original.codePointAt(j)! > 0xffff ? 2 : 1;
    const out = j - i === first ? normalizeSingle(cp) : original.slice(i, j).normalize('NFKC').toLowerCase();
    if (out.length !== j - i || !original.startsWith(out, i)) flags |= S1_CHANGED;
    stage1.reserve(n + out.length + (L - j) + 16, n);
    ({ units, starts, ends } = stage1);
    for (let k = 0; k < out.length; k++) {
      const u = out.charCodeAt(k);
      units[n] = u;
      starts[n] = i;
      ends[n] = j;
      n++;
      if ((u & 0xfc00) === 0xdc00) continue;
      if (mayChangeUnderT2s(out.codePointAt(k)!)) flags |= S1_T2S;
    }
    i = j;
  }
  stage1Length = n;
  return flags;
}

/** Stage 2: t2s over stage1 into stage2. Returns the new length, or -1 when t2s changed nothing. */
function convertTraditional(n: number): number {
  const pre = unitsToString(stage1.units, n);
  const conv = t2s(pre);
  if (conv === pre) return -1;
  const { units: pu, starts: ps, ends: pe } = stage1;
  if (codePointCount(conv) === codePointCount(pre)) {
    stage2.reserve(conv.length + 16, 0);
    const { units, starts, ends } = stage2;
    let p = 0;
    let q = 0;
    while (q < conv.length) {
      const s = ps[p]!;
      const e = pe[p]!;
      const qw = (conv.charCodeAt(q) & 0xfc00) === 0xd800 && (conv.charCodeAt(q + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
      for (let r = 0; r < qw; r++) {
        units[q + r] = conv.charCodeAt(q + r);
        starts[q + r] = s;
        ends[q + r] = e;
      }
      p += widthAt(pu, p, n);
      q += qw;
    }
    return conv.length;
  }
  // Fallback (no such table in opencc-js 1.4.2): convert each code point on its own.
  let m = 0;
  let p = 0;
  while (p < n) {
    const w = widthAt(pu, p, n);
    const cp = w === 2 ? pre.codePointAt(p)! : pu[p]!;
    const out = t2sCodePoint(cp);
    stage2.reserve(m + out.length + 16, m);
    const { units, starts, ends } = stage2;
    for (let r = 0; r < out.length; r++) {
      units[m] = out.charCodeAt(r);
      starts[m] = ps[p]!;
      ends[m] = pe[p]!;
      m++;
    }
    p += w;
  }
  return m;
}

const R_ZW_REMOVED = 1;
const R_WS_REMOVED = 2;
let textLength = 0;

/** Stage 3 for `text` (length in textLength): drop zero-width characters and whitespace runs between Han characters. Returns R_* flags. */
function dropInvisible(src: UnitBuffer, n: number): number {
  textBuf.reserve(n + 16, 0);
  const { units: su, starts: ss, ends: se } = src;
  const { units, starts, ends } = textBuf;
  let flags = 0;
  let t = 0;
  let runStart = -1; // index in textBuf where the pending whitespace run begins
  let lastHan = false; // is the nearest kept non-whitespace character before here Han?
  let k = 0;
  while (k < n) {
    const u = su[k]!;
    let cp = u;
    let w = 1;
    if ((u & 0xfc00) === 0xd800 && k + 1 < n && (su[k + 1]! & 0xfc00) === 0xdc00) {
      cp = ((u - 0xd800) << 10) + (su[k + 1]! - 0xdc00) + 0x10000;
      w = 2;
    }
    const cls = cp < 0x10000 ? bmpClass[cp]! || classOf(cp) : classOf(cp);
    if ((cls & C_ZW) !== 0) {
      flags |= R_ZW_REMOVED;
      k++;
      continue;
    }
    if ((cls & C_WS) !== 0) {
      if (runStart < 0) runStart = t;
    } else {
      const han = (cls & C_HAN) !== 0;
      if (runStart >= 0) {
        if (han && lastHan) {
          t = runStart;
          flags |= R_WS_REMOVED;
        }
        runStart = -1;
      }
      lastHan = han;
    }
    for (let r = 0; r < w; r++) {
      units[t] = su[k + r]!;
      starts[t] = ss[k + r]!;
      ends[t] = se[k + r]!;
      t++;
    }
    k += w;
  }
  textLength = t;
  return flags;
}

/** Stage 3 for `spaced`: drop zero-width characters only. */
function dropZeroWidth(src: UnitBuffer, n: number): number {
  spacedBuf.reserve(n + 16, 0);
  const { units: su, starts: ss, ends: se } = src;
  const { units, starts, ends } = spacedBuf;
  let t = 0;
  for (let k = 0; k < n; k++) {
    const u = su[k]!;
    if ((classOf(u) & C_ZW) !== 0) continue; // zero-width characters are all BMP
    units[t] = u;
    starts[t] = ss[k]!;
    ends[t] = se[k]!;
    t++;
  }
  return t;
}

export function normalizeText(original: string): NormalizedText {
  const s1 = foldClusters(original);
  let src = stage1;
  let n = stage1Length;
  let changed = (s1 & S1_CHANGED) !== 0;
  if ((s1 & S1_T2S) !== 0) {
    const m = convertTraditional(n);
    if (m >= 0) {
      src = stage2;
      n = m;
      changed = true;
    }
  }
  const removed = dropInvisible(src, n);
  const t = textLength;
  const text = !changed && removed === 0 ? original : unitsToString(textBuf.units, t);
  const starts = copyInt32(textBuf.starts, t);
  const ends = copyInt32(textBuf.ends, t);
  if ((removed & R_WS_REMOVED) === 0) {
    // No whitespace was dropped: `spaced` is `text`.
    return { original, text, spaced: text, starts, ends, spacedStarts: starts, spacedEnds: ends };
  }
  const sn = dropZeroWidth(src, n);
  return {
    original,
    text,
    spaced: unitsToString(spacedBuf.units, sn),
    starts,
    ends,
    spacedStarts: copyInt32(spacedBuf.starts, sn),
    spacedEnds: copyInt32(spacedBuf.ends, sn),
  };
}

/**
 * Map a [start, end) range of `text` (or `spaced`) to the original. A non-empty range maps to
 * {start: starts[start], end: ends[end - 1]}; an empty range maps to an empty range just before
 * the character at `start` (or just after the last character when `start` is at the end).
 * Out-of-range indices are clamped.
 */
export function toOriginalRange(
  n: NormalizedText,
  start: number,
  end: number,
  which: 'text' | 'spaced' = 'text',
): { start: number; end: number } {
  const starts = which === 'spaced' ? n.spacedStarts : n.starts;
  const ends = which === 'spaced' ? n.spacedEnds : n.ends;
  const len = starts.length;
  const s = Math.max(0, Math.min(start, len));
  const e = Math.max(s, Math.min(end, len));
  if (e > s) return { start: starts[s]!, end: ends[e - 1]! };
  const at = s < len ? starts[s]! : len > 0 ? ends[len - 1]! : 0;
  return { start: at, end: at };
}
