import { describe, expect, it } from 'vitest';
import { ruleTypeCases, caseConversation, type RuleCase } from '../testing/rule-tester.js';
import { compilePack } from '../pack/compile-pack.js';
import { scoreConversation } from '../score/score-conversation.js';
import type { TagOptions } from './tag.js';
import type from './tag.js';

// class.attitude
const o: Record<string, unknown> = {
  role: 'customer',
  phrases: ['态度', '不耐烦', '骂人', '敷衍', '爱理不理'],
  exceptions: ['态度很好', '态度挺好', '态度不错', '态度非常好'],
} satisfies TagOptions;

const valid: RuleCase[] = [
  { name: 'praise is no complaint about attitude (态度很好)', options: o, messages: ['c: 你们客服态度很好', 'a: 谢谢'] },
  { name: 'the agent\'s words do not classify', options: o, messages: ['a: 我的态度有问题吗', 'c: 没有'] },
  { name: 'no class word', options: o, messages: ['c: 快递到哪了'] },
];

const invalid: RuleCase[] = [
  {
    name: 'one finding, at the FIRST customer message with a word of the class, carrying the tag (default: the rule id)',
    options: o,
    messages: ['c: 你好', 'c: 你们客服太敷衍了', 'c: 态度也差'],
    findings: [{ messageIndex: 1, evidence: '敷衍', messageId: 'tagged', tag: 'test.rule', message: '归类为 test.rule' }],
  },
  {
    name: 'matched literally: 不敷衍 still classifies (no negation unless asked)',
    options: o,
    messages: ['c: 你们能不能不敷衍'],
    findings: [{ messageIndex: 0, evidence: '敷衍', tag: 'test.rule' }],
  },
  {
    name: 'a praise in one message and a complaint in another',
    options: { ...o, tag: 'class.attitude' },
    messages: ['c: 上一个客服态度不错', 'c: 但是你爱理不理的'],
    findings: [{ messageIndex: 1, evidence: '爱理不理', tag: 'class.attitude' }],
  },
];

describe('tag', () => {
  for (const c of ruleTypeCases(type, { valid, invalid })) it(c.name, c.run);

  it('costs no points and fills the result tags', () => {
    const pack = compilePack({
      id: 'p',
      version: '1.0.0',
      categories: [{ id: 'class', name: '分类', cap: 0 }],
      rules: [
        { id: 'class.attitude', type: 'tag', category: 'class', points: 0, options: o },
        { id: 'class.logistics', type: 'tag', category: 'class', points: 0, options: { phrases: ['快递'] } },
      ],
    });
    const result = scoreConversation(pack, caseConversation({ messages: ['c: 你们态度太差', 'c: 快递也慢'] }));
    expect(result.score).toBe(100);
    expect(result.tags).toEqual(['class.attitude', 'class.logistics']);
    expect(result.findings.map((f) => [f.ruleId, f.points, f.rulePoints, f.tag])).toEqual([
      ['class.attitude', 0, 0, 'class.attitude'],
      ['class.logistics', 0, 0, 'class.logistics'],
    ]);
  });
});
