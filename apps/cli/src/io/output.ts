/** Buffered writes to stdout that respect back-pressure: flushed once per input chunk. */
import { once } from 'node:events';

const FLUSH_AT = 64 * 1024;

export class Output {
  private parts: string[] = [];
  private size = 0;

  constructor(private readonly stream: NodeJS.WritableStream) {}

  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
  }

  /** Writes what is buffered; waits for 'drain' when the stream asks for it. */
  async flush(): Promise<void> {
    if (this.size === 0) return;
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  /** Flushes only when enough has accumulated. */
  async flushIfFull(): Promise<void> {
    if (this.size >= FLUSH_AT) await this.flush();
  }
}
