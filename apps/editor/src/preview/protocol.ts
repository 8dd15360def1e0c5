/** What the editor and its preview worker say to each other (plain data: structured-clone safe). */
import type { ImportFormat } from '@zhijian/core';
import type { Lang } from '../i18n';

/** A sample file as read from the server or dropped by the user; parsed in the worker. */
export interface SampleSource {
  name: string;
  format: ImportFormat;
  text: string;
}

export type ProblemSource = 'syntax' | 'pack' | 'lint' | 'example';

/** A problem of the pack being edited, located in the text it was found in. */
export interface EditorProblem {
  source: ProblemSource;
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  pointer?: string;
  offset: number;
  length: number;
}

export interface PreviewFinding {
  key: string;
  ruleId: string;
  messageIndex: number;
  start: number;
  end: number;
  points: number;
  rulePoints: number;
  pending: boolean;
  veto: boolean;
  evidence: string;
  message: string;
}

export interface PreviewResult {
  id: string;
  score: number;
  maxScore: number;
  grade: string;
  vetoed: boolean;
  findings: PreviewFinding[];
}

/** Change of one conversation against the saved pack. */
export interface ConversationDiff {
  id: string;
  added: number;
  removed: number;
  /** New score minus saved score (negative: more deducted). */
  scoreDelta: number;
  gradeBefore: string;
  gradeAfter: string;
  /** Keys of findings that the saved pack does not raise. */
  addedKeys: string[];
}

export interface DiffSummary {
  changed: ConversationDiff[];
  added: number;
  removed: number;
  scoreDelta: number;
}

export interface ExampleMark {
  ruleId: string;
  index: number;
  pointer: string;
  expect: 'fires' | 'passes';
  passed: boolean;
  problem?: string;
  description?: string;
}

export interface OutlineRule {
  id: string;
  type: string;
  points: number | undefined;
  enabled: boolean;
  pointer: string;
}

export interface OutlineCategory {
  id: string;
  name: string;
  pointer: string;
  rules: OutlineRule[];
}

export interface Outline {
  categories: OutlineCategory[];
  /** Rules whose category is not declared (or not yet typed). */
  orphans: OutlineRule[];
}

export interface SampleMessage {
  role: string;
  text: string;
  ts?: number;
  kind?: string;
  speaker?: string;
}

export interface SampleConversation {
  id: string;
  messages: SampleMessage[];
}

export interface SampleProblem {
  file: string;
  message: string;
}

export interface Timings {
  parseMs: number;
  compileMs: number;
  scoreMs: number;
  examplesMs: number;
  totalMs: number;
  /** Results reused: the pack changed only in formatting. */
  reused: boolean;
}

export interface Analysis {
  id: number;
  /** A pack that compiles: the preview below is current. */
  valid: boolean;
  problems: EditorProblem[];
  outline: Outline;
  /** Present only when valid. */
  results?: PreviewResult[];
  examples?: ExampleMark[];
  /** Present when valid and the saved pack compiles. */
  diff?: DiffSummary;
  packHash?: string;
  timings: Timings;
}

export type ToWorker =
  | { type: 'init'; lang: Lang }
  | { type: 'samples'; id: number; sources: SampleSource[] }
  | { type: 'saved'; text: string }
  | { type: 'analyze'; id: number; text: string };

export type FromWorker =
  | { type: 'ready'; schema: Record<string, unknown> }
  | { type: 'samples'; id: number; conversations: SampleConversation[]; problems: SampleProblem[] }
  | { type: 'saved'; valid: boolean }
  | { type: 'analysis'; analysis: Analysis }
  /** Lint problems of the text of analysis `id` (sent after it, only if no newer text came in). */
  | { type: 'lint'; id: number; problems: EditorProblem[]; ms: number }
  | { type: 'failed'; id?: number; message: string };
