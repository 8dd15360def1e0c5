/** Output of `zhijian eval`: a table for people (aligned by display width) or one JSON document. */
import stringWidth from 'string-width';
import { padEnd } from '../help.js';
import type { Strings } from '../i18n/index.js';
import type { Comparison, Counts, Disagreement } from './compare.js';
import type { SweepRow } from './run-eval.js';

export interface EvalReport {
  pack: { id: string; version: string };
  comparison: Comparison;
  /** Rules disabled for this run (--disable). */
  disabled: string[];
  sweep?: { ruleId: string; rows: SweepRow[] };
}

const ratio = (x: number | null): string => (x === null ? '-' : x.toFixed(2));
const EVIDENCE_WIDTH = 40;

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
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

/** Left-aligned first column, right-aligned numbers. */
function grid(header: string[], rows: string[][]): string[] {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => stringWidth(r[i]!))));
  return all.map((r) => r.map((c, i) => (i === 0 ? padEnd(c, widths[i]!) : ' '.repeat(widths[i]! - stringWidth(c)) + c)).join('  ').trimEnd());
}

function countsRow(c: Counts, label = c.ruleId): string[] {
  return [label, String(c.labels), String(c.found), String(c.tp), String(c.fp), String(c.fn), ratio(c.precision), ratio(c.recall), ratio(c.f1)];
}

function disagreementLine(d: Disagreement, t: Strings): string {
  const e = t.evaluation;
  const evidence = `「${truncate(oneLine(d.evidence), EVIDENCE_WIDTH)}」`;
  const tail = d.kind === 'fp' ? (d.message ? `  ${oneLine(d.message)}` : '') : d.note ? `  ${e.noteLabel}${oneLine(d.note)}` : '';
  return `  ${d.kind === 'fp' ? e.fpMark : e.fnMark} ${d.conversationId} ${t.messageShort}${d.messageIndex}  ${d.ruleId}  ${evidence}${tail}`;
}

export function renderTable(r: EvalReport, t: Strings): string {
  const e = t.evaluation;
  const c = r.comparison;
  const out: string[] = [e.heading(r.pack.id, r.pack.version, c.conversations)];
  if (r.disabled.length > 0) out.push(e.disabledLine(r.disabled.join(', ')));
  out.push('');
  const header = [e.colRule, e.colLabels, e.colFound, 'TP', 'FP', 'FN', e.colPrecision, e.colRecall, 'F1'];
  out.push(...grid(header, [...c.rules.map((x) => countsRow(x)), countsRow(c.total, e.totalLabel)]));
  if (r.sweep) {
    out.push('', e.sweepHeading(r.sweep.ruleId));
    const rows = r.sweep.rows.map((s) => [`${s.current ? '*' : ' '}${s.threshold.toFixed(2)}`, ...countsRow(s).slice(1)]);
    out.push(...grid([e.colThreshold, ...header.slice(1)], rows));
    out.push(e.sweepFootnote);
  }
  out.push('', c.disagreements.length === 0 ? e.noDisagreements : e.disagreementsHeading(c.disagreements.length));
  for (const d of c.disagreements) out.push(disagreementLine(d, t));
  return `${out.join('\n')}\n`;
}

export function renderJson(r: EvalReport): string {
  const c = r.comparison;
  return `${JSON.stringify(
    {
      pack: r.pack,
      conversations: c.conversations,
      disabled: r.disabled,
      rules: c.rules,
      total: c.total,
      ...(r.sweep ? { sweep: r.sweep } : {}),
      disagreements: c.disagreements,
    },
    null,
    2,
  )}\n`;
}
