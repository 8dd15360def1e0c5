/**
 * Runs the inspector in the terminal: opens the review store, loads and scores the batch, samples
 * it, and renders the app in the alternate screen until the inspector quits. Loaded only by
 * `zhijian inspect` (Ink, React and SQLite are not loaded by the other commands).
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { render } from 'ink';
import { openStore, type ReviewStore } from '@zhijian/store';
import { localize, type CompiledPack, type Lang } from '@zhijian/core';
import { UserError } from '../commands/command.js';
import type { Strings } from '../i18n/index.js';
import type { Input } from '../io/inputs.js';
import { formatProblem } from '../io/problems.js';
import { Progress } from '../io/progress.js';
import { InspectorApp } from './app.js';
import { loadBatch } from './batch.js';
import { Inspector } from './inspector.js';
import { ReviewSession } from './review-session.js';
import { sample, type Strategy } from './sample.js';
import { width } from './text.js';

export interface InspectRun {
  inputs: Input[];
  pack: CompiledPack;
  /** The pack JSON as read (stored with the reviews). */
  packJson: unknown;
  db: string;
  inspector: string;
  sample: number | undefined;
  strategy: Strategy;
  seed: string;
  timeZone: string;
  lang: Lang;
  t: Strings;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  openStdin(): NodeJS.ReadableStream;
}

const ALT_SCREEN_ON = '\x1b[?1049h\x1b[H';
const ALT_SCREEN_OFF = '\x1b[?1049l';

export async function runInspector(o: InspectRun): Promise<number> {
  const { t } = o;
  const store = openReviewStore(o.db, t);
  try {
    const ref = store.recordPack(o.packJson);
    if (ref.hash !== o.pack.ref.hash) throw new Error(`pack hash mismatch: ${ref.hash} vs ${o.pack.ref.hash}`);
    const now = Date.now();
    const progress = new Progress(o.stderr, t);
    const warn = (line: string): void => {
      progress.clear();
      o.stderr.write(`${line}\n`);
    };
    let problems = 0;
    const items = await loadBatch(o.inputs, {
      pack: o.pack,
      lang: o.lang,
      timeZone: o.timeZone,
      now,
      openStdin: o.openStdin,
      onProblem: (input, p) => {
        problems++;
        warn(formatProblem(input.name, p, o.lang));
      },
      onNotUtf8: (input) => warn(t.notUtf8(input.name)),
      onDuplicate: (input, id) => warn(t.inspect.duplicate(input.name, id)),
      onProgress: (n) => progress.update(n),
    });
    progress.clear();
    const chosen = sample(items.map((i) => ({ ...i, score: i.row.score, agent: i.row.agent })), { n: o.sample, strategy: o.strategy, seed: o.seed }).map(
      (item, index) => ({ ...item, row: { ...item.row, index } }),
    );
    if (chosen.length === 0) {
      o.stderr.write(`${t.inspect.nothingToInspect}\n`);
      return 2;
    }
    const session = new ReviewSession(store, o.inspector, ref.hash);
    const batchKey = createHash('sha256')
      .update(JSON.stringify({ files: o.inputs.map((i) => resolve(i.path)), pack: ref.hash, sample: o.sample ?? null, strategy: o.strategy, seed: o.seed }))
      .digest('hex')
      .slice(0, 16);
    const roleWidth = Math.max(...Object.values(t.inspect.roles).map(width));
    const inspector = new Inspector({
      items: chosen,
      pack: o.pack,
      session,
      lang: o.lang,
      timeZone: o.timeZone,
      now,
      size: { rows: o.stdout.rows || 24, cols: o.stdout.columns || 80 },
      batchKey,
      roleWidth,
    });
    inspector.resume();
    const info = {
      inspector: o.inspector,
      sources: o.inputs.length,
      timeZone: o.timeZone,
      ruleName: (id: string) => localize(o.pack.rulesById.get(id)?.def.name, o.lang) ?? id,
      ...(o.sample !== undefined ? { sample: t.inspect.sampleLabel(o.sample, t.inspect.strategies[o.strategy], o.seed) } : {}),
    };
    o.stdout.write(ALT_SCREEN_ON);
    try {
      const app = render(<InspectorApp inspector={inspector} t={t} info={info} />, {
        stdin: o.stdin,
        stdout: o.stdout,
        stderr: o.stderr,
        exitOnCtrlC: true,
        maxFps: 60,
      });
      await app.waitUntilExit();
    } finally {
      o.stdout.write(ALT_SCREEN_OFF);
    }
    o.stdout.write(`${t.inspect.bye(inspector.stats.decisions, inspector.stats.submitted, store.path)}\n`);
    if (problems > 0) o.stderr.write(`${t.problemsSummary(problems)}\n`);
    return 0;
  } finally {
    store.close();
  }
}

function openReviewStore(path: string, t: Strings): ReviewStore {
  try {
    return openStore(path);
  } catch (err) {
    throw new UserError(t.inspect.storeUnusable(path, (err as Error).message));
  }
}
