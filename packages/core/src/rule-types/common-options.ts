/** Option schema pieces shared by several rule types (referencing the pack schema's $defs). */
import type { MatchSpec } from '../pack/pack-types.js';
import type { Role } from '../model/conversation.js';
import type { MessageView } from '../engine/message-view.js';

export const roleOption = (role: Role, description = 'Whose messages the rule reads. 检查谁的消息。') => ({
  $ref: '#/$defs/role',
  default: role,
  description,
});

export const matchSpecRef = (description: string) => ({ $ref: '#/$defs/matchSpec', description });

/** The MatchSpec fields inlined at the top of a rule's options (phrases, exceptions, unless, notNegated). */
export const inlineMatchProperties = {
  phrases: { type: 'array', $ref: '#/$defs/phraseList', minItems: 1, description: 'Any of these phrases matches. 任一短语命中。' },
  exceptions: { $ref: '#/$defs/phraseList', description: 'Phrases that cancel a hit they overlap. 例外词：与命中重叠则取消。' },
  unless: { $ref: '#/$defs/phraseList', description: 'A message containing one of these never matches. 含这些词的消息不算。' },
  notNegated: { type: 'boolean', default: false, description: 'Ignore negated hits (不会给差评). 否定不算。' },
} as const;

export function inlineMatch(o: { phrases: MatchSpec['phrases']; exceptions?: MatchSpec['exceptions']; unless?: MatchSpec['unless']; notNegated?: boolean }): MatchSpec {
  return {
    phrases: o.phrases,
    ...(o.exceptions ? { exceptions: o.exceptions } : {}),
    ...(o.unless ? { unless: o.unless } : {}),
    ...(o.notNegated !== undefined ? { notNegated: o.notNegated } : {}),
  };
}

export interface ScopeOption {
  /** Only the first N utterances of the role. */
  first?: number;
  /** Only the last N utterances of the role. */
  last?: number;
}

export const scopeOption = {
  type: 'object',
  description: 'Restrict to the first or last N messages of the role (default: all). 范围：前 N 条或后 N 条。',
  properties: {
    first: { type: 'integer', minimum: 1, description: 'First N messages. 前 N 条。' },
    last: { type: 'integer', minimum: 1, description: 'Last N messages. 后 N 条。' },
  },
  additionalProperties: false,
  maxProperties: 1,
} as const;

export function applyScope<T>(items: readonly T[], scope: ScopeOption | undefined): readonly T[] {
  if (!scope) return items;
  if (scope.first !== undefined) return items.slice(0, scope.first);
  if (scope.last !== undefined) return items.slice(Math.max(0, items.length - scope.last));
  return items;
}

/** Whole-message range in normalised text. */
export function wholeMessage(m: MessageView): { start: number; end: number } {
  return { start: 0, end: m.text.length };
}

/** Milliseconds as seconds with one decimal, for finding data (25300 -> 25.3). */
export function secondsOf(ms: number): number {
  return Math.round(ms / 100) / 10;
}
