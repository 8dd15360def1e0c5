import { describe, expect, it } from 'vitest';
import { lintPack } from './lint-pack.js';
import { renderPackProblem } from './messages.js';
import { defineRuleType } from '../rule-types/define.js';
import { defaultRegistry } from '../rule-types/index.js';
import type { PackDef, RuleDef } from './pack-types.js';

const pack = (rules: RuleDef[], extra: Partial<PackDef> = {}): PackDef => ({
  id: 'lint-test',
  version: '1.0.0',
  categories: [
    { id: 'a', name: 'A', cap: 10 },
    { id: 'zero', name: 'Zero', cap: 0 },
    { id: 'red', name: 'Red', veto: true },
  ],
  ...extra,
  rules,
});
const forbid = (id: string, phrases: unknown[], more: Partial<RuleDef> = {}): RuleDef => ({ id, type: 'phrase', category: 'a', points: 2, options: { phrases }, ...more }) as RuleDef;
const codes = (p: PackDef) => lintPack(p).problems.map((x) => `${x.severity} ${x.code} ${x.pointer}`);

describe('pack lint', () => {
  it('duplicate rule ids (error, pointer of the second)', () => {
    expect(codes(pack([forbid('a.x', ['甲']), forbid('a.x', ['乙'])]))).toContain('error pack.duplicate-rule /rules/1/id');
  });

  it('unknown category (error)', () => {
    expect(codes(pack([forbid('a.x', ['甲'], { category: 'nope' })]))).toContain('error pack.unknown-category /rules/0/category');
  });

  it('a phrase one rule requires and another forbids for the same role', () => {
    const p = pack([
      { id: 'a.greet', type: 'required-phrase', category: 'a', points: 2, options: { scope: { first: 1 }, phrases: ['您好', '亲'] } },
      forbid('a.no-qin', ['亲']),
    ]);
    const problem = lintPack(p).problems.find((x) => x.code === 'lint.contradiction')!;
    expect(problem).toMatchObject({ severity: 'error', pointer: '/rules/0/options/phrases/1' });
    expect(problem.message).toContain('a.greet');
    expect(problem.message).toContain('a.no-qin');
  });

  it('no contradiction across roles', () => {
    const p = pack([
      { id: 'a.greet', type: 'required-phrase', category: 'a', points: 2, options: { phrases: ['亲'] } },
      forbid('a.cust', ['亲'], { options: { role: 'customer', phrases: ['亲'] } }),
    ]);
    expect(codes(p).filter((c) => c.includes('contradiction'))).toEqual([]);
  });

  it('a phrase listed twice (after normalisation: full-width, Traditional)', () => {
    expect(codes(pack([forbid('a.x', ['投诉', '投訴'])]))).toContain('warning lint.duplicate-phrase /rules/0/options/phrases/1');
    expect(codes(pack([forbid('a.x', ['ＶＸ', 'vx'])]))).toContain('warning lint.duplicate-phrase /rules/0/options/phrases/1');
  });

  it('a phrase shadowed by a shorter one of the same rule, but not 12315 by 315 (ASCII edges)', () => {
    expect(codes(pack([forbid('a.x', ['没办法处理', '这个没办法处理'])]))).toContain('warning lint.shadowed-phrase /rules/0/options/phrases/1');
    expect(codes(pack([forbid('a.x', ['315', '12315'])]))).toEqual([]);
  });

  it('rules that can never cost points', () => {
    expect(codes(pack([forbid('a.x', ['甲'], { points: 0 })]))).toContain('warning lint.no-points /rules/0/points');
    expect(codes(pack([forbid('zero.x', ['甲'], { category: 'zero' })]))).toContain('warning lint.no-points /rules/0/category');
    expect(codes(pack([forbid('red.x', ['甲'], { category: 'red', points: 0 })]))).toEqual([]);
  });

  it('maxFindings x points above the category cap (warning)', () => {
    expect(codes(pack([forbid('a.x', ['甲'], { points: 5, maxFindings: 3 })]))).toContain('warning lint.over-cap /rules/0/maxFindings');
  });

  it('a regex that does not compile (error) or backtracks catastrophically (error)', () => {
    expect(codes(pack([forbid('a.x', [{ regex: '(甲' }])]))).toContain('error phrase.regex-invalid /rules/0/options/phrases/0/regex');
    const redos = lintPack(pack([forbid('a.x', [{ regex: '(\\d+)+元' }])])).problems;
    expect(redos).toContainEqual(expect.objectContaining({ code: 'lint.regex-redos', severity: 'error', pointer: '/rules/0/options/phrases/0/regex' }));
    expect(codes(pack([forbid('a.x', [{ regex: '(?<!\\p{sc=Han})滚(?!\\p{sc=Han})' }])]))).toEqual([]);
  });

  it('a standard script that trips a forbidden or red-line rule', () => {
    const p = pack([forbid('a.x', ['包邮']), forbid('red.x', ['加微信'], { category: 'red', points: 0 })], {
      scripts: [
        { id: 'ok', text: '亲，本店默认48小时内发货哦~' },
        { id: 'bad', text: '亲，本店包邮，加微信领券哦~' },
      ],
    });
    expect(codes(p)).toEqual(['error lint.script-trips-rule /scripts/1/text', 'error lint.script-trips-rule /scripts/1/text']);
  });

  it('empty phrase lists (warning) and empty required lists (schema error)', () => {
    expect(codes(pack([forbid('a.x', ['甲'], { options: { phrases: ['甲'], exceptions: [] } })]))).toContain('warning lint.empty-list /rules/0/options/exceptions');
    expect(codes(pack([forbid('a.x', [])]))).toContain('error schema.minItems /rules/0/options/phrases');
  });

  it('manual items without guidance text', () => {
    expect(codes(pack([{ id: 'a.m', type: 'manual', category: 'a', points: 3 }]))).toContain('warning lint.manual-without-guidance /rules/0');
    expect(codes(pack([{ id: 'a.m', type: 'manual', category: 'a', points: 3, guidance: '答非所问' }]))).toEqual([]);
  });

  it('finds phrase lists through the options schema, whatever their name (plugin types)', () => {
    const custom = defineRuleType<{ refundPhrases: string[] }, 'x'>({
      meta: {
        id: 'custom-lists',
        description: { zh: '测试', en: 'test' },
        optionsSchema: { type: 'object', properties: { refundPhrases: { $ref: '#/$defs/phraseList' } }, additionalProperties: false },
        messages: { x: { zh: 'x', en: 'x' } },
      },
      create: () => () => undefined,
    });
    const registry = defaultRegistry.with([custom], 'test-plugin');
    const p = pack([{ id: 'a.c', type: 'custom-lists', category: 'a', points: 1, options: { refundPhrases: ['退款', '退款'] } }]);
    expect(lintPack(p, { registry }).problems.map((x) => `${x.code} ${x.pointer}`)).toContain('lint.duplicate-phrase /rules/0/options/refundPhrases/1');
  });

  it('a pack can acknowledge a warning with a reason; it is reported apart', () => {
    const p = pack([forbid('a.x', ['没办法处理', '这个没办法处理'])], {
      lint: { allow: [{ code: 'lint.shadowed-phrase', pointer: '/rules/0/options/phrases', reason: 'catalogue list' }] },
    });
    const r = lintPack(p);
    expect(r.problems).toEqual([]);
    expect(r.allowed).toHaveLength(1);
    expect(r.allowed[0]!.reason).toBe('catalogue list');
  });
});

describe('pack lint words its problems in Chinese by default, in English on request', () => {
  const messages = (p: PackDef, lang?: 'zh' | 'en') => lintPack(p, lang ? { lang } : {}).problems.map((x) => `${x.code} ${x.message}`);

  it('each check, in both languages (the English wording unchanged)', () => {
    const cases: Array<[PackDef, string, string]> = [
      [pack([forbid('a.x', ['甲'], { options: { phrases: ['甲'], exceptions: [] } })]), 'lint.empty-list 短语列表为空：请删除它或添加短语', 'lint.empty-list the phrase list is empty: remove it or add phrases'],
      [pack([forbid('a.x', ['投诉', '投訴'])]), 'lint.duplicate-phrase "投訴" 重复列出（首次出现在 /rules/0/options/phrases/0）', 'lint.duplicate-phrase "投訴" is listed twice (first at /rules/0/options/phrases/0)'],
      [
        pack([forbid('a.x', ['没办法处理', '这个没办法处理'])]),
        'lint.shadowed-phrase "这个没办法处理" 不会带来新的命中：凡它能命中之处，"没办法处理"（/rules/0/options/phrases/0）也能命中；它只会扩大证据范围',
        'lint.shadowed-phrase "这个没办法处理" never matches where "没办法处理" (/rules/0/options/phrases/0) would not: it only widens the evidence',
      ],
      [pack([forbid('a.x', ['甲'], { points: 0 })]), 'lint.no-points a.x 永远不会扣分：它的分值为 0', 'lint.no-points a.x can never cost points: its points are 0'],
      [pack([forbid('zero.x', ['甲'], { category: 'zero' })]), 'lint.no-points zero.x 永远不会扣分：分类 zero 的扣分上限为 0', 'lint.no-points zero.x can never cost points: category zero has cap 0'],
      [
        pack([forbid('a.x', ['甲'], { points: 5, maxFindings: 3 })]),
        'lint.over-cap maxFindings × points = 15，超过分类 a 的扣分上限 10：最后几次命中无法全额扣分',
        'lint.over-cap maxFindings × points = 15 is above the a cap of 10: the last findings can never count in full',
      ],
      [
        pack([{ id: 'a.m', type: 'manual', category: 'a', points: 3 }]),
        'lint.manual-without-guidance 人工质检项 a.m 没有 guidance 说明：质检员需要知道何时该提出它',
        'lint.manual-without-guidance manual item a.m has no guidance: inspectors need to know when to raise it',
      ],
      [
        pack([forbid('a.x', [{ regex: '(\\d+)+元' }])]),
        'lint.regex-redos 灾难性回溯："\\d" 可以有指数级多种匹配方式（请改写，避免嵌套量词）',
        'lint.regex-redos catastrophic backtracking: "\\d" can be matched in exponentially many ways (rewrite without nested quantifiers)',
      ],
      [
        pack([forbid('a.x', [{ regex: '\\d*\\d*元' }])]),
        'lint.regex-slow 多项式回溯：两个量词能匹配同一段文本，建议让它们互斥',
        'lint.regex-slow polynomial backtracking: two quantifiers can match the same text; consider making them exclusive',
      ],
      [
        pack([forbid('a.x', ['包邮'])], { scripts: [{ id: 'bad', text: '亲，本店包邮哦~' }] }),
        'lint.script-trips-rule 标准话术本身就触发了 a.x："包邮"',
        'lint.script-trips-rule the standard script itself trips a.x: "包邮"',
      ],
    ];
    for (const [p, zh, en] of cases) {
      expect(messages(p)).toContain(zh);
      expect(messages(p, 'en')).toContain(en);
    }
  });

  it('a contradiction names the role in the language', () => {
    const p = pack([
      { id: 'a.greet', type: 'required-phrase', category: 'a', points: 2, options: { phrases: ['亲'] } },
      forbid('a.no-qin', ['亲']),
    ]);
    const [zh] = lintPack(p).problems;
    expect(zh).toMatchObject({
      code: 'lint.contradiction',
      params: { phrase: '亲', required: 'a.greet', forbidden: 'a.no-qin', at: '/rules/1/options/phrases/0', role: 'agent' },
      message: '"亲" 在客服消息中既被 a.greet 要求，又被 a.no-qin 禁止（/rules/1/options/phrases/0）',
    });
    expect(lintPack(p, { lang: 'en' }).problems[0]!.message).toBe('"亲" is required by a.greet and forbidden by a.no-qin (/rules/1/options/phrases/0) for agent messages');
    expect(renderPackProblem(zh!, 'en')).toBe('"亲" is required by a.greet and forbidden by a.no-qin (/rules/1/options/phrases/0) for agent messages');
  });

  it('schema and compile problems come through in the language too', () => {
    expect(messages(pack([forbid('a.x', [])]))).toContain('schema.minItems 至少需要 1 项');
    expect(messages(pack([forbid('a.x', [])]), 'en')).toContain('schema.minItems must NOT have fewer than 1 items');
    expect(messages(pack([forbid('a.x', [{ regex: 'x*' }])]))).toEqual(['phrase.regex-empty 正则表达式能匹配空字符串']);
    expect(messages(pack([forbid('a.x', [{ regex: 'x*' }])]), 'en')).toEqual(['phrase.regex-empty regular expression matches the empty string']);
  });

  it('acknowledged warnings keep their message in the language', () => {
    const p = pack([forbid('a.x', ['没办法处理', '这个没办法处理'])], {
      lint: { allow: [{ code: 'lint.shadowed-phrase', pointer: '/rules/0/options/phrases', reason: 'catalogue list' }] },
    });
    expect(lintPack(p).allowed[0]!.message).toMatch(/^"这个没办法处理" 不会带来新的命中/);
    expect(lintPack(p, { lang: 'en' }).allowed[0]!.message).toMatch(/^"这个没办法处理" never matches/);
  });
});
