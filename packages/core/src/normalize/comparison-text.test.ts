import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { codePointLength, comparisonOf, comparisonText, isSymbolOnly } from './comparison-text.js';
import { normalizeText } from './normalize-text.js';

const cmp = (raw: string): string => comparisonText(normalizeText(raw).text);

describe('comparison text', () => {
  it('removes the spec emoticon codes', () => {
    expect(cmp('[微笑]')).toBe('');
    expect(cmp('好的[微笑][微笑]')).toBe('好的');
    expect(cmp('[抱拳感谢]好')).toBe('好');
    expect(cmp('/:^_^')).toBe('');
    expect(cmp('好的/:^_^')).toBe('好的');
    expect(cmp('#E-s01')).toBe('');
    expect(cmp('#E-s01收到')).toBe('收到');
    expect(cmp('#E-s[数字x]')).toBe('');
    expect(cmp('#E-s[数字X]好')).toBe('好');
  });

  it('media placeholders are no emoticon codes: their words remain', () => {
    for (const p of ['图片', '视频', '文件', '语音', '链接', '商品', '订单']) expect(cmp(`[${p}]`)).toBe(p);
    expect(isSymbolOnly(normalizeText('[图片]').text)).toBe(false);
  });

  it('emoticon code limits: 1 to 4 Han characters, 1 to 6 ASCII after /:', () => {
    expect(cmp('[一二三四五]')).toBe('一二三四五');
    expect(cmp('[]')).toBe('');
    expect(cmp('[ok]')).toBe('ok');
    expect(cmp('[𠮷]')).toBe('');
    expect(cmp('/:abcdefgh')).toBe('gh'); // /: takes at most 6
    expect(cmp('/:[微笑]')).toBe(''); // `[` ends the /: code, [微笑] is a code of its own
    expect(cmp('/: 好')).toBe('好');
    expect(cmp('#e-s')).toBe('es');
  });

  it('removes emoji with modifiers, ZWJ, variation selectors, keycaps, flags, tags', () => {
    expect(cmp('好的😊')).toBe('好的');
    expect(cmp('👍🏻👩🏽‍💻❤️')).toBe('');
    expect(cmp('1️⃣退款 2️⃣换货')).toBe('退款换货');
    expect(cmp('🇨🇳🏴󠁧󠁢󠁳󠁣󠁴󠁿')).toBe('');
    expect(cmp('©®™‼')).toBe('tm'); // ™ is NFKC'd to "tm" before the comparison text is taken
    expect(comparisonText('\u{1fc00}')).toBe(''); // unassigned Extended_Pictographic
  });

  it('removes punctuation, symbols (~ and ～), separators, controls and formats', () => {
    expect(cmp('~')).toBe('');
    expect(cmp('～')).toBe('');
    expect(cmp('亲，本店默认48小时内发货哦~')).toBe('亲本店默认48小时内发货哦');
    expect(cmp('好 的\n\t谢谢！！！')).toBe('好的谢谢');
    expect(cmp('¥199 + $5 = ？')).toBe('1995');
    expect(cmp('【通知】《说明》……')).toBe('通知说明');
    expect(comparisonText('a\u00adb\u200ec')).toBe('abc');
    expect(comparisonText('a\u3000b')).toBe('ab');
  });

  it('isSymbolOnly', () => {
    for (const s of ['[微笑]', '/:^_^', '#E-s01', '~', '～', '😊😊', '。。。', ' ', '', '👍🏻 [微笑]！']) {
      expect(isSymbolOnly(normalizeText(s).text)).toBe(true);
    }
    for (const s of ['嗯', '[图片]', 'ok', '1']) expect(isSymbolOnly(normalizeText(s).text)).toBe(false);
  });

  it('map points each unit back into the normalised text', () => {
    const norm = normalizeText('好的😊，[微笑]𠮷a').text;
    const c = comparisonOf(norm);
    expect(c.text).toBe('好的𠮷a');
    expect(Array.from(c.map)).toEqual([0, 1, norm.indexOf('𠮷'), norm.indexOf('𠮷') + 1, norm.indexOf('a')]);
    const same = comparisonOf('abc');
    expect(same.text).toBe('abc');
    expect(Array.from(same.map)).toEqual([0, 1, 2]);
  });

  it('property: map[i] indexes the same unit, in increasing order', () => {
    const pool = ['好', '的', 'a', '1', '~', '，', ' ', '[', ']', '微笑', '图片', '/:', '^_^', '#e-s', '01', '😊', '👍🏻', '\ufe0f', '\u20e3', '𠮷', '\u200b'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { maxLength: 25 }), (parts) => {
        const s = parts.join('');
        const c = comparisonOf(s);
        expect(c.map.length).toBe(c.text.length);
        for (let i = 0; i < c.text.length; i++) {
          expect(s[c.map[i]!]).toBe(c.text[i]);
          if (i > 0) expect(c.map[i]!).toBeGreaterThan(c.map[i - 1]!);
        }
        expect(comparisonText(s)).toBe(c.text);
        expect(isSymbolOnly(s)).toBe(c.text === '');
      }),
      { numRuns: 1000 },
    );
  });

  it('codePointLength counts code points', () => {
    expect(codePointLength('')).toBe(0);
    expect(codePointLength('好的')).toBe(2);
    expect(codePointLength('𠮷a😊')).toBe(3);
    expect(codePointLength('\ud800')).toBe(1);
  });
});
