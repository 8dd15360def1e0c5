import { describe, expect, it } from 'vitest';
import { requiredLiteral } from './regex-hint.js';

describe('requiredLiteral', () => {
  it.each([
    ['(?:(?![我们本的])\\p{sc=Han}){1,4}客服会帮你', '客服会帮你'],
    ['(?<!\\p{sc=Han})滚(?!\\p{sc=Han})', '滚'],
    ['(?<=^|[^\\p{sc=Han}]|好)亲(?=$|[^\\p{sc=Han}]|[亲爱])', '亲'],
    ['工号[是为:：\\s]*[0-9]{3,}', '工号'],
    ['abc?d', 'ab'],
    ['ab*', 'a'],
    ['x+y', 'y'],
  ])('%s -> %s', (source, literal) => expect(requiredLiteral(source)).toBe(literal));

  it('gives none when a top-level alternative or nothing literal exists', () => {
    expect(requiredLiteral('投诉|差评')).toBeUndefined();
    expect(requiredLiteral('\\d{11}')).toBeUndefined();
    expect(requiredLiteral('(投诉|差评)')).toBeUndefined();
  });

  it('every match of the regex contains the literal (property over samples)', () => {
    const cases: Array<[string, string[]]> = [
      ['(?:(?![我们本的])\\p{sc=Han}){1,4}客服会帮你', ['小美客服会帮你', '之前小美客服会帮你处理']],
      ['工号[是为:：\\s]*[0-9]{3,}', ['工号：0827', '我的工号是 123']],
    ];
    for (const [source, texts] of cases) {
      const lit = requiredLiteral(source)!;
      for (const t of texts) for (const m of t.matchAll(new RegExp(source, 'gu'))) expect(m[0]).toContain(lit);
    }
  });
});
