/**
 * Runs a pack on labelled conversations and compares (compare.ts); sweeps one rule's threshold by
 * recompiling the pack with each value (only that rule enabled, so a sweep costs one rule's time).
 */
import { compilePack, evaluateConversation, type CompiledPack, type Conversation, type Lang, type PackDef, type RuleTypeRegistry } from '@zhijian/core';
import { compare, type Comparison, type Counts, type LabelledConversation } from './compare.js';
import type { Label } from './labels.js';

export interface EvalRunOptions {
  timeZone: string;
  lang: Lang;
}

export function evaluateLabelled(
  pack: CompiledPack,
  conversations: readonly Conversation[],
  labels: ReadonlyMap<string, readonly Label[]>,
  ruleIds: readonly string[],
  o: EvalRunOptions,
): Comparison {
  const rows: LabelledConversation[] = conversations.map((c) => {
    const { findings } = evaluateConversation(pack, c, { timeZone: o.timeZone, lang: o.lang });
    return {
      id: c.id,
      labels: labels.get(c.id) ?? [],
      findings: findings.map((f) => ({ ruleId: f.ruleId, messageIndex: f.messageIndex, evidence: f.evidence, message: f.message })),
      texts: c.messages.map((m) => m.text),
    };
  });
  return compare(ruleIds, rows);
}

export interface SweepRow extends Counts {
  threshold: number;
  /** The threshold the pack sets now. */
  current: boolean;
}

/** The thresholds from..to (inclusive) by step, rounded to 4 decimals (no float drift). */
export function thresholdRange(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let k = 0; ; k++) {
    const x = Math.round((from + k * step) * 10_000) / 10_000;
    if (x > to + 1e-9) break;
    out.push(x);
  }
  return out;
}

export function sweepThreshold(
  def: PackDef,
  ruleId: string,
  thresholds: readonly number[],
  current: number | undefined,
  conversations: readonly Conversation[],
  labels: ReadonlyMap<string, readonly Label[]>,
  registry: RuleTypeRegistry,
  o: EvalRunOptions,
): SweepRow[] {
  return thresholds.map((threshold) => {
    const variant: PackDef = {
      ...def,
      rules: def.rules.map((r) => (r.id === ruleId ? { ...r, enabled: true, options: { ...r.options, threshold } } : { ...r, enabled: false })),
    };
    const pack = compilePack(variant, { registry });
    const c = evaluateLabelled(pack, conversations, labels, [ruleId], o).rules[0]!;
    return { ...c, threshold, current: current !== undefined && Math.abs(current - threshold) < 1e-9 };
  });
}
