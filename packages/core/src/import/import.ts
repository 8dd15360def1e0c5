import { CsvConversationReader } from './csv.js';
import { parseJsonConversations } from './json.js';
import { JsonlConversationReader } from './jsonl.js';
import type { Conversation } from '../model/conversation.js';
import type { ConversationReader, ImportFormat, ImportOptions, ImportProblem, ImportResult } from './types.js';

/** JSON has no streaming form: this reader buffers the chunks and parses at `end()`. */
class JsonConversationReader implements ConversationReader {
  private readonly chunks: string[] = [];
  private list: ImportProblem[] = [];
  private ended = false;
  constructor(private readonly opts?: ImportOptions) {}
  get problems(): ImportProblem[] {
    return this.list;
  }
  takeProblems(): ImportProblem[] {
    const out = this.list;
    this.list = [];
    return out;
  }
  push(chunk: string): Conversation[] {
    if (!this.ended) this.chunks.push(chunk);
    return [];
  }
  end(): Conversation[] {
    if (this.ended) return [];
    this.ended = true;
    const r = parseJsonConversations(this.chunks.join(''), this.opts);
    this.chunks.length = 0;
    this.list.push(...r.problems);
    return r.conversations;
  }
}

/** An incremental reader for any format (JSON is buffered until `end()`). */
export function createConversationReader(format: ImportFormat, opts?: ImportOptions): ConversationReader {
  switch (format) {
    case 'csv':
      return new CsvConversationReader(opts);
    case 'jsonl':
      return new JsonlConversationReader(opts);
    default:
      return new JsonConversationReader(opts);
  }
}

/** Whole-text convenience: same results as pushing the text to a reader in any chunks. */
export function importConversations(text: string, format: ImportFormat, opts?: ImportOptions): ImportResult {
  if (format === 'json') return parseJsonConversations(text, opts);
  const reader = createConversationReader(format, opts);
  const conversations = reader.push(text);
  for (const c of reader.end()) conversations.push(c);
  return { conversations, problems: reader.takeProblems() };
}
