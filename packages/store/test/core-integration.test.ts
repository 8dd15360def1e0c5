// The store with the real engine: a pack from rule-packs/, scoreConversation, review state in, score out.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compilePack, scoreConversation, type Conversation, type ReviewInput } from '@zhijian/core';
import { autoFindingsOf, openStore, type ReviewStore } from '../src/index.js';
import { tempDir } from './helpers.js';

const PACK_FILE = join(import.meta.dirname, '..', '..', '..', 'rule-packs', 'ecommerce-chat.zh.json');
const t0 = Date.UTC(2024, 4, 6, 2, 0, 0);
const CONVERSATION: Conversation = {
  id: 'jd-0001',
  channel: 'chat',
  agent: '小王',
  messages: [
    { role: 'customer', text: '我要退款，这个东西质量太差了', ts: t0 },
    { role: 'agent', text: '好的', ts: t0 + 30_000 },
    { role: 'customer', text: '你们这什么破服务，我要投诉', ts: t0 + 60_000 },
    { role: 'agent', text: '这个不归我管，你加我微信说吧', ts: t0 + 400_000 },
    { role: 'customer', text: '？？？', ts: t0 + 420_000 },
  ],
};

let store: ReviewStore;
let cleanup: () => void;
beforeEach(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  store = openStore(join(t.dir, 'reviews.db'));
});
afterEach(() => {
  store.close();
  cleanup();
});

describe('with @zhijian/core', () => {
  it('records the pack under the hash compilePack gives it, and folds into a ReviewInput', () => {
    const raw: unknown = JSON.parse(readFileSync(PACK_FILE, 'utf8'));
    const pack = compilePack(raw);
    expect(store.recordPack(raw)).toEqual(pack.ref);

    store.recordConversation(CONVERSATION, { sourceFile: 'jd.json' });
    const auto = scoreConversation(pack, CONVERSATION);
    expect(auto.vetoed).toBe(true); // redline.off-platform on 加我微信
    const reviewId = store.openReview(CONVERSATION.id, 'alice', pack.ref.hash, auto);
    expect(store.autoFindings(reviewId)).toEqual(autoFindingsOf(auto));
    const pending = store.autoFindings(reviewId).find((f) => f.pending)!;
    const veto = auto.findings.find((f) => f.veto)!;

    store.appendDecision(reviewId, { kind: 'dismiss', findingKey: veto.key, reason: '客户要求，不算违规' });
    store.appendDecision(reviewId, { kind: 'confirm', findingKey: pending.key });
    store.appendDecision(reviewId, { kind: 'manual-add', item: { ruleId: 'business.wrong-answer', messageIndex: 1, note: '没回应退款' } });

    const state = store.reviewStateFor(reviewId);
    const review: ReviewInput = state; // the type core takes
    const scored = scoreConversation(pack, CONVERSATION, { review });
    expect(scored.vetoed).toBe(false);
    expect(scored.findings.find((f) => f.key === veto.key)?.dismissed).toBe(true);
    expect(scored.findings.find((f) => f.key === pending.key)?.pending).toBeUndefined();
    expect(scored.findings.some((f) => f.source === 'manual' && f.ruleId === 'business.wrong-answer')).toBe(true);

    const submission = store.submitReview(reviewId, scored, { lastDecisionId: state.lastDecisionId });
    expect(submission).toMatchObject({ score: scored.score, grade: scored.grade, vetoed: false, pack: pack.ref });

    // Later the pack file is edited: the past review is re-scored with the pack it used.
    const edited = structuredClone(raw) as { version: string; rules: Array<{ id: string; points: number }> };
    edited.version = '1.0.1';
    edited.rules.find((r) => r.id === 'business.wrong-answer')!.points = 30;
    expect(store.recordPack(edited).hash).not.toBe(pack.ref.hash);
    const past = store.latestSubmission(CONVERSATION.id)!;
    const again = scoreConversation(compilePack(store.loadPack(past.pack.hash)), CONVERSATION, { review: past.review });
    expect(again.score).toBe(past.score);
    expect(scoreConversation(compilePack(edited), CONVERSATION, { review: past.review }).score).not.toBe(past.score);

    // The rule report sees the decisions.
    const byRule = new Map(store.reportByRule().map((r) => [r.ruleId, r]));
    expect(byRule.get(veto.ruleId)).toMatchObject({ seen: 1, dismissed: 1, precision: 0 });
    expect(byRule.get(pending.ruleId)).toMatchObject({ seen: 1, confirmed: 1, precision: 1 });
    expect(byRule.get('business.wrong-answer')).toMatchObject({ manual: 1, category: 'business' });
  });
});
