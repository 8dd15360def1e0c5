/** `zhijian report` on a review store filled through the store API (two inspectors, two days). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compilePack, findingKey, scoreConversation, type Conversation } from '@zhijian/core';
import { openStore } from '@zhijian/store';
import { readFileSync } from 'node:fs';
import { fixtureDir, run } from './helpers.js';
import { exampleItems, packJson } from './inspect-helpers.js';

const COMPLAINT_PACK = JSON.parse(readFileSync(new URL('../../../rule-packs/complaint-handling.zh.json', import.meta.url), 'utf8')) as unknown;

let fx: ReturnType<typeof fixtureDir>;
let db: string;

/** 2025-06-01 10:00 and 2025-06-02 10:00, Asia/Shanghai. */
const DAY1 = Date.UTC(2025, 5, 1, 2);
const DAY2 = Date.UTC(2025, 5, 2, 2);

beforeAll(async () => {
  fx = fixtureDir({});
  db = fx.path('reviews.db');
  let now = DAY1;
  const store = openStore(db, { now: () => now });
  const pack = compilePack(packJson());
  const ref = store.recordPack(packJson());
  const items = await exampleItems(pack);
  const conv = (id: string): Conversation => items.find((i) => i.conversation.id === id)!.conversation;
  const review = (id: string, inspector: string, at: number, decide: (key: (rule: string) => string) => Array<Parameters<typeof store.appendDecision>[1]>, seconds: number) => {
    now = at;
    const c = conv(id);
    store.recordConversation(c);
    const auto = scoreConversation(pack, c, { now: at });
    const reviewId = store.openReview(id, inspector, ref.hash, auto);
    const key = (rule: string): string => auto.findings.find((f) => f.ruleId === rule)!.key;
    for (const d of decide(key)) store.appendDecision(reviewId, d);
    const state = store.reviewStateFor(reviewId);
    const result = scoreConversation(pack, c, { now: at, review: state });
    store.submitReview(reviewId, result, { lastDecisionId: state.lastDecisionId, secondsSpent: seconds });
  };
  // c-009 (小王): complaint unsoothed confirmed, deflected dismissed -> 90.
  review('c-009', '小李', DAY1, (k) => [{ kind: 'confirm', findingKey: k('crisis.complaint-unsoothed') }, { kind: 'dismiss', findingKey: k('crisis.complaint-deflected'), reason: '客户已满意' }], 60);
  // c-013 (小美): retention confirmed, manual wrong answer -> 75.
  review('c-013', '小李', DAY1, (k) => [{ kind: 'confirm', findingKey: k('business.retention') }, { kind: 'manual-add', item: { ruleId: 'business.wrong-answer', messageIndex: 3 } }], 120);
  // c-006 (小王): off-platform confirmed: vetoed, 0.
  review('c-006', '老周', DAY2, (k) => [{ kind: 'confirm', findingKey: k('redline.off-platform') }], 30);
  // A complaint conversation scored with the complaint pack (classification tags), on day 2.
  const complaints = compilePack(COMPLAINT_PACK);
  const cref = store.recordPack(COMPLAINT_PACK);
  now = DAY2;
  const tagged: Conversation = {
    id: 'k-001',
    channel: 'chat',
    agent: '小美',
    messages: [
      { role: 'customer', text: '快递三天了还没到，物流一直不更新' },
      { role: 'agent', text: '非常抱歉给您带来不便，我马上帮您催一下快递' },
    ],
  };
  store.recordConversation(tagged);
  const auto = scoreConversation(complaints, tagged, { now: DAY2 });
  expect(auto.tags.length).toBeGreaterThan(0);
  const rid = store.openReview('k-001', '老周', cref.hash, auto);
  store.submitReview(rid, auto, { secondsSpent: 45 });
  store.close();
  expect(findingKey('a', 1)).toBe('a@1');
});

afterAll(() => fx.cleanup());

const report = (...args: string[]) => run(['report', '--db', db, ...args]);

describe('zhijian report', () => {
  it('by agent (default): conversations, average final score, pass rate, frequent rules', async () => {
    const r = await report();
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('复核报表 · 按客服');
    expect(r.stdout).toMatch(/小王\s+2\s+45\s+50\.0%\s+1\s+投诉未安抚×1 引导站外交易×1/);
    expect(r.stdout).toMatch(/小美\s+2\s+/);
    expect(r.stdout).toContain('投诉分类标签：');
  });

  it('by rule: auto findings, confirmed, dismissed, and the precision inspectors judged', async () => {
    const r = await report('--by', 'rule', '--format', 'json');
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout) as { by: string; rows: Array<Record<string, unknown>> };
    expect(data.by).toBe('rule');
    const row = (id: string) => data.rows.find((x) => x.rule === id);
    expect(row('crisis.complaint-unsoothed')).toMatchObject({ name: '投诉未安抚', seen: 1, confirmed: 1, dismissed: 0, precision: 1 });
    expect(row('crisis.complaint-deflected')).toMatchObject({ seen: 1, confirmed: 0, dismissed: 1, precision: 0 });
    expect(row('business.wrong-answer')).toMatchObject({ seen: 0, manual: 1 });
    // Classification rules are tags, not rules that cost points.
    expect(data.rows.some((x) => String(x.rule).startsWith('class.'))).toBe(false);
  });

  it('by category and by inspector (reviews, average time)', async () => {
    const c = await report('--by', 'category');
    expect(c.stdout).toMatch(/crisis\s+危机预警\s+3\s+1\s+1\s+0\s+0\s+50\.0%\s+2/);
    const i = await report('--by', 'inspector', '--lang', 'en');
    expect(i.stdout).toMatch(/小李\s+2\s+2\s+1 min 30 s\s+3 min 0 s\s+82\.5/);
    expect(i.stdout).toMatch(/老周\s+2\s+2\s+38 s\s+1 min 15 s/);
  });

  it('by tag: complaint classification tags of the reviewed conversations', async () => {
    const r = await report('--by', 'tag', '--format', 'json');
    const data = JSON.parse(r.stdout) as { rows: Array<{ tag: string; conversations: number }> };
    expect(data.rows).toContainEqual(expect.objectContaining({ tag: 'class.logistics', conversations: 1 }));
  });

  it('filters by submission day (--to includes its day)', async () => {
    const day1 = await report('--by', 'inspector', '--from', '2025-06-01', '--to', '2025-06-01', '--format', 'json');
    const rows = (JSON.parse(day1.stdout) as { rows: Array<{ inspector: string }> }).rows;
    expect(rows.map((x) => x.inspector)).toEqual(['小李']);
    const none = await report('--from', '2025-07-01');
    expect(none.code).toBe(0);
    expect(none.stderr).toContain('没有已提交的复核');
  });

  it('writes CSV that Excel opens: BOM, CRLF, ids next to names', async () => {
    const r = await report('--by', 'agent', '--format', 'csv');
    expect(r.stdout.startsWith('\uFEFFagent,conversations,averageScore,passRate,vetoed,topRules,topRuleIds\r\n')).toBe(true);
    expect(r.stdout).toContain('小王,2,45,0.5,1,投诉未安抚×1 引导站外交易×1,crisis.complaint-unsoothed:1 redline.off-platform:1\r\n');
  });

  it('refuses a missing store, a bad date and an unknown dimension with exit 2', async () => {
    expect((await run(['report', '--db', fx.path('nope.db')])).code).toBe(2);
    const bad = await report('--from', '2025-13-01');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('2025-13-01');
    expect((await report('--by', 'weather')).code).toBe(2);
  });
});
