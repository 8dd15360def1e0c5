import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as OpenCC from 'opencc-js/t2cn';
import { normalizeText, toOriginalRange, type NormalizedText } from './normalize-text.js';

/** original.slice of the text range [s, e). */
function evidence(n: NormalizedText, s: number, e: number, which: 'text' | 'spaced' = 'text'): string {
  const r = toOriginalRange(n, s, e, which);
  return n.original.slice(r.start, r.end);
}

function find(n: NormalizedText, needle: string): string {
  const at = n.text.indexOf(needle);
  expect(at).toBeGreaterThanOrEqual(0);
  return evidence(n, at, at + needle.length);
}

describe('normalizeText: the spec examples', () => {
  it('NFKC: full-width letters and digits become half-width', () => {
    expect(normalizeText('ＶＸ').text).toBe('vx');
    expect(normalizeText('打１２３１５投诉').text).toBe('打12315投诉');
    expect(find(normalizeText('加我ＶＸ吧'), 'vx')).toBe('ＶＸ');
  });

  it('Traditional is matched as Simplified', () => {
    expect(normalizeText('投訴').text).toBe('投诉');
    expect(normalizeText('對不起').text).toBe('对不起');
    expect(find(normalizeText('我要投訴你們！'), '投诉')).toBe('投訴');
  });

  it('Latin letters are case-folded', () => {
    expect(normalizeText('QQ号 Hello').text).toBe('qq号 hello');
    expect(normalizeText('ＱＱ号').text).toBe('qq号');
  });

  it('spaces and zero-width characters between CJK characters are ignored', () => {
    const n = normalizeText('投 诉');
    expect(n.text).toBe('投诉');
    expect(n.spaced).toBe('投 诉');
    expect(find(n, '投诉')).toBe('投 诉');
    expect(normalizeText('投\u3000诉').text).toBe('投诉');
    expect(normalizeText('投\u200b诉').text).toBe('投诉');
    expect(normalizeText('投\u200b诉').spaced).toBe('投诉');
    expect(normalizeText('投 \u200b\t 诉').text).toBe('投诉');
    expect(normalizeText('投\n诉').text).toBe('投诉');
  });

  it('keeps whitespace unless both nearest kept neighbours are Han', () => {
    expect(normalizeText('加 vx').text).toBe('加 vx');
    expect(normalizeText('vx 号').text).toBe('vx 号');
    expect(normalizeText('hello world').text).toBe('hello world');
    expect(normalizeText(' 投诉 ').text).toBe(' 投诉 ');
    expect(normalizeText('好， 亲').text).toBe('好, 亲');
    expect(normalizeText('𠮷 野').text).toBe('𠮷野');
    expect(normalizeText('〇 一').text).toBe('〇一');
  });

  it('亲 is judged on the spaced text', () => {
    const n = normalizeText('亲 在呢');
    expect(n.spaced).toBe('亲 在呢');
    expect(n.text).toBe('亲在呢');
    const at = n.spaced.indexOf('在呢');
    expect(evidence(n, at, at + 2, 'spaced')).toBe('在呢');
  });

  it('zero-width characters are removed everywhere', () => {
    for (const zw of ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u180e']) {
      const n = normalizeText(`a${zw}b${zw}`);
      expect(n.text).toBe('ab');
      expect(n.spaced).toBe('ab');
    }
  });
});

describe('normalizeText: offsets', () => {
  it('maps every unit to its source; an unchanged text is the original string', () => {
    const original = '您好，请问有什么可以帮您';
    const n = normalizeText(original);
    expect(n.text).toBe('您好,请问有什么可以帮您');
    expect(Array.from(n.starts)).toEqual([...Array(original.length).keys()]);
    expect(Array.from(n.ends)).toEqual([...Array(original.length).keys()].map((i) => i + 1));
    const plain = normalizeText('您好请问');
    expect(plain.text).toBe('您好请问');
    expect(plain.spaced).toBe(plain.text);
  });

  it('astral characters keep two units, both mapping to the same original span', () => {
    const n = normalizeText('a😊b𠮷');
    expect(n.text).toBe('a😊b𠮷');
    expect(Array.from(n.starts)).toEqual([0, 1, 1, 3, 4, 4]);
    expect(Array.from(n.ends)).toEqual([1, 3, 3, 4, 6, 6]);
    expect(evidence(n, 1, 3)).toBe('😊');
    expect(evidence(n, 4, 6)).toBe('𠮷');
    expect(evidence(n, 4, 5)).toBe('𠮷'); // half a surrogate pair still maps to the whole character
  });

  it('emoji ZWJ sequences lose their ZWJ, skin tones stay', () => {
    const original = '好的👩🏽‍💻！';
    const n = normalizeText(original);
    expect(n.text).toBe('好的👩🏽💻!');
    expect(find(n, '👩🏽💻')).toBe('👩🏽‍💻');
  });

  it('combining marks compose with their base and map to the whole cluster', () => {
    const n = normalizeText('cafe\u0301!');
    expect(n.text).toBe('café!');
    expect(find(n, 'é')).toBe('e\u0301');
    expect(normalizeText('ｶﾞ').text).toBe('ガ');
    expect(normalizeText('ㄱㅏ').text).toBe('가');
    expect(normalizeText('❤️').text).toBe('❤️');
    expect(normalizeText('1️⃣').text).toBe('1️⃣');
  });

  it('an expansion maps every output unit to the one source character', () => {
    const n = normalizeText('㍿ﬁ');
    expect(n.text).toBe('株式会社fi');
    expect(Array.from(n.starts)).toEqual([0, 0, 0, 0, 1, 1]);
    expect(Array.from(n.ends)).toEqual([1, 1, 1, 1, 2, 2]);
    expect(evidence(n, 1, 2)).toBe('㍿');
  });

  it('OpenCC phrase tables apply with exact offsets', () => {
    expect(normalizeText('乾坤').text).toBe('乾坤');
    const n = normalizeText('很乾淨 ！');
    expect(n.text).toBe('很干净 !');
    expect(find(n, '干净')).toBe('乾淨');
    expect(normalizeText('甚麼時候發貨').text).toBe('甚么时候发货');
    // A BMP Traditional character whose Simplified form is astral keeps its offsets.
    const astral = normalizeText('a㗲b');
    expect(astral.text).toBe('a𠵾b');
    expect(evidence(astral, 1, 3)).toBe('㗲');
    expect(evidence(astral, 3, 4)).toBe('b');
  });

  it('toOriginalRange: empty ranges and clamping', () => {
    const n = normalizeText('\u200b投 诉\u200b');
    expect(n.text).toBe('投诉');
    expect(toOriginalRange(n, 0, 2)).toEqual({ start: 1, end: 4 });
    expect(toOriginalRange(n, 1, 1)).toEqual({ start: 3, end: 3 });
    expect(toOriginalRange(n, 2, 2)).toEqual({ start: 4, end: 4 });
    expect(toOriginalRange(n, 0, 0)).toEqual({ start: 1, end: 1 });
    expect(toOriginalRange(n, -3, 99)).toEqual({ start: 1, end: 4 });
    expect(toOriginalRange(n, 1, 2, 'spaced')).toEqual({ start: 2, end: 3 });
    expect(toOriginalRange(normalizeText(''), 0, 0)).toEqual({ start: 0, end: 0 });
    expect(toOriginalRange(normalizeText('\u200b'), 0, 0)).toEqual({ start: 0, end: 0 });
  });

  it('handles long texts (buffer growth) and lone surrogates', () => {
    const long = '請問 ㍿ '.repeat(3000);
    const n = normalizeText(long);
    expect(n.text === '请问株式会社'.repeat(3000) + ' ').toBe(true);
    expect(n.spaced === '请问 株式会社 '.repeat(3000)).toBe(true);
    expect(n.starts.length).toBe(n.text.length);
    expect(n.ends[n.ends.length - 1]).toBe(long.length);
    const lone = normalizeText('a\ud800b\udc00');
    expect(lone.text).toBe('a\ud800b\udc00');
  });
});

// ---------------------------------------------------------------------------------------------
// Property tests against a deliberately simple reference implementation of the same contract.

// opencc-js's .d.ts imports './core' without an extension, which NodeNext cannot resolve: annotate.
const converter: (text: string) => string = OpenCC.Converter({ from: 't', to: 'cn' });
const MARK = /^\p{M}$/u;
const HAN = /^\p{Script=Han}$/u;
const WS = /^\s$/u;
const ZW = new Set(['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u180e']);

function joins(ch: string): boolean {
  if (MARK.test(ch)) return true;
  const first = ch.normalize('NFKC').codePointAt(0)!;
  return MARK.test(String.fromCodePoint(first)) || (first >= 0x1160 && first <= 0x11ff) || (first >= 0xd7b0 && first <= 0xd7ff);
}

interface Piece {
  ch: string;
  start: number;
  end: number;
}

function reference(original: string): { text: string; spaced: string; starts: number[]; ends: number[]; spacedStarts: number[]; spacedEnds: number[] } {
  const cps = Array.from(original);
  const pieces: Piece[] = [];
  let pos = 0;
  let k = 0;
  while (k < cps.length) {
    const start = pos;
    let cluster = cps[k]!;
    pos += cps[k]!.length;
    k++;
    while (k < cps.length && joins(cps[k]!)) {
      cluster += cps[k]!;
      pos += cps[k]!.length;
      k++;
    }
    for (const ch of cluster.normalize('NFKC').toLowerCase()) pieces.push({ ch, start, end: pos });
  }
  const converted = Array.from(converter(pieces.map((p) => p.ch).join('')));
  expect(converted.length).toBe(pieces.length);
  const kept = pieces.map((p, i) => ({ ...p, ch: converted[i]! })).filter((p) => !ZW.has(p.ch));
  const text: Piece[] = [];
  for (let i = 0; i < kept.length; i++) {
    const p = kept[i]!;
    if (WS.test(p.ch)) {
      let before = i - 1;
      let after = i + 1;
      while (after < kept.length && WS.test(kept[after]!.ch)) after++;
      while (before >= 0 && WS.test(kept[before]!.ch)) before--;
      if (before >= 0 && after < kept.length && HAN.test(kept[before]!.ch) && HAN.test(kept[after]!.ch)) continue;
    }
    text.push(p);
  }
  const units = (ps: Piece[], f: (p: Piece) => number): number[] => ps.flatMap((p) => Array<number>(p.ch.length).fill(f(p)));
  return {
    text: text.map((p) => p.ch).join(''),
    spaced: kept.map((p) => p.ch).join(''),
    starts: units(text, (p) => p.start),
    ends: units(text, (p) => p.end),
    spacedStarts: units(kept, (p) => p.start),
    spacedEnds: units(kept, (p) => p.end),
  };
}

const COMMON = [...'您好亲请问这个商品什么时候发货我已经等了三天投诉退款快递的是不在有人中大上一二十百'];
const TRADITIONAL = [...'訴對們這說請問發貨後麼時還會給說聯繫'];
const PHRASE_SENSITIVE = ['乾', '乾坤', '乾淨', '甚麼', '么麼', '㗲'];
const OTHER = [
  'a', 'B', 'Z', 'vx', 'QQ', '1', '9', '.', '-', '~', '～', '，', '。', '！', '？', '[', ']', '/', ':', '#',
  'Ｖ', 'Ｘ', '１', '２', 'ﬁ', '㍿', 'İ', 'Σ', 'ß', '①',
  ' ', ' ', '\u3000', '\t', '\n', '\u00a0',
  '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u180e',
  '😊', '👍🏻', '👩‍💻', '👩🏽‍💻', '❤️', '1️⃣', '🇨🇳', '🏳️‍🌈', '\u{1f3fb}', '\ufe0f',
  '𠮷', '𠀀', '〇', '々',
  'e\u0301', '\u0301', '\u0308', 'ｶ', 'ﾞ', 'ㄱ', 'ㅏ', '가', 'ᆨ',
];

const contextFree = (s: string): boolean => Array.from(s).every((ch) => !PHRASE_SENSITIVE.some((p) => p.includes(ch)));
const pieceArb = (pool: string[]): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...pool), { maxLength: 30 }).map((xs) => xs.join(''));

describe('normalizeText: properties', () => {
  it('agrees with the simple reference implementation (text, spaced, every offset)', () => {
    fc.assert(
      fc.property(pieceArb([...COMMON, ...TRADITIONAL, ...PHRASE_SENSITIVE, ...OTHER]), (original) => {
        const n = normalizeText(original);
        const r = reference(original);
        expect(n.text).toBe(r.text);
        expect(n.spaced).toBe(r.spaced);
        expect(Array.from(n.starts)).toEqual(r.starts);
        expect(Array.from(n.ends)).toEqual(r.ends);
        expect(Array.from(n.spacedStarts)).toEqual(r.spacedStarts);
        expect(Array.from(n.spacedEnds)).toEqual(r.spacedEnds);
      }),
      { numRuns: 2000 },
    );
  });

  it('every range of text (on source boundaries) maps back to a slice that normalises to it', () => {
    const pool = [...COMMON, ...TRADITIONAL, ...OTHER].filter(contextFree);
    fc.assert(
      fc.property(pieceArb(pool), fc.nat(), fc.nat(), (original, x, y) => {
        const n = normalizeText(original);
        for (const which of ['text', 'spaced'] as const) {
          const text = which === 'text' ? n.text : n.spaced;
          const starts = which === 'text' ? n.starts : n.spacedStarts;
          const ends = which === 'text' ? n.ends : n.spacedEnds;
          const len = text.length;
          // Offsets are monotone, non-empty and inside the original.
          for (let i = 0; i < len; i++) {
            expect(starts[i]!).toBeLessThan(ends[i]!);
            expect(ends[i]!).toBeLessThanOrEqual(original.length);
            if (i > 0) expect(starts[i]!).toBeGreaterThanOrEqual(starts[i - 1]!);
          }
          const boundaries = [0];
          for (let i = 1; i < len; i++) if (starts[i] !== starts[i - 1]) boundaries.push(i);
          boundaries.push(len);
          if (len === 0) return;
          const a = boundaries[x % boundaries.length]!;
          const b = boundaries[y % boundaries.length]!;
          const [s, e] = a <= b ? [a, b] : [b, a];
          if (s === e) continue;
          const slice = evidence(n, s, e, which);
          const again = normalizeText(slice);
          expect(which === 'text' ? again.text : again.spaced).toBe(text.slice(s, e));
        }
      }),
      { numRuns: 3000 },
    );
  });
});
