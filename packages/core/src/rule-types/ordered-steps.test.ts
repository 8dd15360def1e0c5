import { describe, it } from 'vitest';
import { ruleTypeCases, type RuleCase } from '../testing/rule-tester.js';
import type { OrderedStepsOptions } from './ordered-steps.js';
import type from './ordered-steps.js';

// flow.order: apologise or ask about the problem before offering a solution.
const o: Record<string, unknown> = {
  role: 'agent',
  steps: [
    {
      name: '致歉或询问',
      phrases: ['抱歉', '对不起', '不好意思', '歉意', '给您带来', '请问', '具体', '麻烦您提供', '核实一下', '照片'],
      exceptions: ['请问有什么可以帮您', '请问有什么需要', '请问还有什么'],
    },
    {
      name: '解决方案',
      phrases: ['为您补发', '为您退款', '给您补偿', '为您换货', '赔付', { clause: [['优惠券', '红包'], ['给您', '送您', '为您', '补偿']] }],
      notNegated: true,
    },
  ],
} satisfies OrderedStepsOptions;

// Three steps in a strict sequence: greet, verify, solve.
const three: Record<string, unknown> = {
  role: 'agent',
  steps: [{ name: '问候', phrases: ['您好'] }, { name: '核实', phrases: ['核实'] }, { phrases: ['补发', '退款'] }],
} satisfies OrderedStepsOptions;

const valid: RuleCase[] = [
  { name: 'apology, then solution, inside one message (非常抱歉，这边为您补发)', options: o, messages: ['c: 东西坏了', 'a: 非常抱歉，这边为您补发'] },
  { name: 'a question first, in an earlier message', options: o, messages: ['c: 东西坏了', 'a: 请问是哪里坏了', 'c: 屏幕', 'a: 好的，为您换货'] },
  { name: 'no solution at all: nothing to order', options: o, messages: ['c: 太差了', 'a: 好的'] },
  {
    name: 'a negated solution offers nothing (暂时没办法为您退款)',
    options: o,
    messages: ['c: 我要退款', 'a: 暂时没办法为您退款', 'a: 不好意思，为您补发可以吗'],
  },
  { name: 'solutions in customer messages do not count', options: o, messages: ['c: 你们给我补偿', 'a: 抱歉，给您补偿一张优惠券'] },
  { name: 'three steps in order', options: three, messages: ['a: 您好', 'a: 我核实一下', 'a: 给您补发'] },
];

const invalid: RuleCase[] = [
  {
    name: 'the solution before any apology or question, at the first solution message',
    options: o,
    messages: ['c: 东西坏了', 'a: 这边为您补发', 'a: 不好意思给您添麻烦了'],
    findings: [{ messageIndex: 1, evidence: '为您补发', messageId: 'outOfOrder', message: '出现在致歉或询问之前' }],
  },
  {
    name: 'a solution with no apology or question anywhere',
    options: o,
    messages: ['c: 东西坏了', 'a: 赔付您20元'],
    findings: [{ messageIndex: 1, evidence: '赔付', messageId: 'missing', message: '之前没有致歉或询问' }],
  },
  {
    name: 'the stock greeting 请问有什么可以帮您 is no question',
    options: o,
    messages: ['a: 您好，请问有什么可以帮您', 'c: 东西坏了', 'a: 这边为您补发一个'],
    findings: [{ messageIndex: 2, messageId: 'missing' }],
  },
  {
    name: 'positions inside one message: the solution before the apology',
    options: o,
    messages: ['c: 东西坏了', 'a: 为您退款，非常抱歉'],
    findings: [{ messageIndex: 1, evidence: '为您退款', messageId: 'outOfOrder' }],
  },
  {
    name: 'a coupon offered in one clause (这边给您发一张10元优惠券) is a solution',
    options: o,
    messages: ['c: 太慢了', 'a: 这边给您发一张10元优惠券，抱歉'],
    findings: [{ messageIndex: 1, evidence: '给您发一张10元优惠券' }],
  },
  {
    name: 'three steps: the verification comes after the solution',
    options: three,
    messages: ['a: 您好', 'a: 给您补发', 'a: 我核实一下'],
    findings: [{ messageIndex: 1, evidence: '补发', message: '出现在核实之前' }],
  },
  {
    name: 'three steps: each later step is judged on its own (one finding per step)',
    options: three,
    messages: ['a: 我核实一下', 'a: 退款给您', 'a: 您好'],
    findings: [
      { messageIndex: 0, evidence: '核实', message: '出现在问候之前' },
      { messageIndex: 1, evidence: '退款', message: '出现在问候之前' },
    ],
  },
];

describe('ordered-steps', () => {
  for (const c of ruleTypeCases(type, { valid, invalid })) it(c.name, c.run);
});
