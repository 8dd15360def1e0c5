/** The inspector's pure parts: queue reducer, review reducer, sampling, text layout, key maps. */
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateConversation, scoreEvaluation, type CompiledPack } from '@zhijian/core';
import type { DecisionInput, DecisionRecord } from '@zhijian/store';
import type { BatchItem } from '../src/inspect/batch.js';
import { intentOf, QUEUE_KEYS, REVIEW_KEYS, splitKeys } from '../src/inspect/keymap.js';
import { computeView, filterChoices, initQueueState, queueReducer, selectedRow, type QueueRow } from '../src/inspect/queue-state.js';
import { decisionFor, initReviewState, reviewReducer, selectedFinding, undoTarget, type ReviewContext } from '../src/inspect/review-state.js';
import { sample } from '../src/inspect/sample.js';
import { layout, truncate } from '../src/inspect/text.js';
import { exampleItems, NOW, standardPack } from './inspect-helpers.js';

let pack: CompiledPack;
let items: BatchItem[];

beforeAll(async () => {
  pack = standardPack();
  items = await exampleItems(pack);
});

function contextOf(id: string): ReviewContext {
  const conversation = items.find((i) => i.conversation.id === id)!.conversation;
  const evaluation = evaluateConversation(pack, conversation, { now: NOW, lang: 'zh' });
  const auto = scoreEvaluation(pack, conversation, evaluation, undefined, 'zh');
  const pickable = [...pack.rules.filter((r) => r.manual), ...pack.rules.filter((r) => !r.manual && !r.pointless)];
  return { pack, conversation, evaluation, lang: 'zh', auto, pickable, source: 'chats.csv' };
}

let nextId = 1;
const record = (d: DecisionInput): DecisionRecord =>
  ({ ...d, id: nextId++, reviewId: 1, conversationId: 'c', inspector: 't', at: 0 }) as DecisionRecord;

describe('review reducer (no rendering)', () => {
  const viewport = { rows: 10, textCols: 40 };

  it('opens on the first finding and walks findings with n / N, wrapping', () => {
    let s = initReviewState(contextOf('c-013'), [], viewport);
    const keys = s.result.findings.map((f) => f.key);
    expect(selectedFinding(s)?.key).toBe(keys[0]);
    for (const k of keys.slice(1)) {
      s = reviewReducer(s, { type: 'intent', intent: 'nextFinding' });
      expect(selectedFinding(s)?.key).toBe(k);
      expect(s.cursor).toBe(selectedFinding(s)!.messageIndex);
    }
    s = reviewReducer(s, { type: 'intent', intent: 'nextFinding' });
    expect(selectedFinding(s)?.key).toBe(keys[0]);
    expect(s.flash?.id).toBe('wrapped');
    s = reviewReducer(s, { type: 'intent', intent: 'prevFinding' });
    expect(selectedFinding(s)?.key).toBe(keys[keys.length - 1]);
  });

  it('a confirmed review finding counts: the score drops without re-running rules', () => {
    const s0 = initReviewState(contextOf('c-013'), [], viewport);
    const f = selectedFinding(s0)!;
    expect(f.ruleId).toBe('business.retention');
    expect(f.pending).toBe(true);
    const d = decisionFor(s0, { type: 'intent', intent: 'confirm' });
    expect(d).toEqual({ kind: 'confirm', findingKey: f.key });
    const s1 = reviewReducer(s0, { type: 'recorded', record: record(d!) });
    expect(s1.result.score).toBe(s0.result.score - 5);
    expect(s1.result.findings.find((x) => x.key === f.key)?.pending).toBeUndefined();
    // Confirming again is no decision.
    expect(decisionFor(s1, { type: 'intent', intent: 'confirm' })).toBeUndefined();
    expect(reviewReducer(s1, { type: 'intent', intent: 'confirm' }).flash?.id).toBe('alreadyConfirmed');
  });

  it('x opens the reason prompt; Enter makes the dismiss decision with the typed reason', () => {
    let s = initReviewState(contextOf('c-009'), [], viewport);
    expect(decisionFor(s, { type: 'intent', intent: 'dismiss' })).toBeUndefined();
    s = reviewReducer(s, { type: 'intent', intent: 'dismiss' });
    expect(s.modal).toMatchObject({ kind: 'prompt', purpose: 'dismiss' });
    s = reviewReducer(s, { type: 'type', text: '客户自己撤回' });
    const d = decisionFor(s, { type: 'prompt', intent: 'accept' });
    expect(d).toEqual({ kind: 'dismiss', findingKey: selectedFinding(s)!.key, reason: '客户自己撤回' });
    const s2 = reviewReducer(s, { type: 'recorded', record: record(d!) });
    expect(s2.modal.kind).toBe('none');
    expect(s2.review.reasons[d!.kind === 'dismiss' ? d!.findingKey : '']).toBe('客户自己撤回');
    expect(s2.result.score).toBeGreaterThan(s.result.score);
  });

  it('m picks a rule, Enter asks for a note, Enter adds the manual item at the cursor', () => {
    let s = initReviewState(contextOf('c-001'), [], viewport);
    expect(s.finding).toBe(-1);
    s = reviewReducer(s, { type: 'intent', intent: 'down' });
    s = reviewReducer(s, { type: 'intent', intent: 'manual' });
    s = reviewReducer(s, { type: 'picker', intent: 'down' });
    s = reviewReducer(s, { type: 'picker', intent: 'accept' });
    expect(s.modal).toMatchObject({ kind: 'prompt', purpose: 'note', ruleId: 'business.off-topic', messageIndex: 1 });
    const d = decisionFor(s, { type: 'prompt', intent: 'accept' })!;
    expect(d).toEqual({ kind: 'manual-add', item: { ruleId: 'business.off-topic', messageIndex: 1 } });
    s = reviewReducer(s, { type: 'recorded', record: record(d) });
    expect(s.result.score).toBe(95);
    expect(selectedFinding(s)).toMatchObject({ source: 'manual', ruleId: 'business.off-topic', messageIndex: 1 });
    // x on a manual item removes it, without a prompt.
    expect(decisionFor(s, { type: 'intent', intent: 'dismiss' })).toEqual({ kind: 'manual-remove', findingKey: 'business.off-topic@1' });
  });

  it('u targets the latest decision still in effect', () => {
    const a = record({ kind: 'confirm', findingKey: 'x@1' });
    const b = record({ kind: 'dismiss', findingKey: 'x@1' });
    const undoB = record({ kind: 'undo', target: b.id });
    expect(undoTarget([a, b])).toBe(b.id);
    expect(undoTarget([a, b, undoB])).toBe(a.id);
    expect(undoTarget([])).toBeUndefined();
  });

  it('keeps the cursor message inside the window on long conversations', () => {
    const ctx = contextOf('c-001');
    const long = { ...ctx, conversation: { ...ctx.conversation, messages: Array.from({ length: 600 }, (_, i) => ({ role: 'agent' as const, text: `消息 ${i}` })) } };
    let s = initReviewState(long, [], { rows: 20, textCols: 40 });
    for (let i = 0; i < 300; i++) s = reviewReducer(s, { type: 'intent', intent: 'down' });
    expect(s.cursor).toBe(300);
    expect(s.cursor).toBeGreaterThanOrEqual(s.top);
    expect(s.cursor).toBeLessThan(s.top + 20);
    s = reviewReducer(s, { type: 'intent', intent: 'bottom' });
    expect(s.cursor).toBe(599);
    expect(s.top).toBe(600 - 20);
  });
});

describe('queue reducer', () => {
  const row = (index: number, over: Partial<QueueRow>): QueueRow => ({
    index,
    id: `c-${index}`,
    agent: 'a',
    score: 100,
    grade: '优秀',
    vetoed: false,
    findings: 0,
    pending: 0,
    ruleIds: [],
    tags: [],
    search: `c-${index}\n`,
    status: 'new',
    ...over,
  });
  const rows = [
    row(0, { score: 90, agent: '小王', ruleIds: ['r1'], search: 'c-0\n退货' }),
    row(1, { score: 40, grade: '不合格', agent: '小美', status: 'reviewed' }),
    row(2, { score: 70, grade: '合格', agent: '小王', ruleIds: ['r1', 'r2'], search: 'c-2\n退款' }),
  ];

  it('sorts, filters and searches without losing the selected row', () => {
    let q = initQueueState(rows, 10, filterChoices(rows, ['优秀', '良好', '合格', '不合格']));
    q = queueReducer(q, { type: 'intent', intent: 'down' });
    expect(selectedRow(q)?.id).toBe('c-1');
    q = queueReducer(q, { type: 'intent', intent: 'sort' });
    expect(q.sort).toBe('score-asc');
    expect(q.view.map((i) => rows[i]!.id)).toEqual(['c-1', 'c-2', 'c-0']);
    expect(selectedRow(q)?.id).toBe('c-1');
    q = queueReducer(q, { type: 'intent', intent: 'search' });
    for (const ch of '退') q = queueReducer(q, { type: 'type', text: ch });
    expect(q.view.map((i) => rows[i]!.id)).toEqual(['c-2', 'c-0']);
    q = queueReducer(q, { type: 'type', text: '货' });
    expect(q.view.map((i) => rows[i]!.id)).toEqual(['c-0']);
    q = queueReducer(q, { type: 'prompt', intent: 'backspace' });
    expect(q.view).toHaveLength(2);
    q = queueReducer(q, { type: 'prompt', intent: 'cancel' });
    expect(q.view).toHaveLength(3);
    const ruleChoice = q.choices.findIndex((c) => c.dimension === 'rule' && c.value === 'r2');
    q = queueReducer(q, { type: 'intent', intent: 'filter' });
    for (let i = 0; i < ruleChoice; i++) q = queueReducer(q, { type: 'picker', intent: 'down' });
    q = queueReducer(q, { type: 'picker', intent: 'accept' });
    expect(q.filter).toEqual({ rule: 'r2' });
    expect(q.view.map((i) => rows[i]!.id)).toEqual(['c-2']);
    q = queueReducer(q, { type: 'intent', intent: 'clearFilter' });
    expect(q.view).toHaveLength(3);
  });

  it('computes the view of 10,000 rows quickly and windows the cursor', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => row(i, { score: (i * 37) % 101 }));
    const started = performance.now();
    const view = computeView(many, {}, '', 'score-asc');
    expect(performance.now() - started).toBeLessThan(500);
    expect(view).toHaveLength(10_000);
    let q = initQueueState(many, 30, []);
    q = queueReducer(q, { type: 'intent', intent: 'bottom' });
    expect(q.cursor).toBe(9_999);
    expect(q.top).toBe(10_000 - 30);
  });
});

describe('sampling', () => {
  const rows = Array.from({ length: 50 }, (_, i) => ({ id: i, score: (i * 7) % 13, agent: `a${i % 4}` }));

  it('random is seeded: same seed, same sample, in batch order', () => {
    const a = sample(rows, { n: 10, strategy: 'random', seed: 's' });
    expect(a).toEqual(sample(rows, { n: 10, strategy: 'random', seed: 's' }));
    expect(a).not.toEqual(sample(rows, { n: 10, strategy: 'random', seed: 't' }));
    expect(a.map((r) => r.id)).toEqual([...a.map((r) => r.id)].sort((x, y) => x - y));
  });

  it('lowest-score takes the N lowest, per-agent N of each agent', () => {
    expect(sample(rows, { n: 5, strategy: 'lowest-score', seed: '0' }).map((r) => r.score)).toEqual([0, 0, 0, 0, 1]);
    const per = sample(rows, { n: 2, strategy: 'per-agent', seed: '0' });
    expect(per).toHaveLength(8);
    for (const agent of ['a0', 'a1', 'a2', 'a3']) expect(per.filter((r) => r.agent === agent)).toHaveLength(2);
  });
});

describe('text layout', () => {
  it('highlights spans by UTF-16 offsets and wraps by display width', () => {
    const text = '亲，加我微信吧😊好吗';
    const start = text.indexOf('加我微信');
    const lines = layout(text, [{ start, end: start + 4, style: 'selected' }], { width: 8, maxLines: 5 });
    expect(lines.map((l) => l.map((s) => s.text).join(''))).toEqual(['亲，加我', '微信吧😊', '好吗']);
    expect(lines.flat().filter((s) => s.style === 'selected').map((s) => s.text).join('')).toBe('加我微信');
  });

  it('keeps control characters from reaching the terminal and cuts with …', () => {
    const lines = layout('a\u001b[31mb\nc', [], { width: 20, maxLines: 1 });
    expect(lines[0]!.map((s) => s.text).join('')).toBe('a·[31mb⏎c');
    expect(truncate('很长很长的客服回复', 7)).toBe('很长很…');
  });
});

describe('key maps', () => {
  it('maps keys to intents, case-sensitive, arrows included', () => {
    expect(intentOf(REVIEW_KEYS, 'n', {})).toBe('nextFinding');
    expect(intentOf(REVIEW_KEYS, 'N', { shift: true })).toBe('prevFinding');
    expect(intentOf(REVIEW_KEYS, '', { downArrow: true })).toBe('down');
    expect(intentOf(QUEUE_KEYS, '', { return: true })).toBe('open');
    expect(intentOf(REVIEW_KEYS, 'a', { ctrl: true })).toBeUndefined();
  });

  it('splits a burst of typed characters into key presses', () => {
    expect(splitKeys('jj\rn', {})).toEqual([
      ['j', { shift: false }],
      ['j', { shift: false }],
      ['', { return: true }],
      ['n', { shift: false }],
    ]);
    expect(splitKeys('j', {})).toEqual([['j', {}]]);
  });
});

describe('text layout of English', () => {
  it('wraps Latin words whole', () => {
    const lines = layout('is similar to the example reply', [], { width: 16, maxLines: 5 });
    expect(lines.map((l) => l.map((s) => s.text).join(''))).toEqual(['is similar to ', 'the example ', 'reply']);
  });
});
