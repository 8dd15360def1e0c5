/** The findings panel: the list (windowed around the selection) and the selected finding's details. */
import { memo } from 'react';
import { Box, Text } from 'ink';
import { localize, type Finding } from '@zhijian/core';
import type { Strings } from '../i18n/index.js';
import type { ReviewScreenState } from './review-state.js';
import { CURSOR_MARK, FINDING_COLOR, FINDING_GLYPH, type FindingState } from './theme.js';
import { cell, layout, truncate } from './text.js';

export function findingState(s: ReviewScreenState, f: Finding): FindingState {
  if (f.source === 'manual') return 'manual';
  if (f.dismissed) return 'dismissed';
  if (f.pending) return 'pending';
  return s.review.decisions[f.key] === 'confirmed' ? 'confirmed' : 'open';
}

export function ruleName(s: ReviewScreenState, ruleId: string): string {
  const rule = s.ctx.pack.rulesById.get(ruleId);
  return (rule && localize(rule.def.name, s.ctx.lang)) ?? ruleId;
}

function pointsText(f: Finding): string {
  if (f.veto) return '✖';
  if (f.pending) return `(${f.rulePoints})`;
  return f.points === 0 ? '0' : `-${f.points}`;
}

interface Line {
  text: string;
  color?: string;
  bold?: boolean;
  dim?: boolean;
}

/** The detail lines of a finding, wrapped to the width. */
function details(s: ReviewScreenState, f: Finding, t: Strings['inspect'], w: number): Line[] {
  const rule = s.ctx.pack.rulesById.get(f.ruleId);
  const lines: Line[] = [];
  const wrap = (label: string | undefined, text: string, color?: string): void => {
    const laid = layout(label === undefined ? text : `${label}${t.colon}${text}`, [], { width: w, maxLines: 6 });
    for (const segs of laid) lines.push({ text: segs.map((x) => x.text).join(''), ...(color ? { color } : {}) });
  };
  const state = findingState(s, f);
  lines.push({ text: `${FINDING_GLYPH[state]} ${ruleName(s, f.ruleId)} · ${t.findingStates[state]}`, color: FINDING_COLOR[state], bold: true });
  const category = rule ? (localize(rule.category.name, s.ctx.lang) ?? rule.category.id) : f.category;
  const points = f.veto ? t.vetoRule : t.points(f.points, f.rulePoints);
  lines.push({ text: truncate(`${f.ruleId} · ${category}`, w), dim: true });
  lines.push({ text: truncate(`${points}${f.tag ? ` · ${t.tag(f.tag)}` : ''}`, w), dim: true });
  if (f.evidence !== '') wrap(t.evidence, `「${f.evidence}」`, 'yellow');
  wrap(undefined, f.message);
  const guidance = rule ? localize(rule.def.guidance, s.ctx.lang) : undefined;
  if (guidance) wrap(t.guidance, guidance, 'green');
  const reason = s.review.reasons[f.key];
  if (f.dismissed && reason) wrap(t.reason, reason, 'gray');
  return lines;
}

interface PanelProps {
  s: ReviewScreenState;
  t: Strings;
  rows: number;
  cols: number;
}

/** Re-rendered only when what it shows changes (not on a move between messages without findings). */
export const FindingsPanel = memo(FindingsPanelView, (a, b) => {
  const x = a.s;
  const y = b.s;
  return (
    a.t === b.t &&
    a.rows === b.rows &&
    a.cols === b.cols &&
    x.result === y.result &&
    x.review === y.review &&
    x.finding === y.finding &&
    (x.finding >= 0 || x.cursor === y.cursor)
  );
});

function FindingsPanelView({ s, t: all, rows, cols }: PanelProps) {
  const t = all.inspect;
  const fs = s.result.findings;
  const w = Math.max(10, cols);
  const out: Line[] = [{ text: t.findingsTitle(fs.length), bold: true, color: 'cyan' }];
  if (fs.length === 0) {
    out.push({ text: t.noFindings, dim: true });
  } else {
    const listRows = Math.min(fs.length, Math.max(3, Math.floor(rows * 0.4)));
    const anchor = s.finding >= 0 ? s.finding : Math.max(0, fs.findIndex((f) => f.messageIndex >= s.cursor));
    const top = Math.max(0, Math.min(anchor - Math.floor(listRows / 2), fs.length - listRows));
    for (let i = top; i < top + listRows; i++) {
      const f = fs[i]!;
      const state = findingState(s, f);
      const mark = i === s.finding ? CURSOR_MARK : ' ';
      out.push({
        text: `${mark}${FINDING_GLYPH[state]} ${cell(pointsText(f), 5, true)} #${f.messageIndex} ${truncate(ruleName(s, f.ruleId), w - 16)}`,
        color: FINDING_COLOR[state],
        bold: i === s.finding,
      });
    }
    out.push({ text: '─'.repeat(Math.max(1, w)), dim: true });
    const f = s.finding >= 0 ? fs[s.finding] : undefined;
    if (f) out.push(...details(s, f, t, w));
    else out.push({ text: t.noFindingHere, dim: true });
  }
  const comments = s.review.comments;
  if (comments.length > 0) {
    const last = comments[comments.length - 1]!;
    out.push({ text: truncate(t.commentsCount(comments.length, last.text), w), color: 'blue' });
  }
  return (
    <Box flexDirection="column" height={rows} width={cols}>
      {out.slice(0, rows).map((l, i) => (
        <Text key={i} wrap="truncate-end" {...(l.color ? { color: l.color } : {})} bold={l.bold === true} dimColor={l.dim === true}>
          {l.text === '' ? ' ' : l.text}
        </Text>
      ))}
    </Box>
  );
}
