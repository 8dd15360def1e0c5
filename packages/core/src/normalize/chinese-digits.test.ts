import { describe, expect, it } from 'vitest';
import { readChineseDigits } from './chinese-digits.js';

describe('readChineseDigits', () => {
  it('reads each Chinese digit as its ASCII digit, keeping the length', () => {
    const s = '我的手机一三八零零一三八零零零';
    const r = readChineseDigits(s);
    expect(r).toBe('我的手机13800138000');
    expect(r.length).toBe(s.length);
    expect(readChineseDigits('幺三九〇〇〇〇五六七八')).toBe('13900005678');
    expect(readChineseDigits('一二三四五六七八九零〇幺')).toBe('123456789001');
  });

  it('leaves everything else alone (两, 十, 百 are no digits; ASCII stays)', () => {
    expect(readChineseDigits('两个十百千万 abc 138')).toBe('两个十百千万 abc 138');
    expect(readChineseDigits('')).toBe('');
  });

  it('洞 is 0 only in call mode', () => {
    expect(readChineseDigits('幺洞洞')).toBe('幺洞洞');
    expect(readChineseDigits('幺洞洞', { call: true })).toBe('100');
    expect(readChineseDigits('幺洞洞', { call: false })).toBe('幺洞洞');
  });

  it('a lone Chinese digit is a word, not a digit (一直, 一下)', () => {
    expect(readChineseDigits('13812345678一直打不通')).toBe('13812345678一直打不通');
    expect(readChineseDigits('稍等一下')).toBe('稍等一下');
    expect(readChineseDigits('一八')).toBe('18');
  });
});
