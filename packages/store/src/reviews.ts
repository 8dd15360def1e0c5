/**
 * Reviews (one inspector's working session on one conversation) and their submissions.
 *
 * Concurrency: a review remembers the conversation's latest submission when it was opened. Submitting
 * runs in BEGIN IMMEDIATE (the write lock is taken before anything is read), and is refused with a
 * ConflictError when another inspector submitted the conversation after that baseline. Your own
 * later submissions are new versions; history is never rewritten.
 */
import type { Database, Statement } from 'better-sqlite3';
import { findingKey, type Finding, type PackRef, type ScoreResult } from '@zhijian/core';
import { ConflictError, ReviewClosedError, StaleReviewError, StoreError } from './errors.js';
import type { Catalog } from './catalog.js';
import type { DecisionLog } from './decisions.js';
import { reviewStateOf, type ReviewState } from './review-state.js';

/** One auto finding of the review's pack evaluation, recorded when the review is opened. */
export interface AutoFinding {
  /** ruleId@messageIndex (core's findingKey). */
  key: string;
  ruleId: string;
  category: string;
  /** The rule's nominal deduction (Finding.rulePoints). */
  points: number;
  /** A review rule's finding, waiting for confirmation. */
  pending: boolean;
}

export interface Review {
  id: number;
  conversationId: string;
  inspector: string;
  packHash: string;
  contentHash: string;
  /** The conversation's latest submission id when this review was opened (0 = none). */
  baseSubmissionId: number;
  openedAt: number;
  /** Set once submitted. */
  submissionId?: number;
}

export interface Submission {
  id: number;
  reviewId: number;
  conversationId: string;
  inspector: string;
  /** 1, 2, 3… per conversation. */
  version: number;
  pack: PackRef;
  contentHash: string;
  score: number;
  maxScore: number;
  grade: string;
  vetoed: boolean;
  submittedAt: number;
  secondsSpent: number;
  /** The state that was scored (decisions up to lastDecisionId). */
  review: ReviewState;
}

/** What submit needs from the score; a ScoreResult fits. */
export type ScoreSummary = Pick<ScoreResult, 'score' | 'grade' | 'vetoed'> & Partial<Pick<ScoreResult, 'maxScore' | 'pack' | 'conversationId'>>;

export interface SubmitOptions {
  /** The lastDecisionId of the state that was scored: refuse (StaleReviewError) if the log moved on. */
  lastDecisionId?: number;
  /** Override the measured time (default: open -> submit). */
  secondsSpent?: number;
  at?: number;
}

export interface OpenReviewOptions {
  /** Always start a new review, baselined at the latest submission now (e.g. after a conflict). */
  fresh?: boolean;
}

export type QueueStatus = 'new' | 'in-progress' | 'reviewed';

export interface QueueEntry {
  status: QueueStatus;
  /** Reviewed: who submitted last; in progress: who opened last. */
  reviewer?: string;
  submittedAt?: number;
  version?: number;
  /** Reviewed, but the conversation's content changed since. */
  stale?: boolean;
  /** Reviewed, and someone has a newer review open on it. */
  inProgressBy?: string;
}

/** The auto findings of an unreviewed score (scoreConversation without review decisions). */
export function autoFindingsOf(result: { findings: readonly Finding[] }): AutoFinding[] {
  return result.findings
    .filter((f) => f.source === 'auto')
    .map((f) => ({ key: f.key, ruleId: f.ruleId, category: f.category, points: f.rulePoints, pending: f.pending === true }));
}

interface ReviewRow {
  id: number;
  conversation_id: string;
  inspector: string;
  pack_hash: string;
  content_hash: string;
  base_submission_id: number;
  opened_at: number;
  submission_id: number | null;
}

interface SubmissionRow {
  id: number;
  review_id: number;
  conversation_id: string;
  inspector: string;
  version: number;
  pack_hash: string;
  pack_id: string;
  pack_version: string;
  content_hash: string;
  score: number;
  max_score: number;
  grade: string;
  vetoed: number;
  submitted_at: number;
  seconds_spent: number;
  review_json: string;
}

const REVIEW_SELECT = `SELECT r.*, (SELECT s.id FROM submissions s WHERE s.review_id = r.id) AS submission_id FROM reviews r`;
const SUBMISSION_SELECT = `SELECT s.*, p.pack_id, p.version AS pack_version FROM submissions s JOIN packs p ON p.hash = s.pack_hash`;

export class Reviews {
  private readonly s: {
    review: Statement<[number], ReviewRow>;
    latestOwn: Statement<[string, string], ReviewRow>;
    latestSubmissionId: Statement<[string], { id: number }>;
    insertReview: Statement;
    insertFinding: Statement;
    findings: Statement<[number], { finding_key: string; rule_id: string; category: string; points: number; pending: number }>;
    otherSince: Statement<[string, number, string], { id: number; inspector: string; submitted_at: number }>;
    nextVersion: Statement<[string], { v: number }>;
    insertSubmission: Statement;
    insertSubmissionFinding: Statement;
    submission: Statement<[number], SubmissionRow>;
    latestSubmission: Statement<[string], SubmissionRow>;
    history: Statement<[string], SubmissionRow>;
    queue: Statement<[], QueueRow>;
  };

  constructor(
    private readonly db: Database,
    private readonly catalog: Catalog,
    private readonly log: DecisionLog,
    private readonly now: () => number,
  ) {
    this.s = {
      review: db.prepare(`${REVIEW_SELECT} WHERE r.id = ?`),
      latestOwn: db.prepare(`${REVIEW_SELECT} WHERE r.conversation_id = ? AND r.inspector = ? ORDER BY r.id DESC LIMIT 1`),
      latestSubmissionId: db.prepare('SELECT coalesce(max(id), 0) AS id FROM submissions WHERE conversation_id = ?'),
      insertReview: db.prepare(
        `INSERT INTO reviews (conversation_id, inspector, pack_hash, content_hash, base_submission_id, opened_at) VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      insertFinding: db.prepare(
        'INSERT OR IGNORE INTO review_findings (review_id, finding_key, rule_id, category, points, pending) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      findings: db.prepare('SELECT finding_key, rule_id, category, points, pending FROM review_findings WHERE review_id = ? ORDER BY rowid'),
      otherSince: db.prepare(
        'SELECT id, inspector, submitted_at FROM submissions WHERE conversation_id = ? AND id > ? AND inspector <> ? ORDER BY id DESC LIMIT 1',
      ),
      nextVersion: db.prepare('SELECT coalesce(max(version), 0) + 1 AS v FROM submissions WHERE conversation_id = ?'),
      insertSubmission: db.prepare(
        `INSERT INTO submissions (review_id, conversation_id, inspector, version, pack_hash, content_hash, score, max_score, grade,
           vetoed, submitted_at, seconds_spent, last_decision_id, review_json)
         VALUES (@reviewId, @conversationId, @inspector, @version, @packHash, @contentHash, @score, @maxScore, @grade,
           @vetoed, @submittedAt, @secondsSpent, @lastDecisionId, @reviewJson)`,
      ),
      insertSubmissionFinding: db.prepare(
        `INSERT INTO submission_findings (submission_id, source, finding_key, rule_id, category, points, outcome, pending)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      submission: db.prepare(`${SUBMISSION_SELECT} WHERE s.id = ?`),
      latestSubmission: db.prepare(`${SUBMISSION_SELECT} WHERE s.conversation_id = ? ORDER BY s.id DESC LIMIT 1`),
      history: db.prepare(`${SUBMISSION_SELECT} WHERE s.conversation_id = ? ORDER BY s.id`),
      queue: db.prepare(QUEUE_SQL),
    };
  }

  /**
   * Opens (or resumes) the inspector's review of a conversation with a pack and returns its id.
   * Resumes the inspector's latest review when it is unsubmitted and has the same pack and content;
   * otherwise starts a new one and records its auto findings (ignored when resuming).
   */
  openReview(
    conversationId: string,
    inspector: string,
    packHash: string,
    autoFindings: readonly AutoFinding[] | (Pick<ScoreResult, 'findings'> & Partial<Pick<ScoreResult, 'pack'>>),
    options: OpenReviewOptions = {},
  ): number {
    if (typeof inspector !== 'string' || inspector.length === 0) throw new StoreError('openReview: inspector must be a non-empty string');
    if (!Array.isArray(autoFindings)) {
      const result = autoFindings as Pick<ScoreResult, 'findings'> & Partial<Pick<ScoreResult, 'pack'>>;
      if (result.pack && result.pack.hash !== packHash) {
        throw new StoreError(`openReview: the findings come from pack ${result.pack.hash}, not ${packHash}`);
      }
    }
    const findings = Array.isArray(autoFindings) ? (autoFindings as readonly AutoFinding[]) : autoFindingsOf(autoFindings as { findings: readonly Finding[] });
    return this.db.transaction((): number => {
      const conversation = this.catalog.getConversation(conversationId);
      if (!conversation) throw new StoreError(`conversation ${conversationId} is not recorded: call recordConversation first`);
      if (!this.catalog.packRef(packHash)) throw new StoreError(`pack ${packHash} is not recorded: call recordPack first`);
      if (!options.fresh) {
        const last = this.s.latestOwn.get(conversationId, inspector);
        if (last && last.submission_id === null && last.pack_hash === packHash && last.content_hash === conversation.contentHash) return last.id;
      }
      const base = this.s.latestSubmissionId.get(conversationId)!.id;
      const info = this.s.insertReview.run(conversationId, inspector, packHash, conversation.contentHash, base, this.now());
      const id = Number(info.lastInsertRowid);
      for (const f of findings) this.s.insertFinding.run(id, f.key, f.ruleId, f.category, f.points, f.pending ? 1 : 0);
      return id;
    }).immediate();
  }

  getReview(id: number): Review | undefined {
    const r = this.s.review.get(id);
    return r && reviewOf(r);
  }

  /** The auto findings recorded when the review was opened. */
  autoFindings(reviewId: number): AutoFinding[] {
    return this.s.findings.all(reviewId).map((f) => ({ key: f.finding_key, ruleId: f.rule_id, category: f.category, points: f.points, pending: f.pending === 1 }));
  }

  /** The inspector's current state on the review's conversation: pass it to scoreConversation as `review`. */
  reviewStateFor(reviewId: number): ReviewState {
    const r = this.s.review.get(reviewId);
    if (!r) throw new StoreError(`no review ${reviewId}`);
    return reviewStateOf(this.log.decisionsFor(r.conversation_id, r.inspector));
  }

  submitReview(reviewId: number, result: ScoreSummary, options: SubmitOptions = {}): Submission {
    if (!Number.isFinite(result.score) || typeof result.grade !== 'string' || typeof result.vetoed !== 'boolean') {
      throw new StoreError('submitReview: result needs a finite score, a grade and vetoed');
    }
    const id = this.db.transaction((): number => {
      const review = this.s.review.get(reviewId);
      if (!review) throw new StoreError(`no review ${reviewId}`);
      if (review.submission_id !== null) throw new ReviewClosedError(reviewId);
      if (result.pack && result.pack.hash !== review.pack_hash) {
        throw new StoreError(`review ${reviewId} uses pack ${review.pack_hash}, but the result was scored with ${result.pack.hash}`);
      }
      if (result.conversationId !== undefined && result.conversationId !== review.conversation_id) {
        throw new StoreError(`review ${reviewId} is of ${review.conversation_id}, not ${result.conversationId}`);
      }
      const other = this.s.otherSince.get(review.conversation_id, review.base_submission_id, review.inspector);
      if (other) throw new ConflictError(review.conversation_id, other.inspector, other.submitted_at, other.id);

      const state = reviewStateOf(this.log.decisionsFor(review.conversation_id, review.inspector));
      if (options.lastDecisionId !== undefined && options.lastDecisionId !== state.lastDecisionId) {
        throw new StaleReviewError(reviewId, options.lastDecisionId, state.lastDecisionId);
      }
      const at = options.at ?? this.now();
      const info = this.s.insertSubmission.run({
        reviewId,
        conversationId: review.conversation_id,
        inspector: review.inspector,
        version: this.s.nextVersion.get(review.conversation_id)!.v,
        packHash: review.pack_hash,
        contentHash: review.content_hash,
        score: result.score,
        maxScore: result.maxScore ?? 100,
        grade: result.grade,
        vetoed: result.vetoed ? 1 : 0,
        submittedAt: at,
        secondsSpent: options.secondsSpent ?? Math.max(0, (at - review.opened_at) / 1000),
        lastDecisionId: state.lastDecisionId,
        reviewJson: JSON.stringify(state),
      });
      const submissionId = Number(info.lastInsertRowid);
      for (const f of this.s.findings.all(reviewId)) {
        const outcome = state.decisions[f.finding_key] ?? 'undecided';
        this.s.insertSubmissionFinding.run(submissionId, 'auto', f.finding_key, f.rule_id, f.category, f.points, outcome, f.pending);
      }
      for (const m of state.manual) {
        const rule = this.catalog.ruleInfo(review.pack_hash, m.ruleId);
        this.s.insertSubmissionFinding.run(submissionId, 'manual', findingKey(m.ruleId, m.messageIndex), m.ruleId, rule?.category ?? null, rule?.points ?? 0, 'confirmed', 0);
      }
      return submissionId;
    }).immediate();
    return submissionOf(this.s.submission.get(id)!);
  }

  latestSubmission(conversationId: string): Submission | undefined {
    const row = this.s.latestSubmission.get(conversationId);
    return row && submissionOf(row);
  }

  /** Every submission of a conversation, oldest first (version 1, 2, …). */
  submissionHistory(conversationId: string): Submission[] {
    return this.s.history.all(conversationId).map(submissionOf);
  }

  /** Status of every recorded conversation, in the order they were first recorded. */
  queueStatus(): Map<string, QueueEntry> {
    const out = new Map<string, QueueEntry>();
    for (const r of this.s.queue.all()) {
      let entry: QueueEntry;
      if (r.s_id !== null) {
        entry = { status: 'reviewed', reviewer: r.s_inspector!, submittedAt: r.s_at!, version: r.s_version!, stale: r.s_hash !== r.content_hash };
        if (r.r_id !== null && r.r_id > r.s_review_id! && r.r_submitted === 0) entry.inProgressBy = r.r_inspector!;
      } else if (r.r_id !== null) {
        entry = { status: 'in-progress', reviewer: r.r_inspector! };
      } else {
        entry = { status: 'new' };
      }
      out.set(r.id, entry);
    }
    return out;
  }
}

interface QueueRow {
  id: string;
  content_hash: string;
  s_id: number | null;
  s_review_id: number | null;
  s_inspector: string | null;
  s_at: number | null;
  s_version: number | null;
  s_hash: string | null;
  r_id: number | null;
  r_inspector: string | null;
  r_submitted: number | null;
}

const QUEUE_SQL = `
SELECT c.id, c.content_hash,
       s.id AS s_id, s.review_id AS s_review_id, s.inspector AS s_inspector, s.submitted_at AS s_at,
       s.version AS s_version, s.content_hash AS s_hash,
       r.id AS r_id, r.inspector AS r_inspector,
       EXISTS (SELECT 1 FROM submissions x WHERE x.review_id = r.id) AS r_submitted
FROM conversations c
LEFT JOIN submissions s ON s.id = (SELECT max(id) FROM submissions WHERE conversation_id = c.id)
LEFT JOIN reviews r ON r.id = (SELECT max(id) FROM reviews WHERE conversation_id = c.id)
ORDER BY c.rowid`;

function reviewOf(r: ReviewRow): Review {
  const review: Review = {
    id: r.id,
    conversationId: r.conversation_id,
    inspector: r.inspector,
    packHash: r.pack_hash,
    contentHash: r.content_hash,
    baseSubmissionId: r.base_submission_id,
    openedAt: r.opened_at,
  };
  if (r.submission_id !== null) review.submissionId = r.submission_id;
  return review;
}

function submissionOf(r: SubmissionRow): Submission {
  return {
    id: r.id,
    reviewId: r.review_id,
    conversationId: r.conversation_id,
    inspector: r.inspector,
    version: r.version,
    pack: { id: r.pack_id, version: r.pack_version, hash: r.pack_hash },
    contentHash: r.content_hash,
    score: r.score,
    maxScore: r.max_score,
    grade: r.grade,
    vetoed: r.vetoed === 1,
    submittedAt: r.submitted_at,
    secondsSpent: r.seconds_spent,
    review: JSON.parse(r.review_json) as ReviewState,
  };
}
