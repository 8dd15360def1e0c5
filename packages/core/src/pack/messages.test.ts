import { describe, expect, it } from 'vitest';
import type { Lang } from '../engine/render-message.js';
import { compilePack } from './compile-pack.js';
import { lintPack } from './lint-pack.js';
import { formatPackMessage, packMessageKey, PACK_MESSAGES, renderPackMessage, renderPackProblem, type PackMessageKey } from './messages.js';
import { PackError, type PackProblem } from './pack-error.js';
import type { PackDef, RuleDef } from './pack-types.js';

const LANGS: Lang[] = ['zh', 'en'];
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
const keys = (lang: Lang) => Object.keys(PACK_MESSAGES[lang]).sort();

describe('the pack message table', () => {
  it('has every code in both languages, non-empty', () => {
    expect(keys('en')).toEqual(keys('zh'));
    for (const lang of LANGS) {
      for (const [key, text] of Object.entries(PACK_MESSAGES[lang])) expect([key, typeof text, text.trim().length > 0]).toEqual([key, 'string', true]);
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of keys('zh') as PackMessageKey[]) {
      expect([key, placeholders(PACK_MESSAGES.en[key])]).toEqual([key, placeholders(PACK_MESSAGES.zh[key])]);
    }
  });

  it('the Chinese texts are Chinese (apart from those that only pass a message on)', () => {
    const passOn = new Set(['rule.options', 'rule.create']);
    for (const [key, text] of Object.entries(PACK_MESSAGES.zh)) {
      if (!passOn.has(key)) expect([key, /\p{sc=Han}/u.test(text)]).toEqual([key, true]);
    }
  });

  it('keys are codes of the known families, or a code with a variant', () => {
    for (const key of keys('zh')) expect(key).toMatch(/^(schema|pack|rule|phrase|lint)\.[A-Za-z-]+(:[a-z-]+)?$/);
  });

  it('picks the variant from the params; an uncovered schema keyword falls back; other codes are not in the table', () => {
    expect(packMessageKey('rule.unknown-type', { type: 'x' })).toBe('rule.unknown-type:no-plugin');
    expect(packMessageKey('rule.unknown-type', { type: 'x', plugins: 'p' })).toBe('rule.unknown-type');
    expect(packMessageKey('lint.no-points', { rule: 'a.x' })).toBe('lint.no-points');
    expect(packMessageKey('lint.no-points', { rule: 'a.x', category: 'a' })).toBe('lint.no-points:cap');
    expect(packMessageKey('schema.not', {})).toBe('schema.other');
    expect(renderPackMessage('schema.not', { keyword: 'not', detail: 'must NOT be valid' }, 'zh')).toBe('不符合规则包格式（not）：must NOT be valid');
    expect(renderPackMessage('schema.not', { keyword: 'not', detail: 'must NOT be valid' }, 'en')).toBe('must NOT be valid (not)');
    expect(packMessageKey('plugin.something', {})).toBeUndefined();
  });

  it('fills placeholders once, words data params per language, leaves a missing one visible', () => {
    expect(formatPackMessage('lint.duplicate-phrase', { phrase: '{first}', first: '/x' }, 'en')).toBe('"{first}" is listed twice (first at /x)');
    expect(formatPackMessage('schema.type', { jsonType: 'integer' }, 'zh')).toBe('类型必须是 整数');
    expect(formatPackMessage('schema.type', { jsonType: 'array,null' }, 'zh')).toBe('类型必须是 数组或null');
    expect(formatPackMessage('lint.contradiction', { phrase: '亲', required: 'a', forbidden: 'b', at: '/p', role: 'customer' }, 'zh')).toBe('"亲" 在客户消息中既被 a 要求，又被 b 禁止（/p）');
    expect(formatPackMessage('lint.contradiction', { phrase: '亲', required: 'a', forbidden: 'b', at: '/p', role: 'customer' }, 'en')).toBe(
      '"亲" is required by a and forbidden by b (/p) for customer messages',
    );
    expect(formatPackMessage('pack.duplicate-rule', { id: 'a.x' }, 'en')).toBe('duplicate rule id "a.x" (first at {first})');
  });

  it('renderPackProblem keeps the message of a code the table does not know (a plugin\'s own)', () => {
    expect(renderPackProblem({ code: 'plugin.custom', message: 'as given', params: {} }, 'zh')).toBe('as given');
    expect(renderPackProblem({ code: 'rule.options', message: 'give "phrases"', params: { message: 'give "phrases"' } }, 'zh')).toBe('give "phrases"');
    expect(renderPackProblem({ code: 'schema.required', message: 'old', params: { property: 'id' } }, 'zh')).toBe('缺少必填属性 "id"');
  });
});

// ---- every problem core produces, in both languages ----

const categories = [
  { id: 'a', name: 'A', cap: 10 },
  { id: 'zero', name: 'Zero', cap: 0 },
];
const pack = (rules: unknown[], extra: Record<string, unknown> = {}): PackDef => ({ id: 'catalogue', version: '1.0.0', categories, ...extra, rules }) as PackDef;
const forbid = (phrases: unknown[], more: Record<string, unknown> = {}): RuleDef => ({ id: 'a.x', type: 'phrase', category: 'a', points: 2, options: { phrases }, ...more }) as RuleDef;

/** Bad packs, between them producing (nearly) every code of the table. */
const CATALOGUE: PackDef[] = [
  { id: 'Bad Id', version: '1', maxScore: 0, grades: [], categories: [{ id: 'a', name: 3, cap: -1, extra: true }], scripts: [{ id: 's', text: '' }], rules: 'x' } as unknown as PackDef,
  pack([
    { id: 'a.one', type: 'phrase', category: 'a', points: 'x', options: { phrases: [], role: 'boss', scope: { first: 1, last: 1 } } },
    { id: 'a.two', type: 'overlap', category: 'a', points: 1, options: { minOverlapSeconds: 0, backchannels: ['嗯', '嗯'] } },
    { id: 'a.three', type: 'phrase', category: 'a', points: 1, options: { phrases: [5] } },
    { id: 'a.four', type: 'reply-time', category: 'a', points: 1, options: { workingHours: [{ from: '9:00', to: '18:00' }] } },
  ]),
  { ...pack([forbid(['x'])]), version: undefined } as unknown as PackDef,
  pack([forbid(['x'], { type: 'nope' })]),
  pack([forbid(['x'], { type: 'nope' })], { plugins: ['zhijian-plugin-nope'] }),
  pack([forbid(['x']), forbid(['y'], { category: 'nope' })], { categories: [...categories, categories[0]] }),
  pack([{ id: 'a.x', type: 'required-phrase', category: 'a', points: 1, options: {} }]),
  pack([forbid(['\u200b'])]),
  pack([forbid([{ set: 'nope' }])]),
  pack([forbid([{ set: 'loop' }])], { phraseSets: { loop: [{ set: 'loop' }] } }),
  pack([forbid([{ clause: [['优惠券'], ['给您，']] }])]),
  pack([forbid([{ regex: '(' }])]),
  pack([forbid([{ regex: 'x*' }])]),
  pack([{ id: 'a.t', type: 'trigger-response', category: 'a', points: 1, options: { trigger: { phrases: ['投诉'] }, response: { phrases: [] } } }]),
  pack([forbid(['甲'], { options: { phrases: ['甲'], exceptions: [] } })]),
  pack([forbid(['投诉', '投訴', '没办法处理', '这个没办法处理'])]),
  pack([{ id: 'a.greet', type: 'required-phrase', category: 'a', points: 2, options: { phrases: ['亲'] } }, forbid(['亲'])]),
  pack([forbid(['甲'], { points: 0 }), forbid(['乙'], { id: 'zero.x', category: 'zero' }), forbid(['丙'], { id: 'a.y', points: 5, maxFindings: 3 })]),
  pack([{ id: 'a.m', type: 'manual', category: 'a', points: 3 }]),
  pack([forbid([{ regex: '(\\d+)+元' }, { regex: '\\d*\\d*元' }])]),
  pack([forbid(['包邮'])], { scripts: [{ id: 'bad', text: '亲，本店包邮哦~' }] }),
];

/** Not produced by the catalogue: keywords the pack schema does not use, or paths the schema guards first. */
const UNREACHED: PackMessageKey[] = [
  'schema.const',
  'schema.maxItems',
  'schema.maxLength',
  'schema.maximum',
  'schema.exclusiveMaximum',
  'schema.minProperties',
  'schema.multipleOf',
  'schema.format',
  'schema.oneOf',
  'schema.other',
  'rule.detector-unknown-type',
  'rule.detector-manual',
  'rule.create',
  'lint.regex-invalid',
  'lint.contradiction:no-role',
  // Every built-in list has minItems 1 now; only a plugin type can hand the compiler an empty list (match-query.test.ts).
  'phrase.empty-list',
];

function problemsOf(p: PackDef, lang: Lang): PackProblem[] {
  try {
    return lintPack(p, { lang }).problems;
  } catch (e) {
    if (e instanceof PackError) return e.problems;
    throw e;
  }
}

describe('every problem core produces', () => {
  const seen = new Set<PackMessageKey>();
  const all = CATALOGUE.map((p) => ({ zh: problemsOf(p, 'zh'), en: problemsOf(p, 'en') }));

  it('has a code in the table, every placeholder filled, and re-renders in the other language', () => {
    for (const { zh, en } of all) {
      expect(zh.map((x) => `${x.pointer} ${x.code}`)).toEqual(en.map((x) => `${x.pointer} ${x.code}`));
      zh.forEach((z, i) => {
        const e = en[i]!;
        const key = packMessageKey(z.code, z.params);
        expect([z.code, key === undefined]).toEqual([z.code, false]);
        seen.add(key!);
        expect(z.params).toEqual(e.params);
        for (const name of placeholders(PACK_MESSAGES.zh[key!])) expect([z.code, name, name in z.params]).toEqual([z.code, name, true]);
        expect(renderPackProblem(z, 'en')).toBe(e.message);
        expect(renderPackProblem(e, 'zh')).toBe(z.message);
        if (z.code !== 'rule.options') expect([z.code, z.message === e.message]).toEqual([z.code, false]);
      });
    }
  });

  it('between them, the catalogue reaches every entry but the listed few', () => {
    const missed = (Object.keys(PACK_MESSAGES.zh) as PackMessageKey[]).filter((k) => !seen.has(k));
    expect(missed.sort()).toEqual([...UNREACHED].sort());
  });

  it('compilePack and lintPack default to Chinese', () => {
    const p = CATALOGUE[2]!;
    expect(() => compilePack(p)).toThrow('规则包无效：\n  /: 缺少必填属性 "version"');
    expect(lintPack(p).problems[0]!.message).toBe('缺少必填属性 "version"');
  });
});
