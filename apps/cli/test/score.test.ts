import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import * as core from '@zhijian/core';
import { CSV, JSON_DOC, JSONL, PACK } from './fixtures.js';
import { fixtureDir, run } from './helpers.js';

let fx: ReturnType<typeof fixtureDir>;

beforeAll(() => {
  const badPack = structuredClone(PACK) as { rules: Array<{ options: Record<string, unknown> }> };
  badPack.rules[0]!.options.phrases = 'not a list';
  fx = fixtureDir({
    'pack.json': JSON.stringify(PACK),
    'bad-pack.json': JSON.stringify(badPack),
    'broken-pack.json': '{\n  "id": "x",\n  "rules": [,]\n}\n',
    'chats.csv': CSV,
    'chats.jsonl': JSONL,
    'chats.json': JSON_DOC,
    'header-only.csv': 'conversation_id,role,text\n',
    // 你好 / 您好 in GBK, as Excel saves a Chinese CSV by default.
    'gbk.csv': Buffer.concat([Buffer.from('conversation_id,role,text\ng-1,customer,'), Buffer.from([0xc4, 0xe3, 0xba, 0xc3]), Buffer.from('\ng-1,agent,'), Buffer.from([0xc4, 0xfa, 0xba, 0xc3]), Buffer.from('\n')]),
  });
});
afterAll(() => fx.cleanup());

const score = (...args: string[]) => run(['score', ...args]);
const lines = (s: string) => s.split('\n').filter((l) => l !== '');
const NO_STACK = /\n\s+at .+:\d+:\d+/;

interface Result {
  conversationId: string;
  score: number;
  maxScore: number;
  grade: string;
  vetoed: boolean;
  pack: { id: string; version: string; hash: string };
  findings: Array<{ ruleId: string; category: string; points: number; messageIndex: number; start: number; end: number; evidence: string; message: string; source: string }>;
  metrics: { messages: number };
  tags: string[];
  notes: string[];
}

describe('zhijian score --format jsonl on CSV', () => {
  it('scores every conversation and reports the malformed row with its line', async () => {
    const r = await score(fx.path('chats.csv'), '--pack', fx.path('pack.json'), '--format', 'jsonl');
    expect(r.code).toBe(0);
    const results = lines(r.stdout).map((l) => JSON.parse(l) as Result);
    expect(results.map((x) => x.conversationId)).toEqual(['c-001', 'c-002', 'c-003', 'c-004']);
    const [c1, c2, c3, c4] = results as [Result, Result, Result, Result];
    for (const key of ['conversationId', 'pack', 'score', 'maxScore', 'grade', 'vetoed', 'findings', 'metrics', 'tags', 'notes']) {
      expect(c1).toHaveProperty(key);
    }
    expect(c1).toMatchObject({ score: 100, maxScore: 100, vetoed: false, findings: [] });
    expect(c1.pack).toMatchObject({ id: 'test.zh', version: '0.0.1' });
    expect(c1.pack.hash).toMatch(/^sha256:/);
    expect(c2.score).toBe(85);
    const forbidden = c2.findings.find((f) => f.ruleId === 'etiquette.forbidden-phrase');
    expect(forbidden).toMatchObject({ category: 'etiquette', points: 5, messageIndex: 1, start: 0, end: 4, evidence: '难道不是', source: 'auto' });
    expect(c2.findings.find((f) => f.ruleId === 'crisis.complaint-unsoothed')).toMatchObject({ points: 10, messageIndex: 0 });
    expect(c3).toMatchObject({ score: 0, vetoed: true });
    expect(c3.findings[0]).toMatchObject({ ruleId: 'redline.off-platform', messageIndex: 1, evidence: '加我微信' });
    // c-004 lost its bad row but was still read and scored.
    expect(c4.score).toBe(100);
    expect(c4.metrics.messages).toBe(2);
    expect(r.stderr).toContain(`${fx.path('chats.csv')}:9: `);
    expect(r.stderr).toContain('火星人');
    expect(r.stderr).not.toMatch(NO_STACK);
  });

  it('--naive gives the same results', async () => {
    const a = await score(fx.path('chats.csv'), '-p', fx.path('pack.json'), '-f', 'jsonl');
    const b = await score(fx.path('chats.csv'), '-p', fx.path('pack.json'), '-f', 'jsonl', '--naive');
    expect(b.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
  });
});

describe('other inputs and formats', () => {
  it('json output is one array, and JSON input scores like JSONL input', async () => {
    const fromJson = await score(fx.path('chats.json'), '--pack', fx.path('pack.json'), '--format', 'json');
    const fromJsonl = await score(fx.path('chats.jsonl'), '--pack', fx.path('pack.json'), '--format', 'json');
    expect(fromJson.code).toBe(0);
    const results = JSON.parse(fromJson.stdout) as Result[];
    expect(results.map((x) => [x.conversationId, x.score])).toEqual([['j-001', 100], ['j-002', 85]]);
    expect(JSON.parse(fromJsonl.stdout)).toEqual(results);
  });

  it('json output of several files is still one valid array', async () => {
    const r = await score(fx.path('chats.jsonl'), fx.path('chats.csv'), '--pack', fx.path('pack.json'), '--format', 'json');
    expect((JSON.parse(r.stdout) as Result[]).map((x) => x.conversationId)).toEqual(['j-001', 'j-002', 'c-001', 'c-002', 'c-003', 'c-004']);
  });

  it('reads JSONL and CSV from stdin, telling them apart by content', async () => {
    const jsonl = await run(['score', '-', '--pack', fx.path('pack.json'), '--format', 'jsonl'], { input: JSONL });
    expect(jsonl.code).toBe(0);
    expect(lines(jsonl.stdout).map((l) => (JSON.parse(l) as Result).conversationId)).toEqual(['j-001', 'j-002']);
    const csv = await run(['score', '-', '--pack', fx.path('pack.json'), '--format', 'jsonl'], { input: CSV });
    expect(lines(csv.stdout)).toHaveLength(4);
    expect(csv.stderr).toMatch(/:9: /);
  });

  it('csv: BOM, header, one row per finding and one per clean conversation', async () => {
    const r = await score(fx.path('chats.csv'), '--pack', fx.path('pack.json'), '--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('\uFEFFconversation_id,agent,score,max_score,grade,vetoed,')).toBe(true);
    const rows = r.stdout.slice(1).split('\r\n').filter((l) => l !== '');
    expect(rows.slice(1).map((l) => l.split(',')[0])).toEqual(['c-001', 'c-002', 'c-002', 'c-003', 'c-004']);
    const header = rows[0]!.split(',');
    const c2 = rows.filter((l) => l.startsWith('c-002,')).map((l) => l.split(','));
    const col = (name: string) => header.indexOf(name);
    expect(c2.map((cells) => cells[col('rule_id')]).sort()).toEqual(['crisis.complaint-unsoothed', 'etiquette.forbidden-phrase']);
    const forbidden = c2.find((cells) => cells[col('rule_id')] === 'etiquette.forbidden-phrase')!;
    expect(forbidden[col('evidence')]).toBe('难道不是');
    expect(forbidden[col('points')]).toBe('5');
    expect(rows.find((l) => l.startsWith('c-001,'))!.split(',')[col('rule_id')]).toBe('');
  });

  it('table: blocks with aligned findings, then a summary', async () => {
    const r = await score(fx.path('chats.csv'), '--pack', fx.path('pack.json'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('会话 c-002  客服 小李  得分 85/100');
    expect(r.stdout).toContain('「难道不是」');
    expect(r.stdout).toMatch(/会话 c-003 .*一票否决/);
    const block = r.stdout.split('\n\n').find((b) => b.startsWith('会话 c-002'))!;
    const findingLines = block.split('\n').slice(1);
    expect(findingLines).toHaveLength(2);
    // CJK-aware alignment: the evidence column starts at the same display column on both lines.
    const evidenceColumn = findingLines.map((l) => stringWidth(l.slice(0, l.indexOf('「'))));
    expect(evidenceColumn[0]).toBe(evidenceColumn[1]);
    expect(lines(r.stdout).at(-1)).toBe('共 4 个会话，平均分 71.3；优秀 2，良好 1，合格 0，不合格 1，其中一票否决 1');
  });

  it('warns about a file that is not UTF-8 (GBK from Excel) and still reads it', async () => {
    const r = await score(fx.path('gbk.csv'), '--pack', fx.path('pack.json'), '--format', 'jsonl');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${fx.path('gbk.csv')}: 不是 UTF-8 编码`);
    expect(lines(r.stdout)).toHaveLength(1);
    const utf8 = await score(fx.path('chats.csv'), '--pack', fx.path('pack.json'), '--format', 'jsonl');
    expect(utf8.stderr).not.toContain('UTF-8');
  });

  it('--stats prints one JSON line of figures on stderr', async () => {
    const r = await score(fx.path('chats.csv'), '--pack', fx.path('pack.json'), '--format', 'jsonl', '--stats');
    const stats = JSON.parse(lines(r.stderr).at(-1)!) as Record<string, number>;
    expect(stats).toMatchObject({ conversations: 4, messages: 8 });
    expect(stats.maxRssMB).toBeGreaterThan(10);
    expect(Object.keys(stats)).toEqual(['conversations', 'messages', 'seconds', 'conversationsPerSecond', 'maxRssMB']);
  });
});

describe('exit codes', () => {
  it('--fail-under: 1 when a score is below, 0 when none is', async () => {
    const below = await score(fx.path('chats.csv'), '--pack', fx.path('pack.json'), '--format', 'jsonl', '--fail-under', '90');
    expect(below.code).toBe(1);
    expect(below.stderr).toContain('2 个会话得分低于 90');
    const none = await score(fx.path('chats.csv'), '--pack', fx.path('pack.json'), '--format', 'jsonl', '--fail-under', '0');
    expect(none.code).toBe(0);
  });

  it('--strict: 2 on an input problem, the rest still scored', async () => {
    const r = await score(fx.path('chats.csv'), '--pack', fx.path('pack.json'), '--format', 'jsonl', '--strict');
    expect(r.code).toBe(2);
    expect(lines(r.stdout)).toHaveLength(4);
    const clean = await score(fx.path('chats.jsonl'), '--pack', fx.path('pack.json'), '--format', 'jsonl', '--strict');
    expect(clean.code).toBe(0);
  });

  it('an invalid pack: 2, each problem as file: pointer: message, no stack trace', async () => {
    const r = await score(fx.path('chats.csv'), '--pack', fx.path('bad-pack.json'));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`${fx.path('bad-pack.json')}: /rules/0/options/phrases: .+`));
    expect(r.stderr).not.toMatch(NO_STACK);
  });

  it('a pack that is not JSON: 2, with the parser\'s reason', async () => {
    const r = await score(fx.path('chats.csv'), '--pack', fx.path('broken-pack.json'));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^${fx.path('broken-pack.json')}(:\\d+:\\d+)?: 不是有效的 JSON：`));
    expect(r.stderr).not.toMatch(NO_STACK);
  });

  // Core's JSON error locator is not exported yet (V8 in Node 20 names no position for this error).
  it.skipIf(!('jsonErrorOffset' in core))('a pack that is not JSON: the line and column of the fault', async () => {
    const r = await score(fx.path('chats.csv'), '--pack', fx.path('broken-pack.json'));
    expect(r.stderr).toContain(`${fx.path('broken-pack.json')}:3:13: `);
  });

  it('an unreadable file: 2 before any output', async () => {
    const r = await score(fx.path('chats.csv'), fx.path('nope.csv'), '--pack', fx.path('pack.json'));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${fx.path('nope.csv')}: 无法读取：文件不存在`);
  });

  it('nothing read: 2', async () => {
    const r = await score(fx.path('header-only.csv'), '--pack', fx.path('pack.json'), '--format', 'jsonl');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('没有读到任何会话');
  });

  it('usage errors: 2 with the message and the usage', async () => {
    const unknown = await score(fx.path('chats.csv'), '--pack', fx.path('pack.json'), '--bogus');
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toContain('未知选项“--bogus”');
    expect(unknown.stderr).toContain('用法：zhijian score <文件...|->');
    for (const args of [
      [fx.path('chats.csv')],
      ['--pack', fx.path('pack.json')],
      [fx.path('chats.csv'), '--pack', fx.path('pack.json'), '--format', 'xml'],
      [fx.path('chats.csv'), '--pack', fx.path('pack.json'), '--tz', 'Mars/Base'],
      [fx.path('chats.csv'), '--pack', fx.path('pack.json'), '--fail-under', 'abc'],
      [fx.path('chats.csv'), '--pack'],
      ['-', '-', '--pack', fx.path('pack.json')],
    ]) {
      const r = await score(...args);
      expect([args, r.code]).toEqual([args, 2]);
      expect(r.stderr).not.toMatch(NO_STACK);
    }
  });
});

describe('--lang en', () => {
  it('speaks English in the table and in input problems', async () => {
    const r = await score(fx.path('chats.csv'), '--pack', fx.path('pack.json'), '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Conversation c-002  agent 小李  score 85/100');
    expect(lines(r.stdout).at(-1)).toMatch(/^4 conversations, average score 71\.3; /);
    expect(r.stderr).toMatch(/:9: Unknown role "火星人"/);
  });

  it('follows LANG=en_US.UTF-8 too, and --lang zh wins over it', async () => {
    const en = await run(['score', fx.path('chats.csv'), '--pack', fx.path('pack.json'), '--bogus'], { env: { LANG: 'en_US.UTF-8' } });
    expect(en.stderr).toContain('Unknown option "--bogus"');
    const zh = await run(['score', fx.path('chats.csv'), '--pack', fx.path('pack.json'), '--lang', 'zh'], { env: { LANG: 'en_US.UTF-8' } });
    expect(zh.stdout).toContain('会话 c-001');
  });
});
