/**
 * Shared by the standard-pack tests: the WHOLE standard pack, compiled once, and small helpers that
 * score a tiny conversation with it and read back one rule's findings. Scoring with the whole pack
 * (not a one-rule pack) makes interactions between rules show up.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import {
  caseConversation,
  compilePack,
  parseTimestamp,
  scoreConversation,
  type CaseMessage,
  type MessageKind,
  type PackDef,
  type ReviewInput,
  type Role,
  type ScoreResult,
} from '@zhijian/core';

export const PACK_FILE = new URL('../ecommerce-chat.zh.json', import.meta.url);
export const packDef = JSON.parse(readFileSync(PACK_FILE, 'utf8')) as PackDef;
export const pack = compilePack(packDef, { source: 'ecommerce-chat.zh.json' });

/** The evaluation instant ("today" for ID birth dates): fixed, so results are reproducible. */
export const NOW = parseTimestamp('2026-06-01 12:00:00', 'Asia/Shanghai')!;

/** Scores a conversation with the whole standard pack and checks every finding's evidence is the original slice. */
export function score(messages: CaseMessage[], review?: ReviewInput): ScoreResult {
  const conv = caseConversation({ messages });
  const result = scoreConversation(pack, conv, { now: NOW, ...(review ? { review } : {}) });
  for (const f of result.findings) {
    expect(conv.messages[f.messageIndex]!.text.slice(f.start, f.end), `${f.ruleId}@${f.messageIndex}`).toBe(f.evidence);
  }
  return result;
}

export interface Seen {
  at: number;
  evidence: string;
  points: number;
  pending?: true;
}

/** One rule's findings, in the shape the tests compare: message index, evidence, points (and pending). */
export function found(result: ScoreResult, ruleId: string): Seen[] {
  return result.findings
    .filter((f) => f.ruleId === ruleId)
    .map((f) => ({ at: f.messageIndex, evidence: f.evidence, points: f.points, ...(f.pending ? { pending: true as const } : {}) }));
}

/** Scores and returns one rule's findings. */
export function run(ruleId: string, messages: CaseMessage[], review?: ReviewInput): Seen[] {
  return found(score(messages, review), ruleId);
}

/** All findings as `ruleId@index:evidence:points` lines: compact, for whole-result assertions. */
export function summary(result: ScoreResult): string[] {
  return result.findings.map((f) => `${f.ruleId}@${f.messageIndex}:${f.evidence}:${f.points}${f.pending ? ':pending' : ''}`);
}

const DAY = '2025-06-17'; // a Tuesday

/** A timed message: 'HH:mm:ss' on DAY, or a full 'YYYY-MM-DD HH:mm:ss' (Asia/Shanghai). */
export function at(role: Role, time: string, text: string, kind?: MessageKind): CaseMessage {
  return { role, text, ts: time.length <= 8 ? `${DAY} ${time}` : time, ...(kind ? { kind } : {}) };
}

/** An event or media row without a timestamp. */
export function row(role: Role, kind: MessageKind, text = ''): CaseMessage {
  return { role, kind, text };
}
