import { describe, it } from 'vitest';
import { ruleTypeCases, type CaseMessage, type RuleCase } from '../testing/rule-tester.js';
import type { Role } from '../model/conversation.js';
import type { OverlapOptions } from './overlap.js';
import type from './overlap.js';

// handling.interruption
const o: Record<string, unknown> = {
  role: 'agent',
  other: 'customer',
  minOverlapSeconds: 1,
  backchannelMaxLength: 2,
  backchannels: ['嗯', '对', '是的', '好的', '明白'],
} satisfies OverlapOptions;
const listOnly = { ...o, backchannelMaxLength: 0 };

const T0 = Date.UTC(2024, 5, 18, 2, 0, 0);
const u = (role: Role, start: number | undefined, end: number | undefined, text: string): CaseMessage => ({
  role,
  text,
  ...(start !== undefined ? { ts: T0 + start * 1000 } : {}),
  ...(end !== undefined ? { endTs: T0 + end * 1000 } : {}),
});
const customer = u('customer', 10, 20, '我上周买的东西到现在都没有发货');

const valid: RuleCase[] = [
  { name: 'turns that do not overlap', options: o, messages: [customer, u('agent', 20.5, 24, '这边帮您查一下')] },
  { name: 'an overlap of 0.9 s is under 1.0', options: o, messages: [customer, u('agent', 19.1, 23, '这边帮您查一下')] },
  { name: 'starting at the same instant is not "after" (strictly)', options: o, messages: [customer, u('agent', 10, 13, '您好请讲')] },
  { name: 'starting exactly when the customer ends is no overlap', options: o, messages: [customer, u('agent', 20, 23, '好的明白了')] },
  { name: 'a backchannel of at most 2 characters (嗯嗯)', options: o, messages: [customer, u('agent', 12, 15, '嗯嗯')] },
  { name: 'a listed backchannel (是的, punctuation aside), by the list alone', options: listOnly, messages: [customer, u('agent', 12, 15, '是的。')] },
  { name: 'the customer interrupting the agent is not the agent\'s fault', options: o, messages: [u('agent', 0, 10, '您好这里是客服中心请问有什么可以帮您'), u('customer', 3, 8, '我要查快递')] },
];

const invalid: RuleCase[] = [
  {
    name: 'the agent starts 2 s before the customer ends and talks on (overlap 2 s)',
    options: o,
    messages: [customer, u('agent', 18, 25, '您先别说了我知道了')],
    findings: [{ messageIndex: 1, evidence: '您先别说了我知道了', messageId: 'overlap', message: '重叠 2 秒' }],
  },
  {
    name: 'exactly 1.0 s of overlap counts; the overlap ends where the agent stops',
    options: o,
    messages: [customer, u('agent', 15, 16, '那您说的是哪个订单')],
    findings: [{ messageIndex: 1, message: '重叠 1 秒' }],
  },
  {
    name: 'a long "好的好的" is no backchannel',
    options: o,
    messages: [customer, u('agent', 12, 15, '好的好的')],
    findings: [{ messageIndex: 1 }],
  },
  {
    name: '明白 is short but with the length check off only the list saves it: 明白了吗 is not on it',
    options: listOnly,
    messages: [customer, u('agent', 12, 15, '明白了吗'), u('agent', 13, 14, '明白')],
    findings: [{ messageIndex: 1 }],
  },
  {
    name: 'utterances without an end are left out, with a note; the timed ones are still judged',
    options: o,
    messages: [customer, u('agent', 12, undefined, '我打断一下'), u('customer', 30, undefined, '喂'), u('agent', 15, 18, '您听我说')],
    findings: [{ messageIndex: 3 }],
    note: '2 条语句缺少开始或结束时间',
  },
];

const notes: RuleCase[] = [
  { name: 'no timings at all: nothing fires, with a note', options: o, messages: ['c: 我要投诉', 'a: 您听我说'], note: '缺少开始或结束时间' },
];

describe('overlap', () => {
  for (const c of ruleTypeCases(type, { valid: [...valid, ...notes], invalid })) it(c.name, c.run);
});
