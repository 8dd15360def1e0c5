import type { Conversation } from '../model/conversation.js';

/** A problem found while importing, located by line (CSV / JSONL) and/or JSON pointer (JSON / JSONL). */
export interface ImportProblem {
  /** Stable machine code, e.g. 'csv.unknown-role' (see messages.ts for the list). */
  code: string;
  /** 1-based physical line where the offending record starts. */
  line?: number;
  /** JSON pointer (RFC 6901) into the document (JSON) or into the line's value (JSONL). */
  pointer?: string;
  /** The conversation the problem belongs to, when known. */
  conversationId?: string;
  /** Values used in the message, language-neutral. */
  params: Record<string, string | number>;
  /** Rendered message, location prefix included, in `ImportOptions.lang`. */
  message: string;
}

export type ImportLang = 'zh' | 'en';

export interface ImportOptions {
  /** IANA zone for timestamps without an offset. Default 'Asia/Shanghai'. A conversation's own `timeZone` (JSON) wins. */
  timeZone?: string;
  /** Language of `ImportProblem.message`. Default 'zh'. */
  lang?: ImportLang;
  /** File name shown at the start of messages. */
  source?: string;
}

export type ImportFormat = 'csv' | 'jsonl' | 'json';

export interface ImportResult {
  conversations: Conversation[];
  problems: ImportProblem[];
}

/** Incremental reader: push text chunks, receive conversations as soon as they are complete. */
export interface ConversationReader {
  push(chunk: string): Conversation[];
  /** Flush: returns the remaining conversations. Further pushes are ignored. */
  end(): Conversation[];
  /** Problems found so far and not yet taken. */
  readonly problems: ImportProblem[];
  /** Returns the problems found so far and clears them. */
  takeProblems(): ImportProblem[];
}

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
