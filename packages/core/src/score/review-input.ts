/** An inspector's decisions on one conversation, as the score function consumes them. */
export type Decision = 'confirmed' | 'dismissed';

export interface ManualItem {
  ruleId: string;
  messageIndex: number;
  /** Optional span in the original message text; default the whole message. */
  start?: number;
  end?: number;
  note?: string;
}

export interface ReviewInput {
  /** Decision per auto finding key (ruleId@messageIndex). Absent = no decision yet. */
  decisions?: Readonly<Record<string, Decision>>;
  manual?: readonly ManualItem[];
}
