/**
 * One row per finding, plus one row per conversation without findings. UTF-8 with a BOM and CRLF
 * line ends, so Excel opens it as is. Column names are a contract, like the JSON field names.
 */
import type { Finding, ScoreResult } from '@zhijian/core';
import type { FormatterFactory } from './formatter.js';

export const CSV_COLUMNS = [
  'conversation_id', 'agent', 'score', 'max_score', 'grade', 'vetoed', 'tags', 'notes',
  'rule_id', 'category', 'points', 'rule_points', 'pending', 'veto', 'source',
  'message_index', 'start', 'end', 'evidence', 'message',
] as const;

type Cell = string | number | boolean | undefined;

/** The finding columns of a conversation without findings: empty, so every row has every column. */
const NO_FINDING: Cell[] = CSV_COLUMNS.slice(CSV_COLUMNS.indexOf('rule_id')).map(() => undefined);

export const csv: FormatterFactory = () => ({
  header: () => `\uFEFF${row([...CSV_COLUMNS])}`,
  result: (r) => {
    const head = conversationCells(r);
    if (r.findings.length === 0) return row([...head, ...NO_FINDING]);
    return r.findings.map((f) => row([...head, ...findingCells(f)])).join('');
  },
  footer: () => '',
});

function conversationCells(r: ScoreResult): Cell[] {
  return [r.conversationId, text(r.agent), r.score, r.maxScore, r.grade, r.vetoed, r.tags.join(' '), text(r.notes.join('\n'))];
}

function findingCells(f: Finding): Cell[] {
  return [f.ruleId, f.category, f.points, f.rulePoints, f.pending === true, f.veto === true, f.source, f.messageIndex, f.start, f.end, text(f.evidence), text(f.message)];
}

function row(cells: Cell[]): string {
  return `${cells.map(quote).join(',')}\r\n`;
}

function quote(cell: Cell): string {
  if (cell === undefined) return '';
  const s = String(cell);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Free text from chats goes to spreadsheets: a cell starting with = + - @ would run as a formula in
 * Excel (CSV injection), so such text gets a leading apostrophe, which Excel shows as plain text.
 */
function text(s: string | undefined): string | undefined {
  return s !== undefined && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}
