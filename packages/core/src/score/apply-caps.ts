/**
 * Steps 2-3 of scoring (spec "Caps, in order"): per rule, the first `maxFindings` counting findings
 * keep their points; then per category, in message order (ties in pack order), points are deducted
 * until the cap: the finding that reaches it keeps what remains, later ones get 0.
 */
import type { WorkingFinding } from './apply-review.js';

export function applyRuleCaps(findings: readonly WorkingFinding[]): void {
  const counted = new Map<string, number>();
  for (const w of findings) {
    if (!w.counts || w.rule.veto) continue;
    const n = counted.get(w.rule.def.id) ?? 0;
    const max = w.rule.def.maxFindings ?? Infinity;
    w.finding.points = n < max ? w.rule.def.points : 0;
    counted.set(w.rule.def.id, n + 1);
  }
}

export function applyCategoryCaps(findings: readonly WorkingFinding[]): Map<string, number> {
  const deducted = new Map<string, number>();
  for (const w of findings) {
    if (w.finding.points === 0) continue;
    const cap = w.rule.category.cap ?? Infinity;
    const used = deducted.get(w.rule.category.id) ?? 0;
    const points = Math.max(0, Math.min(w.finding.points, cap - used));
    w.finding.points = points;
    deducted.set(w.rule.category.id, used + points);
  }
  return deducted;
}
