/**
 * The inspector's only door to the review store. A review (store row) is opened lazily, on the
 * first decision or on submit, so looking at a conversation does not mark it "in progress".
 * Every decision is committed before the screen shows it.
 */
import type { Conversation, ScoreResult } from '@zhijian/core';
import { ReviewClosedError, type DecisionInput, type DecisionRecord, type QueueEntry, type ReviewStore, type SessionState, type Submission } from '@zhijian/store';

/** Where the inspector was, saved on every move: reopening resumes there. */
export interface Cursor extends SessionState {
  screen?: 'queue' | 'review';
  conversationId?: string;
  messageIndex?: number;
  findingKey?: string;
  queue?: { filter?: unknown; sort?: unknown; search?: string };
  /** The batch the cursor belongs to (files, pack, sample), so another batch does not jump. */
  batch?: string;
  /** Review time already spent on the open conversation (ms). */
  spentMs?: number;
}

export class ReviewSession {
  /** Conversation id -> the review opened in this run (until submitted). */
  private readonly open = new Map<string, number>();
  private lastCursor = '';

  constructor(
    readonly store: ReviewStore,
    readonly inspector: string,
    readonly packHash: string,
  ) {}

  /** Records (or refreshes) the conversation; says whether its content changed since last seen. */
  record(conversation: Conversation, sourceFile: string): 'new' | 'unchanged' | 'changed' {
    return this.store.recordConversation(conversation, { sourceFile }).status;
  }

  /** This inspector's decision log on the conversation (every review, oldest first). */
  log(conversationId: string): DecisionRecord[] {
    return this.store.decisionsFor(conversationId, this.inspector);
  }

  append(conversationId: string, auto: ScoreResult, decision: DecisionInput): DecisionRecord {
    const reviewId = this.reviewFor(conversationId, auto);
    try {
      return this.store.appendDecision(reviewId, decision);
    } catch (err) {
      if (!(err instanceof ReviewClosedError)) throw err;
      // Submitted elsewhere (another terminal of the same inspector): continue in a new review.
      this.open.delete(conversationId);
      return this.store.appendDecision(this.reviewFor(conversationId, auto), decision);
    }
  }

  submit(conversationId: string, auto: ScoreResult, result: ScoreResult, lastDecisionId: number, secondsSpent: number): Submission {
    const reviewId = this.reviewFor(conversationId, auto);
    const submission = this.store.submitReview(reviewId, result, { lastDecisionId, secondsSpent: Math.round(secondsSpent * 10) / 10 });
    this.open.delete(conversationId);
    return submission;
  }

  /** After a conflict: a new review based on the latest submission, so the next submit replaces it. */
  reopenFresh(conversationId: string, auto: ScoreResult): void {
    this.open.set(conversationId, this.store.openReview(conversationId, this.inspector, this.packHash, auto, { fresh: true }));
  }

  statuses(): Map<string, QueueEntry> {
    return this.store.queueStatus();
  }

  latestSubmission(conversationId: string): Submission | undefined {
    return this.store.latestSubmission(conversationId);
  }

  saveCursor(cursor: Cursor): void {
    const json = JSON.stringify(cursor);
    if (json === this.lastCursor) return;
    this.lastCursor = json;
    this.store.saveSession(this.inspector, cursor);
  }

  loadCursor(): Cursor | undefined {
    return this.store.loadSession(this.inspector) as Cursor | undefined;
  }

  private reviewFor(conversationId: string, auto: ScoreResult): number {
    let id = this.open.get(conversationId);
    if (id === undefined) {
      // Resumes this inspector's unsubmitted review (same pack and content) or starts one.
      id = this.store.openReview(conversationId, this.inspector, this.packHash, auto);
      this.open.set(conversationId, id);
    }
    return id;
  }
}
