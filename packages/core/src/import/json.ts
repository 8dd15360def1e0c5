/** Whole-document JSON importer: a conversation array, a single conversation, or {"conversations": [...]}. */
import type { Conversation } from '../model/conversation.js';
import { createTimestampParser } from '../time/zone.js';
import { convertWrittenConversation, type JsonContext } from './json-convert.js';
import { jsonErrorOffset, lineColumn } from './json-error.js';
import { jsonErrorReason } from './jsonl.js';
import { ProblemSink } from './problems.js';
import { DEFAULT_TIME_ZONE, type ImportOptions, type ImportResult } from './types.js';

export function parseJsonConversations(text: string, opts?: ImportOptions): ImportResult {
  const sink = new ProblemSink(opts);
  const conversations: Conversation[] = [];
  const timeZone = opts?.timeZone ?? DEFAULT_TIME_ZONE;
  const parseTs = createTimestampParser(timeZone);
  if (parseTs === undefined) {
    sink.add('import.bad-timezone', { timeZone }, {});
    return { conversations, problems: sink.take() };
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') {
    sink.add('json.empty', {}, {});
    return { conversations, problems: sink.take() };
  }
  let root: unknown;
  try {
    root = JSON.parse(body);
  } catch (e) {
    const off = jsonErrorOffset(body);
    const at = off < 0 ? undefined : lineColumn(body, off);
    const params: Record<string, string | number> = { reason: jsonErrorReason(e) };
    if (at !== undefined) params.column = at.column;
    sink.add('json.invalid-json', params, { line: at?.line });
    return { conversations, problems: sink.take() };
  }
  const ctx: JsonContext = { sink, timeZone, parseTs, ids: new Set(), base: '' };
  let items: unknown[];
  let prefix: string;
  if (Array.isArray(root)) {
    items = root;
    prefix = '';
  } else if (
    typeof root === 'object' &&
    root !== null &&
    Array.isArray((root as Record<string, unknown>).conversations) &&
    !('messages' in root)
  ) {
    items = (root as { conversations: unknown[] }).conversations;
    prefix = '/conversations';
  } else if (typeof root === 'object' && root !== null) {
    const c = convertWrittenConversation(root, ctx);
    if (c !== undefined) conversations.push(c);
    return { conversations, problems: sink.take() };
  } else {
    sink.add('json.bad-root', { type: root === null ? 'null' : typeof root }, { pointer: '' });
    return { conversations, problems: sink.take() };
  }
  for (let i = 0; i < items.length; i++) {
    ctx.base = `${prefix}/${i}`;
    const c = convertWrittenConversation(items[i], ctx);
    if (c !== undefined) conversations.push(c);
  }
  return { conversations, problems: sink.take() };
}
