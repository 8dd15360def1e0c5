import { describe, it } from 'vitest';
import { ruleTypeCases, type CaseMessage, type RuleCase } from '../testing/rule-tester.js';
import type { MessageKind, Role } from '../model/conversation.js';
import type { AnswerDelayOptions } from './answer-delay.js';
import type from './answer-delay.js';

// opening.answer-speed
const o: Record<string, unknown> = { role: 'agent', thresholdSeconds: 10, startKinds: ['ring'], startedAt: true } satisfies AnswerDelayOptions;

const T0 = Date.UTC(2024, 5, 18, 2, 0, 0);
const at = (role: Role, s: number | undefined, text = '', kind?: MessageKind): CaseMessage => ({
  role,
  text,
  ...(s !== undefined ? { ts: T0 + s * 1000 } : {}),
  ...(kind ? { kind } : {}),
});
const ring = (s: number | undefined) => at('system', s, '', 'ring');

const valid: RuleCase[] = [
  { name: 'answered 8 s after the ring', options: o, messages: [ring(0), at('agent', 8, '您好')] },
  { name: 'exactly 10 s is not more than 10', options: o, messages: [ring(0), at('agent', 10, '您好')] },
  { name: 'the conversation\'s startedAt when there is no ring (JSON)', options: o, startedAt: T0, messages: [at('agent', 6, '您好')] },
  { name: 'the FIRST ring starts the clock', options: o, messages: [ring(0), at('customer', 1, '喂'), ring(30), at('agent', 5, '您好')] },
  { name: 'no agent utterance at all: no finding', options: o, messages: [ring(0), at('customer', 30, '喂？')] },
  {
    name: 'the first row of a file is not a start: without ring or startedAt the check is skipped, with a note',
    options: o,
    messages: [at('customer', 0, '喂'), at('agent', 30, '您好')],
    note: '缺少振铃事件或会话开始时间',
  },
  {
    name: 'startedAt: false ignores the conversation start',
    options: { ...o, startedAt: false },
    startedAt: T0,
    messages: [at('agent', 60, '您好')],
    note: '未检查应答速度',
  },
  {
    name: 'the agent\'s first utterance has no time: skipped, with a note',
    options: o,
    messages: [ring(0), at('agent', undefined, '您好')],
    note: '首句缺少开始时间',
  },
];

const invalid: RuleCase[] = [
  {
    name: 'answered 12 s after the ring, at the agent\'s first utterance',
    options: o,
    messages: [ring(0), at('customer', 3, '喂？'), at('agent', 12, '您好，欢迎致电'), at('agent', 30, '请讲')],
    findings: [{ messageIndex: 2, evidence: '您好，欢迎致电', messageId: 'slow', message: '开始后 12 秒才应答' }],
  },
  { name: 'the ring may be of any role', options: o, messages: [at('customer', 0, '', 'ring'), at('agent', 15, '您好')], findings: [{ messageIndex: 1 }] },
  { name: 'startedAt (JSON) 20 s before', options: o, startedAt: T0, messages: [at('agent', 20, '您好')], findings: [{ messageIndex: 0 }] },
  {
    name: 'a ring without a time falls back to startedAt',
    options: o,
    startedAt: T0,
    messages: [ring(undefined), at('agent', 11, '您好')],
    findings: [{ messageIndex: 1 }],
  },
];

describe('answer-delay', () => {
  for (const c of ruleTypeCases(type, { valid, invalid })) it(c.name, c.run);
});
