import { describe, expect, it } from 'vitest';
import { compilePack, PackError, registryWithPlugins, ruleTypeCases, type PackDef, type RuleCase } from '@zhijian/core';
import plugin from './index.js';
import type from './order-confirmed-before-refund.js';

// The plugin's registry: the built-in types plus this plugin's (what --plugin gives the CLI).
const registry = registryWithPlugins([plugin]);
const o = {};
const TAOBAO_ONLY = { orderNumberPattern: '(?<![0-9])[0-9]{18,19}(?![0-9])' };

const valid: RuleCase[] = [
  {
    name: 'the agent asks for the order number first',
    options: o,
    messages: ['c: 收到的杯子是碎的，我要退款', 'a: 亲，麻烦提供一下您的订单号', 'c: 2503031234567890', 'a: 好的，马上为您退款'],
  },
  { name: 'the agent repeats the number earlier in the same message', options: o, messages: ['a: 订单2503031234567890已核对，马上为您退款'] },
  { name: 'a full-width order number', options: o, messages: ['a: 订单２５０３０３１２３４５６７８９０，马上退款'] },
  { name: 'a negated promise is no promise', options: o, messages: ['c: 能退款吗', 'a: 亲，超过7天了，暂时没办法为您退款哦'] },
  { name: 'no refund promise at all', options: o, messages: ['c: 在吗', 'a: 您好，请问有什么可以帮您'] },
  { name: 'every later promise is covered by one confirmation', options: o, messages: ['a: 核对一下订单哈', 'a: 给您退款', 'a: 退款已提交'] },
  { name: 'the customer quoting a promise is not read', options: o, messages: ['c: 昨天客服说马上为您退款，到现在都没到'] },
  { name: 'a pack-specific confirmation phrase', options: { confirmPhrases: ['订单编号'] }, messages: ['a: 订单编号我这边查到了，给您退款'] },
  // Known limit of the default pattern: any 10-20 digit run confirms, a mobile number too.
  { name: 'default pattern: a mobile number reads as an order number', options: o, messages: ['a: 手机号13812345678对吧？给您退款'] },
];

const invalid: RuleCase[] = [
  {
    name: 'a promise with no confirmation',
    options: o,
    messages: ['c: 我要退款', 'a: 好的亲，马上为您退款'],
    findings: [{ messageIndex: 1, evidence: '为您退款', messageId: 'unconfirmed', message: '之前未核对订单号' }],
  },
  {
    name: 'the customer giving the order number does not count',
    options: o,
    messages: ['c: 订单号2503031234567890，我要退款', 'a: 好的，给您退款'],
    findings: [{ messageIndex: 1, evidence: '给您退款' }],
  },
  {
    name: 'asking for the number after the promise, same message',
    options: o,
    messages: ['a: 马上为您退款，您的订单号是多少？'],
    findings: [{ messageIndex: 0, evidence: '为您退款' }],
  },
  {
    name: 'a confirmation in a later message does not repair the promise',
    options: o,
    messages: ['a: 退款已提交', 'c: 好', 'a: 麻烦核对一下订单号'],
    findings: [{ messageIndex: 0, evidence: '退款已提交' }],
  },
  {
    name: 'one finding: the first unconfirmed promise',
    options: o,
    messages: ['a: 马上退款', 'c: 什么时候到账', 'a: 已经给您退款了'],
    findings: [{ messageIndex: 0, evidence: '马上退款' }],
  },
  {
    name: 'a negated promise, then a real one',
    options: o,
    messages: ['a: 暂时没办法为您退款', 'c: 申请通过了吗', 'a: 通过了，马上为您退款'],
    findings: [{ messageIndex: 2, evidence: '为您退款' }],
  },
  {
    name: 'a negated confirmation is no confirmation',
    options: o,
    messages: ['a: 系统里没有您的订单号信息，先给您退款'],
    findings: [{ messageIndex: 0, evidence: '给您退款' }],
  },
  { name: 'nine digits are no order number', options: o, messages: ['a: 订单尾号123456789，给您退款'], findings: [{ messageIndex: 0, evidence: '给您退款' }] },
  {
    name: 'a 21-digit run is no order number',
    options: o,
    messages: ['a: 123456789012345678901，给您退款'],
    findings: [{ messageIndex: 0, evidence: '给您退款' }],
  },
  { name: 'Traditional script: evidence in the original text', options: o, messages: ['a: 馬上為您退款'], findings: [{ messageIndex: 0, evidence: '為您退款' }] },
  {
    name: 'a narrower pattern: a mobile number no longer confirms',
    options: TAOBAO_ONLY,
    messages: ['a: 手机号13812345678对吧？给您退款'],
    findings: [{ messageIndex: 0, evidence: '给您退款' }],
  },
  {
    name: 'role customer: the customer side is checked instead',
    options: { role: 'customer', refundPhrases: ['退款给我'] },
    messages: ['c: 马上退款给我', 'a: 您的订单号是多少'],
    findings: [{ messageIndex: 0, evidence: '退款给我' }],
  },
];

describe('order-confirmed-before-refund', () => {
  for (const c of ruleTypeCases(type, { valid, invalid }, registry)) it(c.name, () => c.run());
});

describe('order-confirmed-before-refund: options schema and compile errors', () => {
  const pack = (options: Record<string, unknown>): PackDef => ({
    id: 'order-check.test',
    version: '0.0.0',
    categories: [{ id: 'business', name: 'business' }],
    rules: [{ id: 'business.order-check', type: 'order-confirmed-before-refund', category: 'business', points: 5, options }],
  });
  const problems = (options: Record<string, unknown>) => {
    try {
      compilePack(pack(options), { registry, lang: 'en' });
    } catch (e) {
      if (e instanceof PackError) return e.problems.map((p) => ({ pointer: p.pointer, message: p.message }));
      throw e;
    }
    return [];
  };

  it('every option has a zh/en description and a default', () => {
    const props = type.meta.optionsSchema.properties as Record<string, { description?: string; default?: unknown }>;
    for (const [name, p] of Object.entries(props)) {
      expect(p.description, name).toMatch(/[a-z].*\p{Script=Han}/su);
      expect(p.default, name).toBeDefined();
    }
  });

  it('an unknown option is a schema error at its pointer', () => {
    expect(problems({ refundPhrase: ['退款'] })).toEqual([expect.objectContaining({ pointer: '/rules/0/options/refundPhrase' })]);
  });

  it('a pattern that does not compile is located at /orderNumberPattern', () => {
    expect(problems({ orderNumberPattern: '[0-9' })).toEqual([
      { pointer: '/rules/0/options/orderNumberPattern', message: expect.stringContaining('does not compile') },
    ]);
  });

  it('a pattern matching the empty string is rejected', () => {
    expect(problems({ orderNumberPattern: '[0-9]*' })).toEqual([
      { pointer: '/rules/0/options/orderNumberPattern', message: expect.stringContaining('empty string') },
    ]);
  });

  it('a bad phrase item is located in its own list', () => {
    expect(problems({ refundPhrases: ['为您退款', { regex: '(退款' }] })).toEqual([
      { pointer: '/rules/0/options/refundPhrases/1/regex', message: expect.stringContaining('does not compile') },
    ]);
    expect(problems({ confirmPhrases: [{ set: 'order-words' }] })).toEqual([
      { pointer: '/rules/0/options/confirmPhrases/0/set', message: expect.stringContaining('unknown phrase set') },
    ]);
  });
});
