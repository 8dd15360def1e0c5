import { describe, it } from 'vitest';
import { ruleTypeCases, type CaseMessage, type RuleCase } from '../testing/rule-tester.js';
import type { EventAnnouncedOptions } from './event-announced.js';
import type from './event-announced.js';

// business.transfer-notice
const o: Record<string, unknown> = {
  role: 'agent',
  phrases: ['转接', '转给', '为您转', '帮您转', '同事', '专员', '售后客服', '售前客服'],
  last: 2,
  eventKinds: ['transfer'],
  eventRole: 'system',
  eventText: { phrases: ['已转接', '转接至', '转接给'] },
} satisfies EventAnnouncedOptions;

const transfer = (text = ''): CaseMessage => ({ role: 'system', kind: 'transfer', text });

const valid: RuleCase[] = [
  { name: 'announced in the last agent message', options: o, messages: ['c: 我要退货', 'a: 好的，这边为您转接售后', transfer()] },
  { name: 'announced in the second-last agent message', options: o, messages: ['a: 稍等，帮您转一下', 'c: 好', 'a: 请稍等', transfer()] },
  { name: 'no agent message before the event', options: o, messages: ['c: 转人工', transfer('已转接至人工客服')] },
  { name: 'a system text that only mentions 转接 is no event', options: o, messages: ['a: 您好', 's: 转接可能需要等待'] },
  { name: 'announcement words are matched without negation (不用转接)', options: o, messages: ['a: 这个不用转接的', transfer()] },
  { name: 'Traditional announcement', options: o, messages: ['a: 為您轉接售後', transfer()] },
  { name: 'spaced announcement', options: o, messages: ['a: 帮 您 转 一下哦～', 's: 已转接至售后'] },
  { name: 'no event at all', options: o, messages: ['a: 您好', 'c: 在吗', 'a: 在的'] },
];

const invalid: RuleCase[] = [
  {
    name: 'an unannounced transfer row with empty text: empty span',
    options: o,
    messages: ['a: 您好', 'a: 请问有什么问题', transfer()],
    findings: [{ messageIndex: 2, evidence: '', messageId: 'unannounced' }],
  },
  {
    name: 'the announcement is three agent messages back',
    options: o,
    messages: ['a: 帮您转接售后', 'a: 好的', 'a: 请稍等', transfer('会话转移')],
    findings: [{ messageIndex: 3, evidence: '会话转移' }],
  },
  {
    name: 'a customer asking for the transfer is no announcement; system text event, whole text',
    options: o,
    messages: ['c: 给我转人工客服', 'a: 好的', 's: 系统：已转接至售后客服组'],
    findings: [{ messageIndex: 2, evidence: '系统：已转接至售后客服组' }],
  },
  {
    name: 'Traditional system text 已轉接給',
    options: o,
    messages: ['a: 您好', 's: 已轉接給客服小王'],
    findings: [{ messageIndex: 1, evidence: '已轉接給客服小王' }],
  },
  {
    name: 'a transfer row of any role',
    options: o,
    messages: ['a: 您好', { role: 'agent', kind: 'transfer', text: '转出' }],
    findings: [{ messageIndex: 1, evidence: '转出' }],
  },
  {
    name: 'each event on its own: the second is unannounced',
    options: o,
    messages: ['a: 为您转接同事', transfer(), 'a: 您好，我是售后', 'a: 请问什么问题', transfer()],
    findings: [{ messageIndex: 4, evidence: '' }],
  },
  {
    name: 'a bot announcement does not count',
    options: o,
    messages: ['a: 您好', 'b: 正在为您转接', transfer()],
    findings: [{ messageIndex: 2, evidence: '' }],
  },
  {
    name: 'an announcement after the event does not count',
    options: o,
    messages: ['a: 您好', transfer('转接'), 'a: 已经为您转接了'],
    findings: [{ messageIndex: 1, evidence: '转接' }],
  },
];

describe('event-announced', () => {
  for (const c of ruleTypeCases(type, { valid, invalid })) it(c.name, c.run);
});
