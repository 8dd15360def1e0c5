import { describe, it } from 'vitest';
import { ruleTypeCases, type RuleCase } from '../testing/rule-tester.js';
import type { RequiredPhraseOptions } from './required-phrase.js';
import type from './required-phrase.js';

// opening.greeting (call-centre pack): the first agent utterance greets.
const greeting: Record<string, unknown> = { role: 'agent', scope: { first: 1 }, phrases: ['您好', '你好', '欢迎致电'], reportAt: 'first' } satisfies RequiredPhraseOptions;
// closing.standard: thanks AND goodbye in the last two agent utterances.
const closing: Record<string, unknown> = {
  role: 'agent',
  scope: { last: 2 },
  allOf: [{ phrases: ['感谢您的来电', '感谢来电', '谢谢您的来电'] }, { phrases: ['再见'] }],
  reportAt: 'last',
} satisfies RequiredPhraseOptions;
// flow.revisit (complaint pack): only when a complaint message or a solution exists.
const revisit: Record<string, unknown> = {
  role: 'agent',
  phrases: ['回访', '再联系您', '与您联系', '联系您', '回复您', '给您反馈', '跟进', '有结果第一时间'],
  exceptions: ['已联系您', '已经联系您', '已私信联系您', '已回复您', '已经回复您', '均与您联系', '没有及时回复您', '没有回复您', '是否与您联系'],
  reportAt: 'last',
  when: [
    { role: 'customer', phrases: ['生气', '气死', '太差', '投诉', '骗子', '什么态度', '烦死了', '受不了'], notNegated: true },
    { role: 'agent', phrases: ['为您补发', '为您退款', '给您补偿', '为您换货', '赔付'], notNegated: true },
  ],
} satisfies RequiredPhraseOptions;

const valid: RuleCase[] = [
  { name: 'greeting in the first agent utterance', options: greeting, messages: ['a: 您好，欢迎致电', 'c: 你好'] },
  { name: 'no agent utterance at all', options: greeting, messages: ['c: 喂？'] },
  { name: 'thanks and goodbye spread over the last two', options: closing, messages: ['a: 感谢您的来电', 'a: 再见'] },
  { name: 'revisit promised', options: revisit, messages: ['c: 我要投诉', 'a: 抱歉，有结果第一时间联系您'] },
  { name: 'revisit: no complaint and no solution, so nothing is required', options: revisit, messages: ['c: 快递到哪了', 'a: 明天到'] },
  { name: 'revisit: a negated complaint (不投诉) starts nothing', options: revisit, messages: ['c: 我不投诉，就问问', 'a: 好的'] },
  { name: 'revisit: a negated solution (暂时没办法为您退款) starts nothing', options: revisit, messages: ['a: 暂时没办法为您退款'] },
];

const invalid: RuleCase[] = [
  {
    name: 'no greeting: at the first agent utterance',
    options: greeting,
    messages: ['c: 喂', 'a: 请讲', 'a: 您好'],
    findings: [{ messageIndex: 1, messageId: 'missing', message: '您好/你好/欢迎致电' }],
  },
  {
    name: 'goodbye without thanks: at the last agent utterance',
    options: closing,
    messages: ['a: 还有其他问题吗', 'c: 没了', 'a: 好的再见'],
    findings: [{ messageIndex: 2, message: '感谢您的来电' }],
  },
  {
    name: 'revisit: a complaint and no promise, at the last agent message',
    options: revisit,
    messages: ['c: 气死我了', 'a: 非常抱歉', 'a: 已经处理好了', 'c: 好'],
    findings: [{ messageIndex: 2 }],
  },
  {
    name: 'revisit: a solution (agent) starts it too; a contact already made is no promise (已经联系您)',
    options: revisit,
    messages: ['c: 东西坏了', 'a: 为您补发', 'a: 快递已经联系您了'],
    findings: [{ messageIndex: 2 }],
  },
];

describe('required-phrase', () => {
  for (const c of ruleTypeCases(type, { valid, invalid })) it(c.name, c.run);
});
