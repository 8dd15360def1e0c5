import { describe, expect, it } from 'vitest';
import { isHan, isHanAt } from './cjk.js';

describe('isHan (Unicode Script=Han)', () => {
  it('ideographs of every block, and Han-script signs', () => {
    for (const ch of ['投', '诉', '訴', '〇', '々', '㐀', '𠮷', '𫠝', '⺀', '豈']) expect(isHan(ch.codePointAt(0)!)).toBe(true);
  });

  it('not Han: kana, hangul, Latin, digits, CJK punctuation, full-width forms, emoji', () => {
    for (const ch of ['あ', 'ア', '가', 'a', '1', '，', '。', '、', '【', 'Ｖ', '１', '😊', ' ', '\u3000', '⿰']) {
      expect(isHan(ch.codePointAt(0)!)).toBe(false);
    }
    expect(isHan(0x110000)).toBe(false);
  });

  it('agrees with the regular expression over the BMP', () => {
    const re = /^\p{Script=Han}$/u;
    for (let cp = 0; cp < 0x10000; cp += 7) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      expect(isHan(cp)).toBe(re.test(String.fromCharCode(cp)));
    }
  });

  it('isHanAt reads code points', () => {
    expect(isHanAt('a𠮷', 1)).toBe(true);
    expect(isHanAt('a𠮷', 0)).toBe(false);
    expect(isHanAt('a', 5)).toBe(false);
  });
});
