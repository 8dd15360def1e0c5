import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compilePack, normalizePhrase } from '../pack/compile-pack.js';
import { defineRuleType } from '../rule-types/define.js';
import { defaultRegistry } from '../rule-types/index.js';
import { PackError } from '../pack/pack-error.js';
import type { PackDef, PhraseItem } from '../pack/pack-types.js';
import { evaluateConversation } from '../engine/evaluate.js';
import { caseConversation } from '../testing/rule-tester.js';
import { PhraseTable, clauseBoundary, type ScannableText } from './phrase-table.js';

// The complaint pack's coupon offer (spec Definitions, "Clause"; flow.order).
const COUPON: PhraseItem = { clause: [['优惠券', '红包'], ['给您', '送您', '为您', '补偿']] };

function pack(phrases: PhraseItem[], extra: Record<string, unknown> = {}, sets: Record<string, PhraseItem[]> = {}): PackDef {
  return {
    id: 'p',
    version: '1.0.0',
    categories: [{ id: 't', name: 'T' }],
    phraseSets: sets,
    rules: [{ id: 't.rule', type: 'phrase', category: 't', points: 1, options: { phrases, ...extra } }],
  };
}

/** Evidence of the rule's finding on each agent text ('' = no finding). */
function evidence(p: PackDef, texts: string[]): string[] {
  const compiled = compilePack(p);
  return texts.map((t) => {
    const conv = caseConversation({ messages: [{ role: 'agent', text: t }] });
    return evaluateConversation(compiled, conv).findings[0]?.evidence ?? '';
  });
}

function scannable(text: string): ScannableText {
  return { text, spaced: text, spacedToText: (start, end) => ({ start, end }) };
}

describe('clause pattern {clause: [[...], [...]]}', () => {
  it('holds when a phrase of each group is in one clause, either order; the hit spans the earlier phrase to the later end', () => {
    expect(evidence(pack([COUPON]), ['这边给您发一张10元优惠券', '红包已经为您申请好了', '优惠券送您一张'])).toEqual([
      '给您发一张10元优惠券',
      '红包已经为您',
      '优惠券送您',
    ]);
  });

  it('a punctuation mark ends a clause; a line break does not', () => {
    expect(evidence(pack([COUPON]), ['给您查了一下，优惠券已经过期了', '优惠券。给您', '给您\n发一张优惠券', '给您 发 一张 红包'])).toEqual([
      '',
      '',
      '给您\n发一张优惠券',
      '给您 发 一张 红包',
    ]);
  });

  it('a decimal point between digits does not end a clause', () => {
    expect(evidence(pack([COUPON]), ['给您发一张10.5元优惠券'])).toEqual(['给您发一张10.5元优惠券']);
  });

  it('needs both groups: one phrase alone is no hit', () => {
    expect(evidence(pack([COUPON]), ['优惠券怎么用', '为您查询一下'])).toEqual(['', '']);
  });

  it('你 and 您 are interchangeable, Traditional is matched as Simplified', () => {
    expect(evidence(pack([COUPON]), ['给你发个红包', '給您發一張優惠券'])).toEqual(['给你发个红包', '給您發一張優惠券']);
  });

  it('pairs each phrase with the NEAREST later phrase of the other group; the first hit is the earliest', () => {
    expect(evidence(pack([COUPON]), ['您好，这边为您补一张优惠券和一个红包'])).toEqual(['为您补一张优惠券']);
  });

  it('not negated: either phrase negated negates the pattern (暂时没办法给您优惠券, 优惠券没办法给您)', () => {
    const p = pack([COUPON], { notNegated: true });
    expect(evidence(p, ['暂时没办法给您优惠券', '优惠券没办法给您', '不好意思，这边给您发一张10元优惠券'])).toEqual([
      '',
      '',
      '给您发一张10元优惠券',
    ]);
  });

  it('exceptions cancel a clause hit they overlap', () => {
    expect(evidence(pack([COUPON], { exceptions: ['优惠券规则'] }), ['为您查询优惠券规则', '为您发优惠券'])).toEqual(['', '为您发优惠券']);
  });

  it('mixes with literals and regexes in one list, and inside a phrase set', () => {
    const p = pack([{ set: 'solutions' }], {}, { solutions: ['为您补发', COUPON, { regex: '赔付\\d+元' }] });
    expect(evidence(p, ['马上为您补发', '送您红包', '赔付20元', '谢谢'])).toEqual(['为您补发', '送您红包', '赔付20元', '']);
  });

  it('the same pattern used twice shares its groups (one clause id)', () => {
    const table = new PhraseTable();
    const item = { a: [normalizePhrase('优惠券')], b: [normalizePhrase('给您')] };
    const g1 = table.addGroup([], [], [item]);
    const g2 = table.addGroup(['补发'], [], [item]);
    const groupsAfter = table.groupCount;
    table.addGroup([], [], [{ a: ['优惠券'], b: ['给您'] }]);
    expect(table.groupCount).toBe(groupsAfter + 1); // only the new parent group
    const msg = scannable('给你优惠券');
    const scanned = table.scanAll(msg.text);
    const [h1] = table.groupHits(g1, scanned, msg);
    const [h2] = table.groupHits(g2, scanned, msg);
    expect(h1).toMatchObject({ start: 0, end: 5 });
    expect(h1!.clause!.id).toBe(h2!.clause!.id);
    expect(h1!.clause!.parts).toEqual([
      { start: 2, end: 5 },
      { start: 0, end: 2 },
    ]);
  });

  it('naive (benchmark) mode finds the same clause hits', () => {
    for (const naive of [false, true]) {
      const table = new PhraseTable(naive);
      const g = table.addGroup([], [], [{ a: ['优惠券'], b: ['给你'] }]);
      const msg = scannable('这边给你发一张优惠券，优惠券');
      expect(table.groupHits(g, table.scanAll(msg.text), msg).map((h) => [h.start, h.end])).toEqual([[2, 10]]);
    }
  });

  it('clauseBoundary: punctuation ends a clause, a line break and 10.5 / 1,000 do not', () => {
    expect(clauseBoundary('a,b', 0, 3)).toBe(true);
    expect(clauseBoundary('a。b', 0, 3)).toBe(true);
    expect(clauseBoundary('a\nb', 0, 3)).toBe(false);
    expect(clauseBoundary('10.5', 0, 4)).toBe(false);
    expect(clauseBoundary('1,000', 0, 5)).toBe(false);
    expect(clauseBoundary('元.b', 0, 3)).toBe(true);
  });

  it('rejects a clause phrase with a punctuation mark, and a malformed clause, with the pointer', () => {
    const bad = (phrases: unknown[]) => {
      try {
        compilePack(pack(phrases as PhraseItem[]));
      } catch (e) {
        if (e instanceof PackError) return e.problems.map((p) => p.pointer);
        throw e;
      }
      return [];
    };
    expect(bad([{ clause: [['优惠券'], ['给您，']] }])).toEqual(['/rules/0/options/phrases/0/clause/1/0']);
    expect(bad([{ clause: [['优惠券']] }])).toContain('/rules/0/options/phrases/0');
  });
});

describe('phrase-list compile problems: a code, its params, Chinese by default, English on request', () => {
  // A plugin-style type whose schema allows an empty list (no built-in type does any more).
  const loose = defineRuleType<{ phrases: PhraseItem[] }, 'x'>({
    meta: {
      id: 'loose-list',
      description: { zh: '测试', en: 'test' },
      optionsSchema: { type: 'object', properties: { phrases: { $ref: '#/$defs/phraseList' } }, additionalProperties: false },
      messages: { x: { zh: 'x', en: 'x' } },
    },
    create: (o, tools) => {
      tools.match({ phrases: o.phrases }, tools.pointer);
      return () => undefined;
    },
  });
  const registry = defaultRegistry.with([loose], 'test');
  const rejected = (p: PackDef, lang?: 'zh' | 'en') => {
    try {
      compilePack(p, { registry, ...(lang ? { lang } : {}) });
    } catch (e) {
      if (e instanceof PackError) return e.problems.map(({ pointer, code, params, message }) => ({ pointer, code, params, message }));
      throw e;
    }
    return [];
  };

  it.each([
    [
      'a phrase that normalises to nothing',
      pack(['\u200b']),
      { pointer: '/rules/0/options/phrases/0', code: 'phrase.empty', params: { phrase: '\u200b' } },
      '短语 "\u200b" 规范化后为空',
      'phrase "\u200b" is empty after normalisation',
    ],
    [
      'an unknown phrase set',
      pack([{ set: 'nope' }]),
      { pointer: '/rules/0/options/phrases/0/set', code: 'phrase.unknown-set', params: { set: 'nope' } },
      '未知短语集 "nope"（请在 /phraseSets 中定义）',
      'unknown phrase set "nope" (define it under /phraseSets)',
    ],
    [
      'a phrase set that refers to itself',
      pack([{ set: 'loop' }], {}, { loop: ['甲', { set: 'loop' }] }),
      { pointer: '/phraseSets/loop/1/set', code: 'phrase.set-cycle', params: { set: 'loop' } },
      '短语集 "loop" 引用了自身',
      'phrase set "loop" refers to itself',
    ],
    [
      'a clause phrase with a punctuation mark',
      pack([{ clause: [['优惠券'], ['给您，']] }]),
      { pointer: '/rules/0/options/phrases/0/clause/1/0', code: 'phrase.clause-punctuation', params: { phrase: '给您，' } },
      '子句模式的短语不能含标点（"给您，"）：标点会结束子句',
      'a clause phrase cannot hold a punctuation mark ("给您，"): punctuation ends a clause',
    ],
    [
      'a regex that matches the empty string',
      pack([{ regex: '甲?' }]),
      { pointer: '/rules/0/options/phrases/0/regex', code: 'phrase.regex-empty', params: {} },
      '正则表达式能匹配空字符串',
      'regular expression matches the empty string',
    ],
  ])('%s', (_name, p, problem, zh, en) => {
    expect(rejected(p)).toEqual([{ ...problem, message: zh }]);
    expect(rejected(p, 'en')).toEqual([{ ...problem, message: en }]);
  });

  it('an empty phrase list a rule type compiles (schema-valid for that type)', () => {
    const p: PackDef = {
      id: 'p',
      version: '1.0.0',
      categories: [{ id: 't', name: 'T' }],
      rules: [{ id: 't.rule', type: 'loose-list', category: 't', points: 1, options: { phrases: [] } }],
    };
    const problem = { pointer: '/rules/0/options/phrases', code: 'phrase.empty-list', params: {} };
    expect(rejected(p)).toEqual([{ ...problem, message: '短语列表为空' }]);
    expect(rejected(p, 'en')).toEqual([{ ...problem, message: 'the phrase list is empty' }]);
  });
});

describe('negation through the compiled query', () => {
  it('reads 您 like 你 in the negator and filler lists (不用您自己去找快递 is an offer)', () => {
    const p = pack(['自己去找快递', '投诉'], { notNegated: true });
    expect(evidence(p, ['不用您自己去找快递', '不用你自己去找快递', '不会给您投诉', '您自己去找快递'])).toEqual(['', '', '', '自己去找快递']);
  });
});

describe('clause pattern (property)', () => {
  it('holds exactly when a phrase of each group lies in one clause without overlapping, and spans from the earlier', () => {
    const pieces = ['优惠券', '红包', '给你', '送你', '，', '。', '\n', '一张', '1.5', 'x'];
    const table = new PhraseTable();
    const g = table.addGroup([], [], [{ a: ['优惠券', '红包'], b: ['给你', '送你'] }]);
    const occurrences = (text: string, words: string[]) =>
      words.flatMap((w) => [...text.matchAll(new RegExp(w, 'g'))].map((m) => ({ start: m.index, end: m.index + w.length })));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const msg = scannable(text);
        const hits = table.groupHits(g, table.scanAll(text), msg);
        const as = occurrences(text, ['优惠券', '红包']);
        const bs = occurrences(text, ['给你', '送你']);
        const oracle = as.some((x) => bs.some((y) => (x.end <= y.start || y.end <= x.start) && !clauseBoundary(text, Math.min(x.end, y.end), Math.max(x.start, y.start))));
        expect(hits.length > 0).toBe(oracle);
        for (const h of hits) {
          const [pa, pb] = h.clause!.parts;
          expect(h.start).toBe(Math.min(pa.start, pb.start));
          expect(h.end).toBe(Math.max(pa.end, pb.end));
          expect(clauseBoundary(text, h.start, h.end)).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });
});
