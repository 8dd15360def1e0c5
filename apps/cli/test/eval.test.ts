/**
 * `zhijian eval`: per-rule TP / FP / FN, precision, recall, F1 and totals against a labels file,
 * every disagreement with its evidence, --sweep over thresholds, --disable for before / after runs.
 * Also the CI run: the bundled examples against datasets/examples/labels.json (no network).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { fixtureDir, run } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const STANDARD = `${ROOT}rule-packs/ecommerce-chat.zh.json`;

const PACK = {
  id: 'eval.zh',
  version: '0.0.1',
  categories: [{ id: 'etiquette', name: '服务礼仪' }],
  rules: [
    { id: 'etiquette.forbidden-phrase', type: 'phrase', category: 'etiquette', points: 5, options: { phrases: ['你烦不烦'] } },
    {
      id: 'etiquette.shirking-similar',
      type: 'similar-sentence',
      category: 'etiquette',
      points: 5,
      review: true,
      options: { role: 'agent', threshold: 0.5, examples: ['这个我们查不到的', '您可以直接打电话问快递'], counterExamples: ['我帮您联系快递'] },
    },
    { id: 'etiquette.wrong-answer', type: 'manual', category: 'etiquette', points: 5 },
  ],
};

// e-1: the similarity rule fires at #1 (labelled: TP); e-2: a forbidden phrase at #1, labelled at #1 (TP),
// plus a label at #3 that nothing finds (FN); e-3: the similarity rule fires at #1 but nobody labelled it (FP);
// e-4: not in the labels file (skipped).
const CSV = [
  'conversation_id,role,text',
  'e-1,customer,快递到哪了',
  'e-1,agent,这个物流我们这边是查不到的',
  'e-2,customer,到底什么时候发',
  'e-2,agent,你烦不烦',
  'e-2,customer,那我不买了',
  'e-2,agent,您慢走不送',
  'e-3,customer,签收了没收到',
  'e-3,agent,您直接打电话问一下快递吧',
  'e-4,agent,你烦不烦',
].join('\n') + '\n';

const LABELS = {
  $comment: 'test',
  'e-1': { findings: [{ ruleId: 'etiquette.shirking-similar', messageIndex: 1 }] },
  'e-2': {
    findings: [
      { ruleId: 'etiquette.forbidden-phrase', messageIndex: 1 },
      { ruleId: 'etiquette.forbidden-phrase', messageIndex: 3, note: '您慢走不送 is impatience too' },
    ],
  },
  'e-3': { findings: [] },
  'e-9': { findings: [] },
};

let fx: ReturnType<typeof fixtureDir>;
beforeAll(() => {
  fx = fixtureDir({
    'pack.json': JSON.stringify(PACK),
    'chats.csv': CSV,
    'labels.json': JSON.stringify(LABELS),
    'judged.json': JSON.stringify({ ...LABELS, $rules: ['etiquette.forbidden-phrase'] }),
    'bad-labels.json': JSON.stringify({ 'e-1': { findings: [{ ruleId: 'x', messageIndex: -1 }] }, 'e-2': [] }),
  });
});
afterAll(() => fx.cleanup());

const evaluate = (...args: string[]) => run(['eval', fx.path('chats.csv'), '--pack', fx.path('pack.json'), '--labels', fx.path('labels.json'), ...args]);

interface Report {
  pack: { id: string; version: string };
  conversations: number;
  disabled: string[];
  rules: Array<{ ruleId: string; labels: number; found: number; tp: number; fp: number; fn: number; precision: number | null; recall: number | null; f1: number | null }>;
  total: { tp: number; fp: number; fn: number; precision: number | null; recall: number | null };
  sweep?: { ruleId: string; rows: Array<{ threshold: number; current: boolean; tp: number; fp: number; fn: number }> };
  disagreements: Array<{ kind: 'fp' | 'fn'; conversationId: string; ruleId: string; messageIndex: number; evidence: string; message?: string; note?: string }>;
}

describe('zhijian eval', () => {
  it('counts TP / FP / FN per rule and in total, and lists every disagreement with its evidence (json)', async () => {
    const r = await evaluate('--format', 'json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.conversations).toBe(3);
    // Automatic rules only (the manual one never fires): every rule of the pack, in pack order.
    expect(report.rules.map((x) => [x.ruleId, x.tp, x.fp, x.fn])).toEqual([
      ['etiquette.forbidden-phrase', 1, 0, 1],
      ['etiquette.shirking-similar', 1, 1, 0],
    ]);
    expect(report.rules[0]).toMatchObject({ precision: 1, recall: 0.5 });
    expect(report.rules[1]).toMatchObject({ precision: 0.5, recall: 1, f1: 2 / 3 });
    expect(report.total).toMatchObject({ tp: 2, fp: 1, fn: 1, precision: 2 / 3, recall: 2 / 3 });
    expect(report.disagreements).toEqual([
      { kind: 'fn', conversationId: 'e-2', ruleId: 'etiquette.forbidden-phrase', messageIndex: 3, evidence: '您慢走不送', note: '您慢走不送 is impatience too' },
      {
        kind: 'fp',
        conversationId: 'e-3',
        ruleId: 'etiquette.shirking-similar',
        messageIndex: 1,
        evidence: '您直接打电话问一下快递吧',
        message: expect.stringContaining('您可以直接打电话问快递') as unknown as string,
      },
    ]);
    expect(r.stderr).toContain('1'); // e-4 skipped, e-9 missing: both reported on stderr
    expect(r.stderr).toMatch(/e-9/);
  });

  it('prints a table for people (aligned, totals, FP / FN lines)', async () => {
    const r = await evaluate('--lang', 'en');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('pack eval.zh@0.0.1, 3 labelled conversation(s)');
    expect(lines.find((l) => l.startsWith('etiquette.forbidden-phrase'))).toMatch(/\s2\s+1\s+1\s+0\s+1\s+1\.00\s+0\.50\s+0\.67$/);
    expect(lines.find((l) => l.startsWith('total'))).toMatch(/\s3\s+3\s+2\s+1\s+1\s+0\.67\s+0\.67\s+0\.67$/);
    expect(r.stdout).toContain('FN e-2 #3  etiquette.forbidden-phrase  「您慢走不送」  note: 您慢走不送 is impatience too');
    expect(r.stdout).toMatch(/FP e-3 #1 {2}etiquette\.shirking-similar {2}「您直接打电话问一下快递吧」/);
  });

  it('--sweep shows precision and recall per threshold, the current one marked', async () => {
    const r = await evaluate('--format', 'json', '--sweep', 'etiquette.shirking-similar', '--range', '0.3:0.9:0.2');
    expect(r.code).toBe(0);
    const { sweep } = JSON.parse(r.stdout) as Report;
    expect(sweep!.rows.map((x) => x.threshold)).toEqual([0.3, 0.5, 0.7, 0.9]);
    expect(sweep!.rows.map((x) => x.current)).toEqual([false, true, false, false]);
    // Higher thresholds find less: found never grows.
    const found = sweep!.rows.map((x) => x.tp + x.fp);
    expect(found).toEqual([...found].sort((a, b) => b - a));
    expect(sweep!.rows.at(-1)).toMatchObject({ tp: 0, fp: 0, fn: 1 });
    const table = await evaluate('--lang', 'en', '--sweep', 'etiquette.shirking-similar', '--range', '0.3:0.9:0.2');
    expect(table.stdout).toContain('threshold sweep: etiquette.shirking-similar');
    expect(table.stdout).toMatch(/\*0\.50/);
  });

  it('--disable runs the pack without some rules: their labels count as missed (before / after)', async () => {
    const r = await evaluate('--format', 'json', '--disable', 'etiquette.shirking-similar');
    const report = JSON.parse(r.stdout) as Report;
    expect(report.disabled).toEqual(['etiquette.shirking-similar']);
    expect(report.rules.find((x) => x.ruleId === 'etiquette.shirking-similar')).toMatchObject({ tp: 0, fp: 0, fn: 1, precision: null, recall: 0 });
  });

  it('compares only the rules the labeller judged ($rules), minus --ignore; --rules overrides', async () => {
    const judged = await run(['eval', fx.path('chats.csv'), '-p', fx.path('pack.json'), '-l', fx.path('judged.json'), '-f', 'json']);
    expect((JSON.parse(judged.stdout) as Report).rules.map((x) => x.ruleId)).toEqual(['etiquette.forbidden-phrase']);
    const ignored = await evaluate('-f', 'json', '--ignore', 'etiquette.forbidden-phrase');
    expect((JSON.parse(ignored.stdout) as Report).rules.map((x) => x.ruleId)).toEqual(['etiquette.shirking-similar']);
    const only = await evaluate('-f', 'json', '--rules', 'etiquette.shirking-similar,etiquette.not-in-pack');
    expect((JSON.parse(only.stdout) as Report).rules.map((x) => [x.ruleId, x.fn])).toEqual([
      ['etiquette.shirking-similar', 0],
      ['etiquette.not-in-pack', 0],
    ]);
    expect(only.stderr).toContain('etiquette.not-in-pack');
  });

  it('reports usage and file problems with exit code 2, never a stack trace', async () => {
    const noLabels = await run(['eval', fx.path('chats.csv'), '--pack', fx.path('pack.json'), '--lang', 'en']);
    expect([noLabels.code, noLabels.stderr]).toEqual([2, expect.stringContaining('missing --labels')]);
    const bad = await run(['eval', fx.path('chats.csv'), '-p', fx.path('pack.json'), '-l', fx.path('bad-labels.json'), '--lang', 'en']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('/e-1/findings/0');
    expect(bad.stderr).toContain('/e-2');
    const noThreshold = await evaluate('--sweep', 'etiquette.forbidden-phrase', '--lang', 'en');
    expect([noThreshold.code, noThreshold.stderr]).toEqual([2, expect.stringContaining('no numeric threshold option')]);
    const unknown = await evaluate('--disable', 'nope', '--lang', 'en');
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringContaining('the pack has no rule "nope"')]);
    const range = await evaluate('--sweep', 'etiquette.shirking-similar', '--range', '0.9:0.1:0.1', '--lang', 'en');
    expect(range.code).toBe(2);
    for (const x of [noLabels, bad, noThreshold, unknown, range]) expect(x.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it('is listed in the program help, with its own --help', async () => {
    const help = await run(['eval', '--help', '--lang', 'en']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--sweep <rule id>');
    expect((await run(['--help', '--lang', 'en'])).stdout).toMatch(/\n\s+eval\s+Evaluate a pack/);
  });
});

describe('zhijian eval on the bundled examples (what CI runs)', () => {
  it('the standard pack against datasets/examples/labels.json: no false positive, every phrase rule exact', async () => {
    const r = await run([
      'eval',
      `${ROOT}examples/chats.csv`,
      `${ROOT}examples/chats.jsonl`,
      '--labels',
      `${ROOT}datasets/examples/labels.json`,
      '--pack',
      STANDARD,
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.conversations).toBe(27);
    expect(report.total.fp).toBe(0);
    // Every rule that is no similarity review rule finds exactly what the catalogue says.
    const similarity = ['etiquette.shirking-similar', 'crisis.complaint-similar-unsoothed', 'etiquette.repeated-clause'];
    for (const rule of report.rules.filter((x) => !similarity.includes(x.ruleId))) expect([rule.ruleId, rule.fn]).toEqual([rule.ruleId, 0]);
    expect(report.rules.find((x) => x.ruleId === 'crisis.complaint-similar-unsoothed')!.tp).toBeGreaterThan(0);
  });
});
