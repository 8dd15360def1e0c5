/** `zhijian report`: figures from the review store, by agent, rule, category, inspector or tag. */
import { existsSync } from 'node:fs';
import { DEFAULT_TIME_ZONE, isValidTimeZone, zonedParts } from '@zhijian/core';
import { renderHelp } from '../help.js';
import type { Strings } from '../i18n/index.js';
import { DIMENSIONS, type Dimension } from '../report/collect.js';
import { parseDateFlag } from '../report/range.js';
import { REPORT_FORMATS, type ReportFormat } from '../report/render.js';
import { EXIT, UsageError, UserError, type Command, type CommandContext, type ParsedArgs } from './command.js';
import { DEFAULT_DB } from './inspect.js';

interface ReportOptions {
  db: string;
  by: Dimension;
  from: number | undefined;
  to: number | undefined;
  format: ReportFormat;
  passScore: number;
  timeZone: string;
}

export const report: Command = {
  name: 'report',
  options: {
    db: { type: 'string' },
    by: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    format: { type: 'string', short: 'f' },
    pass: { type: 'string' },
    tz: { type: 'string' },
  },
  positionals: false,
  summary: (t) => t.report.summary,
  usage: (t) => t.report.usage,
  help: (t) => renderHelp({ usage: t.report.usage, description: t.report.description, rows: [...t.report.options, ...t.commonOptions], examples: t.report.examples }, t),
  run: (args, ctx) => runReport(parseOptions(args, ctx.t), ctx),
};

function parseOptions({ values }: ParsedArgs, t: Strings): ReportOptions {
  const str = (name: string): string | undefined => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const by = str('by') ?? 'agent';
  if (!(DIMENSIONS as readonly string[]).includes(by)) throw new UsageError(t.invalidChoice('--by', by, DIMENSIONS.join(', ')));
  const format = str('format') ?? 'table';
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(t.invalidChoice('--format', format, REPORT_FORMATS.join(', ')));
  const timeZone = str('tz') ?? DEFAULT_TIME_ZONE;
  if (!isValidTimeZone(timeZone)) throw new UsageError(t.invalidTimeZone(timeZone));
  const date = (flag: 'from' | 'to'): number | undefined => {
    const v = str(flag);
    if (v === undefined) return undefined;
    const ms = parseDateFlag(v, timeZone, flag === 'to');
    if (ms === undefined) throw new UsageError(t.report.invalidDate(`--${flag}`, v));
    return ms;
  };
  const passText = str('pass');
  const passScore = passText === undefined ? 60 : Number(passText);
  if (passText !== undefined && (passText.trim() === '' || !Number.isFinite(passScore))) throw new UsageError(t.invalidNumber('--pass', passText));
  return { db: str('db') ?? DEFAULT_DB, by: by as Dimension, from: date('from'), to: date('to'), format: format as ReportFormat, passScore, timeZone };
}

function day(ms: number, timeZone: string): string {
  const p = zonedParts(ms, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
}

async function runReport(o: ReportOptions, ctx: CommandContext): Promise<number> {
  const { t } = ctx;
  if (o.db !== ':memory:' && !existsSync(o.db)) throw new UserError(t.report.noStore(o.db));
  const { openStore } = await import('@zhijian/store');
  const { collectReport } = await import('../report/collect.js');
  const { renderReport } = await import('../report/render.js');
  let store;
  try {
    store = openStore(o.db, { readonly: true });
  } catch (err) {
    throw new UserError(t.inspect.storeUnusable(o.db, (err as Error).message));
  }
  try {
    const range = { ...(o.from !== undefined ? { from: o.from } : {}), ...(o.to !== undefined ? { to: o.to } : {}) };
    const data = collectReport(store, o.by, range, { lang: ctx.lang, passScore: o.passScore });
    const span = o.from !== undefined || o.to !== undefined ? t.report.range(o.from === undefined ? '…' : day(o.from, o.timeZone), o.to === undefined ? '…' : day(o.to, o.timeZone)) : '';
    const heading = t.report.heading(t.report.dimensions[o.by], span);
    ctx.stdout.write(renderReport(data, o.format, t, heading));
    if (data.conversations === 0 && o.format === 'table') ctx.stderr.write(`${t.report.empty}\n`);
    return EXIT.ok;
  } finally {
    store.close();
  }
}
