import { describe, expect } from 'vitest';
import { fc, it } from '@fast-check/vitest';
import { fragmentArb, hanBoundaries, messageTextArb, toFullWidth, toSpaced, toTraditional, wordsOf } from '../src/index.js';

const params = { numRuns: 50 };

describe('text variants', () => {
  it.prop([messageTextArb({ long: false })], params)('full-width: NFKC gives the plain text back, and no printable ASCII is left', (text) => {
    const wide = toFullWidth(text);
    expect(wide.normalize('NFKC')).toBe(text.normalize('NFKC'));
    expect(/[\x21-\x7e]/.test(wide)).toBe(false);
  });

  it.prop([messageTextArb({ long: false }), fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 1, maxLength: 3 })], params)(
    'spaced: spaces only between two Han characters; removing them gives the text back',
    (text, picks) => {
      const spaced = toSpaced(text, picks);
      const added = spaced.length - text.length;
      expect(added).toBeLessThanOrEqual(picks.length);
      if (hanBoundaries(text).length > 0) expect(added).toBeGreaterThan(0);
      // every inserted space sits between two Han characters
      expect(spaced.replace(/(?<=\p{Script=Han}) (?=\p{Script=Han})/gu, '')).toBe(text.replace(/(?<=\p{Script=Han}) (?=\p{Script=Han})/gu, ''));
    },
  );

  it('traditional: OpenCC cn2t converts', () => {
    expect(toTraditional('对不起，投诉，发货了吗')).toBe('對不起，投訴，發貨了嗎');
  });

  it('fragments: focus words are used often', () => {
    const sample = fc.sample(fragmentArb({ focus: ['专属词'] }), { numRuns: 300, seed: 1 });
    expect(sample.filter((x) => x === '专属词').length).toBeGreaterThan(50);
  });

  it('wordsOf: literal words of phrase lists, without regexes and set names', () => {
    const pack = {
      rules: [{ options: { phrases: ['投诉', { regex: '投诉|差评' }, { set: 'set-a' }], role: 'agent', detect: ['mobile'] } }],
      phraseSets: { 'set-a': ['差评', { clause: [['优惠券'], ['给您']] }] },
    };
    expect(wordsOf(pack)).toEqual(['优惠券', '差评', '投诉', '给您']);
  });
});
