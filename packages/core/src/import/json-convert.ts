/**
 * Validation (ajv, JSON Schema 2020-12, compiled once per process) and conversion of a conversation
 * as written in JSON / JSONL into the model (epoch-ms timestamps, English roles).
 *
 * Decisions:
 * - A conversation with any schema error or unreadable timestamp is skipped as a whole (all its
 *   problems are reported, each with a JSON pointer). Dropping single messages would shift every
 *   later messageIndex away from the `/messages/i` the author sees in the file.
 * - Properties outside the schema are kept: on a message in `meta` (non-strings as JSON text), on the
 *   conversation in `meta` (as is). An explicit `meta` entry with the same key wins.
 * - Duplicate ids within one input: reported (`json.duplicate-id`) and read as `<id>#2`, `#3`, … with
 *   `meta.originalId`, like the CSV importer, so every result has a unique conversationId.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Channel, Conversation, Message, MessageKind } from '../model/conversation.js';
import { conversationSchema } from '../model/conversation-schema.js';
import { createTimestampParser } from '../time/zone.js';
import { pointerSegment, type ProblemSink } from './problems.js';
import { exactRole } from './values.js';

let validator: ValidateFunction | undefined;

/** The compiled validator of {@link conversationSchema} (compiled on first use, then reused). */
export function getConversationValidator(): ValidateFunction {
  if (validator === undefined) {
    const ajv = new Ajv2020({ allErrors: true, verbose: true, allowUnionTypes: true, strict: true });
    ajv.addKeyword({ keyword: 'x-description-zh', schemaType: 'string' });
    validator = ajv.compile(conversationSchema as unknown as Record<string, unknown>);
  }
  return validator;
}

interface WrittenMessage {
  role: string;
  text: string;
  ts?: string | number;
  endTs?: string | number;
  kind?: MessageKind;
  speaker?: string;
  meta?: Record<string, string>;
  [key: string]: unknown;
}

interface WrittenConversation {
  id: string;
  channel?: Channel;
  startedAt?: string | number;
  timeZone?: string;
  agent?: string;
  messages: WrittenMessage[];
  meta?: Record<string, unknown>;
  [key: string]: unknown;
}

const MESSAGE_KEYS = new Set(['role', 'text', 'ts', 'endTs', 'kind', 'speaker', 'meta']);
const CONVERSATION_KEYS = new Set(['id', 'channel', 'startedAt', 'timeZone', 'agent', 'messages', 'meta']);

export interface JsonContext {
  sink: ProblemSink;
  /** Default zone (already validated) and its parser. */
  timeZone: string;
  parseTs: (raw: string | number) => number | undefined;
  /** Ids used so far in this input. */
  ids: Set<string>;
  /** Line of the value (JSONL). */
  line?: number;
  /** Pointer of the value inside the document ('' for JSONL and a single-object JSON). */
  base: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function shown(v: unknown): string {
  if (typeof v === 'string') return v;
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s;
}

function reportSchemaErrors(errors: readonly ErrorObject[], ctx: JsonContext, cid: string | undefined): void {
  const done = new Set<string>();
  // type errors first: they explain everything else at the same place
  const ordered = [...errors.filter((e) => e.keyword === 'type'), ...errors.filter((e) => e.keyword !== 'type')];
  for (const e of ordered) {
    let pointer = e.instancePath;
    let code: 'schema.required' | 'schema.type' | 'schema.enum' | 'schema.timestamp' | 'schema.empty' | 'schema.invalid';
    let params: Record<string, string | number>;
    const p = e.params as Record<string, unknown>;
    switch (e.keyword) {
      case 'required':
        pointer += `/${pointerSegment(String(p.missingProperty))}`;
        code = 'schema.required';
        params = { field: String(p.missingProperty) };
        break;
      case 'type':
        code = 'schema.type';
        params = { expected: (Array.isArray(p.type) ? p.type : String(p.type).split(',')).join(' | ') };
        break;
      case 'enum':
        code = 'schema.enum';
        params = { value: shown(e.data), allowed: ((p.allowedValues as unknown[]) ?? []).map(String).join(', ') };
        break;
      case 'pattern':
        code = 'schema.timestamp';
        params = { value: shown(e.data) };
        break;
      case 'minLength':
        code = 'schema.empty';
        params = {};
        break;
      default:
        code = 'schema.invalid';
        params = { reason: e.message ?? e.keyword };
        break;
    }
    if (done.has(pointer)) continue;
    done.add(pointer);
    ctx.sink.add(code, params, { line: ctx.line, pointer: ctx.base + pointer, conversationId: cid });
  }
}

/** Validate and convert one written conversation; undefined (with problems reported) when unusable. */
export function convertWrittenConversation(value: unknown, ctx: JsonContext): Conversation | undefined {
  const validate = getConversationValidator();
  const cid = isRecord(value) && typeof value.id === 'string' && value.id !== '' ? value.id : undefined;
  if (!validate(value)) {
    reportSchemaErrors(validate.errors ?? [], ctx, cid);
    return undefined;
  }
  const c = value as WrittenConversation;
  const id = c.id;
  let parseTs = ctx.parseTs;
  let timeZone = ctx.timeZone;
  if (c.timeZone !== undefined && c.timeZone !== ctx.timeZone) {
    const own = createTimestampParser(c.timeZone);
    if (own === undefined) {
      ctx.sink.add('json.bad-timezone', { value: c.timeZone }, { line: ctx.line, pointer: `${ctx.base}/timeZone`, conversationId: id });
      return undefined;
    }
    parseTs = own;
    timeZone = c.timeZone;
  }
  let bad = false;
  const time = (raw: string | number | undefined, pointer: string): number | undefined => {
    if (raw === undefined) return undefined;
    const t = parseTs(raw);
    if (t === undefined) {
      ctx.sink.add('json.bad-timestamp', { value: shown(raw) }, { line: ctx.line, pointer: ctx.base + pointer, conversationId: id });
      bad = true;
    }
    return t;
  };

  const startedAt = time(c.startedAt, '/startedAt');
  const written = c.messages;
  const messages: Message[] = new Array<Message>(written.length);
  for (let i = 0; i < written.length; i++) {
    const w = written[i] as WrittenMessage;
    const m: Message = { role: exactRole(w.role) ?? 'system', text: w.text };
    const ts = time(w.ts, `/messages/${i}/ts`);
    if (ts !== undefined) m.ts = ts;
    const endTs = time(w.endTs, `/messages/${i}/endTs`);
    if (endTs !== undefined) m.endTs = endTs;
    if (w.kind !== undefined) m.kind = w.kind;
    if (w.speaker !== undefined) m.speaker = w.speaker;
    let meta: Record<string, string> | undefined = w.meta !== undefined ? { ...w.meta } : undefined;
    for (const k in w) {
      if (MESSAGE_KEYS.has(k)) continue;
      meta ??= {};
      if (!(k in meta)) meta[k] = shown(w[k]);
    }
    if (meta !== undefined) m.meta = meta;
    messages[i] = m;
  }
  if (bad) return undefined;

  let outId = id;
  let meta: Record<string, unknown> | undefined = c.meta !== undefined ? { ...c.meta } : undefined;
  for (const k in c) {
    if (CONVERSATION_KEYS.has(k)) continue;
    meta ??= {};
    if (!(k in meta)) meta[k] = c[k];
  }
  if (ctx.ids.has(id)) {
    let k = 2;
    while (ctx.ids.has(`${id}#${k}`)) k++;
    outId = `${id}#${k}`;
    ctx.sink.add('json.duplicate-id', { id, newId: outId }, { line: ctx.line, pointer: `${ctx.base}/id`, conversationId: outId });
    (meta ??= {}).originalId = id;
  }
  ctx.ids.add(outId);

  const conv: Conversation = { id: outId, channel: c.channel ?? 'chat', timeZone, messages };
  if (startedAt !== undefined) conv.startedAt = startedAt;
  if (c.agent !== undefined) conv.agent = c.agent;
  if (meta !== undefined) conv.meta = meta;
  return conv;
}
