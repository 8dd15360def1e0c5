/**
 * Scoring arithmetic (spec "Scoring", "Caps, in order") and review arithmetic.
 *  - Bounds, category caps, maxFindings, veto. Every scenario comes with a random review
 *    (confirmations, dismissals, stale decisions, manual items), so review and pending findings
 *    are part of every check.
 *  - Review: dismissing every auto finding (and adding no manual item) gives the maximum score;
 *    the score shown is the score recomputed from the stored decisions: from the review input
 *    after a JSON round trip (what a store keeps) with scoreEvaluation, from the decisions the
 *    result itself records (dismissed / confirmed / manual findings), and from the findings' points.
 */
import { describe, expect } from 'vitest';
import { it } from '@fast-check/vitest';
import { propertyParams, propertyTimeout } from '@zhijian/test-utils';
import { evaluateConversation, scoreEvaluation, type CompiledPack, type Decision, type ManualItem, type ReviewInput, type ScoreResult } from '../../src/index.js';
import { FIXED_NOW, compile, findingKeys, reviewedScenarioArb, scenarioArb, score } from './support.js';

const scenarios = reviewedScenarioArb();

function gradeOf(pack: CompiledPack, value: number): string {
  for (const g of pack.grades) if (value >= g.min) return g.label;
  return pack.grades[pack.grades.length - 1]!.label;
}

/** A finding counts (costs points, or vetoes) unless dismissed, pending, or of a pointless rule. */
function counts(pack: CompiledPack, f: ScoreResult['findings'][number]): boolean {
  return !f.dismissed && !f.pending && !pack.rulesById.get(f.ruleId)!.pointless;
}

describe('properties: scoring', () => {
  it.prop([scenarios], propertyParams())(
    'bounds: 0 <= score <= maxScore, and the grade is the grade of the score shown',
    ({ pack: pc, conv, review }) => {
      const pack = compile(pc.def);
      const r = score(pack, conv, { review });
      expect(r.maxScore).toBe(pack.maxScore);
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(r.maxScore);
      for (const f of r.findings) {
        expect(f.points).toBeGreaterThanOrEqual(0);
        expect(f.points).toBeLessThanOrEqual(f.rulePoints);
      }
      expect(r.grade).toBe(r.vetoed ? pack.vetoGrade : gradeOf(pack, r.score));
    },
    propertyTimeout(),
  );

  it.prop([scenarios], propertyParams())(
    "caps: each category's deduction is at most its cap, and is the sum of its findings' points",
    ({ pack: pc, conv, review }) => {
      const pack = compile(pc.def);
      const r = score(pack, conv, { review });
      for (const c of r.categories) {
        const def = pack.categories.find((x) => x.id === c.id)!;
        if (def.cap !== undefined) expect(c.deducted).toBeLessThanOrEqual(def.cap);
        const sum = r.findings.filter((f) => f.category === c.id).reduce((a, f) => a + f.points, 0);
        expect(c.deducted).toBeCloseTo(sum, 9);
        expect(c.findings).toBe(r.findings.filter((f) => f.category === c.id && counts(pack, f)).length);
      }
      // no points outside the counting findings
      for (const f of r.findings) if (!counts(pack, f)) expect(f.points).toBe(0);
    },
    propertyTimeout(),
  );

  it.prop([scenarios], propertyParams())(
    'caps: maxFindings is respected (at most maxFindings findings of a rule cost points)',
    ({ pack: pc, conv, review }) => {
      const pack = compile(pc.def);
      const r = score(pack, conv, { review });
      for (const rule of pack.rules) {
        const max = rule.def.maxFindings;
        if (max === undefined) continue;
        const costing = r.findings.filter((f) => f.ruleId === rule.def.id && f.points > 0);
        expect(costing.length).toBeLessThanOrEqual(max);
      }
    },
    propertyTimeout(),
  );

  it.prop([scenarios], propertyParams())(
    'veto: any counting veto finding gives score 0, vetoed, and the veto grade',
    ({ pack: pc, conv, review }) => {
      const pack = compile(pc.def);
      const r = score(pack, conv, { review });
      const vetoFindings = r.findings.filter((f) => pack.rulesById.get(f.ruleId)!.veto && counts(pack, f));
      if (vetoFindings.length > 0) {
        expect(r.vetoed).toBe(true);
        expect(r.score).toBe(0);
        expect(r.grade).toBe(pack.vetoGrade);
      }
      // every finding of a veto rule is marked as such
      for (const f of r.findings) expect(f.veto === true).toBe(pack.rulesById.get(f.ruleId)!.veto);
    },
    propertyTimeout(),
  );

  it.prop([scenarios], propertyParams())(
    'veto: no counting veto finding, not vetoed',
    ({ pack: pc, conv, review }) => {
      const pack = compile(pc.def);
      const r = score(pack, conv, { review });
      const anyVeto = r.findings.some((f) => pack.rulesById.get(f.ruleId)!.veto && counts(pack, f));
      if (!anyVeto) {
        expect(r.vetoed).toBe(false);
        expect(r.grade).toBe(gradeOf(pack, r.score));
      }
    },
    propertyTimeout(),
  );
});

/** The decisions a stored result records: dismissed and confirmed auto findings, manual items. */
function decisionsOf(r: ScoreResult, review: (id: string) => boolean): ReviewInput {
  const decisions: Record<string, Decision> = {};
  const manual: ManualItem[] = [];
  for (const f of r.findings) {
    if (f.source === 'manual') manual.push({ ruleId: f.ruleId, messageIndex: f.messageIndex, start: f.start, end: f.end });
    else if (f.dismissed) decisions[f.key] = 'dismissed';
    else if (review(f.ruleId) && !f.pending) decisions[f.key] = 'confirmed';
  }
  return { decisions, manual };
}

/** The engine rounds only float noise (to 1e-6) and never shows more than the maximum. */
const shownScore = (max: number, n: number): number => Math.min(max, Math.round(n * 1e6) / 1e6);

describe('properties: review arithmetic', () => {
  it.prop([scenarioArb()], propertyParams())(
    'review arithmetic: dismissing every auto finding and adding none gives the maximum score',
    ({ pack: pc, conv }) => {
      const pack = compile(pc.def);
      const decisions = Object.fromEntries(findingKeys(pack, conv).map((k) => [k, 'dismissed' as const]));
      const r = score(pack, conv, { review: { decisions } });
      expect(r.score).toBe(r.maxScore);
      expect(r.vetoed).toBe(false);
      expect(r.findings.every((f) => f.dismissed === true && f.points === 0)).toBe(true);
      expect(r.categories.every((c) => c.deducted === 0 && c.findings === 0)).toBe(true);
    },
    propertyTimeout(),
  );

  it.prop([reviewedScenarioArb()], propertyParams())(
    'review arithmetic: the score recomputed from stored decisions equals the score shown',
    ({ pack: pc, conv, review }) => {
      const pack = compile(pc.def);
      const shown = score(pack, conv, { review });

      // 1. the stored review (JSON) applied to a fresh evaluation
      const stored = JSON.parse(JSON.stringify(review)) as ReviewInput;
      const evaluation = evaluateConversation(pack, conv as never, { now: FIXED_NOW });
      expect(scoreEvaluation(pack, conv as never, evaluation, stored, 'zh')).toEqual(shown);

      // 2. the decisions recorded in the result itself
      const recorded = decisionsOf(shown, (id) => pack.rulesById.get(id)!.review);
      const again = score(pack, conv, { review: recorded });
      expect({ score: again.score, vetoed: again.vetoed, grade: again.grade, categories: again.categories }).toEqual({
        score: shown.score,
        vetoed: shown.vetoed,
        grade: shown.grade,
        categories: shown.categories,
      });
      expect(again.findings.map((f) => [f.key, f.points, !!f.pending, !!f.dismissed])).toEqual(shown.findings.map((f) => [f.key, f.points, !!f.pending, !!f.dismissed]));

      // 3. the findings' points
      const total = shown.findings.reduce((a, f) => a + f.points, 0);
      expect(shown.score).toBeCloseTo(shown.vetoed ? 0 : shownScore(shown.maxScore, Math.max(0, shown.maxScore - total)), 9);
    },
    propertyTimeout(),
  );
});
