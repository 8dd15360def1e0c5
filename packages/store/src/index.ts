/** @zhijian/store: the durable review store (SQLite, Node only). */
export { openStore, ReviewStore, type OpenStoreOptions } from './store.js';
export { DEFAULT_STORE_PATH } from './db/open.js';
export { MIGRATIONS, SCHEMA_VERSION, APPLICATION_ID, SchemaTooNewError, migrate, schemaVersion, type Migration } from './db/migrations.js';
export { StoreError, ConflictError, ReviewClosedError, StaleReviewError } from './errors.js';
export { conversationHash, agentOf, type ConversationRecord, type RecordConversationResult } from './catalog.js';
export type { DecisionInput, DecisionKind, DecisionMeta, DecisionRecord } from './decisions.js';
export { reviewStateOf, cancelledIds, decisionKey, type ReviewState, type ReviewComment, type FoldableDecision } from './review-state.js';
export {
  autoFindingsOf,
  type AutoFinding,
  type Review,
  type Submission,
  type ScoreSummary,
  type SubmitOptions,
  type OpenReviewOptions,
  type QueueStatus,
  type QueueEntry,
} from './reviews.js';
export { MAX_SESSION_BYTES, type SessionState } from './session.js';
export type { DateRange, AgentReportOptions, AgentReport, RuleReport, CategoryReport, InspectorReport, FindingFigures } from './reports.js';
