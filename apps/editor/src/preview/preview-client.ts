/**
 * Main-thread manager of the preview worker (Monaco's workerManager, scaled down): starts the
 * worker lazily, keeps what it needs to restart it (samples, saved pack, latest text), numbers every
 * request and drops replies that a newer request has made stale.
 *
 * Scheduling: a change is sent at once when the worker is idle (no added latency on the first
 * keystroke); while it is busy, changes are coalesced and the latest is sent after `debounceMs` of
 * quiet or as soon as the worker answers, whichever comes first. The worker itself abandons a run
 * that a newer text has superseded, so a large sample set never queues work behind the typing.
 */
import type { Lang } from '../i18n';
import type { Analysis, EditorProblem, FromWorker, SampleConversation, SampleProblem, SampleSource, ToWorker } from './protocol';

/** The part of a Worker the client uses (a fake in tests). */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface PreviewEvents {
  ready(schema: Record<string, unknown>): void;
  samples(conversations: SampleConversation[], problems: SampleProblem[]): void;
  analysis(analysis: Analysis): void;
  lint(id: number, problems: EditorProblem[], ms: number): void;
  failed(message: string): void;
}

export interface PreviewClientOptions {
  debounceMs?: number;
  /** Restarts allowed within a minute after crashes before giving up. */
  maxRestarts?: number;
}

export class PreviewClient {
  private worker: WorkerLike | undefined;
  private seq = 0;
  private lastSent = 0;
  private busy = false;
  private pending: { id: number; text: string } | undefined;
  private lastText: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private samples: SampleSource[] | undefined;
  private samplesId = 0;
  private savedText: string | undefined;
  private restarts: number[] = [];
  private disposed = false;
  private readonly debounceMs: number;
  private readonly maxRestarts: number;

  constructor(
    private readonly lang: Lang,
    private readonly events: PreviewEvents,
    private readonly createWorker: () => WorkerLike,
    options: PreviewClientOptions = {},
  ) {
    this.debounceMs = options.debounceMs ?? 30;
    this.maxRestarts = options.maxRestarts ?? 3;
  }

  /** Starts the worker if it is not running (it says `ready` with the pack schema). */
  start(): void {
    this.ensure();
  }

  setSamples(sources: SampleSource[]): void {
    this.samples = sources;
    this.post({ type: 'samples', id: ++this.samplesId, sources });
  }

  setSaved(text: string): void {
    this.savedText = text;
    this.post({ type: 'saved', text });
  }

  /** Asks for the analysis of a text; returns its request id (the analysis event carries it). */
  analyze(text: string): number {
    const id = ++this.seq;
    this.pending = { id, text };
    this.lastText = text;
    if (!this.busy) this.flush();
    else {
      if (this.timer !== undefined) clearTimeout(this.timer);
      this.timer = setTimeout(() => this.flush(), this.debounceMs);
    }
    return id;
  }

  /** The id of the newest request: an analysis with another id is stale. */
  get latestId(): number {
    return this.seq;
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.worker?.terminate();
    this.worker = undefined;
  }

  private flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const job = this.pending;
    if (!job) return;
    this.pending = undefined;
    this.lastSent = job.id;
    this.busy = true;
    this.post({ type: 'analyze', id: job.id, text: job.text });
  }

  private post(message: ToWorker): void {
    this.ensure().postMessage(message);
  }

  private ensure(): WorkerLike {
    if (this.worker) return this.worker;
    if (this.disposed) throw new Error('preview client disposed');
    const worker = this.createWorker();
    worker.onmessage = (event) => this.receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault?.();
      this.crashed(event.message || 'worker error');
    };
    this.worker = worker;
    worker.postMessage({ type: 'init', lang: this.lang });
    return worker;
  }

  private receive(msg: FromWorker): void {
    switch (msg.type) {
      case 'ready':
        this.events.ready(msg.schema);
        break;
      case 'samples':
        if (msg.id === this.samplesId) this.events.samples(msg.conversations, msg.problems);
        break;
      case 'saved':
        break;
      case 'analysis': {
        if (msg.analysis.id === this.lastSent) this.busy = false;
        if (msg.analysis.id !== this.seq) {
          // Stale: a newer text exists. Send it now rather than waiting for the debounce.
          if (!this.busy) this.flush();
          return;
        }
        this.events.analysis(msg.analysis);
        break;
      }
      case 'lint':
        if (msg.id === this.seq) this.events.lint(msg.id, msg.problems, msg.ms);
        break;
      case 'failed':
        this.crashed(msg.message);
        break;
    }
  }

  /** A crash: report it, then restart with the same state (a few times a minute at most). */
  private crashed(message: string): void {
    this.events.failed(message);
    this.worker?.terminate();
    this.worker = undefined;
    this.busy = false;
    const t = Date.now();
    this.restarts = this.restarts.filter((r) => t - r < 60_000);
    if (this.disposed || this.restarts.length >= this.maxRestarts) return;
    this.restarts.push(t);
    if (this.samples) this.post({ type: 'samples', id: ++this.samplesId, sources: this.samples });
    if (this.savedText !== undefined) this.post({ type: 'saved', text: this.savedText });
    if (this.lastText !== undefined) {
      this.pending = { id: ++this.seq, text: this.lastText };
      this.flush();
    }
  }
}
