import { describe, expect, it } from 'vitest';
import { ruleTypeCases, type CaseMessage, type RuleCase } from '../testing/rule-tester.js';
import type { MessageKind, Role } from '../model/conversation.js';
import { parseTimestamp } from '../time/index.js';
import type { ReplyTimeOptions } from './reply-time.js';
import type from './reply-time.js';
import { workingMs } from './reply-time.js';

// crisis.slow-reply uses the defaults; spelled out here as pack data would.
const o: Record<string, unknown> = {
  role: 'customer',
  responder: 'agent',
  thresholdSeconds: 600,
  closeKinds: ['status'],
  workingHours: [{ from: '09:00', to: '23:00' }],
} satisfies ReplyTimeOptions;

const D = '2024-06-18'; // a Tuesday
const at = (role: Role, time: string, text: string, kind?: MessageKind): CaseMessage => ({
  role,
  text,
  ts: time.length <= 8 ? `${D} ${time}` : time,
  ...(kind ? { kind } : {}),
});

const valid: RuleCase[] = [
  { name: 'exactly 600 s is not longer than 600', options: o, messages: [at('customer', '10:00:00', '在吗'), at('agent', '10:10:00', '在的')] },
  { name: 'a quick reply', options: o, messages: [at('customer', '10:00:00', '在吗'), at('agent', '10:00:30', '在的')] },
  {
    name: 'outside working hours only (23:30 -> 08:59)',
    options: o,
    messages: [at('customer', '23:30:00', '在吗'), at('agent', '2024-06-19 08:59:00', '您好')],
  },
  {
    name: 'a status row closes the wait (300 s)',
    options: o,
    messages: [at('customer', '10:00:00', '在吗'), at('system', '10:05:00', '客服已挂起', 'status'), at('agent', '10:30:00', '您好')],
  },
  {
    name: 'after a status row customer messages open nothing until the agent speaks',
    options: o,
    messages: [
      at('customer', '10:00:00', '在吗'),
      at('agent', '10:01:00', '小休一下', 'status'),
      at('customer', '10:02:00', '人呢'),
      at('agent', '10:30:00', '您好'),
    ],
  },
  {
    name: 'a status row before the first customer message',
    options: o,
    messages: [at('system', '09:00:00', '离开', 'status'), at('customer', '10:00:00', '在吗'), at('agent', '10:30:00', '您好')],
  },
  { name: 'an unclosed wait is not measured', options: o, messages: [at('agent', '10:00:00', '您好'), at('customer', '10:01:00', '发货了吗'), at('system', '12:00:00', '会话结束', 'end')] },
  {
    name: 'missing timestamps: skipped, with a note',
    options: o,
    messages: [{ role: 'customer', text: '在吗' }, at('agent', '10:30:00', '您好')],
    note: '缺少时间戳',
  },
  {
    name: 'seconds are counted in the conversation zone (Kolkata: 08:50 -> 09:09 IST is 540 s; 1140 s in Shanghai)',
    options: o,
    timeZone: 'Asia/Kolkata',
    messages: [at('customer', '2024-06-18T03:20:00Z', '在吗'), at('agent', '2024-06-18T03:39:00Z', '在的')],
  },
];

const invalid: RuleCase[] = [
  {
    name: '601 s',
    options: o,
    messages: [at('customer', '10:00:00', '在吗？'), at('agent', '10:10:01', '在的')],
    findings: [{ messageIndex: 0, evidence: '在吗？', messageId: 'slow', message: '601' }],
  },
  {
    name: 'spec: 22:55 -> 09:20 is 1500 s',
    options: o,
    messages: [at('agent', '22:50:00', '您好'), at('customer', '22:55:00', '什么时候发货'), at('agent', '2024-06-19 09:20:00', '今天发')],
    findings: [{ messageIndex: 1, evidence: '什么时候发货', message: '1500' }],
  },
  {
    name: 'the wait opens at the first customer message after an agent message',
    options: o,
    messages: [at('agent', '10:00:00', '您好'), at('customer', '10:01:00', '发货了吗'), at('customer', '10:09:00', '人呢'), at('agent', '10:11:30', '发了')],
    findings: [{ messageIndex: 1, evidence: '发货了吗', message: '630' }],
  },
  {
    name: 'transfers neither close nor open a wait',
    options: o,
    messages: [at('customer', '10:00:00', '在吗'), at('system', '10:05:00', '已转接至售后', 'transfer'), at('agent', '10:20:00', '您好')],
    findings: [{ messageIndex: 0, evidence: '在吗', message: '1200' }],
  },
  {
    name: 'a bot auto-reply does not close the wait',
    options: o,
    messages: [at('customer', '10:00:00', '在吗'), at('bot', '10:00:05', '您好，客服马上就来'), at('agent', '10:15:00', '在的')],
    findings: [{ messageIndex: 0, evidence: '在吗', message: '900' }],
  },
  {
    name: 'each wait on its own',
    options: o,
    messages: [
      at('customer', '10:00:00', '在吗'),
      at('agent', '10:20:00', '在的'),
      at('customer', '10:21:00', '好的'),
      at('agent', '10:22:00', '嗯'),
      at('customer', '10:23:00', '发货了吗'),
      at('agent', '10:40:00', '发了'),
    ],
    findings: [
      { messageIndex: 0, message: '1200' },
      { messageIndex: 4, message: '1020' },
    ],
  },
  {
    name: 'a status row after a long wait closes and measures it',
    options: o,
    messages: [at('customer', '10:00:00', '在吗'), at('agent', '10:15:00', '离开', 'status'), at('agent', '10:20:00', '您好')],
    findings: [{ messageIndex: 0, message: '900' }],
  },
  {
    name: 'non-Shanghai zone: the same instants are 22:55 -> 09:20 in Kolkata',
    options: o,
    timeZone: 'Asia/Kolkata',
    messages: [at('customer', '2024-06-18T17:25:00Z', '在吗'), at('agent', '2024-06-19T03:50:00Z', '在的')],
    findings: [{ messageIndex: 0, message: '1500' }],
  },
  {
    name: 'a window across midnight (20:00-02:00): 01:50 -> 20:10 is 1200 s',
    options: { ...o, workingHours: [{ from: '20:00', to: '02:00' }] },
    messages: [at('customer', '01:50:00', '在吗'), at('agent', '20:10:00', '在的')],
    findings: [{ messageIndex: 0, message: '1200' }],
  },
  {
    name: 'a window across midnight counts the hours after midnight (23:55 -> 00:10)',
    options: { ...o, workingHours: [{ from: '20:00', to: '02:00' }] },
    messages: [at('customer', '23:55:00', '在吗'), at('agent', '2024-06-19 00:10:00', '在的')],
    findings: [{ messageIndex: 0, message: '900' }],
  },
  {
    name: 'weekdays only: Friday 17:55 -> Monday 09:06 is 660 s',
    options: { ...o, workingHours: [{ from: '09:00', to: '18:00', days: [1, 2, 3, 4, 5] }] },
    messages: [at('customer', '2024-06-21 17:55:00', '在吗'), at('agent', '2024-06-24 09:06:00', '在的')],
    findings: [{ messageIndex: 0, message: '660' }],
  },
  {
    name: 'round the clock across a DST gap (New York, 01:50 -> 03:10 is 20 min)',
    options: { ...o, workingHours: [{ from: '00:00', to: '24:00' }] },
    timeZone: 'America/New_York',
    messages: [at('customer', '2024-03-10 01:50:00', '在吗'), at('agent', '2024-03-10 03:10:00', '在的')],
    findings: [{ messageIndex: 0, message: '1200' }],
  },
];

describe('reply-time', () => {
  for (const c of ruleTypeCases(type, { valid, invalid })) it(c.name, c.run);

  it('workingMs merges overlapping windows and honours the zone', () => {
    const sh = (s: string): number => parseTimestamp(s, 'Asia/Shanghai')!;
    const w = (from: number, to: number) => ({ from, to, days: new Set([1, 2, 3, 4, 5, 6, 7]) });
    // 09:00-12:00 and 11:00-14:00 overlap: 10:00 -> 13:00 is 3 h, not 4.
    expect(workingMs(sh('2024-06-18 10:00:00'), sh('2024-06-18 13:00:00'), [w(540, 720), w(660, 840)], 'Asia/Shanghai')).toBe(3 * 3_600_000);
    // Two full working days (14 h each) between Monday 08:00 and Wednesday 08:00.
    expect(workingMs(sh('2024-06-17 08:00:00'), sh('2024-06-19 08:00:00'), [w(540, 1380)], 'Asia/Shanghai')).toBe(28 * 3_600_000);
  });
});
