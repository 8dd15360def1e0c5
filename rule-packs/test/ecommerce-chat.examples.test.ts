/**
 * The examples the standard pack carries (rule `examples`, run by `zhijian pack test` and the
 * editor) must all pass, and every auto rule must carry both kinds: one that fires (with `at`)
 * and a near miss that passes.
 */
import { describe, expect, it } from 'vitest';
import { runPackExamples } from '@zhijian/core';
import { pack } from './support.js';

const outcomes = runPackExamples(pack);
const autoRules = pack.rules.filter((r) => !r.manual);

describe('ecommerce-chat.zh.json examples', () => {
  it('every example passes', () => {
    const failed = outcomes.filter((o) => !o.passed).map((o) => `${o.pointer} ${o.ruleId} (${o.description ?? ''}): ${o.problem}`);
    expect(failed).toEqual([]);
    expect(outcomes.length).toBeGreaterThanOrEqual(2 * autoRules.length);
  });

  it.each(autoRules.map((r) => r.def.id))('%s carries a firing example (with `at`) and a near miss that passes', (id) => {
    const examples = pack.rulesById.get(id)!.def.examples ?? [];
    expect(examples.filter((e) => e.expect === 'fires' && e.at !== undefined).length).toBeGreaterThanOrEqual(1);
    expect(examples.filter((e) => e.expect === 'passes').length).toBeGreaterThanOrEqual(1);
    expect(examples.every((e) => e.description !== undefined && e.description.length > 0)).toBe(true);
  });

  it('manual rules carry no examples (the engine never raises them)', () => {
    expect(pack.rules.filter((r) => r.manual).map((r) => [r.def.id, r.def.examples?.length ?? 0])).toEqual([
      ['business.wrong-answer', 0],
      ['business.off-topic', 0],
      ['business.order-note', 0],
      ['business.payment-invoice-registration', 0],
    ]);
  });
});
