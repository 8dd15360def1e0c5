/**
 * Streaming CSV importer (one message per row, see shared spec formats.md).
 *
 * Parsing is papaparse's low-level `Papa.Parser`, fed with the pending text and `ignoreLastRow` (the
 * same mechanism papaparse uses for its own streaming): every row it returns is complete, the
 * unfinished tail (an open quoted field, a line without its line break yet) is kept and parsed again
 * with the next chunk. Delimiter (`,`) and line break (taken from the first line) are fixed up
 * front, so the cut points never change how a record is read: splitting the text into any chunks
 * gives the same conversations and problems as one chunk. To keep work linear when a field never
 * closes (an unclosed quote swallows the rest of the file), the tail is re-parsed only once the
 * pending text has doubled.
 *
 * Line numbers are the 1-based physical line where a record starts; they are counted lazily from
 * papaparse's `meta.cursor` (native indexOf over line breaks) when a problem or a new conversation needs one.
 *
 * Decisions:
 * - Column names are trimmed and case-insensitive; `role`, `kind` and `channel` values are trimmed and
 *   case-insensitive too (`Agent` is agent). Text is kept exactly as written.
 * - Unknown columns go to `message.meta` under their header name; empty cells are left out.
 * - A row whose field count differs from the header is skipped with `csv.field-count` (an unquoted
 *   comma or line break would otherwise shift columns silently) — except extra cells that are all
 *   empty (trailing commas some exporters write), which are ignored. Blank lines and rows whose cells
 *   are all empty (spreadsheet leftovers) are ignored without a problem.
 * - A row with several faults gets one problem per fault, all on its line; the row is skipped.
 * - Rows are grouped by conversation id only (a skipped row with a valid id still marks where its
 *   conversation is). A conversation is emitted when the id changes.
 * - Non-contiguous ids: when an id that was already read reappears after other conversations, the
 *   reader reports `csv.non-contiguous` (line of the reappearance, the id, where it was first read) and
 *   reads that run of rows as a separate conversation `<id>#2` (`#3`, …) with `meta.originalId`.
 *   Every row stays visible in the results and the split is impossible to miss, whereas merging would
 *   need the whole file in memory and dropping would hide data. (If no conversation with that id was
 *   emitted because all its earlier rows were bad, the id is kept as is; the problem is still reported.)
 * - A conversation's channel is that of its first accepted row (default chat); later rows' channels
 *   are validated but do not change it.
 * - Every conversation gets `timeZone` = the import zone (default Asia/Shanghai).
 * - An invalid `timeZone` option is one problem (`import.bad-timezone`) and nothing is read.
 * - Line break style (LF, CRLF or CR) is taken from the header line; physical lines are counted with it.
 */
import Papa from 'papaparse';
import type { Channel, Conversation, Message, MessageKind } from '../model/conversation.js';
import { createTimestampParser } from '../time/zone.js';
import { ProblemSink, type ProblemLocation } from './problems.js';
import { DEFAULT_TIME_ZONE, type ConversationReader, type ImportOptions, type ImportProblem } from './types.js';
import { CHANNEL_CHOICES, KIND_CHOICES, ROLE_CHOICES, looseChannel, looseKind, looseRole } from './values.js';
import type { ImportMessageCode } from './messages.js';

const REQUIRED = ['conversation_id', 'role', 'text'] as const;
/** Max characters handed to papaparse at once (see `feed`). */
const PIECE = 16_384;
const KNOWN = ['conversation_id', 'timestamp', 'role', 'speaker', 'text', 'kind', 'channel', 'end_timestamp'] as const;
type KnownColumn = (typeof KNOWN)[number];

interface Header {
  width: number;
  id: number;
  role: number;
  text: number;
  ts: number;
  endTs: number;
  speaker: number;
  kind: number;
  channel: number;
  /** Unknown columns: [index, meta key] */
  extraIdx: number[];
  extraKey: string[];
}

interface Group {
  baseId: string;
  outId: string;
  /** Line where this id was first read (for the non-contiguous message). */
  line: number;
  channel: Channel;
  messages: Message[];
  split: boolean;
}

interface StepResult {
  data: string[][];
  errors: Array<{ code?: string }>;
  meta: { cursor: number };
}

/** True when every cell from `from` on is blank. */
function emptyFrom(row: readonly string[], from: number): boolean {
  for (let i = from; i < row.length; i++) if ((row[i] as string).trim() !== '') return false;
  return true;
}

export class CsvConversationReader implements ConversationReader {
  private readonly sink: ProblemSink;
  private readonly timeZone: string;
  private readonly parseTs: (raw: string) => number | undefined;

  private pending = '';
  /** Text seen before the line break style is known (normally just the start of the header). */
  private head = '';
  /** Parse again only when `pending` reaches this length (doubling rule, see module comment). */
  private nextParseAt = 0;
  private started = false;
  private newline: '\n' | '\r\n' | '\r' | undefined;
  private nlChar = '\n';
  private parser: Papa.Parser | undefined;
  private header: Header | undefined;
  private fatal = false;
  private ended = false;

  // line bookkeeping for the text being parsed
  private input = '';
  private lineBase = 1;
  private countedOff = 0;
  private countedLine = 1;
  private rowStart = 0;

  private current: Group | undefined;
  /** Ids read so far -> line where first read. */
  private readonly seen = new Map<string, number>();
  /** Ids of emitted conversations. */
  private readonly emitted = new Set<string>();
  private ready: Conversation[] = [];

  constructor(opts?: ImportOptions) {
    this.sink = new ProblemSink(opts);
    this.timeZone = opts?.timeZone ?? DEFAULT_TIME_ZONE;
    const parseTs = createTimestampParser(this.timeZone);
    this.parseTs = parseTs ?? (() => undefined);
    if (parseTs === undefined) {
      this.fatal = true;
      this.sink.add('import.bad-timezone', { timeZone: this.timeZone }, {});
    }
  }

  get problems(): ImportProblem[] {
    return this.sink.list;
  }

  takeProblems(): ImportProblem[] {
    return this.sink.take();
  }

  push(chunk: string): Conversation[] {
    if (this.fatal || this.ended || chunk.length === 0) return this.takeReady();
    let text = chunk;
    if (!this.started) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      if (text.length === 0) return [];
      this.started = true;
    }
    if (this.newline === undefined) {
      this.head += text;
      if (!this.detectNewline(this.head, false)) return [];
      text = this.head;
      this.head = '';
    }
    this.feed(text);
    return this.takeReady();
  }

  end(): Conversation[] {
    if (this.ended) return [];
    this.ended = true;
    if (!this.fatal) {
      if (this.newline === undefined) {
        this.detectNewline(this.head, true);
        const text = this.head;
        this.head = '';
        this.feed(text);
      }
      if (this.pending.length > 0 && !this.fatal) this.parse(true);
      if (this.header === undefined && !this.fatal) {
        this.sink.add('csv.empty', {}, { line: 1 });
      }
      this.finishGroup();
    }
    return this.takeReady();
  }

  /**
   * Append text to the pending tail and parse complete records. The text is handed over in pieces of
   * at most PIECE characters: papaparse is ~3x slower on strings big enough for V8's large-object
   * space (≈64K UTF-16 chars), and any cut is safe (see the module comment).
   */
  private feed(text: string): void {
    for (let off = 0; off < text.length && !this.fatal; off += PIECE) {
      const piece = off === 0 && text.length <= PIECE ? text : text.slice(off, off + PIECE);
      this.pending = this.pending.length === 0 ? piece : this.pending + piece;
      if (this.pending.length >= this.nextParseAt) this.parse(false);
    }
  }

  private takeReady(): Conversation[] {
    if (this.ready.length === 0) return [];
    const out = this.ready;
    this.ready = [];
    return out;
  }

  /** Line break style from the first line (as papaparse would guess it, but fixed once for all chunks). */
  private detectNewline(s: string, final: boolean): boolean {
    const n = s.indexOf('\n');
    const r = s.indexOf('\r');
    let nl: '\n' | '\r\n' | '\r' | undefined;
    if (r === -1 || (n !== -1 && n < r)) {
      if (n !== -1) nl = '\n';
    } else if (r + 1 < s.length) {
      nl = s.charCodeAt(r + 1) === 10 ? '\r\n' : '\r';
    }
    if (nl === undefined) {
      if (!final) return false;
      nl = r !== -1 ? '\r' : '\n';
    }
    this.newline = nl;
    this.nlChar = nl === '\r' ? '\r' : '\n';
    return true;
  }

  private parse(final: boolean): void {
    const input = this.pending;
    this.input = input;
    this.countedOff = 0;
    this.countedLine = this.lineBase;
    this.rowStart = 0;
    if (this.parser === undefined) {
      const config = {
        delimiter: ',',
        newline: this.newline,
        quoteChar: '"',
        escapeChar: '"',
        step: (r: StepResult) => this.onStep(r),
      };
      this.parser = new Papa.Parser(config as unknown as Papa.ParseConfig);
    }
    this.parser.parse(input, 0, !final);
    if (this.fatal) {
      this.pending = '';
      this.input = '';
      return;
    }
    const consumed = final ? input.length : this.rowStart;
    this.lineBase = this.lineAt(consumed);
    this.pending = consumed === 0 ? input : input.slice(consumed);
    this.input = '';
    this.nextParseAt = consumed === 0 ? input.length * 2 : this.pending.length * 2;
  }

  /** 1-based line of an offset in the text being parsed (offsets must not decrease). */
  private lineAt(off: number): number {
    const s = this.input;
    const nl = this.nlChar;
    let i = this.countedOff;
    let line = this.countedLine;
    if (off < i) {
      i = 0;
      line = this.lineBase;
    }
    for (;;) {
      const j = s.indexOf(nl, i);
      if (j === -1 || j >= off) break;
      line++;
      i = j + 1;
    }
    this.countedOff = off;
    this.countedLine = line;
    return line;
  }

  private onStep(r: StepResult): void {
    if (this.fatal) return;
    const start = this.rowStart;
    this.rowStart = r.meta.cursor;
    const row = r.data[0];
    if (row === undefined) return;
    if (r.errors.length > 0) {
      this.onQuoteError(r.errors, start);
      return;
    }
    if (row.length === 1 && row[0] === '') return; // blank line
    if (this.header === undefined) {
      this.readHeader(row, start);
      return;
    }
    this.onRow(row, start, this.header);
  }

  private onQuoteError(errors: StepResult['errors'], start: number): void {
    const line = this.lineAt(start);
    const missing = errors.some((e) => e.code === 'MissingQuotes');
    if (missing) {
      // Count the physical lines to the end of the text (the unclosed field runs to EOF).
      let endLine = line;
      const s = this.input;
      for (let j = s.indexOf(this.nlChar, start); j !== -1 && j < s.length - 1; j = s.indexOf(this.nlChar, j + 1)) endLine++;
      this.sink.add('csv.unclosed-quote', { endLine }, { line });
    } else {
      this.sink.add('csv.invalid-quote', {}, { line });
    }
    if (this.header === undefined) {
      // A broken header: nothing can be read reliably.
      this.fatal = true;
      this.parser?.abort();
    }
  }

  private readHeader(row: string[], start: number): void {
    const line = this.lineAt(start);
    const idx = new Map<KnownColumn, number>();
    const extraIdx: number[] = [];
    const extraKey: string[] = [];
    const usedKeys = new Set<string>();
    for (let i = 0; i < row.length; i++) {
      const raw = (row[i] as string).replace(/^\uFEFF/, '').trim();
      const name = raw.toLowerCase();
      if ((KNOWN as readonly string[]).includes(name)) {
        const col = name as KnownColumn;
        if (idx.has(col)) {
          this.sink.add('csv.duplicate-column', { column: name, position: i + 1 }, { line });
        } else {
          idx.set(col, i);
        }
        continue;
      }
      let key = raw === '' ? `column_${i + 1}` : raw;
      if (usedKeys.has(key)) {
        let k = 2;
        while (usedKeys.has(`${key}_${k}`)) k++;
        key = `${key}_${k}`;
      }
      usedKeys.add(key);
      extraIdx.push(i);
      extraKey.push(key);
    }
    const missing = REQUIRED.filter((c) => !idx.has(c));
    if (missing.length > 0) {
      for (const column of missing) this.sink.add('csv.missing-column', { column }, { line });
      this.fatal = true;
      this.parser?.abort();
      return;
    }
    this.header = {
      width: row.length,
      id: idx.get('conversation_id') ?? -1,
      role: idx.get('role') ?? -1,
      text: idx.get('text') ?? -1,
      ts: idx.get('timestamp') ?? -1,
      endTs: idx.get('end_timestamp') ?? -1,
      speaker: idx.get('speaker') ?? -1,
      kind: idx.get('kind') ?? -1,
      channel: idx.get('channel') ?? -1,
      extraIdx,
      extraKey,
    };
  }

  private problem(code: ImportMessageCode, params: Record<string, string | number>, start: number, conversationId?: string): void {
    const at: ProblemLocation = { line: this.lineAt(start) };
    if (conversationId !== undefined) at.conversationId = conversationId;
    this.sink.add(code, params, at);
  }

  private onRow(row: string[], start: number, h: Header): void {
    if (row.length !== h.width && !(row.length > h.width && emptyFrom(row, h.width))) {
      if (!emptyFrom(row, 0)) this.problem('csv.field-count', { expected: h.width, actual: row.length }, start);
      return;
    }
    const id = (row[h.id] as string).trim();
    if (id === '') {
      if (!emptyFrom(row, 0)) this.problem('csv.missing-id', {}, start);
      return;
    }
    let g = this.current;
    if (g === undefined || g.baseId !== id) g = this.startGroup(id, start);
    const cid = g.outId;
    let bad = false;

    const roleRaw = row[h.role] as string;
    const role = looseRole(roleRaw);
    if (role === undefined) {
      const value = roleRaw.trim();
      if (value === '') this.problem('csv.missing-role', {}, start, cid);
      else this.problem('csv.unknown-role', { value, allowed: ROLE_CHOICES }, start, cid);
      bad = true;
    }

    let ts: number | undefined;
    if (h.ts >= 0) {
      const raw = row[h.ts] as string;
      if (raw !== '') {
        ts = this.parseTs(raw);
        if (ts === undefined && raw.trim() !== '') {
          this.problem('csv.bad-timestamp', { column: 'timestamp', value: raw.trim() }, start, cid);
          bad = true;
        }
      }
    }
    let endTs: number | undefined;
    if (h.endTs >= 0) {
      const raw = row[h.endTs] as string;
      if (raw !== '') {
        endTs = this.parseTs(raw);
        if (endTs === undefined && raw.trim() !== '') {
          this.problem('csv.bad-timestamp', { column: 'end_timestamp', value: raw.trim() }, start, cid);
          bad = true;
        }
      }
    }
    let kind: MessageKind | undefined;
    if (h.kind >= 0) {
      const raw = row[h.kind] as string;
      if (raw !== '') {
        kind = looseKind(raw);
        if (kind === undefined && raw.trim() !== '') {
          this.problem('csv.unknown-kind', { value: raw.trim(), allowed: KIND_CHOICES }, start, cid);
          bad = true;
        }
      }
    }
    let channel: Channel | undefined;
    if (h.channel >= 0) {
      const raw = row[h.channel] as string;
      if (raw !== '') {
        channel = looseChannel(raw);
        if (channel === undefined && raw.trim() !== '') {
          this.problem('csv.unknown-channel', { value: raw.trim(), allowed: CHANNEL_CHOICES }, start, cid);
          bad = true;
        }
      }
    }
    if (bad) return;

    const m: Message = { role: role as Message['role'], text: row[h.text] as string };
    if (ts !== undefined) m.ts = ts;
    if (endTs !== undefined) m.endTs = endTs;
    if (kind !== undefined) m.kind = kind;
    if (h.speaker >= 0) {
      const speaker = (row[h.speaker] as string).trim();
      if (speaker !== '') m.speaker = speaker;
    }
    const n = h.extraIdx.length;
    if (n > 0) {
      let meta: Record<string, string> | undefined;
      for (let i = 0; i < n; i++) {
        const v = row[h.extraIdx[i] as number] as string;
        if (v !== '') (meta ??= {})[h.extraKey[i] as string] = v;
      }
      if (meta !== undefined) m.meta = meta;
    }
    if (g.messages.length === 0 && channel !== undefined) g.channel = channel;
    g.messages.push(m);
  }

  private startGroup(id: string, start: number): Group {
    this.finishGroup();
    const firstLine = this.seen.get(id);
    let outId = id;
    if (this.emitted.has(id)) {
      let k = 2;
      while (this.emitted.has(`${id}#${k}`)) k++;
      outId = `${id}#${k}`;
    }
    const line = this.lineAt(start);
    if (firstLine !== undefined) {
      this.sink.add('csv.non-contiguous', { id, firstLine, newId: outId }, { line, conversationId: outId });
    } else {
      this.seen.set(id, line);
      if (outId !== id) this.sink.add('csv.id-collision', { id, newId: outId }, { line, conversationId: outId });
    }
    const g: Group = { baseId: id, outId, line, channel: 'chat', messages: [], split: outId !== id };
    this.current = g;
    return g;
  }

  private finishGroup(): void {
    const g = this.current;
    if (g === undefined) return;
    this.current = undefined;
    if (g.messages.length === 0) return;
    const c: Conversation = { id: g.outId, channel: g.channel, timeZone: this.timeZone, messages: g.messages };
    if (g.split) c.meta = { originalId: g.baseId };
    this.emitted.add(g.outId);
    this.ready.push(c);
  }
}
