/**
 * Plugins end to end: the BUILT CLI with the example plugin examples/plugin-order-check (a
 * devDependency of the CLI, so turbo builds it before these tests), run from the repository root.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import orderCheck from '@zhijian/plugin-order-check';
import { fixtureDir, run } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PLUGIN_DIR = `${ROOT}examples/plugin-order-check`;
const PACK = 'examples/plugin-order-check/pack.json';
const CHATS = 'examples/plugin-order-check/chats.csv';
const PLUGIN = ['--plugin', './examples/plugin-order-check'];
const TYPE = 'order-confirmed-before-refund';
const NO_STACK = /\n\s+at .+:\d+:\d+/;

const zhijian = (args: string[], cwd = ROOT) => run(args, { cwd });
const lines = (s: string) => s.split('\n').filter((l) => l !== '');

function findAll(value: unknown, test: (v: object) => boolean, out: object[] = []): object[] {
  if (value && typeof value === 'object') {
    if (test(value)) out.push(value);
    for (const v of Object.values(value)) findAll(v, test, out);
  }
  return out;
}

interface Result {
  conversationId: string;
  score: number;
  findings: Array<{ ruleId: string; messageIndex: number; evidence: string; points: number; message: string }>;
}

let fx: ReturnType<typeof fixtureDir>;
beforeAll(() => {
  if (!existsSync(`${PLUGIN_DIR}/dist/index.js`)) throw new Error('examples/plugin-order-check is not built: run turbo build (the CLI tests depend on it)');
  fx = fixtureDir({
    'zhijian.config.json': JSON.stringify({ plugins: [PLUGIN_DIR] }),
    'empty-plugin.mjs': 'export {};\n',
  });
});
afterAll(() => fx.cleanup());

describe('zhijian score --plugin', () => {
  it('scores the chats with the plugin rule type and shows the findings', async () => {
    const r = await zhijian(['score', CHATS, '--pack', PACK, ...PLUGIN, '--format', 'jsonl']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const results = lines(r.stdout).map((l) => JSON.parse(l) as Result);
    expect(results.map((x) => [x.conversationId, x.score])).toEqual([
      ['o-001', 90],
      ['o-002', 100],
      ['o-003', 100],
      ['o-004', 90],
    ]);
    expect(results[0]!.findings).toEqual([
      expect.objectContaining({ ruleId: 'business.order-confirmed-before-refund', messageIndex: 1, evidence: '为您退款', points: 10 }),
    ]);
    // o-004: the customer typed the number, the agent promised, then asked: still a finding.
    expect(results[3]!.findings).toEqual([expect.objectContaining({ messageIndex: 1, evidence: '给您退款' })]);
  });

  it('the table shows the finding in the asked language', async () => {
    const r = await zhijian(['score', CHATS, '--pack', PACK, ...PLUGIN, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('business.order-confirmed-before-refund');
    expect(r.stdout).toContain('Refund promised ("为您退款") before the order number was confirmed');
  });

  it('without the plugin: exit 2, naming the unknown type and the plugin the pack declares', async () => {
    const r = await zhijian(['score', CHATS, '--pack', PACK, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${PACK}: /rules/0/type: unknown rule type "${TYPE}"`);
    expect(r.stderr).toContain('@zhijian/plugin-order-check');
    expect(r.stderr).toContain('--plugin');
    expect(r.stderr).not.toMatch(NO_STACK);
  });
});

describe('zhijian schema pack --plugin', () => {
  it('lists the plugin type and binds its options schema', async () => {
    const r = await zhijian(['schema', 'pack', ...PLUGIN]);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout) as { properties: { rules: { items: { properties: { type: { enum: string[]; enumDescriptions: string[] } } } } } };
    const type = schema.properties.rules.items.properties.type;
    const at = type.enum.indexOf(TYPE);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(type.enumDescriptions[at]).toContain('核对订单号');
    // The `if type = X then options = …` branch, wherever the schema keeps it.
    const branches = findAll(schema, (v) => (v as { if?: { properties?: { type?: { const?: unknown } } } }).if?.properties?.type?.const === TYPE);
    expect(branches).toHaveLength(1);
    expect((branches[0] as { then: { properties: { options: unknown } } }).then.properties.options).toEqual(orderCheck.ruleTypes[0]!.meta.optionsSchema);
  });

  it('without the plugin the type is not in the schema', async () => {
    const r = await zhijian(['schema', 'pack']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain(TYPE);
  });
});

describe('zhijian pack lint|test --plugin', () => {
  it('lint passes with no problem', async () => {
    const r = await zhijian(['pack', 'lint', PACK, ...PLUGIN, '--lang', 'en']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 pack(s) checked: 0 error(s), 0 warning(s)');
  });

  it('test runs the four examples of the pack and passes', async () => {
    const r = await zhijian(['pack', 'test', PACK, ...PLUGIN, '--lang', 'en']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('examples: 4 passed, 0 failed');
  });

  it('lint without the plugin reports the unknown type (exit 2)', async () => {
    const r = await zhijian(['pack', 'lint', PACK, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`unknown rule type "${TYPE}"`);
  });
});

describe('plugins from zhijian.config.json', () => {
  it('a config file in the working directory loads the plugin without the flag', async () => {
    const r = await zhijian(['score', `${ROOT}${CHATS}`, '--pack', `${ROOT}${PACK}`, '--format', 'jsonl'], fx.dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const results = lines(r.stdout).map((l) => JSON.parse(l) as Result);
    expect(results.map((x) => x.findings.length)).toEqual([1, 0, 0, 1]);
  });

  it('the same plugin from the config and the flag is a clash, named', async () => {
    const r = await zhijian(['schema', 'pack', '--plugin', PLUGIN_DIR], fx.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`rule type "${TYPE}" is already provided by @zhijian/plugin-order-check`);
  });
});

describe('broken plugins', () => {
  it('a module exporting nothing: exit 2 with a clear reason', async () => {
    const r = await zhijian(['score', CHATS, '--pack', PACK, '--plugin', fx.path('empty-plugin.mjs')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(fx.path('empty-plugin.mjs'));
    expect(r.stderr).toContain('exports no plugin (expected `export default definePlugin({...})`)');
    expect(r.stderr).not.toMatch(NO_STACK);
  });

  it('a plugin that cannot be found: exit 2 naming it', async () => {
    const r = await zhijian(['pack', 'test', PACK, '--plugin', './examples/no-such-plugin']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('./examples/no-such-plugin');
    expect(r.stderr).not.toMatch(NO_STACK);
  });
});
