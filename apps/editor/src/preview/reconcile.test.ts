import { describe, expect, it } from 'vitest';
import type { PreviewResult } from './protocol';
import { reconcile, sameResult } from './reconcile';

const r = (id: string, score: number, keys: string[] = []): PreviewResult => ({
  id,
  score,
  maxScore: 100,
  grade: 'A',
  vetoed: false,
  findings: keys.map((key) => ({ key, ruleId: 'r', messageIndex: 0, start: 0, end: 1, points: 5, rulePoints: 5, pending: false, veto: false, evidence: 'x', message: 'm' })),
});

describe('reconcile', () => {
  it('keeps the old object of an unchanged result and takes the new one otherwise', () => {
    const before = [r('a', 100), r('b', 95, ['k1'])];
    const after = [r('a', 100), r('b', 90, ['k1', 'k2']), r('c', 100)];
    const out = reconcile(before, after);
    expect(out[0]).toBe(before[0]);
    expect(out[1]).toBe(after[1]);
    expect(out[2]).toBe(after[2]);
  });

  it('compares findings, not only scores', () => {
    expect(sameResult(r('a', 95, ['k1']), r('a', 95, ['k2']))).toBe(false);
    expect(sameResult(r('a', 95, ['k1']), r('a', 95, ['k1']))).toBe(true);
  });
});
