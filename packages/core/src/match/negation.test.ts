import { describe, expect, it } from 'vitest';
import { NegationChecker } from './negation.js';
import { DEFAULT_NEGATION } from '../pack/pack-types.js';

const checker = new NegationChecker(DEFAULT_NEGATION, (s) => s);
function negated(text: string, word: string): boolean {
  const at = text.replaceAll('您', '你').indexOf(word);
  if (at < 0) throw new Error(`${word} not in ${text}`);
  return checker.isNegated(text.replaceAll('您', '你'), at, at + word.length);
}

describe('negation (spec Definitions: Negated)', () => {
  it.each([
    ['不会给差评', '差评'],
    ['没投诉', '投诉'],
    ['不想去投诉', '投诉'],
    ['不用您自己去找快递', '自己去找快递'],
    ['不能加微信哦', '加微信'],
    ['暂时没办法退款', '退款'],
    ['不太想取消', '取消'],
    ['不太会投诉', '投诉'],
  ])('%s: %s is negated', (text, word) => expect(negated(text, word)).toBe(true));

  it.each([
    ['我要投诉', '投诉'],
    ['别逼我投诉', '投诉'],
    ['你们是不是骗子', '骗子'],
    ['这不是骗子是什么', '骗子'],
    ['这不是骗子吗', '骗子'],
    ['这不是骗子吗？😡', '骗子'],
    ['有没有投诉电话', '投诉'],
    ['会不会投诉', '投诉'],
    ['我投诉', '投诉'],
  ])('%s: %s is a trigger', (text, word) => expect(negated(text, word)).toBe(false));

  it('allows at most two fillers', () => {
    expect(negated('不给你去投诉', '投诉')).toBe(true);
    expect(negated('不给你去要投诉', '投诉')).toBe(false);
  });

  it('a plain 不是 statement still negates', () => {
    expect(negated('不是骗子，放心', '骗子')).toBe(true);
  });
});
