/**
 * Streaming JSONL importer: one conversation per line, blank lines ignored, BOM and CRLF tolerated.
 * Problems carry the line and, for schema / timestamp errors, a JSON pointer into that line's value.
 */
import type { Conversation } from '../model/conversation.js';
import { createTimestampParser } from '../time/zone.js';
import { jsonErrorOffset } from './json-error.js';
import { convertWrittenConversation, type JsonContext } from './json-convert.js';
import { ProblemSink } from './problems.js';
import { DEFAULT_TIME_ZONE, type ConversationReader, type ImportOptions, type ImportProblem } from './types.js';

export class JsonlConversationReader implements ConversationReader {
  private readonly sink: ProblemSink;
  private readonly ctx: JsonContext | undefined;
  private pending = '';
  /** Where to resume looking for '\n' in `pending`. */
  private scanFrom = 0;
  private line = 0;
  private started = false;
  private ended = false;

  constructor(opts?: ImportOptions) {
    this.sink = new ProblemSink(opts);
    const timeZone = opts?.timeZone ?? DEFAULT_TIME_ZONE;
    const parseTs = createTimestampParser(timeZone);
    if (parseTs === undefined) {
      this.sink.add('import.bad-timezone', { timeZone }, {});
    } else {
      this.ctx = { sink: this.sink, timeZone, parseTs, ids: new Set(), base: '' };
    }
  }

  get problems(): ImportProblem[] {
    return this.sink.list;
  }

  takeProblems(): ImportProblem[] {
    return this.sink.take();
  }

  push(chunk: string): Conversation[] {
    if (this.ctx === undefined || this.ended || chunk.length === 0) return [];
    let s = this.pending.length === 0 ? chunk : this.pending + chunk;
    if (!this.started) {
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
      if (s.length === 0) return [];
      this.started = true;
    }
    const out: Conversation[] = [];
    let start = 0;
    for (let nl = s.indexOf('\n', this.scanFrom); nl !== -1; nl = s.indexOf('\n', start)) {
      this.readLine(s, start, nl, out);
      start = nl + 1;
    }
    this.pending = start === 0 ? s : s.slice(start);
    this.scanFrom = this.pending.length;
    return out;
  }

  end(): Conversation[] {
    if (this.ended) return [];
    this.ended = true;
    const out: Conversation[] = [];
    if (this.ctx !== undefined && this.pending.length > 0) this.readLine(this.pending, 0, this.pending.length, out);
    this.pending = '';
    return out;
  }

  private readLine(s: string, from: number, to: number, out: Conversation[]): void {
    const ctx = this.ctx as JsonContext;
    this.line++;
    let text = s.slice(from, to);
    if (text.charCodeAt(text.length - 1) === 13) text = text.slice(0, -1);
    if (text.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      const params: Record<string, string | number> = { reason: jsonErrorReason(e) };
      const off = jsonErrorOffset(text);
      if (off >= 0) params.column = off + 1;
      this.sink.add('jsonl.invalid-json', params, { line: this.line });
      return;
    }
    ctx.line = this.line;
    const c = convertWrittenConversation(value, ctx);
    if (c !== undefined) out.push(c);
  }
}

/** The JSON parser's own explanation, without a trailing period. */
export function jsonErrorReason(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.replace(/[.。]\s*$/, '');
}
