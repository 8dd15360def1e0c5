import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, ReviewClosedError, StaleReviewError, StoreError, openStore, type ReviewStore } from '../src/index.js';
import { AUTO, PACK, clock, conversation, tempDir } from './helpers.js';

let dir: string;
let cleanup: () => void;
let file: string;
const opened: ReviewStore[] = [];
const c = clock();
const open = (): ReviewStore => {
  const s = openStore(file, { now: c.now });
  opened.push(s);
  return s;
};
const RESULT = { score: 93, grade: '优秀', vetoed: false, maxScore: 100 };

let packHash: string;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  file = join(dir, 'reviews.db');
  const s = open();
  s.recordConversation(conversation('c1'), { sourceFile: 'day1.csv' });
  s.recordConversation(conversation('c2', '小李'));
  packHash = s.recordPack(PACK).hash;
});
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
  cleanup();
});

describe('conversations and packs', () => {
  it('record a conversation once and detect a changed source', () => {
    const s = opened[0]!;
    expect(s.recordConversation(conversation('c1'))).toMatchObject({ status: 'unchanged' });
    const changed = s.recordConversation(conversation('c1', '小王', ['你好', '在的']), { sourceFile: 'day2.csv' });
    expect(changed.status).toBe('changed');
    expect(changed.previousHash).not.toBe(changed.contentHash);
    expect(s.getConversation('c1')).toMatchObject({ agent: '小王', channel: 'chat', messageCount: 2, sourceFile: 'day2.csv', contentHash: changed.contentHash });
  });

  it('store each pack JSON once per hash and give it back unchanged', () => {
    const s = opened[0]!;
    expect(s.recordPack(structuredClone(PACK)).hash).toBe(packHash);
    const edited = { ...PACK, version: '1.0.1' };
    const ref2 = s.recordPack(edited);
    expect(ref2.hash).not.toBe(packHash);
    expect(s.loadPack(packHash)).toEqual(PACK);
    expect(s.loadPack(ref2.hash)).toEqual(edited);
    expect((s.db.prepare('SELECT count(*) AS n FROM packs').get() as { n: number }).n).toBe(2);
  });
});

describe('reviews and decisions', () => {
  it('resume the open review, and need the conversation and pack recorded first', () => {
    const s = opened[0]!;
    const r1 = s.openReview('c1', 'alice', packHash, AUTO);
    expect(s.openReview('c1', 'alice', packHash, AUTO)).toBe(r1);
    expect(s.openReview('c1', 'bob', packHash, AUTO)).not.toBe(r1);
    expect(s.openReview('c1', 'alice', packHash, AUTO, { fresh: true })).not.toBe(r1);
    expect(s.autoFindings(r1)).toEqual(AUTO);
    expect(() => s.openReview('nope', 'alice', packHash, AUTO)).toThrow(/not recorded/);
    expect(() => s.openReview('c1', 'alice', 'sha256:nope', AUTO)).toThrow(/not recorded/);
  });

  it('a changed conversation or another pack opens a new review', () => {
    const s = opened[0]!;
    const r1 = s.openReview('c1', 'alice', packHash, AUTO);
    const other = s.recordPack({ ...PACK, version: '2' }).hash;
    const r2 = s.openReview('c1', 'alice', other, AUTO);
    expect(r2).not.toBe(r1);
    s.recordConversation(conversation('c1', '小王', ['变了']));
    expect(s.openReview('c1', 'alice', other, AUTO)).not.toBe(r2);
  });

  it('validate decisions against the review', () => {
    const s = opened[0]!;
    const r = s.openReview('c1', 'alice', packHash, AUTO);
    expect(() => s.appendDecision(r, { kind: 'confirm', findingKey: 'nope@1' })).toThrow(/no auto finding/);
    expect(() => s.appendDecision(r, { kind: 'manual-add', item: { ruleId: 'nope', messageIndex: 1 } })).toThrow(/no rule nope/);
    expect(() => s.appendDecision(r, { kind: 'manual-add', item: { ruleId: 'wrong-answer', messageIndex: 9 } })).toThrow(/no message 9/);
    expect(() => s.appendDecision(r, { kind: 'manual-add', item: { ruleId: 'wrong-answer', messageIndex: 1, start: 3, end: 1 } })).toThrow(StoreError);
    expect(() => s.appendDecision(r, { kind: 'manual-remove', findingKey: 'wrong-answer@1' })).toThrow(/no manual item/);
    expect(() => s.appendDecision(r, { kind: 'comment', text: '' })).toThrow(/non-empty/);
    expect(() => s.appendDecision(r, { kind: 'undo', target: 999 })).toThrow(/not one of alice/);
    const bob = s.openReview('c1', 'bob', packHash, AUTO);
    const bobs = s.appendDecision(bob, { kind: 'confirm', findingKey: 'rude@3' });
    expect(() => s.appendDecision(r, { kind: 'undo', target: bobs.id })).toThrow(/not one of alice/);
    expect(() => s.appendDecision(r, { kind: 'bogus' } as never)).toThrow(/unknown decision kind/);
    expect(s.decisionsFor('c1', 'alice')).toEqual([]);
  });

  it('log who, when and what; fold per inspector; carry decisions into the next review', () => {
    const s = opened[0]!;
    const r = s.openReview('c1', 'alice', packHash, AUTO);
    c.advance(1000);
    const d1 = s.appendDecision(r, { kind: 'confirm', findingKey: 'retain@2' });
    c.advance(1000);
    const d2 = s.appendDecision(r, { kind: 'dismiss', findingKey: 'wechat@3', reason: '客户先提的微信' });
    s.appendDecision(r, { kind: 'manual-add', item: { ruleId: 'wrong-answer', messageIndex: 3, start: 0, end: 2, note: '答非所问' } });
    s.appendDecision(r, { kind: 'comment', text: '语气可以更好', findingKey: 'rude@3' });
    s.appendDecision(r, { kind: 'undo', target: d1.id });
    expect(d2).toMatchObject({ inspector: 'alice', conversationId: 'c1', reviewId: r, at: c.now() - 0, kind: 'dismiss', reason: '客户先提的微信' });
    const log = s.decisionsFor('c1', 'alice');
    expect(log.map((d) => d.kind)).toEqual(['confirm', 'dismiss', 'manual-add', 'comment', 'undo']);
    expect(log[0]!.at).toBe(d1.at);
    const state = s.reviewStateFor(r);
    expect(state.decisions).toEqual({ 'wechat@3': 'dismissed' });
    expect(state.manual).toEqual([{ ruleId: 'wrong-answer', messageIndex: 3, start: 0, end: 2, note: '答非所问' }]);
    expect(state.comments).toMatchObject([{ text: '语气可以更好', findingKey: 'rude@3', inspector: 'alice' }]);

    const sub = s.submitReview(r, RESULT, { lastDecisionId: state.lastDecisionId });
    expect(sub.review).toEqual(state);
    expect(() => s.appendDecision(r, { kind: 'confirm', findingKey: 'rude@3' })).toThrow(ReviewClosedError);
    expect(() => s.submitReview(r, RESULT)).toThrow(ReviewClosedError);
    // Revising: a new review of the same inspector starts from their log.
    const r2 = s.openReview('c1', 'alice', packHash, AUTO);
    expect(r2).not.toBe(r);
    expect(s.reviewStateFor(r2).decisions).toEqual({ 'wechat@3': 'dismissed' });
    // Another inspector starts from nothing of theirs.
    expect(s.reviewStateFor(s.openReview('c1', 'bob', packHash, AUTO)).decisions).toEqual({});
  });

  it('refuse a submit scored on an older state', () => {
    const s = opened[0]!;
    const r = s.openReview('c1', 'alice', packHash, AUTO);
    const seen = s.reviewStateFor(r).lastDecisionId;
    s.appendDecision(r, { kind: 'confirm', findingKey: 'rude@3' });
    expect(() => s.submitReview(r, RESULT, { lastDecisionId: seen })).toThrow(StaleReviewError);
    expect(() => s.submitReview(r, { ...RESULT, pack: { id: 'x', version: '1', hash: 'sha256:other' } })).toThrow(/scored with/);
    expect(s.latestSubmission('c1')).toBeUndefined();
  });

  it('measure the time from open to submit, or take the caller’s', () => {
    const s = opened[0]!;
    const r = s.openReview('c1', 'alice', packHash, AUTO);
    c.advance(95_500);
    expect(s.submitReview(r, RESULT).secondsSpent).toBe(95.5);
    const r2 = s.openReview('c2', 'alice', packHash, []);
    expect(s.submitReview(r2, RESULT, { secondsSpent: 12 }).secondsSpent).toBe(12);
  });
});

describe('two inspectors on one file', () => {
  it('refuse a submit over a submission made after the review was opened, with who and when', () => {
    const alice = open();
    const bob = open();
    const ra = alice.openReview('c1', 'alice', packHash, AUTO);
    alice.appendDecision(ra, { kind: 'dismiss', findingKey: 'rude@3' });
    c.advance(60_000);
    const rb = bob.openReview('c1', 'bob', packHash, AUTO);
    bob.appendDecision(rb, { kind: 'confirm', findingKey: 'rude@3' });
    c.advance(60_000);
    const bobs = bob.submitReview(rb, { ...RESULT, score: 88, grade: '良好' });
    c.advance(60_000);

    let error: unknown;
    try {
      alice.submitReview(ra, RESULT);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ submittedBy: 'bob', submittedAt: bobs.submittedAt, submissionId: bobs.id, conversationId: 'c1' });
    expect((error as Error).message).toMatch(/submitted by bob at 2026-01-05T01:0/);
    // Nothing of Alice's was written, Bob's submission stands.
    expect(alice.latestSubmission('c1')).toMatchObject({ inspector: 'bob', version: 1, score: 88 });
    expect(alice.submissionHistory('c1')).toHaveLength(1);
    // Resuming keeps the old baseline: still refused.
    expect(alice.openReview('c1', 'alice', packHash, AUTO)).toBe(ra);
    expect(() => alice.submitReview(ra, RESULT)).toThrow(ConflictError);

    // Having seen Bob's review, Alice opens afresh: her decisions carry over and the submit is version 2.
    const ra2 = alice.openReview('c1', 'alice', packHash, AUTO, { fresh: true });
    expect(alice.reviewStateFor(ra2).decisions).toEqual({ 'rude@3': 'dismissed' });
    const v2 = alice.submitReview(ra2, RESULT);
    expect(v2).toMatchObject({ inspector: 'alice', version: 2 });

    // Re-submitting your own later is a new version, not a conflict.
    c.advance(60_000);
    const ra3 = alice.openReview('c1', 'alice', packHash, AUTO);
    alice.appendDecision(ra3, { kind: 'confirm', findingKey: 'rude@3' });
    expect(alice.submitReview(ra3, { ...RESULT, score: 80, grade: '良好' })).toMatchObject({ version: 3 });
    expect(bob.submissionHistory('c1').map((x) => [x.version, x.inspector, x.score])).toEqual([
      [1, 'bob', 88],
      [2, 'alice', 93],
      [3, 'alice', 80],
    ]);
    // Bob's old open review cannot overwrite either.
    const rb2 = bob.openReview('c1', 'bob', packHash, AUTO);
    expect(rb2).not.toBe(rb);
    c.advance(1000);
    const ra4 = alice.openReview('c1', 'alice', packHash, AUTO);
    alice.submitReview(ra4, RESULT);
    expect(() => bob.submitReview(rb2, RESULT)).toThrow(/submitted by alice/);
  });

  it('interleave appends from two handles without losing any', () => {
    const alice = open();
    const bob = open();
    const ra = alice.openReview('c1', 'alice', packHash, AUTO);
    const rb = bob.openReview('c1', 'bob', packHash, AUTO);
    for (let i = 0; i < 50; i++) {
      alice.appendDecision(ra, { kind: 'comment', text: `a${i}` });
      bob.appendDecision(rb, { kind: 'comment', text: `b${i}` });
    }
    expect(alice.decisionsFor('c1')).toHaveLength(100);
    expect(bob.decisionsFor('c1', 'alice').map((d) => (d.kind === 'comment' ? d.text : ''))).toEqual(Array.from({ length: 50 }, (_, i) => `a${i}`));
  });
});

describe('queue and sessions', () => {
  it('report new, in-progress, reviewed, stale and in-progress-again', () => {
    const s = opened[0]!;
    s.recordConversation(conversation('c3'));
    expect([...s.queueStatus().keys()]).toEqual(['c1', 'c2', 'c3']);
    expect(s.queueStatus().get('c1')).toEqual({ status: 'new' });
    const r = s.openReview('c1', 'alice', packHash, AUTO);
    expect(s.queueStatus().get('c1')).toEqual({ status: 'in-progress', reviewer: 'alice' });
    const sub = s.submitReview(r, RESULT);
    expect(s.queueStatus().get('c1')).toEqual({ status: 'reviewed', reviewer: 'alice', submittedAt: sub.submittedAt, version: 1, stale: false });
    s.openReview('c1', 'bob', packHash, AUTO);
    expect(s.queueStatus().get('c1')).toMatchObject({ status: 'reviewed', reviewer: 'alice', inProgressBy: 'bob' });
    s.recordConversation(conversation('c1', '小王', ['改过了']));
    expect(s.queueStatus().get('c1')).toMatchObject({ status: 'reviewed', stale: true });
    expect(s.queueStatus().get('c2')).toEqual({ status: 'new' });
  });

  it('save and resume each inspector’s session', () => {
    const s = opened[0]!;
    expect(s.loadSession('alice')).toBeUndefined();
    s.saveSession('alice', { conversationId: 'c1', messageIndex: 3, findingIndex: 1, queue: { filter: { status: 'new' }, sort: 'score' } });
    s.saveSession('bob', { conversationId: 'c2', findingIndex: 0 });
    s.saveSession('alice', { conversationId: 'c2', messageIndex: 0, findingIndex: 2, queue: { filter: { status: 'new' }, sort: 'score' } });
    s.close();
    const again = open();
    expect(again.loadSession('alice')).toEqual({ conversationId: 'c2', messageIndex: 0, findingIndex: 2, queue: { filter: { status: 'new' }, sort: 'score' } });
    expect(again.loadSession('bob')).toEqual({ conversationId: 'c2', findingIndex: 0 });
    expect(() => again.saveSession('alice', { blob: 'x'.repeat(70_000) })).toThrow(/bytes/);
  });
});
