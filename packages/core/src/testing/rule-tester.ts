/**
 * RuleTypeTester, in the spirit of ESLint's RuleTester: each case is a tiny conversation plus the
 * rule's options; `invalid` cases list the findings expected (message index, evidence, messageId),
 * `valid` cases expect none. Framework-neutral: it returns named cases whose run() throws on a
 * mismatch, so vitest (or any runner) supplies `it`. Exported for plugin authors too.
 */
import type { Conversation, Message, MessageKind, Role } from '../model/conversation.js';
import type { AnyRuleType } from '../rule-types/define.js';
import { RuleTypeRegistry } from '../rule-types/registry.js';
import { defaultRegistry } from '../rule-types/index.js';
import { compilePack } from '../pack/compile-pack.js';
import { evaluateConversation } from '../engine/evaluate.js';
import type { PackDef } from '../pack/pack-types.js';
import { parseTimestamp } from '../time/index.js';

export type CaseMessage =
  | string
  | { role: Role; text?: string; ts?: string | number; endTs?: string | number; kind?: MessageKind; speaker?: string };

export interface ExpectedFinding {
  messageIndex: number;
  evidence?: string;
  messageId?: string;
  /** Substring of the rendered message. */
  message?: string;
  tag?: string;
}

export interface RuleCase {
  name: string;
  options: Record<string, unknown>;
  messages: CaseMessage[];
  /** For invalid cases: the findings, in message order. */
  findings?: ExpectedFinding[];
  /** Substring expected in the result notes. */
  note?: string;
  channel?: 'chat' | 'call';
  startedAt?: string | number;
  timeZone?: string;
  pack?: Partial<PackDef>;
  /** Evaluation instant, e.g. '2026-01-01 00:00:00' ("today" for rules that need one). */
  now?: string | number;
}

const ROLE_PREFIX: Record<string, Role> = { agent: 'agent', a: 'agent', customer: 'customer', c: 'customer', system: 'system', s: 'system', bot: 'bot', b: 'bot' };

/** `'agent: 您好'`, `'c: 在吗'` or a message object (timestamps as 'YYYY-MM-DD HH:mm:ss' in the case's zone). */
export function caseConversation(c: Pick<RuleCase, 'messages' | 'channel' | 'startedAt' | 'timeZone'>, id = 'case'): Conversation {
  const tz = c.timeZone ?? 'Asia/Shanghai';
  const time = (v: string | number | undefined): number | undefined => {
    if (v === undefined) return undefined;
    const t = parseTimestamp(v, tz);
    if (t === undefined) throw new Error(`bad timestamp in test case: ${String(v)}`);
    return t;
  };
  const messages: Message[] = c.messages.map((m) => {
    if (typeof m === 'string') {
      const at = m.indexOf(':');
      const role = ROLE_PREFIX[m.slice(0, at).trim()];
      if (at < 0 || !role) throw new Error(`test message must start with "agent:" / "customer:" / "system:" / "bot:": ${m}`);
      return { role, text: m.slice(at + 1).replace(/^ /, '') };
    }
    const out: Message = { role: m.role, text: m.text ?? '' };
    const ts = time(m.ts);
    const endTs = time(m.endTs);
    if (ts !== undefined) out.ts = ts;
    if (endTs !== undefined) out.endTs = endTs;
    if (m.kind) out.kind = m.kind;
    if (m.speaker) out.speaker = m.speaker;
    return out;
  });
  const conv: Conversation = { id, channel: c.channel ?? 'chat', timeZone: tz, messages };
  const started = time(c.startedAt);
  if (started !== undefined) conv.startedAt = started;
  return conv;
}

export interface TesterCase {
  name: string;
  run(): void;
}

export function ruleTypeCases(
  type: AnyRuleType,
  cases: { valid: RuleCase[]; invalid: RuleCase[] },
  registry: RuleTypeRegistry = defaultRegistry.has(type.meta.id) ? defaultRegistry : defaultRegistry.with([type]),
): TesterCase[] {
  const names = new Set<string>();
  const all = [...cases.valid.map((c) => ({ c, valid: true })), ...cases.invalid.map((c) => ({ c, valid: false }))];
  return all.map(({ c, valid }) => {
    const name = `${type.meta.id}: ${valid ? 'passes' : 'fires'}: ${c.name}`;
    if (names.has(name)) throw new Error(`duplicate test case name: ${name}`);
    names.add(name);
    return {
      name,
      run() {
        const pack: PackDef = {
          id: 'rule-tester',
          version: '0.0.0',
          categories: [{ id: 'test', name: 'test' }],
          ...c.pack,
          rules: [{ id: 'test.rule', type: type.meta.id, category: 'test', points: 1, options: deepFreeze(structuredClone(c.options)) }],
        };
        const compiled = compilePack(pack, { registry });
        const conv = caseConversation(c);
        const now = c.now === undefined ? undefined : parseTimestamp(c.now, c.timeZone ?? 'Asia/Shanghai');
        const evaluation = evaluateConversation(compiled, conv, now === undefined ? {} : { now });
        for (const f of evaluation.findings) {
          const text = conv.messages[f.messageIndex]!.text;
          if (text.slice(f.start, f.end) !== f.evidence) throw new Error(`${name}: evidence is not the original slice`);
          if (/\{\w+\}/.test(f.message)) throw new Error(`${name}: unfilled placeholder in "${f.message}"`);
        }
        const got = evaluation.findings.map((f) => ({ messageIndex: f.messageIndex, evidence: f.evidence, messageId: f.messageId, message: f.message, tag: f.tag }));
        const expected = valid ? [] : (c.findings ?? []);
        if (!valid && expected.length === 0) throw new Error(`${name}: an invalid case must list its findings`);
        const mismatch =
          got.length !== expected.length ||
          expected.some((e, i) => {
            const g = got[i]!;
            return (
              g.messageIndex !== e.messageIndex ||
              (e.evidence !== undefined && g.evidence !== e.evidence) ||
              (e.messageId !== undefined && g.messageId !== e.messageId) ||
              (e.message !== undefined && !g.message.includes(e.message)) ||
              (e.tag !== undefined && g.tag !== e.tag)
            );
          });
        if (mismatch) {
          throw new Error(`${name}\n  expected: ${JSON.stringify(expected)}\n  got:      ${JSON.stringify(got)}\n  notes:    ${JSON.stringify(evaluation.notes)}`);
        }
        if (c.note !== undefined && !evaluation.notes.some((n) => n.includes(c.note!))) {
          throw new Error(`${name}: expected a note containing "${c.note}", got ${JSON.stringify(evaluation.notes)}`);
        }
      },
    };
  });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
