/** `zhijian editor`: the rule editor in the browser, served from 127.0.0.1 until Ctrl+C. */
import { existsSync, statSync } from 'node:fs';
import { findEditorDist } from '../editor-server/editor-dist.js';
import { startEditorServer } from '../editor-server/server.js';
import { renderHelp } from '../help.js';
import type { Strings } from '../i18n/index.js';
import { EXIT, UsageError, UserError, type Command, type CommandContext, type ParsedArgs } from './command.js';

export const DEFAULT_EDITOR_PORT = 5178;

interface EditorOptions {
  packs: string;
  samples: string;
  port: number;
}

export const editor: Command = {
  name: 'editor',
  options: {
    packs: { type: 'string' },
    samples: { type: 'string' },
    port: { type: 'string' },
  },
  positionals: false,
  summary: (t) => t.editorSummary,
  usage: (t) => t.editorUsage,
  help: (t) =>
    renderHelp({ usage: t.editorUsage, description: t.editorDescription, rows: [...t.editorOptions, ...t.commonOptions], examples: t.editorExamples }, t),
  run: (args, ctx) => runEditor(parseOptions(args, ctx.t), ctx),
};

function parseOptions({ values }: ParsedArgs, t: Strings): EditorOptions {
  const str = (name: string): string | undefined => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const portText = str('port');
  const port = portText === undefined ? DEFAULT_EDITOR_PORT : Number(portText);
  if (portText !== undefined && (!/^\d+$/.test(portText.trim()) || port > 65535)) throw new UsageError(t.editorInvalidPort(portText));
  return { packs: str('packs') ?? 'rule-packs', samples: str('samples') ?? 'examples', port };
}

async function runEditor(o: EditorOptions, ctx: CommandContext): Promise<number> {
  const { t, stdout, stderr } = ctx;
  if (!isDir(o.packs)) throw new UserError(t.editorPacksMissing(o.packs));
  const samples = isDir(o.samples) ? o.samples : undefined;
  const dist = findEditorDist(ctx.env);
  let server;
  try {
    server = await startEditorServer({
      packsDir: o.packs,
      ...(samples ? { samplesDir: samples } : {}),
      ...(dist ? { distDir: dist } : {}),
      port: o.port,
      packsLabel: o.packs,
      samplesLabel: o.samples,
    });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UserError(t.editorPortInUse(o.port));
    if (code === 'EACCES') throw new UserError(t.editorPortDenied(o.port));
    throw err;
  }
  stdout.write(`${t.editorListening(server.url)}\n`);
  stdout.write(`  ${t.editorPacksDir(o.packs)}\n`);
  stdout.write(`  ${samples ? t.editorSamplesDir(samples) : t.editorNoSamples(o.samples)}\n`);
  if (!dist) stderr.write(`${t.editorNotBuilt}\n`);
  stdout.write(`${t.editorStop}\n`);

  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void server.close().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return EXIT.ok;
}

function isDir(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}
