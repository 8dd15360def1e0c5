import { describe, expect, it } from 'vitest';
import { compilePack } from './compile-pack.js';
import { renderPackProblem } from './messages.js';
import { PackError, type PackProblem } from './pack-error.js';
import type { Lang } from '../engine/render-message.js';
import type { PackDef } from './pack-types.js';

const base = (): PackDef => ({
  id: 'p',
  version: '1.0.0',
  categories: [{ id: 'a', name: 'A', cap: 10 }],
  phraseSets: { words: ['投诉'] },
  rules: [{ id: 'a.one', type: 'phrase', category: 'a', points: 1, options: { phrases: ['x'] } }],
});

function rejection(pack: unknown, lang?: Lang): PackError {
  try {
    compilePack(pack, lang ? { lang } : {});
  } catch (e) {
    if (e instanceof PackError) return e;
    throw e;
  }
  throw new Error('expected the pack to be rejected');
}

function problems(pack: unknown, lang?: Lang): PackProblem[] {
  try {
    compilePack(pack, lang ? { lang } : {});
  } catch (e) {
    if (e instanceof PackError) return e.problems;
    throw e;
  }
  throw new Error('expected the pack to be rejected');
}

describe('compilePack rejects an invalid pack with the JSON pointer of each problem', () => {
  it('accepts a valid pack and hashes its content, not its formatting', () => {
    const a = compilePack(base());
    const b = compilePack(JSON.parse(JSON.stringify(base(), null, 4)));
    expect(a.ref.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(a.ref.hash).toBe(b.ref.hash);
  });

  it('missing required fields', () => {
    const p = base() as Partial<PackDef>;
    delete p.version;
    expect(problems(p, 'en')).toContainEqual(expect.objectContaining({ pointer: '', message: 'missing required property "version"' }));
  });

  it('unknown option property of a rule type, at its pointer', () => {
    const p = base();
    p.rules[0]!.options = { phrases: ['x'], phrase: 'typo' };
    expect(problems(p, 'en')).toContainEqual(expect.objectContaining({ pointer: '/rules/0/options/phrase', message: 'unknown property "phrase"' }));
  });

  it('a wrongly typed option', () => {
    const p = base();
    p.rules[0]!.options = { phrases: 'x' };
    expect(problems(p).map((x) => x.pointer)).toContain('/rules/0/options/phrases');
  });

  it('an unknown rule type names the type and the plugins the pack declares', () => {
    const p = base();
    p.plugins = ['zhijian-plugin-refund'];
    p.rules[0]!.type = 'order-confirmed';
    const [first] = problems(p);
    expect(first).toMatchObject({ pointer: '/rules/0/type', code: 'rule.unknown-type' });
    expect(first!.message).toContain('"order-confirmed"');
    expect(first!.message).toContain('zhijian-plugin-refund');
  });

  it('an unknown category and a duplicate rule id', () => {
    const p = base();
    p.rules.push({ id: 'a.one', type: 'phrase', category: 'nope', points: 1, options: { phrases: ['y'] } });
    const found = problems(p);
    expect(found).toContainEqual(expect.objectContaining({ pointer: '/rules/1/id', code: 'pack.duplicate-rule' }));
    expect(found).toContainEqual(expect.objectContaining({ pointer: '/rules/1/category', code: 'pack.unknown-category' }));
  });

  it('a regex that does not compile, at the item', () => {
    const p = base();
    p.rules[0]!.options = { phrases: ['x', { regex: '(unclosed' }] };
    expect(problems(p)).toContainEqual(expect.objectContaining({ pointer: '/rules/0/options/phrases/1/regex' }));
  });

  it('an unknown phrase set, at the reference', () => {
    const p = base();
    p.rules[0]!.options = { phrases: [{ set: 'nope' }] };
    expect(problems(p)).toContainEqual(expect.objectContaining({ pointer: '/rules/0/options/phrases/0/set' }));
  });

  it('reports every bad rule, not only the first', () => {
    const p = base();
    p.rules.push({ id: 'a.two', type: 'phrase', category: 'a', points: 1, options: { phrases: [{ regex: '[' }] } });
    p.rules[0]!.options = { phrases: [{ set: 'missing' }] };
    expect(problems(p).map((x) => x.pointer)).toEqual(['/rules/0/options/phrases/0/set', '/rules/1/options/phrases/0/regex']);
  });
});

describe('compilePack words its problems in Chinese by default, in English on request', () => {
  it('schema problems: Chinese by default, with the code and the params they are made from', () => {
    const p = base() as Partial<PackDef>;
    delete p.version;
    expect(problems(p)).toContainEqual({ pointer: '', severity: 'error', code: 'schema.required', params: { property: 'version' }, message: '缺少必填属性 "version"' });
    const q = base();
    q.rules[0]!.options = { phrases: ['x'], phrase: 'typo' };
    expect(problems(q)).toContainEqual(expect.objectContaining({ pointer: '/rules/0/options/phrase', code: 'schema.additionalProperties', message: '未知属性 "phrase"' }));
  });

  it('the keywords the pack schema uses, in both languages', () => {
    const p = {
      ...base(),
      id: 'Bad Id',
      maxScore: 0,
      grades: [],
      categories: [{ id: 'a', name: 'A', cap: -1 }],
      scripts: [{ id: 's', text: '' }],
      rules: [
        { id: 'a.one', type: 'phrase', category: 'a', points: 'x', options: { phrases: [], role: 'boss', scope: { first: 1, last: 1 } } },
        { id: 'a.two', type: 'overlap', category: 'a', points: 1, options: { minOverlapSeconds: 0, backchannels: ['嗯', '嗯'] } },
        { id: 'a.three', type: 'phrase', category: 'a', points: 1, name: 3, options: { phrases: [5] } },
      ],
    };
    const zh = problems(p);
    const en = problems(p, 'en');
    const at = (list: PackProblem[], pointer: string, code: string) => list.find((x) => x.pointer === pointer && x.code === code)?.message;
    const expected: Array<[string, string, string, string]> = [
      ['/id', 'schema.pattern', '格式不符：必须匹配模式 "^[a-z0-9][a-z0-9._-]*$"', 'must match pattern "^[a-z0-9][a-z0-9._-]*$"'],
      ['/maxScore', 'schema.exclusiveMinimum', '必须大于 0', 'must be > 0'],
      ['/grades', 'schema.minItems', '至少需要 1 项', 'must NOT have fewer than 1 items'],
      ['/categories/0/cap', 'schema.minimum', '必须大于或等于 0', 'must be >= 0'],
      ['/scripts/0/text', 'schema.minLength', '至少需要 1 个字符', 'must NOT have fewer than 1 characters'],
      ['/rules/0/points', 'schema.type', '类型必须是 数字', 'must be of type number'],
      ['/rules/0/options/phrases', 'schema.minItems', '至少需要 1 项', 'must NOT have fewer than 1 items'],
      ['/rules/0/options/role', 'schema.enum', '必须是以下之一："agent", "customer", "system", "bot"', 'must be one of: "agent", "customer", "system", "bot"'],
      ['/rules/0/options/scope', 'schema.maxProperties', '最多只能有 1 个属性', 'must NOT have more than 1 properties'],
      ['/rules/1/options/minOverlapSeconds', 'schema.exclusiveMinimum', '必须大于 0', 'must be > 0'],
      ['/rules/1/options/backchannels', 'schema.uniqueItems', '不能有重复项（第 1 项与第 0 项相同，从 0 数起）', 'must NOT have duplicate items (items ## 1 and 0 are identical)'],
      ['/rules/2/name', 'schema.anyOf', '此处的值无效（应为短语字符串、{regex: …}、{set: …} 或文本 / {zh, en} 双语文本）', 'is not a valid value here (a phrase string, {regex: …}, {set: …} or localized text)'],
      ['/rules/2/options/phrases/0', 'schema.anyOf', '此处的值无效（应为短语字符串、{regex: …}、{set: …} 或文本 / {zh, en} 双语文本）', 'is not a valid value here (a phrase string, {regex: …}, {set: …} or localized text)'],
    ];
    for (const [pointer, code, zhText, enText] of expected) {
      expect([pointer, code, at(zh, pointer, code)]).toEqual([pointer, code, zhText]);
      expect([pointer, code, at(en, pointer, code)]).toEqual([pointer, code, enText]);
    }
    // The same problems, in the same order, whatever the language.
    expect(zh.map((x) => `${x.pointer} ${x.code}`)).toEqual(en.map((x) => `${x.pointer} ${x.code}`));
  });

  it('a union type is named in Chinese too', () => {
    const p = base();
    p.rules[0]!.examples = [{ messages: [{ role: 'agent', text: 'x', ts: true as unknown as number }], expect: 'fires' }];
    expect(problems(p)).toContainEqual(expect.objectContaining({ pointer: '/rules/0/examples/0/messages/0/ts', code: 'schema.type', message: '类型必须是 字符串或数字' }));
    expect(problems(p, 'en')).toContainEqual(expect.objectContaining({ code: 'schema.type', message: 'must be of type string,number' }));
  });

  it('structural problems, in both languages (the English wording unchanged)', () => {
    const p = base();
    p.categories.push({ id: 'a', name: 'A again' });
    expect(problems(p)).toEqual([{ pointer: '/categories/1/id', severity: 'error', code: 'pack.duplicate-category', params: { id: 'a' }, message: '分类 id "a" 重复' }]);
    expect(problems(p, 'en')[0]!.message).toBe('duplicate category id "a"');

    const q = base();
    q.rules.push({ id: 'a.one', type: 'phrase', category: 'nope', points: 1, options: { phrases: ['y'] } });
    expect(problems(q).map((x) => x.message)).toEqual(['规则 id "a.one" 重复（首次出现在 /rules/0）', '未知分类 "nope"（请在 /categories 中声明）']);
    expect(problems(q, 'en').map((x) => x.message)).toEqual(['duplicate rule id "a.one" (first at /rules/0)', 'unknown category "nope" (declare it under /categories)']);
  });

  it('an unknown rule type, with and without the plugins the pack declares', () => {
    const p = base();
    p.rules[0]!.type = 'order-confirmed';
    expect(problems(p)[0]).toEqual({ pointer: '/rules/0/type', severity: 'error', code: 'rule.unknown-type', params: { type: 'order-confirmed' }, message: '未知的规则类型 "order-confirmed"；已加载的插件都不提供该类型' });
    expect(problems(p, 'en')[0]!.message).toBe('unknown rule type "order-confirmed"; no loaded plugin provides it');
    p.plugins = ['zhijian-plugin-a', 'zhijian-plugin-b'];
    expect(problems(p)[0]!.message).toBe('未知的规则类型 "order-confirmed"；此规则包声明了插件 zhijian-plugin-a, zhijian-plugin-b：请用 --plugin 或 zhijian.config.json 加载提供该类型的插件');
    expect(problems(p, 'en')[0]!.message).toBe(
      'unknown rule type "order-confirmed"; this pack declares the plugin(s) zhijian-plugin-a, zhijian-plugin-b: load the one that provides it with --plugin or zhijian.config.json',
    );
  });

  it('phrase-list problems have their own codes, in both languages', () => {
    const p = base();
    p.rules[0]!.options = { phrases: ['x', { regex: '(unclosed' }] };
    const [zh] = problems(p);
    expect(zh).toMatchObject({ pointer: '/rules/0/options/phrases/1/regex', code: 'phrase.regex-invalid' });
    expect(zh!.message).toMatch(/^正则表达式无法编译：Invalid regular expression/);
    expect(problems(p, 'en')[0]!.message).toMatch(/^regular expression does not compile: Invalid regular expression/);

    p.rules[0]!.options = { phrases: [{ set: 'nope' }] };
    expect(problems(p)[0]).toEqual({ pointer: '/rules/0/options/phrases/0/set', severity: 'error', code: 'phrase.unknown-set', params: { set: 'nope' }, message: '未知短语集 "nope"（请在 /phraseSets 中定义）' });
    expect(problems(p, 'en')[0]!.message).toBe('unknown phrase set "nope" (define it under /phraseSets)');
  });

  it("a rule type's own message is kept as given (code rule.options), in either language", () => {
    const p = base();
    p.rules[0] = { id: 'a.one', type: 'required-phrase', category: 'a', points: 1, options: {} };
    const expected = { pointer: '/rules/0/options', severity: 'error', code: 'rule.options', params: { message: 'give "phrases" or "allOf"' }, message: 'give "phrases" or "allOf"' };
    expect(problems(p)).toEqual([expected]);
    expect(problems(p, 'en')).toEqual([expected]);
  });

  it('the PackError message: a title in the language, then each problem', () => {
    const p = base() as Partial<PackDef>;
    delete p.version;
    expect(rejection(p).message).toBe('规则包无效：\n  /: 缺少必填属性 "version"');
    expect(rejection(p, 'en').message).toBe('invalid rule pack:\n  /: missing required property "version"');
    const withSource = (() => {
      try {
        compilePack(p, { source: 'pack.json', lang: 'en' });
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    })();
    expect(withSource.split('\n')[0]).toBe('pack.json: invalid rule pack:');
  });

  it('renderPackProblem re-renders a problem in the other language from its code and params', () => {
    const p = base();
    p.plugins = ['zhijian-plugin-refund'];
    p.categories.push({ id: 'b', name: 'B', cap: -1 });
    p.rules.push(
      { id: 'a.two', type: 'nope', category: 'a', points: 1 },
      { id: 'a.three', type: 'phrase', category: 'a', points: -1, options: { phrases: [''], role: 'boss' } },
    );
    const zh = problems(p);
    const en = problems(p, 'en');
    expect(zh.length).toBeGreaterThan(3);
    expect(zh.map((x) => renderPackProblem(x, 'en'))).toEqual(en.map((x) => x.message));
    expect(en.map((x) => renderPackProblem(x, 'zh'))).toEqual(zh.map((x) => x.message));
    expect(zh.map((x) => x.params)).toEqual(en.map((x) => x.params));
  });
});
