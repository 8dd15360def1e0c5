/**
 * Model-based test of the review screen: random sequences of KEYS (fc.commands) are pressed on
 * the real inspector (keys -> intents -> pure reducer -> review store in SQLite), and a much
 * simpler model (maps, and a stack for undo) predicts the outcome. After every key both must agree
 * on the cursor, the selected finding, the decisions, manual items and comments, and the score
 * (the model's score comes straight from core's scoreConversation with the model's decisions);
 * the store's fold of the decision log must equal what the screen shows (durability), and a
 * restart of the app (new controller, same store) must resume the same state.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { findingKey, scoreConversation, type CompiledPack, type Finding, type ManualItem, type ScoreResult } from '@zhijian/core';
import { reviewStateOf } from '@zhijian/store';
import type { BatchItem } from '../src/inspect/batch.js';
import type { Inspector } from '../src/inspect/inspector.js';
import { press } from '../src/inspect/press.js';
import { selectedFinding } from '../src/inspect/review-state.js';
import { exampleItems, harness, NOW, standardPack, type Harness } from './inspect-helpers.js';

interface Model {
  conversationId: string;
  cursor: number;
  selected: string | undefined;
  decisions: Record<string, 'confirmed' | 'dismissed'>;
  reasons: Record<string, string>;
  manual: Map<string, ManualItem>;
  comments: string[];
  /** Undo: each entry restores what its decision changed, and names the finding to focus. */
  undo: Array<{ restore: () => void; focus: string | undefined }>;
  submissions: number;
}

interface Real {
  h: Harness;
  app: Inspector;
}

let pack: CompiledPack;
let all: BatchItem[];

beforeAll(async () => {
  pack = standardPack();
  all = await exampleItems(pack);
});

function oracle(m: Model): ScoreResult {
  const item = all.find((i) => i.conversation.id === m.conversationId)!;
  return scoreConversation(pack, item.conversation, { timeZone: 'Asia/Shanghai', now: NOW, lang: 'zh', review: { decisions: m.decisions, manual: [...m.manual.values()] } });
}

const messagesOf = (m: Model): number => all.find((i) => i.conversation.id === m.conversationId)!.conversation.messages.length;
const firstAt = (fs: readonly Finding[], cursor: number): string | undefined => fs.find((f) => f.messageIndex === cursor)?.key;
const selectedOf = (m: Model, fs: readonly Finding[]): Finding | undefined => fs.find((f) => f.key === m.selected && f.messageIndex === m.cursor);

/** The selection rule after a decision: keep the key if it is still at the cursor, else the first there. */
function reselect(m: Model, key: string | undefined): void {
  const fs = oracle(m).findings;
  m.selected = fs.some((f) => f.key === key && f.messageIndex === m.cursor) ? key : firstAt(fs, m.cursor);
}

/** The rules the picker offers, in its order: manual items first, then the others (no tag rules). */
const pickable = (): string[] => [...pack.rules.filter((r) => r.manual), ...pack.rules.filter((r) => !r.manual && !r.pointless)].filter((r) => r.def.enabled !== false).map((r) => r.def.id);

function rowsOf(r: Real): number {
  return r.app.getSnapshot().review!.viewport.rows;
}

function agree(m: Model, r: Real): void {
  const snap = r.app.getSnapshot();
  expect(snap.screen).toBe('review');
  const s = snap.review!;
  expect(s.modal.kind).toBe('none');
  expect(s.cursor).toBe(m.cursor);
  expect(selectedFinding(s)?.key).toBe(m.selected);
  expect(s.review.decisions).toEqual(m.decisions);
  expect(s.review.reasons).toEqual(m.reasons);
  const manual = [...m.manual.values()].sort((a, b) => a.messageIndex - b.messageIndex || (a.ruleId < b.ruleId ? -1 : 1));
  expect(s.review.manual).toEqual(manual);
  expect(s.review.comments.map((c) => c.text)).toEqual(m.comments);
  const expected = oracle(m);
  expect({ score: s.result.score, grade: s.result.grade, vetoed: s.result.vetoed }).toEqual({ score: expected.score, grade: expected.grade, vetoed: expected.vetoed });
  expect(s.result.findings.map((f) => [f.key, f.points])).toEqual(expected.findings.map((f) => [f.key, f.points]));
  // Durability: what the store holds folds to exactly what the screen shows.
  expect(reviewStateOf(r.h.store.decisionsFor(m.conversationId, 'tester'))).toEqual(s.review);
  // The cursor message is on screen.
  expect(s.cursor).toBeGreaterThanOrEqual(s.top);
  expect(s.cursor).toBeLessThan(s.top + s.viewport.rows);
  expect(r.h.store.submissionHistory(m.conversationId)).toHaveLength(m.submissions);
}

type Cmd = fc.Command<Model, Real>;

const cmd = (name: string, run: (m: Model, r: Real) => void): Cmd => ({
  check: () => true,
  run: (m, r) => {
    run(m, r);
    agree(m, r);
  },
  toString: () => name,
});

function move(key: 'j' | 'k' | 'g' | 'G' | ' '): Cmd {
  return cmd(`move ${JSON.stringify(key)}`, (m, r) => {
    const n = messagesOf(m);
    const page = Math.max(1, rowsOf(r) - 1);
    const target = { j: m.cursor + 1, k: m.cursor - 1, g: 0, G: n - 1, ' ': m.cursor + page }[key];
    const cursor = Math.max(0, Math.min(n - 1, target));
    press(r.app, key);
    if (cursor !== m.cursor) {
      m.cursor = cursor;
      m.selected = firstAt(oracle(m).findings, cursor);
    }
  });
}

function jump(dir: 1 | -1): Cmd {
  return cmd(dir === 1 ? 'n' : 'N', (m, r) => {
    press(r.app, dir === 1 ? 'n' : 'N');
    const fs = oracle(m).findings;
    if (fs.length === 0) return;
    const at = fs.findIndex((f) => f.key === m.selected && f.messageIndex === m.cursor);
    const after = (f: Finding, i: number): boolean => f.messageIndex > m.cursor || (f.messageIndex === m.cursor && i > at);
    const before = (f: Finding, i: number): boolean => f.messageIndex < m.cursor || (f.messageIndex === m.cursor && at >= 0 && i < at);
    let target = dir === 1 ? fs.findIndex(after) : fs.map((f, i) => (before(f, i) ? i : -1)).filter((i) => i >= 0).pop() ?? -1;
    if (target < 0) target = dir === 1 ? 0 : fs.length - 1;
    m.cursor = fs[target]!.messageIndex;
    m.selected = fs[target]!.key;
  });
}

/** Remembers a finding's decision and reason, to restore them on undo. */
function saveDecision(m: Model, key: string): () => void {
  const d = m.decisions[key];
  const reason = m.reasons[key];
  return () => {
    if (d === undefined) delete m.decisions[key];
    else m.decisions[key] = d;
    if (reason === undefined) delete m.reasons[key];
    else m.reasons[key] = reason;
  };
}

function saveManual(m: Model, key: string): () => void {
  const item = m.manual.get(key);
  return () => {
    if (item === undefined) m.manual.delete(key);
    else m.manual.set(key, item);
  };
}

const confirm = cmd('a', (m, r) => {
  const f = selectedOf(m, oracle(m).findings);
  press(r.app, 'a');
  if (!f || f.source === 'manual' || m.decisions[f.key] === 'confirmed') return;
  m.undo.push({ restore: saveDecision(m, f.key), focus: f.key });
  m.decisions[f.key] = 'confirmed';
  delete m.reasons[f.key];
  reselect(m, f.key);
});

function dismiss(reason: string): Cmd {
  return cmd(`x ${JSON.stringify(reason)} ⏎`, (m, r) => {
    const f = selectedOf(m, oracle(m).findings);
    press(r.app, 'x');
    if (!f) return;
    if (f.source === 'manual') {
      const key = findingKey(f.ruleId, f.messageIndex);
      m.undo.push({ restore: saveManual(m, key), focus: f.key });
      m.manual.delete(key);
      reselect(m, f.key);
      return;
    }
    // The prompt starts with the current reason: clear it, type ours.
    const current = m.reasons[f.key] ?? '';
    for (let i = 0; i < [...current].length; i++) press(r.app, '', { backspace: true });
    if (reason) press(r.app, reason);
    press(r.app, '', { return: true });
    m.undo.push({ restore: saveDecision(m, f.key), focus: f.key });
    m.decisions[f.key] = 'dismissed';
    if (reason.trim()) m.reasons[f.key] = reason.trim();
    else delete m.reasons[f.key];
    reselect(m, f.key);
  });
}

const dismissCancelled = cmd('x Esc', (m, r) => {
  const f = selectedOf(m, oracle(m).findings);
  // Only an auto finding opens the reason prompt; otherwise Esc would go back to the queue.
  if (f?.source !== 'auto') return;
  press(r.app, 'x');
  press(r.app, '', { escape: true });
});

function manual(pick: number, note: string): Cmd {
  return cmd(`m ${pick} ${JSON.stringify(note)}`, (m, r) => {
    const rules = pickable();
    const at = Math.min(pick, rules.length - 1);
    press(r.app, 'm');
    for (let i = 0; i < pick; i++) press(r.app, 'j');
    press(r.app, '', { return: true });
    if (note) press(r.app, note);
    press(r.app, '', { return: true });
    const key = findingKey(rules[at]!, m.cursor);
    m.undo.push({ restore: saveManual(m, key), focus: `manual:${key}` });
    m.manual.set(key, { ruleId: rules[at]!, messageIndex: m.cursor, ...(note.trim() ? { note: note.trim() } : {}) });
    reselect(m, `manual:${key}`);
  });
}

function comment(text: string): Cmd {
  return cmd(`c ${JSON.stringify(text)}`, (m, r) => {
    press(r.app, 'c');
    if (text) press(r.app, text);
    press(r.app, '', { return: true });
    if (!text.trim()) return;
    m.comments.push(text.trim());
    m.undo.push({ restore: () => void m.comments.pop(), focus: undefined });
  });
}

const undo = cmd('u', (m, r) => {
  press(r.app, 'u');
  const entry = m.undo.pop();
  if (!entry) return;
  const before = m.selected;
  entry.restore();
  const fs = oracle(m).findings;
  const f = entry.focus === undefined ? undefined : fs.find((x) => x.key === entry.focus);
  if (f) {
    m.cursor = f.messageIndex;
    m.selected = f.key;
  } else reselect(m, before);
});

const submit = cmd('s, then ⏎ to reopen', (m, r) => {
  press(r.app, 's');
  expect(r.app.getSnapshot().screen).toBe('queue');
  const latest = r.h.store.latestSubmission(m.conversationId)!;
  expect(latest.score).toBe(oracle(m).score);
  press(r.app, '', { return: true });
  m.submissions++;
  const fs = oracle(m).findings;
  m.cursor = fs[0]?.messageIndex ?? 0;
  m.selected = fs[0]?.key;
});

const restart = cmd('restart', (_m, r) => {
  r.app = r.h.make();
  r.app.resume();
});

const commands = [
  fc.constantFrom('j', 'k', 'g', 'G', ' ').map((k) => move(k as 'j')),
  fc.constantFrom(1, -1).map((d) => jump(d as 1)),
  fc.constant(confirm),
  fc.constantFrom('', '客户要求', 'dup 1', ' 已处理 ').map(dismiss),
  fc.constant(dismissCancelled),
  fc.tuple(fc.nat(25), fc.constantFrom('', '答非所问', 'x')).map(([p, note]) => manual(p, note)),
  fc.constantFrom('', '情绪稳定', 'q?').map(comment),
  fc.constant(undo),
  fc.constant(undo),
  fc.constant(submit),
  fc.constant(restart),
];

describe('inspector review screen: model-based (fc.commands over keys)', () => {
  it('keys keep the model, the screen and the store in agreement', () => {
    const ids = ['c-008', 'c-009', 'c-013', 'c-020', 'c-022', 'c-001'];
    fc.assert(
      fc.property(fc.constantFrom(...ids), fc.commands(commands, { maxCommands: 30 }), (id, cmds) => {
        const items = all.filter((i) => i.conversation.id === id).map((i) => ({ ...i, row: { ...i.row, index: 0 } }));
        const h = harness(pack, items);
        try {
          const real: Real = { h, app: h.make() };
          press(real.app, '', { return: true });
          const model: Model = { conversationId: id, cursor: 0, selected: undefined, decisions: {}, reasons: {}, manual: new Map(), comments: [], undo: [], submissions: 0 };
          const fs = oracle(model).findings;
          model.cursor = fs[0]?.messageIndex ?? 0;
          model.selected = fs[0]?.key;
          agree(model, real);
          fc.modelRun(() => ({ model, real }), cmds);
        } finally {
          h.store.close();
        }
      }),
      { numRuns: 60 },
    );
  });
});
