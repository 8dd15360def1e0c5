/**
 * Entry of the preview Web Worker: only the message loop around PreviewService. A newer `analyze`
 * supersedes the one running: the running one gives up at its next chunk boundary, so the worker
 * always works on the latest text and typing never queues work. Lint runs when the text has been
 * still for a moment (LINT_IDLE_MS), never between a keystroke and its preview.
 */
import { PreviewService } from './preview-service';
import type { FromWorker, ToWorker } from './protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker): void;
}
const scope = self as unknown as WorkerScope;

let service: PreviewService | undefined;
let pending: Extract<ToWorker, { type: 'analyze' }> | undefined;
let running = false;
/** Work this long before letting newer messages in. */
const SLICE_MS = 40;
/** Lint once the text has been still this long (it would otherwise delay the next keystroke's preview). */
const LINT_IDLE_MS = 350;
let lintTimer: ReturnType<typeof setTimeout> | undefined;

function post(message: FromWorker): void {
  scope.postMessage(message);
}

function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Lint is slower than the preview: it runs when typing pauses, for the latest text only. */
function scheduleLint(job: Extract<ToWorker, { type: 'analyze' }>): void {
  lintTimer = setTimeout(() => {
    lintTimer = undefined;
    if (pending || running || !service) return;
    const t0 = performance.now();
    const problems = service.lint(job.text);
    post({ type: 'lint', id: job.id, problems, ms: performance.now() - t0 });
  }, LINT_IDLE_MS);
}

async function drain(): Promise<void> {
  if (running) return;
  running = true;
  try {
    while (pending && service) {
      const job = pending;
      pending = undefined;
      const steps = service.analyzeSteps(job.id, job.text);
      let sliceStart = performance.now();
      let superseded = false;
      for (;;) {
        const step = steps.next();
        if (step.done) {
          post({ type: 'analysis', analysis: step.value });
          if (step.value.valid) scheduleLint(job);
          break;
        }
        if (performance.now() - sliceStart > SLICE_MS) {
          await yieldToMessages();
          sliceStart = performance.now();
          if (pending) {
            superseded = true;
            break;
          }
        }
      }
      if (superseded) continue;
    }
  } catch (e) {
    post({ type: 'failed', message: (e as Error).stack ?? String(e) });
  } finally {
    running = false;
  }
}

scope.onmessage = (event) => {
  const msg = event.data;
  try {
    switch (msg.type) {
      case 'init':
        service = new PreviewService(msg.lang);
        post({ type: 'ready', schema: service.schema() });
        break;
      case 'samples': {
        const loaded = service!.setSamples(msg.sources);
        post({ type: 'samples', id: msg.id, ...loaded });
        break;
      }
      case 'saved':
        post({ type: 'saved', valid: service!.setSaved(msg.text) });
        break;
      case 'analyze':
        if (lintTimer !== undefined) clearTimeout(lintTimer);
        lintTimer = undefined;
        pending = msg;
        void drain();
        break;
    }
  } catch (e) {
    post({ type: 'failed', message: (e as Error).stack ?? String(e) });
  }
};
