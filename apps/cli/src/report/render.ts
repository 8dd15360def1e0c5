/** Prints a report as a table (display-width aligned), CSV (BOM, CRLF: opens in Excel) or JSON. */
import { padEnd } from '../help.js';
import type { Strings } from '../i18n/index.js';
import type { Dimension, ReportData, ReportRow, Value } from './collect.js';
import stringWidth from 'string-width';

export const REPORT_FORMATS = ['table', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

type Columns = Strings['report']['columns'];

interface Column {
  /** Row key, also the CSV header (machine-readable, stable). */
  key: string;
  header: keyof Columns;
  right?: boolean;
  show?(v: Value, t: Strings['report']): string;
}

const percent = (v: Value): string => (v === null ? '-' : `${(Number(v) * 100).toFixed(1)}%`);
const num = (v: Value): string => (v === null ? '-' : String(v));
const time = (v: Value, t: Strings['report']): string => (v === null ? '-' : t.seconds(Number(v)));

const FIGURES: Column[] = [
  { key: 'seen', header: 'seen', right: true },
  { key: 'confirmed', header: 'confirmed', right: true },
  { key: 'dismissed', header: 'dismissed', right: true },
  { key: 'pending', header: 'pending', right: true },
  { key: 'manual', header: 'manual', right: true },
  { key: 'precision', header: 'precision', right: true, show: percent },
  { key: 'conversations', header: 'conversations', right: true },
];

export const COLUMNS: Record<Dimension, Column[]> = {
  agent: [
    { key: 'agent', header: 'agent', show: (v, t) => (v === null ? t.unknownAgent : String(v)) },
    { key: 'conversations', header: 'conversations', right: true },
    { key: 'averageScore', header: 'averageScore', right: true },
    { key: 'passRate', header: 'passRate', right: true, show: percent },
    { key: 'vetoed', header: 'vetoed', right: true },
    { key: 'topRules', header: 'topRules' },
  ],
  rule: [{ key: 'rule', header: 'rule' }, { key: 'name', header: 'name' }, { key: 'category', header: 'category', show: (v, t) => (v === null ? t.noCategory : String(v)) }, ...FIGURES],
  category: [{ key: 'category', header: 'category', show: (v, t) => (v === null ? t.noCategory : String(v)) }, { key: 'name', header: 'name', show: (v) => (v === null ? '' : String(v)) }, ...FIGURES],
  inspector: [
    { key: 'inspector', header: 'inspector' },
    { key: 'reviews', header: 'reviews', right: true },
    { key: 'conversations', header: 'conversations', right: true },
    { key: 'averageSeconds', header: 'averageTime', right: true, show: time },
    { key: 'totalSeconds', header: 'totalTime', right: true, show: time },
    { key: 'averageScore', header: 'averageScore', right: true },
  ],
  tag: [
    { key: 'tag', header: 'tag' },
    { key: 'conversations', header: 'conversations', right: true },
    { key: 'share', header: 'share', right: true, show: percent },
  ],
};

/** CSV columns per dimension: the table's plus the ids behind the names (agent: rule ids). */
function csvKeys(by: Dimension): string[] {
  const keys = COLUMNS[by].map((c) => c.key);
  return by === 'agent' ? [...keys, 'topRuleIds'] : keys;
}

export function renderReport(data: ReportData, format: ReportFormat, t: Strings, heading: string): string {
  switch (format) {
    case 'json':
      // Structured, not the table's text: the agent's frequent rules as objects.
      return `${JSON.stringify({ by: data.by, conversations: data.conversations, rows: data.rows.map(jsonRow), tags: data.tags }, null, 2)}\n`;
    case 'csv': {
      const keys = csvKeys(data.by);
      return `\uFEFF${csvLine(keys)}${data.rows.map((r) => csvLine(keys.map((k) => scalar(r[k])))).join('')}`;
    }
    case 'table':
      return table(data, t, heading);
  }
}

function table(data: ReportData, t: Strings, heading: string): string {
  const r = t.report;
  const cols = COLUMNS[data.by];
  const cells = (row: ReportRow): string[] => cols.map((c) => (c.show ? c.show(scalar(row[c.key]), r) : num(scalar(row[c.key]))).replace(/[\r\n]+/g, ' '));
  const head = cols.map((c) => r.columns[c.header]);
  const body = data.rows.map(cells);
  const widths = head.map((h, i) => Math.max(stringWidth(h), ...body.map((b) => stringWidth(b[i]!))));
  const line = (values: string[]): string =>
    values
      .map((v, i) => (cols[i]!.right ? ' '.repeat(widths[i]! - stringWidth(v)) + v : padEnd(v, widths[i]!)))
      .join('  ')
      .trimEnd();
  const out = [heading, '', line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)];
  if (data.by !== 'tag' && data.tags.length > 0) out.push('', r.tagsLine(data.tags.map((x) => `${x.tag} ${x.conversations}`).join(t.listSeparator)));
  return `${out.join('\n')}\n`;
}

function scalar(v: ReportRow[string] | undefined): Value {
  return v === undefined || Array.isArray(v) ? null : v;
}

function jsonRow(row: ReportRow): ReportRow {
  if (!('topConfirmedRules' in row)) return row;
  const { topRules: _text, topRuleIds: _ids, ...rest } = row;
  return rest;
}

function csvLine(cells: Value[] | string[]): string {
  return `${cells.map((c) => quote(c)).join(',')}\r\n`;
}

function quote(v: Value): string {
  if (v === null) return '';
  let s = String(v);
  // Text starting with = + - @ would run as a formula in Excel.
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
