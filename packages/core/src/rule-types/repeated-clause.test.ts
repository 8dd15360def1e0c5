import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ruleTypeCases, type RuleCase } from '../testing/rule-tester.js';
import { compilePack } from '../pack/compile-pack.js';
import { evaluateConversation } from '../engine/evaluate.js';
import type { RepeatedClauseOptions } from './repeated-clause.js';
import type from './repeated-clause.js';

// etiquette.repeated-clause
const o: Record<string, unknown> = {
  role: 'agent',
  minLength: 6,
  threshold: 0.9,
  wholeThreshold: 0.9,
  minCount: 3,
  exclude: ['还有其他', '还有什么', '祝您', '感谢您', '再见', '很高兴为您服务', '有什么可以帮', '在的', '请稍等', '正在为您查询'],
} satisfies RepeatedClauseOptions;

const SORRY = '非常抱歉给您带来不便';

const valid: RuleCase[] = [
  { name: 'the clause in two replies only', options: o, messages: [`a: ${SORRY}，马上处理`, `a: ${SORRY}，明天发货`] },
  {
    name: 'whole repeats (repeated-reply\'s case) count once',
    options: o,
    messages: [`a: ${SORRY}，马上处理`, `a: ${SORRY}，马上处理`, `a: ${SORRY}，马上处理！`],
  },
  { name: 'a clause shorter than 6 characters', options: o, messages: ['a: 好的收到，马上处理', 'a: 好的收到，明天发货', 'a: 好的收到，已经退款'] },
  {
    name: 'a stock formula is not counted',
    options: o,
    messages: ['a: 请问还有其他问题吗，马上处理', 'a: 请问还有其他问题吗，明天发货', 'a: 请问还有其他问题吗，已经退款了'],
  },
  { name: 'the same clause twice in one reply counts once', options: o, messages: [`a: ${SORRY}，${SORRY}`, `a: ${SORRY}，明天发货`] },
  { name: 'the customer repeating', options: o, messages: [`c: ${SORRY}，马上`, `c: ${SORRY}，明天`, `c: ${SORRY}，今天`] },
];

const invalid: RuleCase[] = [
  {
    name: 'one apology line inside three different replies: at the 3rd, on the clause',
    options: o,
    messages: [`a: ${SORRY}，马上为您处理`, 'c: 什么时候', `a: 亲，${SORRY}，明天发货`, 'c: 人呢', `a: 已经退款了，${SORRY}！`],
    findings: [{ messageIndex: 4, evidence: SORRY, messageId: 'repeatedClause', message: '第 3 次' }],
  },
  {
    name: 'near-identical clauses (Dice >= 0.9) join; a 4th reply gives no second finding',
    options: o,
    messages: [`a: ${SORRY}，马上处理`, `a: ${SORRY}了，明天发货`, `a: ${SORRY}，已经退款`, `a: ${SORRY}，已经补发`],
    findings: [{ messageIndex: 2, evidence: SORRY }],
  },
  {
    name: 'two repeats of a reply and one other reply: whole repeats count once, so the third distinct one fires',
    options: o,
    messages: [`a: ${SORRY}，马上处理`, `a: ${SORRY}，马上处理`, `a: ${SORRY}，明天发货`, `a: ${SORRY}，已经退款`],
    findings: [{ messageIndex: 3, evidence: SORRY }],
  },
  {
    name: 'Traditional and full-width variants are the same clause',
    options: o,
    messages: [`a: ${SORRY}，马上处理`, 'a: 非常抱歉給您帶來不便，明天发货', 'a: 非常抱歉给您带来不便！！已经退款'],
    findings: [{ messageIndex: 2, evidence: SORRY }],
  },
];

describe('repeated-clause', () => {
  for (const c of ruleTypeCases(type, { valid, invalid })) it(c.name, c.run);

  it('never throws; spans are original slices; one finding per message (property)', () => {
    const pack = compilePack({
      id: 'p',
      version: '1.0.0',
      categories: [{ id: 't', name: 'T' }],
      rules: [{ id: 't.r', type: 'repeated-clause', category: 't', points: 1, options: { minLength: 2 } }],
    });
    const part = fc.constantFrom('非常抱歉', '马上处理', '，', '！', '😊', '[微笑]', '好的', '抱歉', ' ', '給您');
    fc.assert(
      fc.property(fc.array(fc.array(part, { maxLength: 6 }).map((p) => ({ role: 'agent' as const, text: p.join('') })), { maxLength: 8 }), (messages) => {
        const { findings } = evaluateConversation(pack, { id: 'p', channel: 'chat', messages });
        const at = new Set<number>();
        for (const f of findings) {
          expect(messages[f.messageIndex]!.text.slice(f.start, f.end)).toBe(f.evidence);
          expect(at.has(f.messageIndex)).toBe(false);
          at.add(f.messageIndex);
        }
      }),
      { numRuns: 300 },
    );
  });
});
