/**
 * For people: one block per conversation (header line, one line per finding, notes), then a summary.
 * Columns are aligned by display width, so Chinese text (two cells per character) lines up.
 */
import stringWidth from 'string-width';
import type { Finding, ScoreResult } from '@zhijian/core';
import { padEnd } from '../help.js';
import type { Strings } from '../i18n/index.js';
import type { Tally } from '../score/tally.js';
import type { FormatterFactory } from './formatter.js';

const EVIDENCE_WIDTH = 30;

export const table: FormatterFactory = ({ t }) => ({
  header: () => '',
  result: (r) => block(r, t),
  footer: (tally) => summary(tally, t),
});

function block(r: ScoreResult, t: Strings): string {
  const head = [`${t.conversationLabel} ${oneLine(r.conversationId)}`];
  if (r.agent !== undefined) head.push(`${t.agentLabel} ${oneLine(r.agent)}`);
  head.push(`${t.scoreLabel} ${r.score}/${r.maxScore}`, r.grade);
  if (r.vetoed) head.push(t.vetoedMark);
  if (r.tags.length > 0) head.push(`${t.tagsLabel} ${r.tags.join(' ')}`);
  const lines = [head.join('  ')];
  if (r.findings.length === 0) lines.push(`  ${t.noFindings}`);
  else lines.push(...alignRows(r.findings.map((f) => findingCells(f, t))));
  for (const note of r.notes) lines.push(`  ${t.notesLabel}${oneLine(note)}`);
  return `${lines.join('\n')}\n\n`;
}

function findingCells(f: Finding, t: Strings): string[] {
  const marks: string[] = [];
  if (f.pending === true) marks.push(t.pendingMark);
  if (f.veto === true) marks.push(t.vetoMark);
  if (f.source === 'manual') marks.push(t.manualMark);
  return [
    `${t.messageShort}${f.messageIndex}`,
    f.ruleId,
    f.points > 0 ? `-${f.points}` : '0',
    marks.join(' '),
    `「${truncate(oneLine(f.evidence), EVIDENCE_WIDTH)}」`,
    oneLine(f.message),
  ];
}

/** Pads every column but the last to its widest cell. */
function alignRows(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => stringWidth(r[i]!))));
  return rows.map((cells) => {
    const last = cells.length - 1;
    const padded = cells.map((c, i) => (i === last ? c : i === 2 ? ' '.repeat(widths[i]! - stringWidth(c)) + c : padEnd(c, widths[i]!)));
    return `  ${padded.join('  ').trimEnd()}`;
  });
}

function summary(tally: Tally, t: Strings): string {
  if (tally.conversations === 0) return `${t.summaryNone}\n`;
  const counts = [...tally.grades].map(([grade, n]) => t.gradeCount(grade, n));
  if (tally.vetoed > 0) counts.push(t.vetoedCount(tally.vetoed));
  return `${t.summary(tally.conversations, tally.average.toFixed(1), counts.join(t.listSeparator))}\n`;
}

/** Line breaks shown as ⏎; control characters (terminal escapes from chat text) blanked. */
function oneLine(s: string): string {
  return s.replace(/\r?\n|\r/g, ' ⏎ ').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ');
}

function truncate(s: string, width: number): string {
  if (stringWidth(s) <= width) return s;
  let out = '';
  for (const ch of s) {
    if (stringWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}
