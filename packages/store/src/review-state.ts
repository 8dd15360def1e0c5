/**
 * Replays an inspector's append-only decision log into the review state that core's
 * `scoreConversation(pack, conversation, { review })` consumes. Pure: no database here.
 *
 * Undo semantics: an undo cancels the decision it names, i.e. the state is the replay of the log
 * without the cancelled decisions (undoing a dismiss brings back an earlier confirm of the same
 * finding, if there was one). An undo can itself be undone (redo). A decision is cancelled when some
 * non-cancelled undo names it; since an undo always names an EARLIER id, one backward pass decides
 * this for every decision.
 */
import { findingKey, type Decision, type ManualItem, type ReviewInput } from '@zhijian/core';
import type { DecisionInput } from './decisions.js';

/** A logged decision as the fold needs it (a DecisionRecord fits). */
export type FoldableDecision = DecisionInput & { id: number; at?: number; inspector?: string };

export interface ReviewComment {
  /** The decision id of the comment. */
  id: number;
  text: string;
  findingKey?: string;
  inspector?: string;
  at?: number;
}

export interface ReviewState extends ReviewInput {
  /** Per auto finding key (ruleId@messageIndex); absent = no decision. */
  decisions: Record<string, Decision>;
  /** Manual items in message order (one per ruleId@messageIndex; a later add replaces). */
  manual: ManualItem[];
  comments: ReviewComment[];
  /** Dismiss reasons of the findings currently dismissed with one. */
  reasons: Record<string, string>;
  /** The highest decision id folded in (0 for an empty log): what a submission was scored up to. */
  lastDecisionId: number;
}

/** The finding key a decision is about (manual items: the key of their rule and message). */
export function decisionKey(d: DecisionInput): string | undefined {
  switch (d.kind) {
    case 'manual-add':
      return findingKey(d.item.ruleId, d.item.messageIndex);
    case 'undo':
      return undefined;
    default:
      return d.findingKey;
  }
}

/** Ids of the decisions cancelled by (non-cancelled) undos. */
export function cancelledIds(decisions: readonly FoldableDecision[]): Set<number> {
  const sorted = [...decisions].sort((a, b) => a.id - b.id);
  const cancelled = new Set<number>();
  for (let i = sorted.length - 1; i >= 0; i--) {
    const d = sorted[i]!;
    if (d.kind === 'undo' && !cancelled.has(d.id) && d.target < d.id) cancelled.add(d.target);
  }
  return cancelled;
}

export function reviewStateOf(decisions: readonly FoldableDecision[]): ReviewState {
  const sorted = [...decisions].sort((a, b) => a.id - b.id);
  const cancelled = cancelledIds(sorted);
  const state: ReviewState = { decisions: {}, manual: [], comments: [], reasons: {}, lastDecisionId: 0 };
  const manual = new Map<string, ManualItem>();
  for (const d of sorted) {
    state.lastDecisionId = Math.max(state.lastDecisionId, d.id);
    if (cancelled.has(d.id)) continue;
    switch (d.kind) {
      case 'confirm':
        state.decisions[d.findingKey] = 'confirmed';
        delete state.reasons[d.findingKey];
        break;
      case 'dismiss':
        state.decisions[d.findingKey] = 'dismissed';
        if (d.reason) state.reasons[d.findingKey] = d.reason;
        else delete state.reasons[d.findingKey];
        break;
      case 'manual-add':
        manual.set(findingKey(d.item.ruleId, d.item.messageIndex), cleanManualItem(d.item));
        break;
      case 'manual-remove':
        manual.delete(d.findingKey);
        break;
      case 'comment': {
        const c: ReviewComment = { id: d.id, text: d.text };
        if (d.findingKey !== undefined) c.findingKey = d.findingKey;
        if (d.inspector !== undefined) c.inspector = d.inspector;
        if (d.at !== undefined) c.at = d.at;
        state.comments.push(c);
        break;
      }
      case 'undo':
        break;
    }
  }
  state.manual = [...manual.values()].sort(
    (a, b) => a.messageIndex - b.messageIndex || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
  return state;
}

/** Only the ManualItem fields, without undefined values (so states compare and serialise cleanly). */
export function cleanManualItem(item: ManualItem): ManualItem {
  const out: ManualItem = { ruleId: item.ruleId, messageIndex: item.messageIndex };
  if (item.start !== undefined) out.start = item.start;
  if (item.end !== undefined) out.end = item.end;
  if (item.note !== undefined) out.note = item.note;
  return out;
}
