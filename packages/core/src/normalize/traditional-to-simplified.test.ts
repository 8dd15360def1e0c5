import { describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js/t2cn';
import { mayChangeUnderT2s, t2s, t2sCodePoint } from './traditional-to-simplified.js';

type Dict = string | readonly (readonly [string, string])[];
const configs = OpenCC.Locale.configs as unknown as Record<string, { normalizationChain?: Dict[][]; conversionChain: Dict[][] }>;

function entries(): [string, string][] {
  const out: [string, string][] = [];
  const t2sConfig = configs['t2s']!;
  for (const group of [...(t2sConfig.normalizationChain ?? []), ...t2sConfig.conversionChain]) {
    for (const dict of group) {
      if (typeof dict === 'string') for (const e of dict.split('|')) out.push(e.split(' ') as [string, string]);
      else for (const [a, b] of dict) out.push([a, b]);
    }
  }
  return out;
}

describe('t2s (OpenCC, character and phrase tables)', () => {
  it('converts Traditional to Simplified, with phrases', () => {
    expect(t2s('投訴')).toBe('投诉');
    expect(t2s('對不起')).toBe('对不起');
    expect(t2s('乾淨')).toBe('干净');
    expect(t2s('乾坤')).toBe('乾坤');
    expect(t2sCodePoint('乾'.codePointAt(0)!)).toBe('干');
  });

  it('trigger set is sound: every changing table entry contains a trigger character', () => {
    let changing = 0;
    for (const [source, target] of entries()) {
      if (source === target) continue;
      changing++;
      expect(Array.from(source).some((ch) => mayChangeUnderT2s(ch.codePointAt(0)!))).toBe(true);
    }
    expect(changing).toBeGreaterThan(3000);
  });

  it('trigger set is tight: common Simplified characters are no triggers', () => {
    for (const ch of '什么怎么的是不大上以出所水二其社重反明意情文老手九回任南七海金打示名土拉深千素毛王您请问货退款') {
      expect(mayChangeUnderT2s(ch.codePointAt(0)!)).toBe(false);
    }
    for (const ch of '訴對麼發們') expect(mayChangeUnderT2s(ch.codePointAt(0)!)).toBe(true);
  });
});
