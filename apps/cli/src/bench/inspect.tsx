/**
 * `pnpm bench`, inspector part: renders the real inspector app (Ink, React, the SQLite review store
 * in a temp folder) to a fake 140x40 terminal and measures
 *   - the first frame of a 10,000-conversation queue (aim < 500 ms), and
 *   - the time from a key press to the next frame on a 500-message conversation (aim < 30 ms),
 * plus the queue's own key -> frame times. Frames are written unthrottled (Ink's debug mode), so
 * what is measured is the app: input parsing, reducer, store write, React and Ink rendering.
 *
 * Env: BENCH_QUEUE (default 10000), BENCH_MESSAGES (default 500), BENCH_PRESSES (default 200).
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compilePack, type CompiledPack, type Conversation } from '@zhijian/core';
import type { BatchItem } from '../inspect/batch.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const COLS = 140;
const ROWS = 40;

function envInt(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
}

class FakeStdout extends EventEmitter {
  readonly columns = COLS;
  readonly rows = ROWS;
  readonly isTTY = true;
  frames = 0;
  last = '';
  onFrame: (() => void) | undefined;
  write(data: string): boolean {
    this.frames++;
    this.last = data;
    const f = this.onFrame;
    this.onFrame = undefined;
    f?.();
    return true;
  }
}

class FakeStdin extends EventEmitter {
  readonly isTTY = true;
  private data: string | null = null;
  setRawMode(): this {
    return this;
  }
  setEncoding(): this {
    return this;
  }
  resume(): this {
    return this;
  }
  pause(): this {
    return this;
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }
  read(): string | null {
    const d = this.data;
    this.data = null;
    return d;
  }
  press(s: string): void {
    this.data = s;
    this.emit('readable');
  }
}

function nextFrame(stdout: FakeStdout, timeoutMs = 2000): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no frame')), timeoutMs);
    stdout.onFrame = () => {
      clearTimeout(timer);
      resolve(performance.now());
    };
  });
}

/** Wall-clock and CPU milliseconds of this process from a key press to the next frame. */
interface Timing {
  wall: number;
  cpu: number;
}

async function keyToFrame(stdin: FakeStdin, stdout: FakeStdout, key: string): Promise<Timing> {
  const frame = nextFrame(stdout);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  stdin.press(key);
  const wall = (await frame) - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

function stats(timings: Timing[]): string {
  const sorted = (xs: number[]): number[] => [...xs].sort((a, b) => a - b);
  const wall = sorted(timings.map((x) => x.wall));
  const cpu = sorted(timings.map((x) => x.cpu));
  const at = (s: number[], p: number): number => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return `median ${at(wall, 0.5).toFixed(1)} ms, p95 ${at(wall, 0.95).toFixed(1)} ms (CPU median ${at(cpu, 0.5).toFixed(1)} ms; ${timings.length} presses)`;
}

async function main(): Promise<void> {
  // The CLI runs React's production build (see commands/inspect.ts): measure that.
  process.env.NODE_ENV ??= 'production';
  const queueSize = envInt('BENCH_QUEUE', 10_000);
  const longSize = envInt('BENCH_MESSAGES', 500);
  const presses = envInt('BENCH_PRESSES', 200);
  const packFile = process.env.BENCH_PACK ?? join(root, 'rule-packs/ecommerce-chat.zh.json');
  const packJson = JSON.parse(readFileSync(packFile, 'utf8')) as unknown;

  let t = performance.now();
  const [{ render }, React, { openStore }, { InspectorApp }, { Inspector }, { ReviewSession }, { rowOf }, { strings }, { conversations }] = await Promise.all([
    import('ink'),
    import('react'),
    import('@zhijian/store'),
    import('../inspect/app.js'),
    import('../inspect/inspector.js'),
    import('../inspect/review-session.js'),
    import('../inspect/batch.js'),
    import('../i18n/index.js'),
    import('./generate.js'),
  ]);
  const importMs = performance.now() - t;
  const pack: CompiledPack = compilePack(packJson);
  const now = Date.UTC(2024, 6, 1);
  const opts = { pack, lang: 'zh' as const, timeZone: 'Asia/Shanghai', now };
  const toConversation = (c: { id: string; messages: Array<{ role: 'agent' | 'customer' | 'system'; text: string; ts: number; speaker?: string; kind?: 'transfer' }> }): Conversation => ({
    id: c.id,
    channel: 'chat',
    messages: c.messages.map((m) => ({ ...m })),
  });

  // The batch: scored once, as `zhijian inspect` does before the first frame.
  t = performance.now();
  const items: BatchItem[] = [];
  for (const c of conversations(queueSize)) {
    const conversation = toConversation(c);
    items.push({ row: rowOf(conversation, opts, items.length), conversation, source: 'bench' });
  }
  const scoreMs = performance.now() - t;

  // One long conversation: generated chats joined, timestamps kept increasing.
  const long: Conversation = { id: 'long-500', channel: 'chat', messages: [] };
  for (const c of conversations(Math.ceil(longSize / 6) + 10, 7)) {
    for (const m of c.messages) if (long.messages.length < longSize) long.messages.push({ ...m, ts: Date.UTC(2024, 5, 1, 1) + long.messages.length * 20_000 });
  }

  const dir = mkdtempSync(join(tmpdir(), 'zhijian-bench-inspect-'));
  const store = openStore(join(dir, 'reviews.db'));
  const t0 = strings('zh');
  try {
    const ref = store.recordPack(packJson);
    const mount = (batch: BatchItem[]) => {
      const stdout = new FakeStdout();
      const stdin = new FakeStdin();
      const started = performance.now();
      const inspector = new Inspector({
        items: batch,
        pack,
        session: new ReviewSession(store, 'bench', ref.hash),
        lang: 'zh',
        timeZone: 'Asia/Shanghai',
        now,
        size: { rows: ROWS, cols: COLS },
        batchKey: `bench-${batch.length}`,
        roleWidth: 6,
      });
      const info = { inspector: 'bench', sources: 1, timeZone: 'Asia/Shanghai', ruleName: (id: string) => id };
      const first = nextFrame(stdout);
      const app = render(React.createElement(InspectorApp, { inspector, t: t0, info, followTerminal: false }), {
        stdout: stdout as unknown as NodeJS.WriteStream,
        stdin: stdin as unknown as NodeJS.ReadStream,
        stderr: stdout as unknown as NodeJS.WriteStream,
        debug: true,
        exitOnCtrlC: false,
        patchConsole: false,
      });
      return { stdout, stdin, app, inspector, first: first.then((at) => at - started) };
    };

    const load = loadavg().map((x) => x.toFixed(1)).join(' ');
    console.log(`\ninspector: Ink 6 + React ${React.version} (NODE_ENV=${process.env.NODE_ENV}), fake ${COLS}x${ROWS} terminal, frames unthrottled; ${cpus().length} CPUs, load average ${load}`);
    console.log(`  modules (ink, react, store, app) loaded in ${importMs.toFixed(0)} ms`);
    console.log(`  ${queueSize} conversations read and scored in ${(scoreMs / 1000).toFixed(2)} s (before the first frame, once per run)`);

    // 1. The queue.
    const q = mount(items);
    const firstFrame = await q.first;
    console.log(`  first frame, ${queueSize}-row queue: ${firstFrame.toFixed(1)} ms  (aim < 500 ms)`);
    const queueTimes: Timing[] = [];
    for (let i = 0; i < presses; i++) queueTimes.push(await keyToFrame(q.stdin, q.stdout, i % 50 < 25 ? 'j' : 'k'));
    console.log(`  queue, j/k -> frame: ${stats(queueTimes)}`);
    const jumps: Timing[] = [];
    for (let i = 0; i < 20; i++) jumps.push(await keyToFrame(q.stdin, q.stdout, i % 2 === 0 ? 'G' : 'g'));
    console.log(`  queue, G/g (first <-> last of ${queueSize}) -> frame: ${stats(jumps)}`);
    const sorts: Timing[] = [];
    for (let i = 0; i < 12; i++) sorts.push(await keyToFrame(q.stdin, q.stdout, 'o'));
    console.log(`  queue, o (re-sort ${queueSize} rows) -> frame: ${stats(sorts)}`);
    q.app.unmount();

    // 2. The long conversation.
    const longItems: BatchItem[] = [{ row: rowOf(long, opts, 0), conversation: long, source: 'bench' }];
    const c = mount(longItems);
    await c.first;
    const opened = await keyToFrame(c.stdin, c.stdout, '\r');
    console.log(`  open a ${long.messages.length}-message conversation (${longItems[0]!.row.findings} findings; evaluated on open): ${opened.wall.toFixed(1)} ms`);
    const moves: Timing[] = [];
    for (let i = 0; i < presses; i++) moves.push(await keyToFrame(c.stdin, c.stdout, Math.floor(i / 100) % 2 === 0 ? 'j' : 'k'));
    console.log(`  ${long.messages.length}-message conversation, j/k -> frame: ${stats(moves)}  (aim < 30 ms)`);
    const pages: Timing[] = [];
    for (let i = 0; i < 40; i++) pages.push(await keyToFrame(c.stdin, c.stdout, i < 20 ? ' ' : 'b'));
    console.log(`  ${long.messages.length}-message conversation, page down/up -> frame: ${stats(pages)}`);
    const finds: Timing[] = [];
    for (let i = 0; i < 40; i++) finds.push(await keyToFrame(c.stdin, c.stdout, i % 4 === 3 ? 'N' : 'n'));
    console.log(`  ${long.messages.length}-message conversation, n/N -> frame: ${stats(finds)}`);
    const decisions: Timing[] = [];
    for (let i = 0; i < 40; i++) {
      decisions.push(await keyToFrame(c.stdin, c.stdout, i % 2 === 0 ? 'a' : 'u'));
      if (i % 2 === 1) await keyToFrame(c.stdin, c.stdout, 'n');
    }
    console.log(`  ${long.messages.length}-message conversation, a/u (stored in SQLite, then re-scored) -> frame: ${stats(decisions)}`);
    c.app.unmount();
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
