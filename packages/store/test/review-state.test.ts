import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ManualItem } from '@zhijian/core';
import { cancelledIds, reviewStateOf, type DecisionInput, type FoldableDecision } from '../src/index.js';

/** Numbers the inputs 1, 2, 3… like the log does. */
const log = (...inputs: DecisionInput[]): FoldableDecision[] => inputs.map((d, i) => ({ ...d, id: i + 1 }));

describe('reviewStateOf', () => {
  it('folds confirms, dismisses (with reasons), manual items and comments', () => {
    const s = reviewStateOf(
      log(
        { kind: 'confirm', findingKey: 'a@1' },
        { kind: 'dismiss', findingKey: 'b@2', reason: '误报' },
        { kind: 'manual-add', item: { ruleId: 'x', messageIndex: 3, start: 0, end: 2, note: '答非所问' } },
        { kind: 'manual-add', item: { ruleId: 'y', messageIndex: 1 } },
        { kind: 'comment', text: '整体不错', findingKey: 'a@1' },
        { kind: 'dismiss', findingKey: 'a@1' },
      ),
    );
    expect(s).toEqual({
      decisions: { 'a@1': 'dismissed', 'b@2': 'dismissed' },
      reasons: { 'b@2': '误报' },
      manual: [
        { ruleId: 'y', messageIndex: 1 },
        { ruleId: 'x', messageIndex: 3, start: 0, end: 2, note: '答非所问' },
      ],
      comments: [{ id: 5, text: '整体不错', findingKey: 'a@1' }],
      lastDecisionId: 6,
    });
  });

  it('undo cancels the decision it names: the earlier decision on the finding comes back', () => {
    const s = reviewStateOf(
      log(
        { kind: 'confirm', findingKey: 'a@1' }, // 1
        { kind: 'dismiss', findingKey: 'a@1', reason: 'no' }, // 2
        { kind: 'undo', target: 2 }, // 3
      ),
    );
    expect(s.decisions).toEqual({ 'a@1': 'confirmed' });
    expect(s.reasons).toEqual({});
  });

  it('undo of the only decision leaves the finding undecided; undo of an undo is a redo', () => {
    expect(reviewStateOf(log({ kind: 'dismiss', findingKey: 'a@1' }, { kind: 'undo', target: 1 })).decisions).toEqual({});
    const redo = log({ kind: 'dismiss', findingKey: 'a@1' }, { kind: 'undo', target: 1 }, { kind: 'undo', target: 2 });
    expect(reviewStateOf(redo).decisions).toEqual({ 'a@1': 'dismissed' });
    expect([...cancelledIds(redo)]).toEqual([2]);
    // undo(undo(undo(x))) cancels x again.
    expect(reviewStateOf([...redo, { kind: 'undo', target: 3, id: 4 }]).decisions).toEqual({});
  });

  it('manual remove and undo of a manual add; undo of a comment retracts it', () => {
    const s = reviewStateOf(
      log(
        { kind: 'manual-add', item: { ruleId: 'x', messageIndex: 1, note: 'first' } }, // 1
        { kind: 'manual-add', item: { ruleId: 'x', messageIndex: 1, note: 'second' } }, // 2 replaces 1
        { kind: 'manual-remove', findingKey: 'x@1' }, // 3
        { kind: 'undo', target: 3 }, // 4: back to 'second'
        { kind: 'comment', text: 'oops' }, // 5
        { kind: 'undo', target: 5 }, // 6
        { kind: 'manual-add', item: { ruleId: 'z', messageIndex: 0 } }, // 7
        { kind: 'undo', target: 7 }, // 8
      ),
    );
    expect(s.manual).toEqual([{ ruleId: 'x', messageIndex: 1, note: 'second' }]);
    expect(s.comments).toEqual([]);
  });

  it('ignores input order and undos that name a later or unknown id', () => {
    const d = log({ kind: 'confirm', findingKey: 'a@1' }, { kind: 'undo', target: 9 }, { kind: 'undo', target: 3 }, { kind: 'dismiss', findingKey: 'b@1' });
    expect(reviewStateOf([...d].reverse())).toEqual(reviewStateOf(d));
    expect(reviewStateOf(d).decisions).toEqual({ 'a@1': 'confirmed', 'b@1': 'dismissed' });
  });

  it('is the empty review for an empty log', () => {
    expect(reviewStateOf([])).toEqual({ decisions: {}, manual: [], comments: [], reasons: {}, lastDecisionId: 0 });
  });
});

// ---------------------------------------------------------------------------------------------
// Property: the fold equals a simple, independently written model.
//
// The model tracks effectiveness INCREMENTALLY (each undo cancels its target, and when the target
// was itself an undo, its own target comes back, cascading), where the implementation decides it in
// one backward pass. The resulting state is then read per finding key ("last effective decision
// wins"), not by replaying.
// ---------------------------------------------------------------------------------------------

type Op =
  | { op: 'confirm' | 'dismiss' | 'remove'; key: number }
  | { op: 'add'; key: number; note: string }
  | { op: 'comment'; text: string }
  | { op: 'undo'; back: number };

const KEYS = ['r1@0', 'r1@1', 'r2@0', 'r2@3'];
const itemOf = (k: number): { ruleId: string; messageIndex: number } => {
  const [ruleId, index] = KEYS[k]!.split('@');
  return { ruleId: ruleId!, messageIndex: Number(index) };
};

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constantFrom('confirm' as const, 'dismiss' as const, 'remove' as const), key: fc.nat(KEYS.length - 1) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('add' as const), key: fc.nat(KEYS.length - 1), note: fc.constantFrom('', 'a', 'b') }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('comment' as const), text: fc.constantFrom('x', 'y') }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('undo' as const), back: fc.nat(12) }) },
);

function toLog(ops: Op[]): FoldableDecision[] {
  const out: FoldableDecision[] = [];
  ops.forEach((o, i) => {
    const id = i + 1;
    switch (o.op) {
      case 'confirm':
        out.push({ id, kind: 'confirm', findingKey: KEYS[o.key]! });
        break;
      case 'dismiss':
        out.push({ id, kind: 'dismiss', findingKey: KEYS[o.key]!, ...(o.key % 2 ? { reason: `r${id}` } : {}) });
        break;
      case 'remove':
        out.push({ id, kind: 'manual-remove', findingKey: KEYS[o.key]! });
        break;
      case 'add': {
        const item: ManualItem = { ...itemOf(o.key) };
        if (o.note) item.note = o.note;
        out.push({ id, kind: 'manual-add', item });
        break;
      }
      case 'comment':
        out.push({ id, kind: 'comment', text: o.text });
        break;
      case 'undo':
        // Names an earlier decision: back = 0 is the one just before (clamped to the first).
        out.push({ id, kind: 'undo', target: Math.max(1, id - 1 - o.back) });
        break;
    }
  });
  // A leading undo has nothing earlier to name: drop it.
  return out.filter((d) => !(d.kind === 'undo' && d.target >= d.id));
}

function model(decisions: FoldableDecision[]) {
  const byId = new Map(decisions.map((d) => [d.id, d]));
  const cancelCount = new Map<number, number>();
  const effective = (id: number): boolean => (cancelCount.get(id) ?? 0) === 0;
  // Adding (+1) or removing (-1) one cancellation of `id`, cascading through undo chains.
  const cancel = (id: number, delta: 1 | -1): void => {
    const before = effective(id);
    cancelCount.set(id, (cancelCount.get(id) ?? 0) + delta);
    const after = effective(id);
    const d = byId.get(id);
    if (before !== after && d?.kind === 'undo') cancel(d.target, after ? 1 : -1);
  };
  for (const d of decisions) if (d.kind === 'undo' && byId.has(d.target)) cancel(d.target, 1);

  const live = decisions.filter((d) => d.kind !== 'undo' && effective(d.id));
  const decisionsOut: Record<string, string> = {};
  const reasons: Record<string, string> = {};
  const manual: ManualItem[] = [];
  for (const key of KEYS) {
    const last = live.filter((d) => (d.kind === 'confirm' || d.kind === 'dismiss') && d.findingKey === key).at(-1);
    if (last?.kind === 'confirm') decisionsOut[key] = 'confirmed';
    if (last?.kind === 'dismiss') {
      decisionsOut[key] = 'dismissed';
      if (last.reason) reasons[key] = last.reason;
    }
    const m = live
      .filter((d) => (d.kind === 'manual-add' && `${d.item.ruleId}@${d.item.messageIndex}` === key) || (d.kind === 'manual-remove' && d.findingKey === key))
      .at(-1);
    if (m?.kind === 'manual-add') manual.push(m.item);
  }
  manual.sort((a, b) => a.messageIndex - b.messageIndex || a.ruleId.localeCompare(b.ruleId));
  const comments = live.flatMap((d) => (d.kind === 'comment' ? [{ id: d.id, text: d.text }] : []));
  return { decisions: decisionsOut, reasons, manual, comments, lastDecisionId: decisions.at(-1)?.id ?? 0 };
}

describe('reviewStateOf (property)', () => {
  it('folds any sequence of confirm/dismiss/manual/comment/undo like the model', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), (ops) => {
        const decisions = toLog(ops);
        expect(reviewStateOf(decisions)).toEqual(model(decisions));
      }),
      { numRuns: 1000 },
    );
  });

  it('undoing the last decision restores the state before it', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 30 }), (ops) => {
        const decisions = toLog(ops);
        if (decisions.length === 0) return;
        const last = decisions.at(-1)!;
        const before = reviewStateOf(decisions.slice(0, -1));
        const undone = reviewStateOf([...decisions, { id: last.id + 1, kind: 'undo', target: last.id }]);
        expect({ ...undone, lastDecisionId: 0 }).toEqual({ ...before, lastDecisionId: 0 });
      }),
      { numRuns: 500 },
    );
  });
});
