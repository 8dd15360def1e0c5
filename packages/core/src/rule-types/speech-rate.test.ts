import { describe, expect, it } from 'vitest';
import { ruleTypeCases, type CaseMessage, type RuleCase } from '../testing/rule-tester.js';
import type { Role } from '../model/conversation.js';
import type { SpeechRateOptions } from './speech-rate.js';
import type from './speech-rate.js';
import { letterCount } from './speech-rate.js';

// handling.speech-rate
const o: Record<string, unknown> = { role: 'agent', minCharacters: 5, minPerMinute: 100, maxPerMinute: 300 } satisfies SpeechRateOptions;

const T0 = Date.UTC(2024, 5, 18, 2, 0, 0);
const u = (role: Role, start: number | undefined, end: number | undefined, text: string): CaseMessage => ({
  role,
  text,
  ...(start !== undefined ? { ts: T0 + start * 1000 } : {}),
  ...(end !== undefined ? { endTs: T0 + end * 1000 } : {}),
});
const TEN = '您好这里是客服中心呀'; // 10 letters

const valid: RuleCase[] = [
  { name: '10 characters in 3 s = 200 per minute', options: o, messages: [u('agent', 0, 3, TEN)] },
  { name: 'exactly 300 per minute is not above 300', options: o, messages: [u('agent', 0, 2, TEN)] },
  { name: 'exactly 100 per minute is not below 100', options: o, messages: [u('agent', 0, 6, TEN)] },
  {
    name: 'totals over utterances: a fast one and a slow one average out (20 in 6 s)',
    options: o,
    messages: [u('agent', 0, 1, TEN), u('agent', 10, 15, TEN)],
  },
  {
    name: 'utterances under 5 letters or digits are not counted (a slow 嗯好的)',
    options: o,
    messages: [u('agent', 0, 10, '嗯，好的'), u('agent', 12, 15, TEN)],
  },
  { name: 'the customer\'s pace is not judged', options: o, messages: [u('customer', 0, 1, TEN), u('agent', 2, 5, TEN)] },
];

const invalid: RuleCase[] = [
  {
    name: 'too fast: 10 characters in 1.5 s = 400 per minute',
    options: o,
    messages: [u('agent', 0, 1.5, TEN)],
    findings: [{ messageIndex: 0, evidence: TEN, messageId: 'tooFast', message: '每分钟 400 字' }],
  },
  {
    name: 'too slow: 10 characters in 10 s = 60 per minute',
    options: o,
    messages: [u('agent', 0, 10, TEN)],
    findings: [{ messageIndex: 0, messageId: 'tooSlow', message: '每分钟 60 字' }],
  },
  {
    name: 'points at the first agent utterance counted (the short greeting is skipped)',
    options: o,
    messages: [u('agent', 0, 1, '喂'), u('customer', 1, 3, '你好'), u('agent', 3, 4, TEN), u('agent', 5, 6, TEN)],
    findings: [{ messageIndex: 2, messageId: 'tooFast' }],
  },
  {
    name: 'digits and ASCII letters count, punctuation does not (工号0827, OK!!! = 8 in 1 s)',
    options: o,
    messages: [u('agent', 0, 1, '工号0827，OK!!!')],
    findings: [{ messageIndex: 0, message: '每分钟 480 字' }],
  },
  {
    name: 'an utterance without an end is left out, with a note; the rest are measured',
    options: o,
    messages: [u('agent', 0, undefined, TEN), u('agent', 5, 6, TEN)],
    findings: [{ messageIndex: 1, messageId: 'tooFast' }],
    note: '1 条语句缺少开始或结束时间',
  },
];

const notes: RuleCase[] = [
  { name: 'no timings at all: skipped with a note', options: o, messages: [`a: ${TEN}`], note: '未计入语速' },
];

describe('speech-rate', () => {
  for (const c of ruleTypeCases(type, { valid: [...valid, ...notes], invalid })) it(c.name, c.run);
  it('counts letters and digits, CJK included, punctuation and emoji excluded', () => {
    expect(letterCount('您好，工号0827😀 ok')).toBe(10);
  });
});
