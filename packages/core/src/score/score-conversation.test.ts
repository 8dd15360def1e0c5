import { describe, expect, it } from 'vitest';
import { compilePack } from '../pack/compile-pack.js';
import { caseConversation } from '../testing/rule-tester.js';
import type { PackDef } from '../pack/pack-types.js';
import { scoreConversation } from './score-conversation.js';
import type { ReviewInput } from './review-input.js';

const pack: PackDef = {
  id: 'score-test',
  version: '1.0.0',
  categories: [
    { id: 'a', name: 'A', cap: 12 },
    { id: 'b', name: 'B' },
    { id: 'red', name: 'Red', veto: true },
  ],
  rules: [
    { id: 'a.x', type: 'phrase', category: 'a', points: 5, maxFindings: 2, options: { phrases: ['xx'] } },
    { id: 'a.y', type: 'phrase', category: 'a', points: 4, options: { phrases: ['yy'] } },
    { id: 'b.review', type: 'phrase', category: 'b', points: 7, review: true, options: { phrases: ['rr'] } },
    { id: 'b.manual', type: 'manual', category: 'b', points: 10 },
    { id: 'red.z', type: 'phrase', category: 'red', points: 0, options: { phrases: ['zz'] } },
  ],
};
const compiled = compilePack(pack);
const score = (lines: string[], review?: ReviewInput) =>
  scoreConversation(compiled, caseConversation({ messages: lines }), review ? { review } : {});

describe('scoring (spec Scoring, Caps in order)', () => {
  it('keeps the first maxFindings of a rule, later ones at 0 points but listed', () => {
    const r = score(['agent: xx', 'agent: xx', 'agent: xx']);
    expect(r.findings.map((f) => f.points)).toEqual([5, 5, 0]);
    expect(r.score).toBe(90);
  });

  it('caps a category in message order: the finding that reaches the cap keeps what remains', () => {
    const r = score(['agent: xx', 'agent: yy', 'agent: xx', 'agent: yy']);
    // 5 + 4 = 9, then 5 -> only 3 left, then 4 -> 0
    expect(r.findings.map((f) => [f.ruleId, f.points])).toEqual([
      ['a.x', 5],
      ['a.y', 4],
      ['a.x', 3],
      ['a.y', 0],
    ]);
    expect(r.categories.find((c) => c.id === 'a')!.deducted).toBe(12);
    expect(r.score).toBe(88);
    expect(r.grade).toBe('良好');
  });

  it('breaks ties inside one message by pack order', () => {
    const r = score(['agent: yy xx', 'agent: xx', 'agent: yy']);
    expect(r.findings.map((f) => [f.ruleId, f.points])).toEqual([
      ['a.x', 5],
      ['a.y', 4],
      ['a.x', 3],
      ['a.y', 0],
    ]);
  });

  it('a review finding is pending with 0 points until confirmed, and then counts', () => {
    const pending = score(['agent: rr']);
    expect(pending.findings[0]).toMatchObject({ ruleId: 'b.review', pending: true, points: 0 });
    expect(pending.score).toBe(100);
    const confirmed = score(['agent: rr'], { decisions: { 'b.review@0': 'confirmed' } });
    expect(confirmed.findings[0]!.pending).toBeUndefined();
    expect(confirmed.score).toBe(93);
  });

  it('a dismissed finding costs nothing; a manual item counts', () => {
    const r = score(['agent: xx', 'customer: ?'], { decisions: { 'a.x@0': 'dismissed' }, manual: [{ ruleId: 'b.manual', messageIndex: 0, note: '报错价格' }] });
    expect(r.findings.map((f) => [f.ruleId, f.points, f.source, f.dismissed ?? false])).toEqual([
      ['a.x', 0, 'auto', true],
      ['b.manual', 10, 'manual', false],
    ]);
    expect(r.score).toBe(90);
  });

  it('a veto finding sets the score to 0 and the grade to the veto grade; within a veto every finding applies 0 points', () => {
    const all = score(['agent: xx', 'agent: zz']);
    expect(all.findings.map((f) => [f.ruleId, f.points, f.rulePoints])).toEqual([
      ['a.x', 0, 5],
      ['red.z', 0, 0],
    ]);
    expect(all.categories.every((c) => c.deducted === 0)).toBe(true);
    const r = score(['agent: zz']);
    expect(r.vetoed).toBe(true);
    expect(r.score).toBe(0);
    expect(r.grade).toBe('不合格');
    expect(score(['agent: zz'], { decisions: { 'red.z@0': 'dismissed' } }).vetoed).toBe(false);
  });

  it('grades by the thresholds', () => {
    expect(score(['agent: ok']).grade).toBe('优秀');
    expect(score(['agent: xx', 'agent: xx', 'agent: yy', 'agent: ok']).grade).toBe('良好');
  });
});
