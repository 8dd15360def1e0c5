/**
 * Runs every enabled rule of a compiled pack on one conversation and returns its raw findings,
 * located in the ORIGINAL text, plus notes and tags. No scoring happens here.
 */
import type { Conversation, Message, Role } from '../model/conversation.js';
import type { NormalizedText } from '../normalize/index.js';
import type { EvalContext, ReportInput } from '../rule-types/define.js';
import type { CompiledPack, CompiledRule } from '../pack/compile-pack.js';
import { localize } from '../pack/pack-types.js';
import { MessageView } from './message-view.js';
import { renderTemplate, type Lang } from './render-message.js';

export interface RawFinding {
  rule: CompiledRule;
  ruleId: string;
  messageIndex: number;
  start: number;
  end: number;
  evidence: string;
  messageId: string;
  data: Record<string, string | number>;
  message: string;
  tag?: string;
}

export interface Evaluation {
  findings: RawFinding[];
  notes: string[];
  tags: string[];
  views: MessageView[];
}

export interface EvaluateOptions {
  timeZone?: string;
  /** Evaluation instant (epoch ms); default now. Pass it to reproduce a past score exactly. */
  now?: number;
  /**
   * Keep each message's normalised text across evaluations (keyed by the message object): for
   * re-scoring the same conversations with one pack after another, as the editor does per keystroke.
   */
  reuseText?: boolean;
  lang?: Lang;
}

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export function findingKey(ruleId: string, messageIndex: number): string {
  return `${ruleId}@${messageIndex}`;
}

export function evaluateConversation(pack: CompiledPack, conversation: Conversation, options: EvaluateOptions = {}): Evaluation {
  const lang = options.lang ?? 'zh';
  const cache = options.reuseText ? TEXT_CACHE : undefined;
  const views = conversation.messages.map((m, i) => new MessageView(i, m, pack.table, cache));
  const byRole = new Map<Role, MessageView[]>();
  for (const v of views) {
    if (v.isEvent) continue;
    const list = byRole.get(v.role);
    if (list) list.push(v);
    else byRole.set(v.role, [v]);
  }
  const findings: RawFinding[] = [];
  const notes: string[] = [];
  const tags: string[] = [];
  const timeZone = conversation.timeZone ?? options.timeZone ?? DEFAULT_TIME_ZONE;
  const now = options.now ?? Date.now();

  for (const rule of pack.rules) {
    if (!rule.evaluate) continue;
    const seen = new Set<number>();
    const ruleFindings: RawFinding[] = [];
    const messages = rule.type.meta.messages as Record<string, { zh: string; en: string }>;
    const text = (messageId: string): string => {
      const t = messages[messageId];
      if (!t) throw new Error(`rule type "${rule.type.meta.id}" reported unknown messageId "${messageId}" (known: ${Object.keys(messages).join(', ')})`);
      return t[lang];
    };
    const ctx: EvalContext = {
      conversation,
      messages: views,
      timeZone,
      now,
      utterances: (role) => byRole.get(role) ?? NO_VIEWS,
      report: (input: ReportInput) => {
        const finding = locate(rule, views, input, lang, input.texts ? () => input.texts![lang] : text);
        // A rule gives at most one finding per message: the first reported, in reading order.
        if (seen.has(finding.messageIndex)) return;
        seen.add(finding.messageIndex);
        ruleFindings.push(finding);
        if (finding.tag && !tags.includes(finding.tag)) tags.push(finding.tag);
      },
      note: (messageId, data = {}, texts) => {
        const note = `${rule.def.id}: ${renderTemplate(texts ? texts[lang] : text(messageId), data)}`;
        if (!notes.includes(note)) notes.push(note);
      },
    };
    rule.evaluate(ctx);
    ruleFindings.sort((a, b) => a.messageIndex - b.messageIndex || a.start - b.start);
    findings.push(...ruleFindings);
  }
  return { findings, notes, tags, views };
}

const NO_VIEWS: readonly MessageView[] = [];
/** Pack-independent per-message work, reused when asked to (weakly held: dropped with the messages). */
const TEXT_CACHE = new WeakMap<Message, NormalizedText>();

function locate(
  rule: CompiledRule,
  views: readonly MessageView[],
  input: ReportInput,
  lang: Lang,
  text: (id: string) => string,
): RawFinding {
  const view = views[input.messageIndex];
  if (!view) throw new Error(`rule "${rule.def.id}" reported message ${input.messageIndex}, which does not exist (0..${views.length - 1})`);
  let start = 0;
  let end = view.original.length;
  if (input.range) {
    const { start: s, end: e } = input.range;
    const len = view.text.length;
    if (!(Number.isInteger(s) && Number.isInteger(e) && s >= 0 && e >= s && e <= len)) {
      throw new Error(`rule "${rule.def.id}" reported range [${s}, ${e}) outside the normalised text of message ${input.messageIndex} (length ${len})`);
    }
    if (e > s) {
      start = view.norm.starts[s]!;
      end = view.norm.ends[e - 1]!;
    } else {
      start = end = view.norm.starts[s] ?? view.original.length;
    }
  } else if (input.originalRange) {
    ({ start, end } = input.originalRange);
    if (!(start >= 0 && end >= start && end <= view.original.length)) {
      throw new Error(`rule "${rule.def.id}" reported original range [${start}, ${end}) outside message ${input.messageIndex}`);
    }
  }
  const evidence = view.original.slice(start, end);
  const data: Record<string, string | number> = { evidence, ...input.data };
  const template = localize(rule.def.message, lang) ?? text(input.messageId);
  return {
    rule,
    ruleId: rule.def.id,
    messageIndex: input.messageIndex,
    start,
    end,
    evidence,
    messageId: input.messageId,
    data,
    message: renderTemplate(template, data),
    ...(input.tag !== undefined ? { tag: input.tag } : {}),
  };
}
