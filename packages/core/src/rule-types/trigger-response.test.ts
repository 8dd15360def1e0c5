import { describe, it } from 'vitest';
import { ruleTypeCases, type RuleCase } from '../testing/rule-tester.js';
import type { TriggerResponseOptions } from './trigger-response.js';
import type from './trigger-response.js';

const complaint = { role: 'customer' as const, phrases: ['生气', '气死', '太差', '投诉', '骗子', '什么态度', '烦死了', '受不了'], notNegated: true };

// attitude.soothe (call-centre pack): the next 2 agent utterances soothe; consecutive triggers once.
const soothe: Record<string, unknown> = {
  trigger: complaint,
  response: { role: 'agent', phrases: ['抱歉', '对不起', '不好意思', '理解您', '非常理解', '给您带来', '别着急', '别生气', '不要生气', '消消气', '请您放心', '歉意'] },
  window: { messages: 2 },
  groupConsecutive: true,
  occurrence: 'each',
  expect: 'present',
  reportAt: 'trigger',
} satisfies TriggerResponseOptions;

// flow.apology-first (complaint pack): the FIRST agent message after the first complaint apologises;
// the finding is that agent message (reportAt response), none when no agent message follows.
const apologyFirst: Record<string, unknown> = {
  trigger: complaint,
  response: { role: 'agent', phrases: ['抱歉', '对不起', '不好意思', '歉意', '给您带来'] },
  window: { messages: 1 },
  occurrence: 'first',
  groupConsecutive: false,
  expect: 'present',
  reportAt: 'response',
} satisfies TriggerResponseOptions;

// flow.time-limit (complaint pack): the first solution message or any later agent message states a time limit.
const timeLimit: Record<string, unknown> = {
  trigger: { role: 'agent', phrases: ['为您补发', '为您退款', '给您补偿', '为您换货', '赔付'], notNegated: true },
  response: { role: 'agent', phrases: ['小时内', '天内', '分钟内', '工作日', '今天之内', '今天内', '今天就', '尽快', '明天'] },
  window: { messages: 'end', includeTrigger: true },
  occurrence: 'first',
  groupConsecutive: false,
  expect: 'present',
  reportAt: 'trigger',
} satisfies TriggerResponseOptions;

const valid: RuleCase[] = [
  { name: 'soothe: soothed in the second agent utterance', options: soothe, messages: ['c: 气死我了', 'a: 您说', 'a: 非常理解您的心情'] },
  { name: 'soothe: a negated trigger (我没生气)', options: soothe, messages: ['c: 我没生气', 'a: 好的'] },
  { name: 'apology-first: apology in the first agent message', options: apologyFirst, messages: ['c: 太差了', 'a: 非常抱歉给您带来不便'] },
  { name: 'apology-first: no agent message after the complaint, no finding', options: apologyFirst, messages: ['a: 您好', 'c: 我要投诉'] },
  { name: 'time-limit: stated in the solution message itself', options: timeLimit, messages: ['a: 这边为您补发，明天发出'] },
  { name: 'time-limit: stated in a later agent message', options: timeLimit, messages: ['a: 为您退款', 'c: 多久', 'a: 1-3个工作日到账'] },
];

const invalid: RuleCase[] = [
  {
    name: 'soothe: consecutive triggers fire once, at the first; judged after the last',
    options: soothe,
    messages: ['c: 太差了', 'c: 什么态度', 'a: 您说', 'a: 请讲'],
    findings: [{ messageIndex: 0, evidence: '太差', messageId: 'noResponse' }],
  },
  {
    name: 'apology-first: soothing is no apology; the finding is the first agent message after the complaint',
    options: apologyFirst,
    messages: ['a: 您好', 'c: 我要投诉你们', 'a: 消消气，理解您', 'a: 非常抱歉'],
    findings: [{ messageIndex: 2, evidence: '消消气，理解您', messageId: 'responseLacks', message: '对「投诉」的回应缺少应有的用语' }],
  },
  {
    name: 'time-limit: no time stated, at the first solution message',
    options: timeLimit,
    messages: ['c: 坏了', 'a: 为您换货', 'a: 您看可以吗'],
    findings: [{ messageIndex: 1, evidence: '为您换货' }],
  },
];

describe('trigger-response', () => {
  for (const c of ruleTypeCases(type, { valid, invalid })) it(c.name, c.run);
});
