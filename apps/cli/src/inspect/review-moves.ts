/**
 * Moving on the review screen: cursor, selected finding and window. Pure helpers of the review
 * reducer (review-state.ts); the invariant they keep: the selected finding is at the cursor.
 */
import type { Finding } from '@zhijian/core';
import type { ReviewScreenState } from './review-state.js';
import { lineCount } from './text.js';

/** Longest a wrapped cursor message may get, in lines (it is cut with … beyond). */
export const MAX_CURSOR_LINES = 12;

/** Selects the finding with this key at the cursor, else the first finding at the cursor. */
export function reselect(s: ReviewScreenState, key: string | undefined): ReviewScreenState {
  const i = key === undefined ? -1 : s.result.findings.findIndex((f) => f.key === key && f.messageIndex === s.cursor);
  return scrolled({ ...s, finding: i >= 0 ? i : firstAt(s.result.findings, s.cursor) });
}

/** Moves the cursor to the finding with this key (wherever it is), if it exists. */
export function focus(s: ReviewScreenState, key: string): ReviewScreenState {
  const i = s.result.findings.findIndex((f) => f.key === key);
  if (i < 0) return reselect(s, undefined);
  return scrolled({ ...s, cursor: s.result.findings[i]!.messageIndex, finding: i });
}

export function moveTo(s: ReviewScreenState, index: number): ReviewScreenState {
  const cursor = clampIndex(index, s.ctx.conversation.messages.length);
  if (cursor === s.cursor) return s;
  return scrolled({ ...s, cursor, finding: firstAt(s.result.findings, cursor) });
}

export function jump(s: ReviewScreenState, dir: 1 | -1): ReviewScreenState {
  const fs = s.result.findings;
  if (fs.length === 0) return { ...s, flash: { id: 'noFinding' } };
  let target = -1;
  if (dir === 1) {
    target = fs.findIndex((f, i) => f.messageIndex > s.cursor || (f.messageIndex === s.cursor && i > s.finding));
  } else {
    for (let i = fs.length - 1; i >= 0; i--) {
      const f = fs[i]!;
      if (f.messageIndex < s.cursor || (f.messageIndex === s.cursor && s.finding >= 0 && i < s.finding)) {
        target = i;
        break;
      }
    }
  }
  const wrapped = target < 0;
  if (wrapped) target = dir === 1 ? 0 : fs.length - 1;
  const moved = scrolled({ ...s, cursor: fs[target]!.messageIndex, finding: target });
  return wrapped ? { ...moved, flash: { id: 'wrapped' } } : moved;
}

export function firstAt(findings: readonly Finding[], messageIndex: number): number {
  return findings.findIndex((f) => f.messageIndex === messageIndex);
}

export function clampIndex(i: number, n: number): number {
  return Math.max(0, Math.min(n - 1, i));
}

/** Lines the cursor message takes (wrapped), given the viewport. */
export function cursorLines(s: Pick<ReviewScreenState, 'ctx' | 'cursor' | 'viewport'>): number {
  const text = s.ctx.conversation.messages[s.cursor]?.text ?? '';
  const maxLines = Math.max(1, Math.min(MAX_CURSOR_LINES, s.viewport.rows - 1));
  return lineCount(text, { width: s.viewport.textCols, maxLines });
}

/** Keeps the cursor message (all its lines) inside the window, with one line of context when possible. */
export function scrolled(s: ReviewScreenState): ReviewScreenState {
  const n = s.ctx.conversation.messages.length;
  const rows = Math.max(1, s.viewport.rows);
  const lines = cursorLines(s);
  // Every other message takes one line: the window holds `rows - lines + 1` messages.
  const capacity = Math.max(1, rows - lines + 1);
  const margin = capacity > 4 ? 1 : 0;
  let top = s.top;
  if (s.cursor - margin < top) top = s.cursor - margin;
  if (s.cursor + margin >= top + capacity) top = s.cursor + margin - capacity + 1;
  top = Math.max(0, Math.min(top, Math.max(0, n - capacity)));
  return top === s.top ? s : { ...s, top };
}
