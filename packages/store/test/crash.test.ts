import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../src/index.js';
import { tempDir } from './helpers.js';

const WRITER = join(import.meta.dirname, 'fixtures', 'crash-writer.mjs');
const DIST = join(import.meta.dirname, '..', 'dist', 'index.js');

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  if (!existsSync(DIST)) throw new Error(`${DIST} is missing: build @zhijian/store first (pnpm --filter @zhijian/store build)`);
});
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

/** Runs the writer until it has printed `n` committed decisions, then SIGKILLs it mid-stream. */
async function runAndKill(file: string, inspector: string, n: number): Promise<{ committed: number[]; signal: NodeJS.Signals | null }> {
  const child = spawn(process.execPath, [WRITER, file, inspector], { stdio: ['ignore', 'pipe', 'pipe'] });
  const committed: number[] = [];
  let buffered = '';
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  child.stdout.on('data', (b: Buffer) => {
    buffered += b.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines) {
      const m = /^committed (\d+) /.exec(line);
      if (m) committed.push(Number(m[1]));
    }
    if (committed.length >= n && child.exitCode === null && !child.killed) child.kill('SIGKILL');
  });
  // A writer that makes no progress for a long time is stuck: kill it and say so.
  let seen = -1;
  const watchdog = setInterval(() => {
    if (committed.length === seen && child.exitCode === null) {
      child.kill('SIGKILL');
      stderr += `\n[stuck after ${committed.length} committed lines]`;
    }
    seen = committed.length;
  }, 60_000); // generous: a loaded CI machine can stall a child for many seconds without it being stuck
  const signal = await exited.finally(() => clearInterval(watchdog));
  if (signal !== 'SIGKILL' || stderr.includes('[stuck')) throw new Error(`writer exited on its own or got stuck (${signal}): ${stderr}`);
  return { committed, signal };
}

describe('crash safety', () => {
  it('keeps every decision committed before a SIGKILL, and the file opens cleanly', async () => {
    const file = join(dir, 'reviews.db');
    let expectedAtLeast = 0;
    const timings: number[] = [];
    for (const [round, n] of [200, 37, 500].entries()) {
      const started = Date.now();
      const { committed } = await runAndKill(file, `inspector-${round}`, n);
      expect(committed.length).toBeGreaterThanOrEqual(n);
      expectedAtLeast += committed.length;
      // The commits lived in the un-checkpointed WAL (never fsynced) when the process died.
      expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);

      const store = openStore(file);
      try {
        expect(store.integrityCheck()).toBe('ok');
        const log = store.decisionsFor('crash-1', `inspector-${round}`);
        const ids = new Set(log.map((d) => d.id));
        const missing = committed.filter((id) => !ids.has(id));
        expect(missing).toEqual([]);
        // At most one more than printed: committed, killed before its line went out.
        expect(ids.size - committed.length).toBeLessThanOrEqual(1);
        expect(store.decisionsFor('crash-1').length).toBeGreaterThanOrEqual(expectedAtLeast);
        expect(store.loadSession(`inspector-${round}`)).toMatchObject({ conversationId: 'crash-1' });
        // And the store is fully usable again.
        const review = store.openReview('crash-1', `inspector-${round}`, store.getReview(log[0]!.reviewId)!.packHash, []);
        store.appendDecision(review, { kind: 'comment', text: 'after the crash' });
        expectedAtLeast += 1;
      } finally {
        store.close();
      }
      timings.push(Date.now() - started);
    }
    console.log(`crash rounds took ${timings.join(', ')} ms`);
  }, 300_000);
});
