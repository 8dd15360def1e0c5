/** A progress line on stderr for long runs, only when stderr is a terminal. */
import type { Strings } from '../i18n/index.js';

const SHOW_AFTER_MS = 1000;
const EVERY_MS = 250;

export class Progress {
  private readonly started = performance.now();
  private last = 0;
  private shown = false;

  constructor(
    private readonly stderr: NodeJS.WritableStream & { isTTY?: boolean },
    private readonly t: Strings,
  ) {}

  update(conversations: number): void {
    if (this.stderr.isTTY !== true) return;
    const now = performance.now();
    if (now - this.started < SHOW_AFTER_MS || now - this.last < EVERY_MS) return;
    this.last = now;
    const rate = Math.round(conversations / ((now - this.started) / 1000));
    this.stderr.write(`\r${this.t.progress(conversations.toLocaleString('en-US'), rate.toLocaleString('en-US'))}\x1b[K`);
    this.shown = true;
  }

  /** Erases the line (before other stderr output, and at the end). */
  clear(): void {
    if (!this.shown) return;
    this.stderr.write('\r\x1b[K');
    this.shown = false;
  }
}
