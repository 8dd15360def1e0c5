/**
 * Determinism: the score is a pure function of (pack, conversation, review, now, time zone).
 * Order independence: the order of rules and of categories in the pack changes no score, grade,
 * finding or category total (ties inside one message are broken by pack order, so WHICH finding
 * keeps the points left under a category cap may move; the digest compares findings without
 * their capped points, and category totals by id).
 */
import { describe, expect } from 'vitest';
import { it } from '@fast-check/vitest';
import { fractionsArb, permute, propertyParams, propertyTimeout } from '@zhijian/test-utils';
import { compilePack } from '../../src/index.js';
import { compile, orderFreeDigest, scenarioArb, score } from './support.js';

describe('properties: determinism and order', () => {
  it.prop([scenarioArb()], propertyParams())(
    'determinism: scoring the same conversation twice, or with a freshly compiled pack, gives the same result',
    ({ pack: pc, conv }) => {
      const pack = compile(pc.def);
      const first = score(pack, conv);
      // the same compiled pack again (per-message caches, pooled buffers)
      expect(score(pack, conv)).toEqual(first);
      // another compilation of the same pack, and a deep copy of the conversation
      expect(score(compilePack(structuredClone(pc.def)), structuredClone(conv))).toEqual(first);
      // scoring other conversations in between changes nothing
      score(pack, { ...conv, messages: [...conv.messages].reverse() });
      expect(score(pack, conv)).toEqual(first);
    },
    propertyTimeout(),
  );

  it.prop([scenarioArb(), fractionsArb()], propertyParams())(
    'order independence: shuffling the rules of a pack changes no result',
    ({ pack: pc, conv }, ruleOrder) => {
      const shuffled = { ...pc.def, rules: permute(pc.def.rules, ruleOrder) };
      expect(orderFreeDigest(score(compilePack(shuffled), conv))).toEqual(orderFreeDigest(score(compile(pc.def), conv)));
    },
    propertyTimeout(),
  );

  it.prop([scenarioArb(), fractionsArb()], propertyParams())(
    'order independence: shuffling the categories of a pack changes no result',
    ({ pack: pc, conv }, categoryOrder) => {
      const shuffled = { ...pc.def, categories: permute(pc.def.categories, categoryOrder) };
      expect(orderFreeDigest(score(compilePack(shuffled), conv))).toEqual(orderFreeDigest(score(compile(pc.def), conv)));
    },
    propertyTimeout(),
  );
});
