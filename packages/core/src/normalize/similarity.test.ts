import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bigramProfile, diceOfProfiles, similarity, similarityToProfile, textSimilarity } from './similarity.js';
import { normalizeText } from './normalize-text.js';

/** Direct transcription of the definition, for comparison. */
function naiveDice(a: string, b: string): number {
  const ca = Array.from(a);
  const cb = Array.from(b);
  if (ca.length < 2 || cb.length < 2) return a === b ? 1 : 0;
  const bag = (cs: string[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (let i = 0; i + 1 < cs.length; i++) m.set(cs[i]! + cs[i + 1]!, (m.get(cs[i]! + cs[i + 1]!) ?? 0) + 1);
    return m;
  };
  const ba = bag(ca);
  const bb = bag(cb);
  let common = 0;
  for (const [k, v] of ba) common += Math.min(v, bb.get(k) ?? 0);
  return (2 * common) / (ca.length - 1 + cb.length - 1);
}

describe('similarity (Sørensen–Dice on bigram multisets)', () => {
  it('identical texts: 1; disjoint: 0', () => {
    expect(similarity('我们这边来处理', '我们这边来处理')).toBe(1);
    expect(similarity('你好', '再见')).toBe(0);
    expect(similarity('abab', 'baba')).toBeCloseTo((2 * 2) / 6); // ab,ba,ab vs ba,ab,ba: min(2,1)+min(1,2)
  });

  it('counts bigrams as a multiset', () => {
    // aaaa: {aa×3}; aa: {aa×1} -> 2·1 / (3 + 1)
    expect(similarity('aaaa', 'aa')).toBe(0.5);
    expect(similarity('aaa', 'aaa')).toBe(1);
  });

  it('texts shorter than 2 characters: 1 if equal, else 0', () => {
    expect(similarity('', '')).toBe(1);
    expect(similarity('嗯', '嗯')).toBe(1);
    expect(similarity('嗯', '恩')).toBe(0);
    expect(similarity('嗯', '嗯嗯')).toBe(0);
    expect(similarity('', '好的')).toBe(0);
  });

  it('works by code point: astral characters are one character', () => {
    expect(similarity('𠮷野家', '𠮷野')).toBeCloseTo((2 * 1) / 3);
    expect(similarity('𠮷', '𠮷')).toBe(1);
  });

  it('spec semantics: compares comparison texts, so punctuation and emoji do not matter', () => {
    const a = normalizeText('亲，本店默认48小时内发货哦~').text;
    const b = normalizeText('亲本店默认48小时内发货哦😊！！').text;
    expect(textSimilarity(a, b)).toBe(1);
    const c = normalizeText('亲，本店默认24小时内发货哦~').text;
    const s = textSimilarity(a, c);
    expect(s).toBeGreaterThan(0.6);
    expect(s).toBeLessThan(1);
  });

  it('profiles agree with the definition; the measure is symmetric', () => {
    const arb = fc.array(fc.constantFrom('a', 'b', '好', '的', '𠮷', '我'), { maxLength: 12 }).map((x) => x.join(''));
    fc.assert(
      fc.property(arb, arb, (a, b) => {
        const expected = naiveDice(a, b);
        expect(similarity(a, b)).toBeCloseTo(expected, 12);
        expect(diceOfProfiles(bigramProfile(a), bigramProfile(b))).toBeCloseTo(expected, 12);
        expect(similarityToProfile(bigramProfile(a), b)).toBeCloseTo(expected, 12);
        expect(similarity(b, a)).toBeCloseTo(expected, 12);
      }),
      { numRuns: 2000 },
    );
  });

  it('profile shape', () => {
    const p = bigramProfile('aaab');
    expect(p.total).toBe(3);
    expect(p.codePoints).toBe(4);
    expect(p.counts).toEqual([2, 1]);
    expect(p.keys).toEqual([0x61 * 0x110000 + 0x61, 0x61 * 0x110000 + 0x62]);
  });
});
