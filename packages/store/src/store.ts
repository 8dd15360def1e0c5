/** The review store: one SQLite file, opened once per process, statements prepared once. */
import type { Database } from 'better-sqlite3';
import type { Conversation, PackRef, ScoreResult } from '@zhijian/core';
import { DEFAULT_STORE_PATH, openDatabase } from './db/open.js';
import { schemaVersion } from './db/migrations.js';
import { Catalog, type ConversationRecord, type RecordConversationResult } from './catalog.js';
import { DecisionLog, type DecisionInput, type DecisionRecord } from './decisions.js';
import {
  Reviews,
  type AutoFinding,
  type OpenReviewOptions,
  type QueueEntry,
  type Review,
  type ScoreSummary,
  type Submission,
  type SubmitOptions,
} from './reviews.js';
import { Sessions, type SessionState } from './session.js';
import { Reports, type AgentReport, type AgentReportOptions, type CategoryReport, type DateRange, type InspectorReport, type RuleReport } from './reports.js';
import type { ReviewState } from './review-state.js';

export interface OpenStoreOptions {
  /** Read only: no folder, no migration; an older file is refused (open it read-write once). */
  readonly?: boolean;
  /** Wait this long for another process's write lock (ms, default 5000). */
  busyTimeoutMs?: number;
  /** Clock, epoch ms (tests). */
  now?: () => number;
}

export class ReviewStore {
  readonly path: string;
  private readonly catalog: Catalog;
  private readonly log: DecisionLog;
  private readonly reviews: Reviews;
  private readonly sessions: Sessions;
  private readonly reports: Reports;

  constructor(
    /** The underlying connection, for diagnostics (integrity_check) and tests. */
    readonly db: Database,
    now: () => number = Date.now,
  ) {
    this.path = db.name;
    this.catalog = new Catalog(db, now);
    this.log = new DecisionLog(db, this.catalog, now);
    this.reviews = new Reviews(db, this.catalog, this.log, now);
    this.sessions = new Sessions(db, now);
    this.reports = new Reports(db);
  }

  get schemaVersion(): number {
    return schemaVersion(this.db);
  }

  recordConversation(conversation: Conversation, options?: { sourceFile?: string }): RecordConversationResult {
    return this.catalog.recordConversation(conversation, options);
  }
  getConversation(id: string): ConversationRecord | undefined {
    return this.catalog.getConversation(id);
  }
  recordPack(pack: unknown): PackRef {
    return this.catalog.recordPack(pack);
  }
  loadPack(hash: string): unknown {
    return this.catalog.loadPack(hash);
  }

  openReview(
    conversationId: string,
    inspector: string,
    packHash: string,
    autoFindings: readonly AutoFinding[] | (Pick<ScoreResult, 'findings'> & Partial<Pick<ScoreResult, 'pack'>>),
    options?: OpenReviewOptions,
  ): number {
    return this.reviews.openReview(conversationId, inspector, packHash, autoFindings, options);
  }
  getReview(reviewId: number): Review | undefined {
    return this.reviews.getReview(reviewId);
  }
  autoFindings(reviewId: number): AutoFinding[] {
    return this.reviews.autoFindings(reviewId);
  }
  appendDecision(reviewId: number, decision: DecisionInput, options?: { at?: number }): DecisionRecord {
    return this.log.append(reviewId, decision, options);
  }
  decisionsFor(conversationId: string, inspector?: string): DecisionRecord[] {
    return this.log.decisionsFor(conversationId, inspector);
  }
  reviewStateFor(reviewId: number): ReviewState {
    return this.reviews.reviewStateFor(reviewId);
  }
  submitReview(reviewId: number, result: ScoreSummary, options?: SubmitOptions): Submission {
    return this.reviews.submitReview(reviewId, result, options);
  }
  latestSubmission(conversationId: string): Submission | undefined {
    return this.reviews.latestSubmission(conversationId);
  }
  submissionHistory(conversationId: string): Submission[] {
    return this.reviews.submissionHistory(conversationId);
  }
  queueStatus(): Map<string, QueueEntry> {
    return this.reviews.queueStatus();
  }

  saveSession(inspector: string, state: SessionState): void {
    this.sessions.save(inspector, state);
  }
  loadSession(inspector: string): SessionState | undefined {
    return this.sessions.load(inspector);
  }

  reportByAgent(options?: AgentReportOptions): AgentReport[] {
    return this.reports.byAgent(options);
  }
  reportByRule(range?: DateRange): RuleReport[] {
    return this.reports.byRule(range);
  }
  reportByCategory(range?: DateRange): CategoryReport[] {
    return this.reports.byCategory(range);
  }
  reportByInspector(range?: DateRange): InspectorReport[] {
    return this.reports.byInspector(range);
  }

  /** PRAGMA integrity_check: 'ok' or the problems SQLite found. */
  integrityCheck(): string {
    const rows = this.db.pragma('integrity_check') as Array<{ integrity_check: string }>;
    return rows.map((r) => r.integrity_check).join('\n');
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/** Opens (creating and migrating as needed) the store at `path` (default .zhijian/reviews.db in the cwd). */
export function openStore(path: string = DEFAULT_STORE_PATH, options: OpenStoreOptions = {}): ReviewStore {
  const now = options.now ?? Date.now;
  const db = openDatabase(path, { ...options, now });
  try {
    return new ReviewStore(db, now);
  } catch (e) {
    db.close();
    throw e;
  }
}
