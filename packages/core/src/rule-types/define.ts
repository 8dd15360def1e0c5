/**
 * The rule-type contract, ESLint-shaped: a rule type is one module with its id, descriptions, an
 * options JSON Schema, its messages (zh + en) and `create(options, tools)`, which does every
 * pack-dependent piece of work once and returns the evaluator run on each conversation.
 */
import type { Conversation, Role } from '../model/conversation.js';
import type { MessageView } from '../engine/message-view.js';
import type { MatchSpec, PackDef, PhraseItem, RuleDef, ScriptDef } from '../pack/pack-types.js';
import type { Hit } from '../match/phrase-table.js';

export type JsonSchema = Record<string, unknown>;
export interface Texts {
  zh: string;
  en: string;
}

export interface RuleTypeMeta<M extends string = string> {
  id: string;
  description: Texts;
  /** JSON Schema (draft 2020-12) of the rule's `options`; every property has a description and defaults. */
  optionsSchema: JsonSchema;
  /** Finding messages keyed by messageId, with `{placeholders}` filled from the report's data. */
  messages: Record<M, Texts>;
  /** Findings of this type never cost points (classification tags). */
  pointless?: boolean;
  /** The type is a manual item: the engine never raises it by itself. */
  manual?: boolean;
  /**
   * For pack lint: the phrase lists in these options whose presence the rule REQUIRES (a greeting)
   * or FORBIDS (a forbidden phrase), with whose messages and which scope they concern.
   */
  phraseUses?: (options: any, detector: (typeId: string, options: any, pointer: string) => PhraseUse[]) => PhraseUse[];
}

export interface PhraseUse {
  /** JSON pointer relative to the rule's options, e.g. '/phrases' or '/response/phrases'. */
  pointer: string;
  role: Role;
  polarity: 'required' | 'forbidden';
  /** Restricted to the first/last N messages of the role; absent = every message. */
  scope?: { first?: number; last?: number };
  items: PhraseItem[];
}

/** A compiled phrase query: built once per pack, asked per message. */
export interface MatchQuery {
  /** Valid hits (not negated, not cancelled by an exception) in reading order. */
  hits(m: MessageView): readonly Hit[];
  /** The first valid hit in reading order (longest at that position). */
  first(m: MessageView): Hit | undefined;
  test(m: MessageView): boolean;
}

export interface CompileTools {
  pack: Readonly<PackDef>;
  rule: Readonly<RuleDef>;
  /** JSON pointer of the rule's options, e.g. /rules/3/options */
  pointer: string;
  /** Compiles a MatchSpec (phrases + exceptions + negation) into the pack-wide automaton. */
  match(spec: MatchSpec, pointer: string): MatchQuery;
  /** A phrase list without exceptions or negation. */
  phrases(items: MatchSpec['phrases'], pointer: string): MatchQuery;
  /** Normalises a literal the way message text is normalised for matching (and comparison). */
  normalize(text: string): string;
  scripts: readonly ScriptDef[];
  /** Creates another rule type's evaluator inside this rule (combinators such as any-of). */
  detector(typeId: string, options: Record<string, unknown>, pointer: string): { evaluate: RuleEvaluator; messages: Record<string, Texts> };
  /** Throws a located pack error. */
  fail(pointer: string, message: string): never;
}

export interface ReportInput<M extends string = string> {
  messageIndex: number;
  /** Range in the message's normalised matching text. */
  range?: Hit;
  /** Range in the original text (for whole-message findings or spans found outside normalised text). */
  originalRange?: Hit;
  messageId: M;
  data?: Record<string, string | number>;
  tag?: string;
  /** The message text itself, for combinators that report on behalf of another type. */
  texts?: Texts;
}

export interface EvalContext<M extends string = string> {
  readonly conversation: Conversation;
  readonly messages: readonly MessageView[];
  /** Utterances (non-event rows) of a role, in order. */
  utterances(role: Role): readonly MessageView[];
  readonly timeZone: string;
  /** The evaluation instant (epoch ms), e.g. "today" for ID birth dates: an input, so scores are reproducible. */
  readonly now: number;
  report(input: ReportInput<M>): void;
  /** A note for the result, e.g. a check skipped for lack of timestamps. */
  note(messageId: M, data?: Record<string, string | number>, texts?: Texts): void;
}

export type RuleEvaluator<M extends string = string> = (ctx: EvalContext<M>) => void;

export interface RuleType<O = Record<string, unknown>, M extends string = string> {
  meta: RuleTypeMeta<M>;
  create(options: O, tools: CompileTools): RuleEvaluator<M>;
}

/** Identity helper that ties the options type and the messageId union to the meta. */
export function defineRuleType<O, M extends string>(type: RuleType<O, M>): RuleType<O, M> {
  return type;
}

export type AnyRuleType = RuleType<any, string>;
