import { describe, expect, it } from 'vitest';
import { compilePack } from './compile-pack.js';
import { PackError, type PackProblem } from './pack-error.js';
import type { PackDef } from './pack-types.js';

const base = (): PackDef => ({
  id: 'p',
  version: '1.0.0',
  categories: [{ id: 'a', name: 'A', cap: 10 }],
  phraseSets: { words: ['投诉'] },
  rules: [{ id: 'a.one', type: 'phrase', category: 'a', points: 1, options: { phrases: ['x'] } }],
});

function problems(pack: unknown): PackProblem[] {
  try {
    compilePack(pack);
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
    expect(problems(p)).toContainEqual(expect.objectContaining({ pointer: '', message: 'missing required property "version"' }));
  });

  it('unknown option property of a rule type, at its pointer', () => {
    const p = base();
    p.rules[0]!.options = { phrases: ['x'], phrase: 'typo' };
    expect(problems(p)).toContainEqual(expect.objectContaining({ pointer: '/rules/0/options/phrase', message: 'unknown property "phrase"' }));
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
