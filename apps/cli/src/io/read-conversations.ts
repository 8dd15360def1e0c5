/**
 * Reads one input in chunks through core's incremental readers and yields conversations as soon as
 * they are complete: memory stays flat in the number of conversations (JSON, one document, is the
 * exception: core buffers it until the end).
 */
import { createReadStream } from 'node:fs';
import { createConversationReader, detectFormat, type Conversation, type ConversationReader, type ImportOptions, type ImportProblem } from '@zhijian/core';
import { STDIN, type Input } from './inputs.js';

export interface Batch {
  conversations: Conversation[];
  problems: ImportProblem[];
}

export interface ReadOptions extends ImportOptions {
  openStdin(): NodeJS.ReadableStream;
  /** Called once when the input is not valid UTF-8 (it is still read, with replacement characters). */
  onNotUtf8?(): void;
}

const CHUNK_BYTES = 256 * 1024;
/** Enough text to tell JSONL (a complete first line) from JSON when the name does not say. */
const SNIFF_LIMIT = 1024 * 1024;

export async function* readConversations(input: Input, options: ReadOptions): AsyncGenerator<Batch> {
  const { openStdin, onNotUtf8, ...importOptions } = options;
  const stream = input.path === STDIN ? openStdin() : createReadStream(input.path, { highWaterMark: CHUNK_BYTES });
  const decoder = new TextDecoder('utf-8');
  const utf8Check = new TextDecoder('utf-8', { fatal: true });
  let checked = false;
  let reader: ConversationReader | undefined;
  let sniffed = '';
  const fileName = input.path === STDIN ? '' : input.path;

  for await (const bytes of stream as AsyncIterable<Uint8Array | string>) {
    const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
    if (!checked) {
      checked = true;
      if (!isUtf8Start(utf8Check, data)) onNotUtf8?.();
    }
    const text = decoder.decode(data, { stream: true });
    if (reader === undefined) {
      sniffed += text;
      if (!canTell(sniffed)) continue;
      reader = createConversationReader(detectFormat(fileName, sniffed), importOptions);
      yield take(reader, reader.push(sniffed));
      sniffed = '';
    } else if (text.length > 0) {
      yield take(reader, reader.push(text));
    }
  }
  const tail = sniffed + decoder.decode();
  reader ??= createConversationReader(detectFormat(fileName, tail), importOptions);
  const last = reader.push(tail);
  for (const c of reader.end()) last.push(c);
  yield take(reader, last);
}

function take(reader: ConversationReader, conversations: Conversation[]): Batch {
  return { conversations, problems: reader.takeProblems() };
}

/** The first line is complete and something follows it, or we have read plenty. */
function canTell(text: string): boolean {
  if (text.length >= SNIFF_LIMIT) return true;
  const nl = text.indexOf('\n', text.search(/\S/));
  return nl !== -1 && /\S/.test(text.slice(nl + 1));
}

/** Valid UTF-8 so far (a sequence cut at the end of the chunk is fine). */
function isUtf8Start(decoder: InstanceType<typeof TextDecoder>, data: Uint8Array): boolean {
  try {
    decoder.decode(data, { stream: true });
    return true;
  } catch {
    return false;
  }
}
