/**
 * Similarity (spec, Definitions): the Sørensen–Dice coefficient of the multisets of character
 * (code point) bigrams of two COMPARISON texts, 2·|A∩B| / (|A| + |B|), where |A∩B| counts a
 * bigram min(countA, countB) times. Texts shorter than 2 characters: 1 if equal, else 0.
 *
 * A profile (sorted bigram keys with counts) prepares one side once, for rules that compare
 * many messages against a fixed text (a standard script, a group's first message).
 */
import { comparisonText } from './comparison-text.js';

export interface BigramProfile {
  /** The comparison text it was made from. */
  readonly text: string;
  /** Length of `text` in code points. */
  readonly codePoints: number;
  /** Distinct bigrams, ascending; a bigram (a, b) of code points is a·0x110000 + b (exact in a double). */
  readonly keys: readonly number[];
  /** How often each of `keys` occurs. */
  readonly counts: readonly number[];
  /** Number of bigrams with multiplicity: codePoints - 1 (0 when shorter than 2). */
  readonly total: number;
}

const PAIR = 0x110000;

// Scratch for the sorted bigram keys of one text: plain arrays and one reused typed array keep
// this allocation-light (a fresh small typed array costs ~1 µs in V8).
let scratch = new Float64Array(256);

/** Sorted bigram keys of `s` into scratch[0..n). */
function sortedBigrams(s: string): { n: number; codePoints: number } {
  if (scratch.length < s.length) scratch = new Float64Array(Math.max(s.length, scratch.length * 2));
  let n = 0;
  let cps = 0;
  let prev = -1;
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    if (prev >= 0) scratch[n++] = prev * PAIR + cp;
    prev = cp;
    cps++;
  }
  if (n > 1) scratch.subarray(0, n).sort();
  return { n, codePoints: cps };
}

export function bigramProfile(comparison: string): BigramProfile {
  const { n, codePoints } = sortedBigrams(comparison);
  const keys: number[] = [];
  const counts: number[] = [];
  for (let k = 0; k < n; k++) {
    const key = scratch[k]!;
    if (k > 0 && key === scratch[k - 1]) counts[counts.length - 1]!++;
    else {
      keys.push(key);
      counts.push(1);
    }
  }
  return { text: comparison, codePoints, keys, counts, total: n };
}

export function diceOfProfiles(a: BigramProfile, b: BigramProfile): number {
  if (a.codePoints < 2 || b.codePoints < 2) return a.text === b.text ? 1 : 0;
  const ak = a.keys;
  const bk = b.keys;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < ak.length && j < bk.length) {
    const x = ak[i]!;
    const y = bk[j]!;
    if (x === y) {
      common += Math.min(a.counts[i]!, b.counts[j]!);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return (2 * common) / (a.total + b.total);
}

/** Similarity of a prepared profile and a comparison text, without building a second profile. */
export function similarityToProfile(profile: BigramProfile, comparison: string): number {
  const { n, codePoints } = sortedBigrams(comparison);
  if (profile.codePoints < 2 || codePoints < 2) return profile.text === comparison ? 1 : 0;
  const pk = profile.keys;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < pk.length && j < n) {
    const x = pk[i]!;
    const y = scratch[j]!;
    if (x === y) {
      // count the run of y in the text, then take the smaller multiplicity
      let run = 1;
      while (j + run < n && scratch[j + run] === y) run++;
      common += Math.min(profile.counts[i]!, run);
      i++;
      j += run;
    } else if (x < y) i++;
    else j++;
  }
  return (2 * common) / (profile.total + n);
}

/** Similarity of two comparison texts. */
export function similarity(comparisonA: string, comparisonB: string): number {
  if (comparisonA === comparisonB) return 1;
  return similarityToProfile(bigramProfile(comparisonA), comparisonB);
}

/** Similarity of two normalised texts (takes their comparison texts first). */
export function textSimilarity(normalizedA: string, normalizedB: string): number {
  return similarity(comparisonText(normalizedA), comparisonText(normalizedB));
}
