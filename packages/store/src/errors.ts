/** Errors the store throws on purpose. Everything else (SQLITE_* codes) is a bug or a broken disk. */

export class StoreError extends Error {
  override name = 'StoreError';
}

/** Someone else submitted the conversation after this review was opened. */
export class ConflictError extends StoreError {
  override name = 'ConflictError';
  constructor(
    readonly conversationId: string,
    /** Who submitted in between. */
    readonly submittedBy: string,
    /** When, epoch milliseconds. */
    readonly submittedAt: number,
    readonly submissionId: number,
  ) {
    super(
      `conversation ${conversationId} was submitted by ${submittedBy} at ${new Date(submittedAt).toISOString()} ` +
        `after you opened it: open it again (fresh) to see their review before submitting yours.`,
    );
  }
}

/** The review was already submitted: open a new review to change anything. */
export class ReviewClosedError extends StoreError {
  override name = 'ReviewClosedError';
  constructor(readonly reviewId: number) {
    super(`review ${reviewId} was already submitted: open the conversation again to revise it (a new version).`);
  }
}

/** The caller scored an older state than the log now holds (a decision arrived in between). */
export class StaleReviewError extends StoreError {
  override name = 'StaleReviewError';
  constructor(
    readonly reviewId: number,
    readonly expectedLastDecisionId: number,
    readonly actualLastDecisionId: number,
  ) {
    super(
      `review ${reviewId} was scored up to decision ${expectedLastDecisionId}, but decision ${actualLastDecisionId} ` +
        `has been recorded since: re-score and submit again.`,
    );
  }
}
