import { describe, it } from 'vitest';
import { ruleTypeCases, type RuleCase } from '../testing/rule-tester.js';
import type { RepeatedMessageOptions } from './repeated-message.js';
import type from './repeated-message.js';

// etiquette.repeated-reply
const reply: Partial<RepeatedMessageOptions> = {
  role: 'agent',
  minLength: 6,
  threshold: 0.9,
  minCount: 3,
  exclude: ['还有其他', '还有其它', '还有没有其他', '还有什么', '还有别的', '随时来问', '随时联系', '祝您', '感谢您', '再见', '很高兴为您服务', '有什么可以帮', '有什么问题', '在的', '请稍等', '正在为您查询'],
};
const o = reply as Record<string, unknown>;
// flow.same-solution-repeated (complaint pack): solution phrases, no minimum length, one finding.
const solution = {
  minLength: 1,
  only: ['为您补发', '为您退款', '给您补偿', '为您换货', '赔付'],
  phraseGroups: true,
  firstOnly: true,
};

const A = '非常抱歉给您带来不便，我们会尽快为您处理';
const A1 = '非常抱歉给您带来不便，我们尽快为您处理'; // 0.914 to A
const A2 = '非常抱歉给您带来不便，我们尽快为您处理完'; // 0.889 to A, 0.971 to A1
const B = '您的包裹已经在派送中了，请注意查收';

const valid: RuleCase[] = [
  { name: 'sent twice', options: o, messages: [`a: ${A}`, 'c: 好', `a: ${A}`] },
  { name: 'shorter than 6 characters (5)', options: o, messages: ['a: 嗯好的收到', 'a: 嗯好的收到', 'a: 嗯好的收到'] },
  { name: 'punctuation and emoji do not count towards the length', options: o, messages: ['a: 好的，收到！😊', 'a: 好的，收到！😊', 'a: 好的，收到！😊'] },
  { name: 'stock closer 感谢您', options: o, messages: ['a: 感谢您的耐心等待哦', 'a: 感谢您的耐心等待哦', 'a: 感谢您的耐心等待哦'] },
  { name: 'stock formula 请稍等 正在为您查询', options: o, messages: ['a: 请稍等，正在为您查询', 'a: 请稍等，正在为您查询', 'a: 请稍等，正在为您查询'] },
  { name: 'the customer repeating', options: o, messages: [`c: ${A}`, `c: ${A}`, `c: ${A}`] },
  { name: 'drift: A2 is close to A1 but not to the group\'s first message', options: o, messages: [`a: ${A}`, `a: ${A1}`, `a: ${A2}`] },
  { name: 'different texts', options: o, messages: [`a: ${A}`, `a: ${B}`, 'a: 非常抱歉给您带来不便，我们马上为您处理'] },
  { name: 'solutions: two different phrases, dissimilar texts', options: solution, messages: ['a: 这边为您补发一件', 'a: 可以为您退款', 'a: 马上为您补发'] },
];

const invalid: RuleCase[] = [
  {
    name: 'the same text 3 times: at the 3rd, whole message',
    options: o,
    messages: [`a: ${A}`, 'c: 嗯', `a: ${A}`, 'c: 然后呢', `a: ${A}`],
    findings: [{ messageIndex: 4, evidence: A, messageId: 'repeated', message: '3' }],
  },
  {
    name: 'a 4th and 5th repeat give nothing more',
    options: o,
    messages: [`a: ${A}`, `a: ${A}`, `a: ${A}`, `a: ${A}`, `a: ${A}`],
    findings: [{ messageIndex: 2, evidence: A }],
  },
  {
    name: 'exactly 6 characters',
    options: o,
    messages: ['a: 好的马上处理', 'a: 好的马上处理', 'a: 好的马上处理'],
    findings: [{ messageIndex: 2, evidence: '好的马上处理' }],
  },
  {
    name: 'same comparison text: punctuation, emoji, Traditional, full-width, spaces',
    options: o,
    messages: [`a: ${A}`, 'a: 非常抱歉給您帶來不便！我們會盡快為您處理～😊', 'a: 非 常 抱 歉 给 您 带 来 不 便 ， 我 们 会 尽 快 为 您 处 理 ！'],
    findings: [{ messageIndex: 2, evidence: '非 常 抱 歉 给 您 带 来 不 便 ， 我 们 会 尽 快 为 您 处 理 ！' }],
  },
  {
    name: 'similar (>= 0.9) to the first message joins its group',
    options: o,
    messages: [`a: ${A}`, `a: ${A1}`, 'a: 真的非常抱歉给您带来不便，我们会尽快为您处理'],
    findings: [{ messageIndex: 2, evidence: '真的非常抱歉给您带来不便，我们会尽快为您处理' }],
  },
  {
    name: 'drift starts a new group; the first group still completes',
    options: o,
    messages: [`a: ${A}`, `a: ${A1}`, `a: ${A2}`, `a: ${A}`],
    findings: [{ messageIndex: 3, evidence: A }],
  },
  {
    name: 'two texts each sent 3 times give two findings',
    options: o,
    messages: [`a: ${A}`, `a: ${B}`, `a: ${A}`, `a: ${B}`, `a: ${A}`, `a: ${B}`],
    findings: [
      { messageIndex: 4, evidence: A },
      { messageIndex: 5, evidence: B },
    ],
  },
  {
    name: 'minCount 2',
    options: { ...o, minCount: 2 },
    messages: [`a: ${B}`, `a: ${B}`],
    findings: [{ messageIndex: 1, evidence: B }],
  },
  {
    name: 'solutions: the same phrase in 3 messages',
    options: solution,
    messages: ['c: 东西坏了', 'a: 这边为您补发一件', 'a: 好的，马上為您補發', 'c: 还没到', 'a: 已经为您补发了，请查收'],
    findings: [{ messageIndex: 4, evidence: '已经为您补发了，请查收' }],
  },
  {
    name: 'solutions: one finding per conversation (firstOnly)',
    options: solution,
    messages: ['a: 为您退款', 'a: 为您补发', 'a: 为您退款', 'a: 为您补发', 'a: 为您退款', 'a: 为您补发'],
    findings: [{ messageIndex: 4, evidence: '为您退款' }],
  },
  {
    name: 'solutions: only messages with a solution phrase count (similarity group)',
    options: { ...solution, phraseGroups: false },
    messages: ['a: 我们给您补偿五元', 'a: 好的', 'a: 我们给您补偿五元哦', 'a: 我们给您补偿五元！'],
    findings: [{ messageIndex: 3, evidence: '我们给您补偿五元！' }],
  },
];

// The complaint pack's full solution list: a coupon offer is a clause pattern; negated offers do not count.
const solutions = {
  ...solution,
  only: [...solution.only, { clause: [['优惠券', '红包'], ['给您', '送您', '为您', '补偿']] }],
  notNegated: true,
};

valid.push(
  {
    name: 'solutions, notNegated: a negated offer is no solution (暂时没办法为您退款)',
    options: solutions,
    messages: ['a: 为您退款', 'a: 暂时没办法为您退款', 'a: 现在没办法为您退款了'],
  },
  {
    name: 'solutions: a coupon offer in another clause than its verb is none',
    options: solutions,
    messages: ['a: 给您查了，优惠券过期了', 'a: 给您看了，优惠券用不了', 'a: 给您说了，优惠券没有了'],
  },
);
invalid.push(
  {
    name: 'solutions: the same coupon offer in different words counts as one solution phrase',
    options: solutions,
    messages: ['a: 这边给您发一张10元优惠券', 'c: 不要', 'a: 送您一个红包吧', 'a: 优惠券已经为您申请了'],
    findings: [{ messageIndex: 3, evidence: '优惠券已经为您申请了' }],
  },
  {
    name: 'solutions without notNegated: a negated phrase still counts (the default)',
    options: solution,
    messages: ['a: 为您退款', 'a: 暂时没办法为您退款', 'a: 现在没办法为您退款了'],
    findings: [{ messageIndex: 2 }],
  },
);

describe('repeated-message', () => {
  for (const c of ruleTypeCases(type, { valid, invalid })) it(c.name, c.run);
});
