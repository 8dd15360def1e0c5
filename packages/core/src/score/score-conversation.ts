/**
 * The score is a pure function of (compiled pack, conversation, review decisions): evaluate, apply
 * review, cap per rule, cap per category, veto, grade. The inspector and the reports call this same
 * function, so a stored score can always be explained.
 */
import type { Conversation } from '../model/conversation.js';
import type { CategoryScore, ScoreResult } from '../model/result.js';
import type { CompiledPack } from '../pack/compile-pack.js';
import { localize } from '../pack/pack-types.js';
import { evaluateConversation, type Evaluation, type EvaluateOptions } from '../engine/evaluate.js';
import { computeMetrics } from '../engine/metrics.js';
import type { Lang } from '../engine/render-message.js';
import { applyReview } from './apply-review.js';
import { applyCategoryCaps, applyRuleCaps } from './apply-caps.js';
import { gradeFor } from './grade.js';
import type { ReviewInput } from './review-input.js';

export interface ScoreOptions extends EvaluateOptions {
  review?: ReviewInput;
}

export function scoreConversation(pack: CompiledPack, conversation: Conversation, options: ScoreOptions = {}): ScoreResult {
  const evaluation = evaluateConversation(pack, conversation, options);
  return scoreEvaluation(pack, conversation, evaluation, options.review, options.lang ?? 'zh');
}

/** Re-scores an existing evaluation with (new) review decisions: no rule runs again. */
export function scoreEvaluation(
  pack: CompiledPack,
  conversation: Conversation,
  evaluation: Evaluation,
  review: ReviewInput | undefined,
  lang: Lang,
): ScoreResult {
  const working = applyReview(pack, conversation, evaluation.findings, review, lang);
  applyRuleCaps(working);
  const deducted = applyCategoryCaps(working);
  const vetoed = working.some((w) => w.counts && w.rule.veto);
  // Within a veto nothing is deducted: the score is 0 by the veto, so every finding applies 0 points.
  if (vetoed) {
    for (const w of working) w.finding.points = 0;
    deducted.clear();
  }
  let total = 0;
  for (const v of deducted.values()) total += v;
  // Only float noise is rounded away (0.1 + 0.2), so the grade is the grade of exactly the score shown
  // and dismissing everything gives exactly maxScore; formatting to fewer decimals is the display's job.
  const score = vetoed ? 0 : Math.min(pack.maxScore, roundScore(Math.max(0, pack.maxScore - total)));
  const categories: CategoryScore[] = pack.categories.map((c) => ({
    id: c.id,
    name: localize(c.name, lang) ?? c.id,
    cap: c.cap ?? null,
    deducted: deducted.get(c.id) ?? 0,
    findings: working.filter((w) => w.rule.category.id === c.id && w.counts).length,
  }));
  const result: ScoreResult = {
    conversationId: conversation.id,
    pack: pack.ref,
    score,
    maxScore: pack.maxScore,
    grade: gradeFor(score, pack.grades, vetoed, pack.vetoGrade),
    vetoed,
    findings: working.map((w) => w.finding),
    categories,
    metrics: computeMetrics(evaluation.views),
    tags: evaluation.tags,
    notes: evaluation.notes,
  };
  const agent = conversation.agent ?? firstAgentSpeaker(conversation);
  if (agent !== undefined) result.agent = agent;
  return result;
}

function roundScore(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

function firstAgentSpeaker(c: Conversation): string | undefined {
  for (const m of c.messages) if (m.role === 'agent' && m.speaker) return m.speaker;
  return undefined;
}
