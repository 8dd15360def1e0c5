/** The preview against the saved pack: which conversations gain or lose findings and points. Pure. */
import type { ConversationDiff, DiffSummary, PreviewResult } from './protocol';

export function diffAgainstSaved(saved: ReadonlyMap<string, PreviewResult>, current: readonly PreviewResult[]): DiffSummary {
  const changed: ConversationDiff[] = [];
  let added = 0;
  let removed = 0;
  let scoreDelta = 0;
  for (const now of current) {
    const before = saved.get(now.id);
    const beforeKeys = new Set(before?.findings.map((f) => f.key) ?? []);
    const nowKeys = new Set(now.findings.map((f) => f.key));
    const addedKeys = now.findings.filter((f) => !beforeKeys.has(f.key)).map((f) => f.key);
    let removedCount = 0;
    for (const k of beforeKeys) if (!nowKeys.has(k)) removedCount++;
    const delta = round(now.score - (before?.score ?? now.maxScore));
    const gradeBefore = before?.grade ?? now.grade;
    if (addedKeys.length === 0 && removedCount === 0 && delta === 0 && gradeBefore === now.grade) continue;
    changed.push({ id: now.id, added: addedKeys.length, removed: removedCount, scoreDelta: delta, gradeBefore, gradeAfter: now.grade, addedKeys });
    added += addedKeys.length;
    removed += removedCount;
    scoreDelta += delta;
  }
  return { changed, added, removed, scoreDelta: round(scoreDelta) };
}

/** Scores are decimals (3.5 points): keep the sum free of float noise. */
function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

export interface DiffWords {
  findings(n: number): string;
  points(n: number): string;
  on(id: string, parts: string): string;
  separator: string;
}

/** "+2 findings, -5 points on c-017" (in the interface language). */
export function describeConversationDiff(d: ConversationDiff, w: DiffWords): string {
  const parts: string[] = [];
  if (d.added > 0) parts.push(w.findings(d.added));
  if (d.removed > 0) parts.push(w.findings(-d.removed));
  if (d.scoreDelta !== 0) parts.push(w.points(d.scoreDelta));
  return w.on(d.id, parts.join(w.separator));
}

export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `-${Math.abs(n)}` : '0';
}
