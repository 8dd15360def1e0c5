/**
 * Step 1 of scoring: turn raw findings plus review decisions into findings with a `counts` flag.
 * A dismissed finding never counts; a review rule's finding counts only once confirmed (until then
 * it is pending); manual items are added by the inspector and always count.
 */
import type { Finding } from '../model/result.js';
import type { CompiledPack, CompiledRule } from '../pack/compile-pack.js';
import { localize } from '../pack/pack-types.js';
import { findingKey, type RawFinding } from '../engine/evaluate.js';
import type { Conversation } from '../model/conversation.js';
import type { Lang } from '../engine/render-message.js';
import type { ReviewInput } from './review-input.js';

export interface WorkingFinding {
  finding: Finding;
  rule: CompiledRule;
  counts: boolean;
}

export function applyReview(
  pack: CompiledPack,
  conversation: Conversation,
  raw: readonly RawFinding[],
  review: ReviewInput | undefined,
  lang: Lang,
): WorkingFinding[] {
  const decisions = review?.decisions ?? {};
  const out: WorkingFinding[] = raw.map((r) => {
    const key = findingKey(r.ruleId, r.messageIndex);
    const decision = decisions[key];
    const dismissed = decision === 'dismissed';
    const pending = r.rule.review && decision !== 'confirmed' && !dismissed;
    const finding: Finding = {
      ruleId: r.ruleId,
      category: r.rule.category.id,
      points: 0,
      rulePoints: r.rule.pointless ? 0 : r.rule.def.points,
      messageIndex: r.messageIndex,
      start: r.start,
      end: r.end,
      evidence: r.evidence,
      message: r.message,
      messageId: r.messageId,
      data: r.data,
      source: 'auto',
      key,
      ...(pending ? { pending: true } : {}),
      ...(dismissed ? { dismissed: true } : {}),
      ...(r.rule.veto ? { veto: true } : {}),
      ...(r.tag !== undefined ? { tag: r.tag } : {}),
    };
    return { finding, rule: r.rule, counts: !dismissed && !pending && !r.rule.pointless };
  });
  for (const item of review?.manual ?? []) {
    const rule = pack.rulesById.get(item.ruleId);
    const message = conversation.messages[item.messageIndex];
    if (!rule || !message) continue; // a stale manual item (rule removed, message gone) is not scored
    const start = item.start ?? 0;
    const end = item.end ?? message.text.length;
    const name = localize(rule.def.name, lang) ?? rule.def.id;
    out.push({
      rule,
      // A classification (pointless) rule never costs points or vetoes, even when an inspector adds it.
      counts: !rule.pointless,
      finding: {
        ruleId: rule.def.id,
        category: rule.category.id,
        points: 0,
        rulePoints: rule.pointless ? 0 : rule.def.points,
        messageIndex: item.messageIndex,
        start,
        end,
        evidence: message.text.slice(start, end),
        message: item.note ? `${name}: ${item.note}` : name,
        messageId: 'manual',
        source: 'manual',
        key: `manual:${findingKey(rule.def.id, item.messageIndex)}`,
        ...(rule.veto ? { veto: true } : {}),
      },
    });
  }
  // Message order, then pack order: the order caps are applied in.
  out.sort((a, b) => a.finding.messageIndex - b.finding.messageIndex || a.rule.order - b.rule.order || a.finding.start - b.finding.start);
  return out;
}
