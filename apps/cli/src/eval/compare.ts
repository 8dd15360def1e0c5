/**
 * Compares what the engine found with what an inspector labelled: a finding matches a label when
 * conversation, rule and message index are the same. Per rule: TP, FP, FN, precision, recall, F1;
 * the totals add up the counts of all rules compared (micro-average). Pure: no I/O.
 */
import type { Label } from './labels.js';

export interface Found {
  ruleId: string;
  messageIndex: number;
  evidence: string;
  message: string;
}

export interface LabelledConversation {
  id: string;
  labels: readonly Label[];
  findings: readonly Found[];
  /** Original message texts (the evidence of a missed label). */
  texts: readonly string[];
}

export interface Counts {
  ruleId: string;
  labels: number;
  found: number;
  tp: number;
  fp: number;
  fn: number;
  /** null when undefined (nothing found / nothing labelled). */
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface Disagreement {
  /** fp: found but not labelled; fn: labelled but not found. */
  kind: 'fp' | 'fn';
  conversationId: string;
  ruleId: string;
  messageIndex: number;
  /** fp: the finding's evidence; fn: the labelled message's text. */
  evidence: string;
  /** fp: the finding's message. */
  message?: string;
  /** fn: the labeller's note. */
  note?: string;
}

export interface Comparison {
  conversations: number;
  rules: Counts[];
  total: Counts;
  disagreements: Disagreement[];
}

export function counts(ruleId: string, tp: number, fp: number, fn: number): Counts {
  const precision = tp + fp === 0 ? null : tp / (tp + fp);
  const recall = tp + fn === 0 ? null : tp / (tp + fn);
  const f1 = precision === null || recall === null ? null : precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ruleId, labels: tp + fn, found: tp + fp, tp, fp, fn, precision, recall, f1 };
}

export function compare(ruleIds: readonly string[], conversations: readonly LabelledConversation[]): Comparison {
  const judged = new Set(ruleIds);
  const tally = new Map(ruleIds.map((r) => [r, { tp: 0, fp: 0, fn: 0 }]));
  const disagreements: Disagreement[] = [];
  for (const c of conversations) {
    const labelled = new Map<string, Label>();
    for (const l of c.labels) if (judged.has(l.ruleId)) labelled.set(`${l.ruleId}@${l.messageIndex}`, l);
    const found = new Map<string, Found>();
    for (const f of c.findings) if (judged.has(f.ruleId) && !found.has(`${f.ruleId}@${f.messageIndex}`)) found.set(`${f.ruleId}@${f.messageIndex}`, f);
    const rows: Disagreement[] = [];
    for (const [key, f] of found) {
      const t = tally.get(f.ruleId)!;
      if (labelled.has(key)) t.tp++;
      else {
        t.fp++;
        rows.push({ kind: 'fp', conversationId: c.id, ruleId: f.ruleId, messageIndex: f.messageIndex, evidence: f.evidence, message: f.message });
      }
    }
    for (const [key, l] of labelled) {
      if (found.has(key)) continue;
      tally.get(l.ruleId)!.fn++;
      rows.push({
        kind: 'fn',
        conversationId: c.id,
        ruleId: l.ruleId,
        messageIndex: l.messageIndex,
        evidence: c.texts[l.messageIndex] ?? '',
        ...(l.note !== undefined ? { note: l.note } : {}),
      });
    }
    rows.sort((a, b) => a.messageIndex - b.messageIndex || ruleIds.indexOf(a.ruleId) - ruleIds.indexOf(b.ruleId));
    disagreements.push(...rows);
  }
  const rules = ruleIds.map((r) => {
    const t = tally.get(r)!;
    return counts(r, t.tp, t.fp, t.fn);
  });
  const sum = (k: 'tp' | 'fp' | 'fn') => rules.reduce((s, r) => s + r[k], 0);
  return { conversations: conversations.length, rules, total: counts('total', sum('tp'), sum('fp'), sum('fn')), disagreements };
}
