/** Renders help texts: titled sections, two-column rows aligned by display width (CJK-aware). */
import stringWidth from 'string-width';
import type { Strings } from './i18n/index.js';

export interface HelpSpec {
  usage: string;
  description?: string;
  rows?: Array<[string, string]>;
  exitCodes?: Array<[string, string]>;
  examples?: string[];
  footer?: string;
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

export function twoColumns(rows: Array<[string, string]>, indent = '  '): string {
  const width = Math.max(...rows.map(([left]) => stringWidth(left)));
  return rows.map(([left, right]) => `${indent}${padEnd(left, width)}  ${right}`).join('\n');
}

export function renderHelp(spec: HelpSpec, t: Strings): string {
  const parts = [`${t.usageLabel}${spec.usage}`];
  if (spec.description) parts.push(spec.description);
  if (spec.rows && spec.rows.length > 0) parts.push(`${t.optionsLabel}\n${twoColumns(spec.rows)}`);
  if (spec.exitCodes) parts.push(`${t.exitCodesLabel}\n${twoColumns(spec.exitCodes)}`);
  if (spec.examples) parts.push(`${t.examplesLabel}\n${spec.examples.map((e) => `  ${e}`).join('\n')}`);
  if (spec.footer) parts.push(spec.footer);
  return parts.join('\n\n') + '\n';
}
