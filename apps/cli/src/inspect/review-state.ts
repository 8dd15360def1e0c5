/**
 * The review screen (one conversation): state, actions and the pure reducer, testable without
 * rendering. Decisions are not made here: `decisionFor` says which decision a key means, the
 * controller appends it to the store (durable first) and hands the stored record back as a
 * `recorded` action, which folds the log (store's reviewStateOf) and re-scores with core's
 * scoreEvaluation, without running a rule again.
 *
 * Invariant: the selected finding, when there is one, is at the cursor's message. j/k move the
 * cursor and select the first finding there (or none); n/N jump to the next/previous finding.
 */
import { findingKey, scoreEvaluation, type CompiledPack, type CompiledRule, type Conversation, type Evaluation, type Finding, type Lang, type ScoreResult } from '@zhijian/core';
import { cancelledIds, reviewStateOf, type DecisionInput, type DecisionRecord, type ReviewState } from '@zhijian/store';
import type { PickerIntent, PromptIntent, ReviewIntent } from './keymap.js';
import { clampIndex, firstAt, focus, jump, moveTo, reselect, scrolled } from './review-moves.js';

export interface ReviewContext {
  readonly pack: CompiledPack;
  readonly conversation: Conversation;
  readonly evaluation: Evaluation;
  readonly lang: Lang;
  /** The score without any decision: what the review is opened with. */
  readonly auto: ScoreResult;
  /** Rules an inspector can add by hand: the pack's manual items first, then the other rules. */
  readonly pickable: readonly CompiledRule[];
  /** The input the conversation came from. */
  readonly source: string;
}

export type Modal =
  | { kind: 'none' }
  | { kind: 'picker'; cursor: number; messageIndex: number }
  | { kind: 'prompt'; purpose: 'dismiss'; text: string; findingKey: string }
  | { kind: 'prompt'; purpose: 'comment'; text: string }
  | { kind: 'prompt'; purpose: 'note'; text: string; ruleId: string; messageIndex: number };

export type FlashId =
  | 'confirmed'
  | 'dismissed'
  | 'manualAdded'
  | 'manualRemoved'
  | 'commented'
  | 'undone'
  | 'nothingToUndo'
  | 'noFinding'
  | 'alreadyConfirmed'
  | 'manualCounts'
  | 'wrapped'
  | 'emptyComment'
  | 'contentChanged'
  | 'lastConversation'
  | 'firstConversation'
  | 'submitted'
  | 'conflict'
  | 'stale'
  | 'error';

export interface Flash {
  id: FlashId;
  data?: Record<string, string | number>;
}

export interface ReviewViewport {
  /** Lines of the message pane. */
  rows: number;
  /** Cells for a message's text. */
  textCols: number;
}

export interface ReviewScreenState {
  readonly ctx: ReviewContext;
  /** This inspector's decisions on this conversation, in store order. */
  readonly log: readonly DecisionRecord[];
  readonly review: ReviewState;
  /** scoreEvaluation with the folded decisions: what submitting would store. */
  readonly result: ScoreResult;
  /** Message index at the cursor. */
  readonly cursor: number;
  /** First message shown. */
  readonly top: number;
  /** Index into result.findings, -1 when no finding is at the cursor. */
  readonly finding: number;
  readonly modal: Modal;
  readonly viewport: ReviewViewport;
  readonly flash?: Flash;
}

export type ReviewAction =
  | { type: 'intent'; intent: ReviewIntent }
  | { type: 'picker'; intent: PickerIntent }
  | { type: 'prompt'; intent: PromptIntent }
  | { type: 'type'; text: string }
  | { type: 'recorded'; record: DecisionRecord }
  | { type: 'reload'; log: readonly DecisionRecord[] }
  | { type: 'goto'; messageIndex: number; findingKey?: string }
  | { type: 'resize'; viewport: ReviewViewport }
  | { type: 'flash'; flash: Flash | undefined };

export { MAX_CURSOR_LINES, cursorLines } from './review-moves.js';

export function initReviewState(ctx: ReviewContext, log: readonly DecisionRecord[], viewport: ReviewViewport): ReviewScreenState {
  const review = reviewStateOf(log);
  const result = rescore(ctx, review);
  const first = result.findings[0];
  const base: ReviewScreenState = { ctx, log, review, result, cursor: first?.messageIndex ?? 0, top: 0, finding: first ? 0 : -1, modal: { kind: 'none' }, viewport };
  return scrolled(base);
}

export function rescore(ctx: ReviewContext, review: ReviewState): ScoreResult {
  return scoreEvaluation(ctx.pack, ctx.conversation, ctx.evaluation, review, ctx.lang);
}

export function selectedFinding(s: ReviewScreenState): Finding | undefined {
  return s.finding >= 0 ? s.result.findings[s.finding] : undefined;
}

/** The decision a key means in this state (to be stored before the reducer sees it), if any. */
export function decisionFor(s: ReviewScreenState, action: ReviewAction): DecisionInput | undefined {
  const modal = s.modal;
  if (action.type === 'prompt' && action.intent === 'accept' && modal.kind === 'prompt') {
    const text = modal.text.trim();
    switch (modal.purpose) {
      case 'dismiss':
        return text ? { kind: 'dismiss', findingKey: modal.findingKey, reason: text } : { kind: 'dismiss', findingKey: modal.findingKey };
      case 'comment':
        return text ? { kind: 'comment', text } : undefined;
      case 'note': {
        const item = { ruleId: modal.ruleId, messageIndex: modal.messageIndex, ...(text ? { note: text } : {}) };
        return { kind: 'manual-add', item };
      }
    }
  }
  if (action.type !== 'intent' || modal.kind !== 'none') return undefined;
  const f = selectedFinding(s);
  switch (action.intent) {
    case 'confirm':
      if (!f || f.source === 'manual' || s.review.decisions[f.key] === 'confirmed') return undefined;
      return { kind: 'confirm', findingKey: f.key };
    case 'dismiss':
      return f?.source === 'manual' ? { kind: 'manual-remove', findingKey: findingKey(f.ruleId, f.messageIndex) } : undefined;
    case 'undo': {
      const target = undoTarget(s.log);
      return target === undefined ? undefined : { kind: 'undo', target };
    }
    default:
      return undefined;
  }
}

/** The latest decision still in effect (not an undo, not undone): what `u` cancels. */
export function undoTarget(log: readonly DecisionRecord[]): number | undefined {
  const cancelled = cancelledIds(log);
  for (let i = log.length - 1; i >= 0; i--) {
    const d = log[i]!;
    if (d.kind !== 'undo' && !cancelled.has(d.id)) return d.id;
  }
  return undefined;
}

export function reviewReducer(s: ReviewScreenState, action: ReviewAction): ReviewScreenState {
  switch (action.type) {
    case 'intent':
      return s.modal.kind === 'none' ? onIntent(s, action.intent) : s;
    case 'picker':
      return s.modal.kind === 'picker' ? onPicker(s, s.modal, action.intent) : s;
    case 'prompt':
      return s.modal.kind === 'prompt' ? onPrompt(s, s.modal, action.intent) : s;
    case 'type':
      return s.modal.kind === 'prompt' ? { ...s, modal: { ...s.modal, text: s.modal.text + action.text } } : s;
    case 'recorded':
      return onRecorded(s, action.record);
    case 'reload': {
      const review = reviewStateOf(action.log);
      return reselect({ ...s, log: action.log, review, result: rescore(s.ctx, review), modal: { kind: 'none' } }, selectedFinding(s)?.key);
    }
    case 'goto': {
      const cursor = clampIndex(action.messageIndex, s.ctx.conversation.messages.length);
      const byKey = action.findingKey === undefined ? -1 : s.result.findings.findIndex((f) => f.key === action.findingKey && f.messageIndex === cursor);
      return scrolled({ ...s, cursor, finding: byKey >= 0 ? byKey : firstAt(s.result.findings, cursor) });
    }
    case 'resize':
      return scrolled({ ...s, viewport: action.viewport });
    case 'flash':
      return action.flash ? { ...s, flash: action.flash } : withoutFlash(s);
  }
}

function onIntent(s0: ReviewScreenState, intent: ReviewIntent): ReviewScreenState {
  const s = withoutFlash(s0);
  const page = Math.max(1, s.viewport.rows - 1);
  switch (intent) {
    case 'down':
      return moveTo(s, s.cursor + 1);
    case 'up':
      return moveTo(s, s.cursor - 1);
    case 'pageDown':
      return moveTo(s, s.cursor + page);
    case 'pageUp':
      return moveTo(s, s.cursor - page);
    case 'top':
      return moveTo(s, 0);
    case 'bottom':
      return moveTo(s, s.ctx.conversation.messages.length - 1);
    case 'nextFinding':
      return jump(s, 1);
    case 'prevFinding':
      return jump(s, -1);
    case 'confirm': {
      const f = selectedFinding(s);
      if (!f) return { ...s, flash: { id: 'noFinding' } };
      if (f.source === 'manual') return { ...s, flash: { id: 'manualCounts' } };
      return { ...s, flash: { id: 'alreadyConfirmed' } };
    }
    case 'dismiss': {
      const f = selectedFinding(s);
      if (!f) return { ...s, flash: { id: 'noFinding' } };
      return { ...s, modal: { kind: 'prompt', purpose: 'dismiss', text: s.review.reasons[f.key] ?? '', findingKey: f.key } };
    }
    case 'manual':
      return { ...s, modal: { kind: 'picker', cursor: 0, messageIndex: s.cursor } };
    case 'comment':
      return { ...s, modal: { kind: 'prompt', purpose: 'comment', text: '' } };
    case 'undo':
      return { ...s, flash: { id: 'nothingToUndo' } };
    default:
      // submit, conversation moves, back and help are the controller's.
      return s;
  }
}

function onPicker(s: ReviewScreenState, modal: Extract<Modal, { kind: 'picker' }>, intent: PickerIntent): ReviewScreenState {
  const n = s.ctx.pickable.length;
  const page = Math.max(1, s.viewport.rows - 2);
  const to = (cursor: number): ReviewScreenState => ({ ...s, modal: { ...modal, cursor: Math.max(0, Math.min(n - 1, cursor)) } });
  switch (intent) {
    case 'down':
      return to(modal.cursor + 1);
    case 'up':
      return to(modal.cursor - 1);
    case 'pageDown':
      return to(modal.cursor + page);
    case 'pageUp':
      return to(modal.cursor - page);
    case 'cancel':
      return { ...s, modal: { kind: 'none' } };
    case 'accept': {
      const rule = s.ctx.pickable[modal.cursor];
      if (!rule) return { ...s, modal: { kind: 'none' } };
      return { ...s, modal: { kind: 'prompt', purpose: 'note', text: '', ruleId: rule.def.id, messageIndex: modal.messageIndex } };
    }
  }
}

function onPrompt(s: ReviewScreenState, modal: Extract<Modal, { kind: 'prompt' }>, intent: PromptIntent): ReviewScreenState {
  switch (intent) {
    case 'cancel':
      return { ...s, modal: { kind: 'none' } };
    case 'backspace':
      return { ...s, modal: { ...modal, text: [...modal.text].slice(0, -1).join('') } };
    case 'accept':
      // A decision would have been recorded instead; what is left is an empty comment.
      return { ...s, modal: { kind: 'none' }, flash: { id: 'emptyComment' } };
  }
}

function onRecorded(s: ReviewScreenState, record: DecisionRecord): ReviewScreenState {
  const before = selectedFinding(s);
  const log = [...s.log, record];
  const review = reviewStateOf(log);
  const next: ReviewScreenState = { ...s, log, review, result: rescore(s.ctx, review), modal: { kind: 'none' } };
  switch (record.kind) {
    case 'manual-add': {
      const key = `manual:${findingKey(record.item.ruleId, record.item.messageIndex)}`;
      return { ...reselect(next, key), flash: { id: 'manualAdded', data: { rule: record.item.ruleId } } };
    }
    case 'undo': {
      const target = s.log.find((d) => d.id === record.target);
      const key = target ? keyOf(target) : undefined;
      const moved = key === undefined ? reselect(next, before?.key) : focus(next, key);
      return { ...moved, flash: { id: 'undone', data: { kind: target?.kind ?? '' } } };
    }
    case 'confirm':
      return { ...reselect(next, before?.key), flash: { id: 'confirmed' } };
    case 'dismiss':
      return { ...reselect(next, before?.key), flash: { id: 'dismissed' } };
    case 'manual-remove':
      return { ...reselect(next, before?.key), flash: { id: 'manualRemoved' } };
    case 'comment':
      return { ...reselect(next, before?.key), flash: { id: 'commented' } };
  }
}

/** The result key of the finding a decision is about. */
function keyOf(d: DecisionRecord): string | undefined {
  switch (d.kind) {
    case 'confirm':
    case 'dismiss':
      return d.findingKey;
    case 'manual-add':
      return `manual:${findingKey(d.item.ruleId, d.item.messageIndex)}`;
    case 'manual-remove':
      return `manual:${d.findingKey}`;
    case 'comment':
      return d.findingKey;
    default:
      return undefined;
  }
}

function withoutFlash(s: ReviewScreenState): ReviewScreenState {
  if (s.flash === undefined) return s;
  const { flash: _drop, ...rest } = s;
  return rest;
}

