import { describe, expect, it } from 'vitest';
import { PreviewClient, type PreviewEvents, type WorkerLike } from './preview-client';
import type { Analysis, FromWorker, ToWorker } from './protocol';

class FakeWorker implements WorkerLike {
  sent: ToWorker[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  postMessage(message: ToWorker): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(message: FromWorker): void {
    this.onmessage?.({ data: message } as MessageEvent<FromWorker>);
  }
  analyses(): Array<{ id: number; text: string }> {
    return this.sent.filter((m): m is Extract<ToWorker, { type: 'analyze' }> => m.type === 'analyze').map((m) => ({ id: m.id, text: m.text }));
  }
}

const analysis = (id: number): Analysis => ({
  id,
  valid: true,
  problems: [],
  outline: { categories: [], orphans: [] },
  results: [],
  timings: { parseMs: 0, compileMs: 0, scoreMs: 0, examplesMs: 0, totalMs: 0, reused: false },
});

function setup() {
  const workers: FakeWorker[] = [];
  const got: { analyses: number[]; failures: string[]; lint: number[] } = { analyses: [], failures: [], lint: [] };
  const events: PreviewEvents = {
    ready: () => undefined,
    samples: () => undefined,
    analysis: (a) => got.analyses.push(a.id),
    lint: (id) => got.lint.push(id),
    failed: (m) => got.failures.push(m),
  };
  const client = new PreviewClient('zh', events, () => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  }, { debounceMs: 10_000 });
  return { client, workers, got };
}

describe('PreviewClient', () => {
  it('starts the worker lazily and initialises it with the language', () => {
    const { client, workers } = setup();
    expect(workers).toHaveLength(0);
    client.analyze('a');
    expect(workers).toHaveLength(1);
    expect(workers[0]!.sent[0]).toEqual({ type: 'init', lang: 'zh' });
  });

  it('sends at once when idle, coalesces while busy, and drops stale replies', () => {
    const { client, workers, got } = setup();
    const first = client.analyze('a');
    client.analyze('ab');
    const third = client.analyze('abc');
    const w = workers[0]!;
    expect(w.analyses()).toEqual([{ id: first, text: 'a' }]);
    w.reply({ type: 'analysis', analysis: analysis(first) });
    // The reply to 'a' is stale: dropped, and the latest text goes out right away.
    expect(got.analyses).toEqual([]);
    expect(w.analyses()).toEqual([
      { id: first, text: 'a' },
      { id: third, text: 'abc' },
    ]);
    w.reply({ type: 'lint', id: first, problems: [], ms: 1 });
    w.reply({ type: 'analysis', analysis: analysis(third) });
    w.reply({ type: 'lint', id: third, problems: [], ms: 1 });
    expect(got.analyses).toEqual([third]);
    expect(got.lint).toEqual([third]);
  });

  it('restarts a crashed worker with its samples, saved pack and latest text', () => {
    const { client, workers, got } = setup();
    client.setSamples([{ name: 's.csv', format: 'csv', text: 'x' }]);
    client.setSaved('saved');
    client.analyze('latest');
    workers[0]!.reply({ type: 'failed', message: 'boom' });
    expect(got.failures).toEqual(['boom']);
    expect(workers[0]!.terminated).toBe(true);
    const types = workers[1]!.sent.map((m) => m.type);
    expect(types).toEqual(['init', 'samples', 'saved', 'analyze']);
    expect(workers[1]!.analyses()[0]!.text).toBe('latest');
  });

  it('gives up restarting after repeated crashes', () => {
    const { client, workers } = setup();
    client.analyze('x');
    for (let i = 0; i < 5; i++) workers[workers.length - 1]!.reply({ type: 'failed', message: `crash ${i}` });
    expect(workers).toHaveLength(4);
  });
});
