/**
 * The clauses of a message, as the similarity rules read them (spec, Definitions: "Clause": the
 * text between two punctuation marks, or the text's ends; a line break does not end one). On the
 * normalised text, a punctuation mark (\p{P}) ends a clause except:
 *  - a decimal point or thousands separator between two digits (10.5元), as in clause patterns;
 *  - the brackets and signs of an emoticon code (`[微笑]`, `/:^_^`, `#E-s01`) or of an
 *    anonymisation placeholder (`[数字x]`, `[订单x]`: `[` + 1 to 12 characters + `x]`): tokens,
 *    not punctuation.
 * Each clause carries its comparison text (spec "Comparison text"), the range of that text in the
 * normalised message (first to last kept character: the evidence) and the first occurrence of
 * each distinct character 1-, 2- and 3-gram. Computed once per message and shared
 * by every rule that reads clauses (MessageView.memo).
 */
import type { MessageView } from '../engine/message-view.js';
import { comparisonOf, emoticonCodeEnd } from '../normalize/index.js';

export interface Clause {
  /** Range in the normalised text: from the first to the last character of `text`. */
  start: number;
  end: number;
  /** The clause's comparison text. */
  text: string;
  /** Distinct n-grams (n = 1..3) of `text`, in order of first occurrence: 4 · (code point position) + n. */
  grams: number[];
}

const PUNCTUATION = /^\p{P}$/u;
/** 0 = not computed, 1 = punctuation, 2 = not (BMP only; astral characters are tested each time). */
const bmpPunctuation = new Uint8Array(0x10000);

function isPunctuation(text: string, i: number, u: number): boolean {
  if ((u & 0xf800) === 0xd800) return PUNCTUATION.test(String.fromCodePoint(text.codePointAt(i)!));
  let v = bmpPunctuation[u]!;
  if (v === 0) bmpPunctuation[u] = v = PUNCTUATION.test(String.fromCharCode(u)) ? 1 : 2;
  return v === 1;
}
const ASCII_DIGIT = /[0-9]/;
const CLAUSES = {};

/** The clauses of a message (cached on the message). */
export function messageClauses(m: MessageView): readonly Clause[] {
  return m.memo(CLAUSES, (v) => clausesOf(v.text, v.comparison.text, v.comparison.map));
}

/** End of an anonymisation placeholder `[…x]` starting at i (1 to 12 characters, no brackets or spaces), else -1. */
export function placeholderEnd(s: string, i: number): number {
  if (s.charCodeAt(i) !== 0x5b) return -1;
  for (let j = i + 1; j < s.length && j <= i + 13; j++) {
    const u = s.charCodeAt(j);
    if (u === 0x5d) return j > i + 1 && (s.charCodeAt(j - 1) | 0x20) === 0x78 ? j + 1 : -1;
    if (u === 0x5b || u === 0x20 || u === 0x0a || u === 0x09) return -1;
  }
  return -1;
}

/** Indices of the normalised text where a clause ends (its punctuation marks), ascending. */
export function clauseBoundaries(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (u === 0x5b || u === 0x2f || u === 0x23) {
      const end = Math.max(emoticonCodeEnd(text, i), u === 0x5b ? placeholderEnd(text, i) : -1);
      if (end > i) {
        i = end - 1;
        continue;
      }
    }
    if (!isPunctuation(text, i, u)) continue;
    if ((u === 0x2e || u === 0x2c) && ASCII_DIGIT.test(text[i - 1] ?? '') && ASCII_DIGIT.test(text[i + 1] ?? '')) continue;
    out.push(i);
  }
  return out;
}

/** Clauses of a normalised text, given its comparison text and the comparison text's map into it. */
export function clausesOf(normalized: string, comparison: string, map: Int32Array): Clause[] {
  const out: Clause[] = [];
  if (comparison.length === 0) return out;
  const bounds = clauseBoundaries(normalized);
  let b = 0;
  let from = -1; // first comparison unit of the current clause
  let last = -1;
  const close = (to: number): void => {
    if (from < 0) return;
    const text = comparison.slice(from, to);
    const start = map[from]!;
    const end = map[to - 1]! + 1;
    out.push({ start, end, text, grams: gramsOf(text) });
    from = -1;
  };
  for (let k = 0; k < comparison.length; k++) {
    const p = map[k]!;
    if (b < bounds.length && bounds[b]! < p) {
      close(k);
      while (b < bounds.length && bounds[b]! < p) b++;
    }
    if (from < 0) from = k;
    last = k;
  }
  close(last + 1);
  return out;
}

// Scratch for the distinct-gram hash table (open addressing, cleared by stamping).
let stamp = new Int32Array(1024);
let keyA = new Int32Array(1024);
let keyB = new Int32Array(1024);
let keyC = new Int32Array(1024);
let epoch = 0;

/** Code points of a text into `out` (reused); returns how many. */
export function codePointsOf(text: string, out: number[]): number {
  let n = 0;
  for (let i = 0; i < text.length; ) {
    const u = text.charCodeAt(i);
    if ((u & 0xfc00) === 0xd800 && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      out[n++] = text.codePointAt(i)!;
      i += 2;
    } else {
      out[n++] = u;
      i++;
    }
  }
  return n;
}

const scratchCps: number[] = [];

/**
 * The distinct 1-3-grams of `text` (code points), first occurrences, as 4 · position + n: one
 * small array per clause (a fresh typed array would cost more than the rest of this function).
 */
export function gramsOf(text: string): number[] {
  const cps = scratchCps;
  const n = codePointsOf(text, cps);
  const max = 3 * n;
  let size = stamp.length;
  while (size < 4 * max) size *= 2;
  if (size !== stamp.length) {
    stamp = new Int32Array(size);
    keyA = new Int32Array(size);
    keyB = new Int32Array(size);
    keyC = new Int32Array(size);
    epoch = 0;
  }
  if (++epoch === 0x7fffffff) {
    stamp.fill(0);
    epoch = 1;
  }
  const mask = size - 1;
  const grams: number[] = [];
  for (let pos = 0; pos < n; pos++) {
    for (let len = 1; len <= 3 && pos + len <= n; len++) {
      const a = cps[pos]!;
      const bb = len > 1 ? cps[pos + 1]! : -1;
      const c = len > 2 ? cps[pos + 2]! : -1;
      let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(bb + 2, 0x85ebca77) ^ Math.imul(c + 3, 0xc2b2ae3d);
      h ^= h >>> 15;
      h = Math.imul(h, 0x2c1b3c6d) & mask;
      let fresh = true;
      while (stamp[h] === epoch) {
        if (keyA[h] === a && keyB[h] === bb && keyC[h] === c) {
          fresh = false;
          break;
        }
        h = (h + 1) & mask;
      }
      if (!fresh) continue;
      stamp[h] = epoch;
      keyA[h] = a;
      keyB[h] = bb;
      keyC[h] = c;
      grams.push(4 * pos + len);
    }
  }
  return grams;
}
