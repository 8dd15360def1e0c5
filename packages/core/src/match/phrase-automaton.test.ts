import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PhraseAutomaton } from './phrase-automaton.js';

function hits(patterns: string[], text: string): Array<[string, number, number]> {
  const out: Array<[string, number, number]> = [];
  new PhraseAutomaton(patterns).scan(text, (p, s, e) => out.push([patterns[p]!, s, e]));
  return out;
}

describe('PhraseAutomaton', () => {
  it('reports overlapping occurrences of every pattern with UTF-16 offsets', () => {
    expect(hits(['投诉', '投诉热线', '热线'], '打投诉热线')).toEqual([
      ['投诉', 1, 3],
      ['投诉热线', 1, 5],
      ['热线', 3, 5],
    ]);
  });

  it('treats 您 and 你 as the same character on both sides', () => {
    expect(hits(['你烦不烦'], '您烦不烦')).toEqual([['你烦不烦', 0, 4]]);
    expect(hits(['您烦不烦'], '你烦不烦')).toEqual([['您烦不烦', 0, 4]]);
  });

  it('does not glue an ASCII-edged phrase to other letters or digits', () => {
    expect(hits(['315', '12315'], '订单12163154')).toEqual([]);
    expect(hits(['315'], 'item.jd.com/7131530')).toEqual([]);
    expect(hits(['vx'], 'vxe nvx')).toEqual([]);
    expect(hits(['vx'], '加vx')).toEqual([['vx', 1, 3]]);
    expect(hits(['qq号'], 'qq号是多少')).toEqual([['qq号', 0, 3]]);
    expect(hits(['12315'], '打12315投诉')).toEqual([['12315', 1, 6]]);
  });

  it('finds exactly what indexOf finds (property)', () => {
    const alphabet = fc.constantFrom('投', '诉', '你', '您', 'a', '1', '😀', '差', '评');
    const word = fc.array(alphabet, { minLength: 1, maxLength: 4 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 6 }), fc.array(alphabet, { maxLength: 30 }).map((cs) => cs.join('')), (patterns, text) => {
        const fold = (s: string) => s.replaceAll('您', '你');
        const isAlnum = (c: string | undefined) => c !== undefined && /[a-z0-9]/i.test(c);
        const expected: string[] = [];
        patterns.forEach((p) => {
          const fp = fold(p);
          const ft = fold(text);
          for (let at = ft.indexOf(fp); at !== -1; at = ft.indexOf(fp, at + 1)) {
            const end = at + fp.length;
            if (isAlnum(fp[0]) && isAlnum(ft[at - 1])) continue;
            if (isAlnum(fp[fp.length - 1]) && isAlnum(ft[end])) continue;
            expected.push(`${p}@${at}-${end}`);
          }
        });
        const got = hits(patterns, text).map(([p, s, e]) => `${p}@${s}-${e}`);
        expect(got.sort()).toEqual(expected.sort());
      }),
    );
  });
});
