/** Results of scoring one conversation (see shared spec formats.md: field names are a contract). */

export type FindingSource = 'auto' | 'manual';

export interface Finding {
  ruleId: string;
  category: string;
  /** Deduction actually applied after review, caps and veto. */
  points: number;
  /** The rule's nominal points (before caps). */
  rulePoints: number;
  messageIndex: number;
  /** UTF-16 offsets into the ORIGINAL message text; text.slice(start, end) === evidence. */
  start: number;
  end: number;
  evidence: string;
  /** Rendered explanation (language chosen at scoring time). */
  message: string;
  messageId: string;
  data?: Record<string, string | number>;
  source: FindingSource;
  /** A review rule's finding that no inspector has confirmed yet. */
  pending?: boolean;
  /** Set when an inspector dismissed this finding (kept for the record, 0 points). */
  dismissed?: boolean;
  veto?: boolean;
  /** Stable key of the finding inside its conversation: ruleId#messageIndex:start-end. */
  key: string;
  /** Tag added by a classification rule. */
  tag?: string;
}

export interface CategoryScore {
  id: string;
  name: string;
  cap: number | null;
  deducted: number;
  findings: number;
}

export interface ConversationMetrics {
  messages: number;
  agentMessages: number;
  customerMessages: number;
  systemMessages: number;
  botMessages: number;
  /** Seconds from the first customer message to the first agent message after it. */
  firstResponseSeconds: number | null;
  /** Mean over customer->agent waits (same opening rule as reply-time). */
  averageResponseSeconds: number | null;
  /** 答问比: agent messages / customer messages. */
  answerRatio: number | null;
  durationSeconds: number | null;
}

export interface PackRef {
  id: string;
  version: string;
  hash: string;
}

export interface ScoreResult {
  conversationId: string;
  pack: PackRef;
  score: number;
  maxScore: number;
  grade: string;
  vetoed: boolean;
  findings: Finding[];
  categories: CategoryScore[];
  metrics: ConversationMetrics;
  tags: string[];
  notes: string[];
  agent?: string;
}
