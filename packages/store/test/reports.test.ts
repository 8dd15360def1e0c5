import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type AutoFinding, type ReviewStore } from '../src/index.js';
import { AUTO, PACK, clock, conversation, tempDir } from './helpers.js';

const DAY1 = Date.UTC(2026, 0, 5, 1, 0, 0);
const DAY2 = Date.UTC(2026, 0, 6, 1, 0, 0);
const DAY2_START = Date.UTC(2026, 0, 6);
const c = clock(DAY1);
let store: ReviewStore;
let cleanup: () => void;

/** Opens a review, applies decisions, waits `seconds`, submits. */
function review(
  conversationId: string,
  inspector: string,
  auto: AutoFinding[],
  decide: (reviewId: number) => void,
  seconds: number,
  result: { score: number; grade: string; vetoed?: boolean },
): void {
  const hash = store.recordPack(PACK).hash;
  const id = store.openReview(conversationId, inspector, hash, auto);
  decide(id);
  c.advance(seconds * 1000);
  store.submitReview(id, { vetoed: false, ...result });
  c.advance(60_000);
}

beforeAll(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  store = openStore(join(t.dir, 'reviews.db'), { now: c.now });
  store.recordConversation(conversation('c1', '小王'));
  store.recordConversation(conversation('c2', '小王'));
  store.recordConversation(conversation('c3', '小李'));
  store.recordConversation(conversation('c4', '小李')); // never submitted
  const c5 = conversation('c5');
  delete c5.agent;
  c5.messages = c5.messages.map((m) => ({ role: m.role, text: m.text })); // no speakers: agent unknown
  store.recordConversation(c5);

  // Day 1
  let rudeConfirm = 0;
  review('c1', 'alice', AUTO, (r) => {
    store.appendDecision(r, { kind: 'confirm', findingKey: 'retain@2' });
    store.appendDecision(r, { kind: 'dismiss', findingKey: 'wechat@3', reason: '客户先提' });
    rudeConfirm = store.appendDecision(r, { kind: 'confirm', findingKey: 'rude@3' }).id;
    store.appendDecision(r, { kind: 'manual-add', item: { ruleId: 'wrong-answer', messageIndex: 1 } });
  }, 120, { score: 78, grade: '良好' });
  review('c2', 'bob', [AUTO[0]!, AUTO[3]!], (r) => {
    store.appendDecision(r, { kind: 'confirm', findingKey: 'wechat@3' });
  }, 60, { score: 0, grade: '不合格', vetoed: true });
  review('c3', 'alice', [AUTO[1]!, AUTO[2]!], (r) => {
    store.appendDecision(r, { kind: 'dismiss', findingKey: 'rude@3' });
  }, 30, { score: 100, grade: '优秀' });

  // Day 2: Alice revises c1 (undoes her confirm of rude@3), Bob reviews c5.
  c.set(DAY2);
  review('c1', 'alice', AUTO, (r) => {
    store.appendDecision(r, { kind: 'undo', target: rudeConfirm });
  }, 40, { score: 83, grade: '良好' });
  review('c5', 'bob', [], () => {}, 10, { score: 59, grade: '不合格' });
});
afterAll(() => {
  store.close();
  cleanup();
});

describe('reports', () => {
  it('per agent: latest verdict per conversation, average, pass rate, confirmed rules', () => {
    expect(store.reportByAgent()).toEqual([
      { agent: null, conversations: 1, averageScore: 59, passed: 0, passRate: 0, vetoed: 0, topConfirmedRules: [] },
      { agent: '小李', conversations: 1, averageScore: 100, passed: 1, passRate: 1, vetoed: 0, topConfirmedRules: [] },
      {
        agent: '小王',
        conversations: 2,
        averageScore: 41.5,
        passed: 1,
        passRate: 0.5,
        vetoed: 1,
        topConfirmedRules: [
          { ruleId: 'retain', count: 1 },
          { ruleId: 'wechat', count: 1 },
          { ruleId: 'wrong-answer', count: 1 },
        ],
      },
    ]);
    expect(store.reportByAgent({ passScore: 50 })[0]).toMatchObject({ agent: null, passed: 1, passRate: 1 });
  });

  it('per agent within a date range (day 1 only: c1 as first submitted)', () => {
    expect(store.reportByAgent({ to: new Date(DAY2_START), topRules: 2 })).toEqual([
      { agent: '小李', conversations: 1, averageScore: 100, passed: 1, passRate: 1, vetoed: 0, topConfirmedRules: [] },
      {
        agent: '小王',
        conversations: 2,
        averageScore: 39,
        passed: 1,
        passRate: 0.5,
        vetoed: 1,
        topConfirmedRules: [
          { ruleId: 'retain', count: 1 },
          { ruleId: 'rude', count: 1 },
        ],
      },
    ]);
  });

  it('per rule: seen, confirmed, dismissed, pending, precision', () => {
    const base = { confirmed: 0, dismissed: 0, pending: 0, undecided: 0, manual: 0 };
    expect(store.reportByRule()).toEqual([
      { ...base, ruleId: 'greet', category: 'etiquette', seen: 2, undecided: 2, precision: null, conversations: 2 },
      { ...base, ruleId: 'retain', category: 'etiquette', seen: 2, confirmed: 1, pending: 1, undecided: 1, precision: 1, conversations: 2 },
      { ...base, ruleId: 'rude', category: 'etiquette', seen: 2, dismissed: 1, undecided: 1, precision: 0, conversations: 2 },
      { ...base, ruleId: 'wechat', category: 'redline', seen: 2, confirmed: 1, dismissed: 1, precision: 0.5, conversations: 2 },
      { ...base, ruleId: 'wrong-answer', category: 'etiquette', seen: 0, manual: 1, precision: null, conversations: 1 },
    ]);
    const day1Rude = store.reportByRule({ from: DAY1, to: DAY2_START }).find((r) => r.ruleId === 'rude');
    expect(day1Rude).toMatchObject({ seen: 2, confirmed: 1, dismissed: 1, precision: 0.5 });
    expect(store.reportByRule({ from: DAY2 + 3_600_000 })).toEqual([]);
  });

  it('per category', () => {
    expect(store.reportByCategory()).toEqual([
      { category: 'etiquette', seen: 6, confirmed: 1, dismissed: 1, pending: 1, undecided: 4, manual: 1, precision: 0.5, conversations: 3 },
      { category: 'redline', seen: 2, confirmed: 1, dismissed: 1, pending: 0, undecided: 0, manual: 0, precision: 0.5, conversations: 2 },
    ]);
  });

  it('per inspector: every submission counts, with the time spent', () => {
    expect(store.reportByInspector()).toEqual([
      { inspector: 'alice', reviews: 3, conversations: 2, averageSeconds: 63.3, totalSeconds: 190, averageScore: 87 },
      { inspector: 'bob', reviews: 2, conversations: 2, averageSeconds: 35, totalSeconds: 70, averageScore: 29.5 },
    ]);
    expect(store.reportByInspector({ from: DAY2_START })).toEqual([
      { inspector: 'alice', reviews: 1, conversations: 1, averageSeconds: 40, totalSeconds: 40, averageScore: 83 },
      { inspector: 'bob', reviews: 1, conversations: 1, averageSeconds: 10, totalSeconds: 10, averageScore: 59 },
    ]);
  });
});
