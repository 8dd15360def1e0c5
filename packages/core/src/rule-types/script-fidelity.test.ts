import { describe, expect, it } from 'vitest';
import { ruleTypeCases, type RuleCase } from '../testing/rule-tester.js';
import type { NumericToken } from '../normalize/index.js';
import type { ScriptFidelityOptions } from './script-fidelity.js';
import type from './script-fidelity.js';
import { firstDifference } from './script-fidelity.js';

// crisis.script-modified with the standard pack's scripts.
const scripts = [
  { id: 'shipping-time', text: '亲，本店默认48小时内发货，节假日顺延哦~' },
  { id: 'seven-day-return', text: '亲，本店支持7天无理由退换货，请保持商品完好不影响二次销售哦~' },
  { id: 'promotion', text: '亲，活动期间全场满199减20，优惠可叠加店铺券哦~' },
  { id: 'delivery-time', text: '亲，快递一般3-5天送达，偏远地区会稍慢一些，请您耐心等待~' },
];
const pack = { scripts };
const o: Record<string, unknown> = { role: 'agent', threshold: 0.6 } satisfies ScriptFidelityOptions;
const base = { options: o, pack };

const valid: RuleCase[] = [
  { name: 'exact copy', ...base, messages: ['a: 亲，本店默认48小时内发货，节假日顺延哦~'] },
  { name: 'punctuation and emoji differ', ...base, messages: ['a: 亲！本店默认48小时内发货。节假日顺延哦😊'] },
  { name: 'address term 亲亲', ...base, messages: ['a: 亲亲，本店默认48小时内发货，节假日顺延哦'] },
  { name: 'address term 您好', ...base, messages: ['a: 您好，本店默认48小时内发货，节假日顺延哦~'] },
  { name: 'no address term', ...base, messages: ['a: 本店默认48小时内发货，节假日顺延哦'] },
  { name: 'emoticon code', ...base, messages: ['a: [微笑]亲，本店默认48小时内发货，节假日顺延哦/:^_^'] },
  { name: 'other wording, same numbers', ...base, messages: ['a: 亲，我们店默认48小时内发货，节假日会顺延哦'] },
  { name: 'the same number in Chinese numerals (四十八)', ...base, messages: ['a: 亲，本店默认四十八小时内发货，节假日顺延哦'] },
  { name: 'full-width digits, same number', ...base, messages: ['a: 亲，本店默认４８小时内发货，节假日顺延哦'] },
  { name: 'Traditional copy', ...base, messages: ['a: 親，本店默認48小時內發貨，節假日順延哦~'] },
  { name: '3到5天 and 三到五天 are 3, 5', ...base, messages: ['a: 亲，快递一般3到5天送达，偏远地区会稍慢一些，请您耐心等待', 'a: 亲，快递一般三到五天送达，偏远地区会稍慢一些，请耐心等待'] },
  { name: 'a [数字x] placeholder matches any number', ...base, messages: ['a: 亲，本店默认[数字x]小时内发货，节假日顺延哦~'] },
  { name: '二次 is wording', ...base, messages: ['a: 亲，本店支持7天无理由退换货，请保持商品完好不影响二次销售哦'] },
  { name: 'below the threshold (0.53): a short rewrite', ...base, messages: ['a: 亲亲，本店默认72小时内发货哦'] },
  { name: 'below the threshold: an unrelated message with numbers', ...base, messages: ['a: 您的订单24小时内发货', 'a: 亲，本店支持15天无理由退换货哦'] },
  { name: 'customer messages are not checked', ...base, messages: ['c: 亲，本店默认24小时内发货，节假日顺延哦~'] },
  { name: 'only the listed scripts', options: { ...o, scripts: ['promotion'] }, pack, messages: ['a: 亲，本店默认24小时内发货，节假日顺延哦~'] },
  { name: 'a pack without scripts', options: o, messages: ['a: 亲，本店默认24小时内发货，节假日顺延哦~'] },
  {
    name: 'a faithful copy of one of two similar scripts',
    options: o,
    pack: { scripts: [{ id: 'a', text: '亲，本店默认48小时内发货' }, { id: 'b', text: '亲，本店默认24小时内发货' }] },
    messages: ['a: 亲，本店默认24小时内发货'],
  },
  {
    name: 'a [数字x] placeholder in the script matches any number',
    options: o,
    pack: { scripts: [{ id: 'x', text: '亲，您的订单将在[数字x]小时内发货' }] },
    messages: ['a: 亲，您的订单将在24小时内发货'],
  },
];

const invalid: RuleCase[] = [
  {
    name: 'a changed number: the token is the span',
    ...base,
    messages: ['a: 亲，本店默认24小时内发货，节假日顺延哦~'],
    findings: [{ messageIndex: 0, evidence: '24', messageId: 'modified', message: '亲，本店默认48小时内发货' }],
  },
  { name: 'a changed range end (3-7天)', ...base, messages: ['a: 亲，快递一般3-7天送达，偏远地区会稍慢一些，请您耐心等待~'], findings: [{ messageIndex: 0, evidence: '7' }] },
  { name: 'a changed price', ...base, messages: ['c: 有优惠吗', 'a: 亲，活动期间全场满199减30，优惠可叠加店铺券哦~'], findings: [{ messageIndex: 1, evidence: '30' }] },
  { name: 'Chinese numerals 二十四', ...base, messages: ['a: 亲，本店默认二十四小时内发货，节假日顺延哦'], findings: [{ messageIndex: 0, evidence: '二十四' }] },
  { name: 'full-width digits ２４', ...base, messages: ['a: 亲，本店默认２４小时内发货，节假日顺延哦'], findings: [{ messageIndex: 0, evidence: '２４' }] },
  { name: 'Traditional with a changed number', ...base, messages: ['a: 親，本店默認24小時內發貨，節假日順延哦'], findings: [{ messageIndex: 0, evidence: '24' }] },
  {
    name: 'fewer tokens than the script: the whole message',
    ...base,
    messages: ['a: 亲，快递一般几天就送达，偏远地区会稍慢一些，请您耐心等待~'],
    findings: [{ messageIndex: 0, evidence: '亲，快递一般几天就送达，偏远地区会稍慢一些，请您耐心等待~' }],
  },
  { name: 'an added number', ...base, messages: ['a: 亲，本店默认48小时内发货，节假日顺延1天哦'], findings: [{ messageIndex: 0, evidence: '1' }] },
  { name: 'an added date word', ...base, messages: ['a: 亲，本店默认48小时内发货，明天顺延哦'], findings: [{ messageIndex: 0, evidence: '明天' }] },
  {
    name: 'a placeholder script still checks the other tokens',
    options: o,
    pack: { scripts: [{ id: 'x', text: '亲，您的订单将在[数字x]小时内发货' }] },
    messages: ['a: 亲，您的订单将在24小时内发货，明天到'],
    findings: [{ messageIndex: 0, evidence: '明天' }],
  },
  {
    name: 'two equally similar scripts: the first in pack order is named',
    options: o,
    pack: { scripts: [{ id: 'a', text: '亲，本店默认48小时内发货' }, { id: 'b', text: '亲，本店默认24小时内发货' }] },
    messages: ['a: 亲，本店默认72小时内发货'],
    findings: [{ messageIndex: 0, evidence: '72', message: '48' }],
  },
];

describe('script-fidelity', () => {
  for (const c of ruleTypeCases(type, { valid, invalid })) it(c.name, c.run);

  it('an unknown script id is a located pack error', () => {
    const bad = ruleTypeCases(type, { valid: [{ name: 'x', options: { scripts: ['nope'] }, pack, messages: [] }], invalid: [] });
    expect(() => bad[0]!.run()).toThrow(/unknown script "nope"/);
  });

  it('firstDifference treats wildcards as any number', () => {
    const t = (value: string, wildcard = false): NumericToken => ({ value, start: 0, end: 1, ...(wildcard ? { wildcard } : {}) });
    expect(firstDifference([t('3'), t('5')], [t('3'), t('5')])).toBe(-1);
    expect(firstDifference([t('*', true), t('5')], [t('3'), t('5')])).toBe(-1);
    expect(firstDifference([t('3'), t('7')], [t('3'), t('5')])).toBe(1);
    expect(firstDifference([t('3')], [t('3'), t('5')])).toBe(1);
    expect(firstDifference([t('3'), t('5'), t('1')], [t('3'), t('5')])).toBe(2);
  });
});
