/**
 * Text: offsets and normalisation invariance (spec "Text normalisation").
 *
 * Offsets: every finding points back into the ORIGINAL message text: 0 <= start <= end <=
 * text.length, text.slice(start, end) === evidence, and the span never cuts a surrogate pair (an
 * astral character, an emoji) in half. Manual items included.
 *
 * Normalisation invariance: Traditional, full-width and spaced spellings of messages give the
 * same findings, as (rule, message) pairs, as the plain form.
 *  - Traditional: OpenCC cn2t (opencc-js, in @zhijian/test-utils); a message is converted only
 *    when core's t2s brings the conversion back to the plain text (cn2t is not always invertible).
 *  - Full-width: printable ASCII -> U+FF01..U+FF5E.
 *  - Spaced: spaces between two Han characters. Rules with a `spaced` regex see spaces by design
 *    (亲 as a term of address is judged with its spaces), so their findings are left out there.
 */
import { describe, expect } from 'vitest';
import { fc, it } from '@fast-check/vitest';
import { applyVariant, propertyParams, propertyTimeout, toTraditional, usesSpacedRegex, variantPlanArb, type VariantKind } from '@zhijian/test-utils';
import { compile, reviewedScenarioArb, ruleMessagePairs, scenarioArb, score, type Scenario } from './support.js';
import { t2s } from '../../src/index.js';

const isLow = (s: string, i: number): boolean => i > 0 && i < s.length && (s.charCodeAt(i) & 0xfc00) === 0xdc00 && (s.charCodeAt(i - 1) & 0xfc00) === 0xd800;

describe('properties: offsets', () => {
  it.prop([reviewedScenarioArb()], propertyParams())(
    'offsets: for every finding, original.slice(start, end) === evidence and the span lies inside its message',
    ({ pack: pc, conv, review }) => {
      const r = score(compile(pc.def), conv, { review });
      for (const f of r.findings) {
        const text = conv.messages[f.messageIndex]?.text;
        expect(text, `${f.ruleId}: message ${f.messageIndex} exists`).toBeDefined();
        expect(Number.isInteger(f.start) && Number.isInteger(f.end)).toBe(true);
        expect(0 <= f.start && f.start <= f.end && f.end <= text!.length, `${f.ruleId}: [${f.start}, ${f.end}) in 0..${text!.length}`).toBe(true);
        expect(text!.slice(f.start, f.end)).toBe(f.evidence);
        expect({ rule: f.ruleId, startSplitsPair: isLow(text!, f.start), endSplitsPair: isLow(text!, f.end) }).toEqual({
          rule: f.ruleId,
          startSplitsPair: false,
          endSplitsPair: false,
        });
      }
    },
    propertyTimeout(),
  );
});

function variantCase(kind: VariantKind) {
  return scenarioArb().chain((s) => fc.tuple(fc.constant(s), variantPlanArb(s.conv.messages.length, [kind])));
}

function apply(s: Scenario, plan: { kinds: Array<VariantKind | undefined>; picks: number[] }) {
  return {
    ...s.conv,
    messages: s.conv.messages.map((m, i) => {
      const kind = plan.kinds[i];
      if (kind === undefined) return m;
      const text = applyVariant(m.text, kind, plan.picks);
      if (kind === 'traditional' && t2s(text) !== m.text) return m; // not invertible: keep plain
      return { ...m, text };
    }),
  };
}

describe('properties: normalisation invariance', () => {
  it.prop([variantCase('traditional')], propertyParams())(
    'normalisation invariance: Traditional variants give the same findings (rule, message)',
    ([s, plan]) => {
      const pack = compile(s.pack.def);
      expect(ruleMessagePairs(score(pack, apply(s, plan)))).toEqual(ruleMessagePairs(score(pack, s.conv)));
    },
    propertyTimeout(),
  );

  it.prop([variantCase('full-width')], propertyParams())(
    'normalisation invariance: full-width variants give the same findings (rule, message)',
    ([s, plan]) => {
      const pack = compile(s.pack.def);
      expect(ruleMessagePairs(score(pack, apply(s, plan)))).toEqual(ruleMessagePairs(score(pack, s.conv)));
    },
    propertyTimeout(),
  );

  it.prop([variantCase('spaced')], propertyParams())(
    'normalisation invariance: spaced variants (a space between two Han characters) give the same findings (rule, message)',
    ([s, plan]) => {
      const pack = compile(s.pack.def);
      const seesSpaces = new Set(s.pack.def.rules.filter((r) => usesSpacedRegex(r, s.pack.def.phraseSets ?? {})).map((r) => r.id));
      const pairs = (r: ReturnType<typeof score>) => ruleMessagePairs({ findings: r.findings.filter((f) => !seesSpaces.has(f.ruleId)) });
      expect(pairs(score(pack, apply(s, plan)))).toEqual(pairs(score(pack, s.conv)));
    },
    propertyTimeout(),
  );

  it.prop([fc.constantFrom('对不起', '投诉', '发货', '请问', '头发', '后来', '干净', '面条')], { numRuns: 8 })(
    'normalisation invariance (fixture): the Traditional converter really converts',
    (word) => {
      expect(toTraditional(word)).not.toBe(word);
      expect(t2s(toTraditional(word))).toBe(word);
    },
  );
});
