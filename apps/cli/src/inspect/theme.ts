/** Colours and glyphs of the inspector (style functions of state, like ink-ui's theme.ts). */
import type { Role } from '@zhijian/core';
import type { QueueStatus } from '@zhijian/store';
import type { SpanStyle } from './text.js';

export interface TextStyle {
  color?: string;
  backgroundColor?: string;
  bold?: boolean;
  dimColor?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  inverse?: boolean;
}

export const ROLE_COLOR: Record<Role, string> = { agent: 'cyan', customer: 'green', system: 'gray', bot: 'magenta' };

export const SPAN_STYLE: Record<SpanStyle, TextStyle> = {
  selected: { backgroundColor: 'yellow', color: 'black', bold: true },
  finding: { color: 'red', underline: true },
  confirmed: { color: 'red', bold: true, underline: true },
  pending: { color: 'magenta', underline: true },
  dismissed: { dimColor: true, strikethrough: true },
  manual: { color: 'yellow', underline: true },
};

export const STATUS_COLOR: Record<QueueStatus, string> = { new: 'white', 'in-progress': 'yellow', reviewed: 'green' };

/** A finding's state in the panel: glyph and colour. */
export type FindingState = 'confirmed' | 'dismissed' | 'pending' | 'manual' | 'open';

export const FINDING_GLYPH: Record<FindingState, string> = { confirmed: '✓', dismissed: '✗', pending: '?', manual: '+', open: '·' };
export const FINDING_COLOR: Record<FindingState, string> = { confirmed: 'red', dismissed: 'gray', pending: 'magenta', manual: 'yellow', open: 'white' };

export function gradeColor(score: number, vetoed: boolean): string {
  if (vetoed || score < 60) return 'red';
  if (score < 75) return 'yellow';
  if (score < 90) return 'cyan';
  return 'green';
}

export const CURSOR_MARK = '▶';
