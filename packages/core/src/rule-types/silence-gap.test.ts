import { describe, it } from 'vitest';
import { ruleTypeCases, type CaseMessage, type RuleCase } from '../testing/rule-tester.js';
import type { MessageKind, Role } from '../model/conversation.js';
import type { SilenceGapOptions } from './silence-gap.js';
import type from './silence-gap.js';

// handling.silence
const o: Record<string, unknown> = {
  roles: ['agent', 'customer'],
  thresholdSeconds: 20,
  hold: { role: 'agent', phrases: ['请稍等', '请您稍等', '请您稍候', '请稍候', '稍等一下', '帮您查询一下', '正在为您查询'] },
} satisfies SilenceGapOptions;

const T0 = Date.UTC(2024, 5, 18, 2, 0, 0); // 10:00:00 Asia/Shanghai
/** An utterance from `start` to `end` seconds after T0 (end omitted: no end time). */
const u = (role: Role, start: number | undefined, end: number | undefined, text: string, kind?: MessageKind): CaseMessage => ({
  role,
  text,
  ...(start !== undefined ? { ts: T0 + start * 1000 } : {}),
  ...(end !== undefined ? { endTs: T0 + end * 1000 } : {}),
  ...(kind ? { kind } : {}),
});

const valid: RuleCase[] = [
  { name: 'exactly 20 s is not more than 20', options: o, messages: [u('agent', 0, 5, '您好'), u('customer', 25, 28, '你好')] },
  {
    name: 'the agent asked the customer to hold (请稍等)',
    options: o,
    messages: [u('agent', 0, 3, '好的请稍等'), u('agent', 40, 44, '让您久等了')],
  },
  {
    name: 'the hold holds even when the customer acknowledged it',
    options: o,
    messages: [u('agent', 0, 3, '这边帮您查询一下'), u('customer', 3.5, 4, '好的'), u('agent', 60, 63, '查到了')],
  },
  {
    name: 'the gap is measured from the LATEST end so far (a long customer turn overlaps a short agent one)',
    options: o,
    messages: [u('customer', 0, 30, '我跟你说一下我这个情况……'), u('agent', 5, 6, '嗯'), u('agent', 35, 38, '明白了')],
  },
  {
    name: 'events are not utterances: a ring long before the first word opens no gap',
    options: o,
    messages: [u('system', 0, undefined, '', 'ring'), u('agent', 30, 33, '您好'), u('customer', 34, 36, '你好')],
  },
  { name: 'Traditional hold phrase 請稍候', options: o, messages: [u('agent', 0, 2, '請稍候'), u('agent', 30, 33, '查到了')] },
  { name: 'a single utterance has no gap', options: o, messages: [u('agent', 0, 2, '您好')] },
];

const invalid: RuleCase[] = [
  {
    name: 'a 25 s silence, at the utterance after the gap',
    options: o,
    messages: [u('agent', 0, 5, '您好'), u('customer', 6, 8, '我的快递呢'), u('agent', 33, 35, '我看一下')],
    findings: [{ messageIndex: 2, evidence: '我看一下', messageId: 'silence', message: '静默 25 秒' }],
  },
  {
    name: 'a silence the customer asks for (你等一下) is not exempt',
    options: o,
    messages: [u('agent', 0, 3, '请提供订单号'), u('customer', 4, 6, '你等一下'), u('customer', 40, 45, '订单号是123')],
    findings: [{ messageIndex: 2, evidence: '订单号是123' }],
  },
  {
    name: 'only the LAST agent utterance before the gap counts: an older hold does not exempt',
    options: o,
    messages: [u('agent', 0, 2, '请稍等'), u('agent', 10, 12, '查到了，您的快递在路上'), u('agent', 40, 42, '还有其他问题吗')],
    findings: [{ messageIndex: 2 }],
  },
  {
    name: 'each gap fires (the cap is the pack\'s maxFindings)',
    options: o,
    messages: [u('agent', 0, 2, '您好'), u('customer', 30, 32, '在吗'), u('agent', 60, 62, '在的')],
    findings: [{ messageIndex: 1 }, { messageIndex: 2 }],
  },
  {
    name: 'missing end time: the utterance ends at its start, with a note',
    options: o,
    messages: [u('agent', 0, undefined, '您好'), u('customer', 21, 23, '你好')],
    findings: [{ messageIndex: 1 }],
    note: '缺少结束时间',
  },
  {
    name: 'a hold phrase in a customer utterance exempts nothing',
    options: o,
    messages: [u('customer', 0, 2, '请稍等'), u('agent', 30, 32, '好的')],
    findings: [{ messageIndex: 1 }],
  },
];

const notes: RuleCase[] = [
  {
    name: 'missing start time: the gaps around it are not checked, with a note',
    options: o,
    messages: [u('agent', 0, 2, '您好'), u('customer', undefined, undefined, '喂'), u('agent', 60, 62, '您好')],
    note: '缺少开始时间',
  },
  { name: 'no timings at all: nothing fires', options: o, messages: ['a: 您好', 'c: 你好', 'a: 请问有什么可以帮您'], note: '3 条语句缺少开始时间' },
];

describe('silence-gap', () => {
  for (const c of ruleTypeCases(type, { valid: [...valid, ...notes], invalid })) it(c.name, c.run);
});
