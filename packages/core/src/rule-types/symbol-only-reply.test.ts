import { describe, it } from 'vitest';
import { ruleTypeCases, type RuleCase } from '../testing/rule-tester.js';
import type { SymbolOnlyReplyOptions } from './symbol-only-reply.js';
import type from './symbol-only-reply.js';

// etiquette.symbol-only-reply: the crisis.complaint-unsoothed triggers plus negative-emotion words.
const options: SymbolOnlyReplyOptions = {
  role: 'agent',
  context: {
    role: 'customer',
    last: 2,
    phrases: ['投诉', '差评', '店大欺客', '12315', '工商', '曝光', '举报', '315', '消协', '消费者协会', '生气', '气死', '垃圾', '失望', '太差', '骗子', '什么态度', '无语'],
    exceptions: ['工商银行', '曝光度', '曝光补偿', '差评处', '差评管理', '差评率'],
    notNegated: true,
  },
};
const o = options as unknown as Record<string, unknown>;

const valid: RuleCase[] = [
  { name: 'symbol-only reply to a content customer', options: o, messages: ['c: 好的谢谢', 'a: [微笑]'] },
  { name: 'a media placeholder is no emoticon code', options: o, messages: ['c: 我要投诉', 'a: [图片]'] },
  { name: 'an image row is never symbol-only', options: o, messages: ['c: 我要投诉', { role: 'agent', kind: 'image', text: '' }] },
  { name: 'an order card is never symbol-only', options: o, messages: ['c: 太差了', { role: 'agent', kind: 'order-card', text: '~~' }] },
  { name: 'negated complaint word', options: o, messages: ['c: 我不会给差评的', 'a: 👍'] },
  { name: 'negated with fillers (不想去投诉)', options: o, messages: ['c: 我不想去投诉', 'a: 🙂'] },
  { name: 'trigger three customer messages back', options: o, messages: ['c: 太差了', 'c: 好吧', 'c: 算了', 'a: [微笑]'] },
  {
    name: 'trigger three customer messages back, agent messages in between',
    options: o,
    messages: ['c: 无语', 'a: 您好', 'c: 嗯', 'a: 在的', 'c: 发货了吗', 'a: /:^_^'],
  },
  { name: 'exception 工商银行', options: o, messages: ['c: 工商银行卡可以付款吗', 'a: 😊'] },
  { name: '315 inside an order number', options: o, messages: ['c: 订单号12163154', 'a: [微笑]'] },
  { name: 'a worded reply', options: o, messages: ['c: 我要投诉', 'a: 抱歉～'] },
  { name: 'the complaint comes after the reply', options: o, messages: ['a: [微笑]', 'c: 垃圾'] },
  { name: 'a bot emoticon is no agent message', options: o, messages: ['c: 垃圾', 'b: [微笑]'] },
  { name: 'a status row is no agent message', options: o, messages: ['c: 垃圾', { role: 'agent', kind: 'status', text: '~' }] },
  { name: 'no context option: worded replies pass', options: {}, messages: ['a: 好的', 'a: [图片]'] },
];

const invalid: RuleCase[] = [
  {
    name: 'emoticon code after a complaint',
    options: o,
    messages: ['c: 我要投诉你们', 'a: [微笑]'],
    findings: [{ messageIndex: 1, evidence: '[微笑]', messageId: 'symbolOnlyInContext', message: '投诉' }],
  },
  {
    name: 'trigger two customer messages back across agent messages',
    options: o,
    messages: ['c: 垃圾东西', 'a: 您好', 'c: 嗯', 'a: /:^_^'],
    findings: [{ messageIndex: 3, evidence: '/:^_^', message: '垃圾' }],
  },
  {
    name: 'JD emoticon code #E-s01, whole message with its spaces',
    options: o,
    messages: ['c: 什么态度啊', 'a:  #E-s01 ～ '],
    findings: [{ messageIndex: 1, evidence: ' #E-s01 ～ ' }],
  },
  {
    name: 'Traditional complaint word, trigger reported as written',
    options: o,
    messages: ['c: 我要投訴', 'a: 🙂🙂'],
    findings: [{ messageIndex: 1, evidence: '🙂🙂', message: '「投訴」' }],
  },
  {
    name: 'full-width 12315',
    options: o,
    messages: ['c: 我打１２３１５', 'a: 。。。'],
    findings: [{ messageIndex: 1, evidence: '。。。', message: '１２３１５' }],
  },
  { name: 'spaced 投 诉', options: o, messages: ['c: 投 诉你们', 'a: ！！'], findings: [{ messageIndex: 1, evidence: '！！' }] },
  { name: 'A-not-A question is no negation', options: o, messages: ['c: 你们是不是骗子', 'a: 👍🏻'], findings: [{ messageIndex: 1, evidence: '👍🏻' }] },
  {
    name: 'an emoji-kind row is not media',
    options: o,
    messages: ['c: 太差了', { role: 'agent', kind: 'emoji', text: '[微笑]' }],
    findings: [{ messageIndex: 1, evidence: '[微笑]' }],
  },
  { name: 'an empty agent message is symbol-only', options: o, messages: ['c: 气死了', { role: 'agent', text: '' }], findings: [{ messageIndex: 1, evidence: '' }] },
  {
    name: 'each symbol-only reply in the window fires',
    options: o,
    messages: ['c: 失望', 'a: [微笑]', 'a: 😊', 'c: 好', 'c: 行', 'a: ~'],
    findings: [
      { messageIndex: 1, evidence: '[微笑]' },
      { messageIndex: 2, evidence: '😊' },
    ],
  },
  {
    name: 'no context option: every symbol-only reply fires',
    options: {},
    messages: ['c: 你好', 'a: 👌'],
    findings: [{ messageIndex: 1, evidence: '👌', messageId: 'symbolOnly' }],
  },
];

describe('symbol-only-reply', () => {
  for (const c of ruleTypeCases(type, { valid, invalid })) it(c.name, c.run);
});
