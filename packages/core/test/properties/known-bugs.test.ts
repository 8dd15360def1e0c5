/**
 * Engine bugs found by the property suites, each as its shrunk counterexample: fixed ones are plain
 * tests (regressions); an open one is `it.fails` until fixed, with its steering in support.ts
 * (knownBugRepair) so the properties keep covering everything else.
 */
import { describe, expect, it } from 'vitest';
import { caseConversation, compilePack, createAjv, scoreConversation, type PackDef } from '../../src/index.js';
import { packSchema } from './support.js';

const validate = createAjv().compile(packSchema);

describe('known bugs (found by the properties; it.fails until fixed)', () => {
  // Property "packs: every generated pack is schema-valid and compiles", shrunk.
  it('BUG 1 (fixed): trigger-response with response.phrases [] is rejected by the schema, as by the compiler', () => {
    const pack: PackDef = {
      id: 'generated.pack',
      version: '1.0.0',
      categories: [{ id: 'crisis', name: 'Crisis' }],
      rules: [{ id: 'crisis.r0', type: 'trigger-response', category: 'crisis', points: 0, options: { trigger: { phrases: ['您好'] }, response: { phrases: [] } } }],
    };
    expect(validate(pack)).toBe(false);
    expect(() => compilePack(pack)).toThrow();
  });

  // Property "bounds: 0 <= score <= maxScore ...", shrunk (empty conversation).
  it('BUG 2 (fixed): a maxScore with three decimals never shows a score above maxScore', () => {
    const pack = compilePack({ id: 'p', version: '1.0.0', maxScore: 31.415, categories: [{ id: 'a', name: 'A' }], rules: [] });
    const r = scoreConversation(pack, caseConversation({ messages: [] }), { now: 0 });
    expect(r.score).toBeLessThanOrEqual(r.maxScore);
  });

  // Properties "caps: ... sum of its findings' points" and "veto: no counting veto finding, not vetoed", shrunk.
  it('BUG 3 (fixed): a manual item on a pointless (tag) rule costs nothing and never vetoes', () => {
    const pack = compilePack({
      id: 'p',
      version: '1.0.0',
      categories: [{ id: 'a', name: 'A' }, { id: 'red', name: 'Red', veto: true }],
      rules: [
        { id: 'a.tag', type: 'tag', category: 'a', points: 13, options: { phrases: ['换货'] } },
        { id: 'red.tag', type: 'tag', category: 'red', points: 4, options: { phrases: ['换货'] } },
      ],
    });
    const conv = caseConversation({ messages: ['customer: 你好'] });
    const tagged = scoreConversation(pack, conv, { now: 0, review: { manual: [{ ruleId: 'a.tag', messageIndex: 0 }] } });
    const vetoTagged = scoreConversation(pack, conv, { now: 0, review: { manual: [{ ruleId: 'red.tag', messageIndex: 0 }] } });
    // Today: score 87 (the finding has points 13, rulePoints 13), and the second one is vetoed.
    expect([tagged.score, vetoTagged.vetoed]).toEqual([100, false]);
  });

  // Property "bounds: ... the grade is the grade of the score shown" (found with thousandths points).
  it('BUG 4 (fixed): the grade is the grade of the score shown (89.996 -> 良好, not a rounded 90)', () => {
    const pack = compilePack({
      id: 'p',
      version: '1.0.0',
      categories: [{ id: 'a', name: 'A' }],
      rules: [{ id: 'a.x', type: 'phrase', category: 'a', points: 10.004, options: { phrases: ['xx'] } }],
    });
    const r = scoreConversation(pack, caseConversation({ messages: ['agent: xx'] }), { now: 0 });
    expect([r.score, r.grade]).toEqual([89.996, '良好']);
  });
});
