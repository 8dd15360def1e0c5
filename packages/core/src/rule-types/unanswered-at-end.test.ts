import { describe, it } from 'vitest';
import { ruleTypeCases, type RuleCase } from '../testing/rule-tester.js';
import type { UnansweredAtEndOptions } from './unanswered-at-end.js';
import type from './unanswered-at-end.js';

// crisis.unanswered
const o: Record<string, unknown> = {
  role: 'customer',
  responder: 'agent',
  phrases: ['？', '?', '吗', '怎么', '多少', '什么时候', '能不能', '可不可以', '为什么', '哪里', '几天'],
} satisfies UnansweredAtEndOptions;

const valid: RuleCase[] = [
  { name: 'the agent answers last', options: o, messages: ['c: 发货了吗？', 'a: 已经发货了'] },
  { name: 'a bare 呢 is a particle (没了呢谢谢)', options: o, messages: ['a: 还有其他问题吗？', 'c: 没了呢谢谢'] },
  { name: 'trailing thanks', options: o, messages: ['c: 多少钱？', 'a: 99元', 'c: 好的', 'c: 谢谢'] },
  { name: 'a question answered before the agent\'s last message', options: o, messages: ['c: 几天能到？', 'a: 三天', 'c: 好', 'a: 还有其他问题吗'] },
  { name: 'system rows at the end, no question trailing', options: o, messages: ['a: 您好', 'c: 好的', { role: 'system', kind: 'end', text: '会话结束' }] },
  { name: 'an agent question is no customer question', options: o, messages: ['c: 好的', 'a: 请问还有什么可以帮您？'] },
  { name: 'no message at all', options: o, messages: [] },
];

const invalid: RuleCase[] = [
  {
    name: 'a trailing question',
    options: o,
    messages: ['a: 您好', 'c: 好的', 'c: 那什么时候发货'],
    findings: [{ messageIndex: 2, evidence: '什么时候', messageId: 'unanswered' }],
  },
  {
    name: 'the first trailing message that asks, at its first question word',
    options: o,
    messages: ['a: 您好', 'c: 嗯', 'c: 能便宜点吗？', 'c: 几天到'],
    findings: [{ messageIndex: 2, evidence: '吗' }],
  },
  { name: 'full-width question mark', options: o, messages: ['a: 您好', 'c: 在？'], findings: [{ messageIndex: 1, evidence: '？' }] },
  { name: 'ASCII question mark', options: o, messages: ['a: hello', 'c: ok?'], findings: [{ messageIndex: 1, evidence: '?' }] },
  { name: 'Traditional 為什麼', options: o, messages: ['a: 您好', 'c: 為什麼還沒發貨'], findings: [{ messageIndex: 1, evidence: '為什麼' }] },
  { name: 'spaced 怎 么', options: o, messages: ['a: 您好', 'c: 怎 么还没到'], findings: [{ messageIndex: 1, evidence: '怎 么' }] },
  { name: 'no agent message at all: every customer message trails', options: o, messages: ['c: 你好', 'c: 这个多少钱'], findings: [{ messageIndex: 1, evidence: '多少' }] },
  {
    name: 'system and event rows at the end are ignored',
    options: o,
    messages: ['a: 好的', 'c: 几天能到', { role: 'system', text: '已转接至售后客服', kind: 'transfer' }, { role: 'system', kind: 'end', text: '' }],
    findings: [{ messageIndex: 1, evidence: '几天' }],
  },
  { name: 'a bot reply is no answer', options: o, messages: ['a: 您好', 'c: 在吗', 'b: 您好，我是智能助手'], findings: [{ messageIndex: 1, evidence: '吗' }] },
  {
    name: 'an agent status row is no answer',
    options: o,
    messages: ['a: 您好', 'c: 哪里发货', { role: 'agent', kind: 'status', text: '离开' }],
    findings: [{ messageIndex: 1, evidence: '哪里' }],
  },
];

describe('unanswered-at-end', () => {
  for (const c of ruleTypeCases(type, { valid, invalid })) it(c.name, c.run);
});
