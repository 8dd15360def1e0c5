/** The rule pack as written in JSON (see rule-packs/*.json and the generated pack schema). */
import type { Message } from '../model/conversation.js';

export type Localized = string | { zh: string; en?: string };

/**
 * A phrase list item: a literal phrase, a regular expression, a reference to a named set, or a
 * clause pattern: a phrase of each of two groups in one clause, in either order (spec
 * Definitions, "Clause": 优惠券 with 给您 in 这边给您发一张10元优惠券).
 */
export type PhraseItem =
  | string
  | { regex: string; spaced?: boolean; note?: string }
  | { set: string }
  | { clause: [string[], string[]]; note?: string };

/** What a rule looks for in one message: phrases, minus exceptions, minus negated hits. */
export interface MatchSpec {
  phrases: PhraseItem[];
  /** Phrases that cancel any hit they overlap in the same message (滚动 cancels 滚). */
  exceptions?: PhraseItem[];
  /** A message containing one of these is no match at all (a re-order is no refund intent). */
  unless?: PhraseItem[];
  /** Hits preceded by a negator (see definitions.negation) do not count. */
  notNegated?: boolean;
}

export interface CategoryDef {
  id: string;
  name: Localized;
  /** Maximum total deduction of the category; absent = no cap. */
  cap?: number;
  /** Any finding of a rule in this category vetoes the whole result (高压线). */
  veto?: boolean;
}

export interface GradeDef {
  min: number;
  label: string;
}

export interface NegationDefs {
  negators: string[];
  fillers: string[];
  maxFillers: number;
  rhetoricalFollowers: string[];
  rhetoricalEndings: string[];
}

export interface RuleExample {
  description?: string;
  messages: Array<Partial<Message> & { role: Message['role']; text: string; ts?: number | string }>;
  expect: 'fires' | 'passes';
  at?: number;
}

export interface RuleDef {
  id: string;
  type: string;
  name?: Localized;
  category: string;
  points: number;
  maxFindings?: number;
  /** Findings wait for an inspector: 0 points and `pending` until confirmed. */
  review?: boolean;
  veto?: boolean;
  enabled?: boolean;
  description?: Localized;
  /** What the agent should do instead: shown to inspectors. */
  guidance?: Localized;
  /** Overrides the rule type's finding message; `{evidence}` and the type's data are available. */
  message?: Localized;
  options?: Record<string, unknown>;
  examples?: RuleExample[];
}

export interface ScriptDef {
  id: string;
  text: string;
}

export interface PackDef {
  $schema?: string;
  id: string;
  version: string;
  name?: Localized;
  description?: Localized;
  /** Plugin package names this pack needs (informative: plugins are loaded by the user). */
  plugins?: string[];
  maxScore?: number;
  grades?: GradeDef[];
  /** The grade of a vetoed result. */
  vetoGrade?: string;
  categories: CategoryDef[];
  definitions?: { negation?: Partial<NegationDefs> };
  phraseSets?: Record<string, PhraseItem[]>;
  scripts?: ScriptDef[];
  rules: RuleDef[];
  /** Lint warnings the pack acknowledges, each with its reason (like a justified eslint-disable). */
  lint?: { allow?: Array<{ code: string; pointer: string; reason: string }> };
}

export const DEFAULT_GRADES: GradeDef[] = [
  { min: 90, label: '优秀' },
  { min: 75, label: '良好' },
  { min: 60, label: '合格' },
  { min: 0, label: '不合格' },
];

/** Spec Definitions, "Negated": the defaults a pack may override. */
export const DEFAULT_NEGATION: NegationDefs = {
  negators: ['不', '没', '没有', '没办法', '不会', '不想', '不要', '不用', '别', '不是', '不能', '不可以', '不支持', '不方便', '无法', '勿', '请勿', '切勿', '禁止', '严禁'],
  fillers: ['给', '给你', '给您', '给你们', '去', '要', '再', '太', '会', '想', '你', '您', '进行', '私下'],
  maxFillers: 2,
  rhetoricalFollowers: ['是什么'],
  rhetoricalEndings: ['吗', '嘛'],
};

export function localize(text: Localized | undefined, lang: 'zh' | 'en'): string | undefined {
  if (text === undefined) return undefined;
  if (typeof text === 'string') return text;
  return lang === 'en' ? (text.en ?? text.zh) : text.zh;
}
