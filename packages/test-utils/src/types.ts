/**
 * Structural copies of the few @zhijian/core shapes the arbitraries produce. This package must not
 * depend on @zhijian/core (core depends on it for its tests, and turbo rejects cyclic workspace
 * graphs), so the generated values are plain data that core's own types accept structurally.
 */
export type Role = 'agent' | 'customer' | 'system' | 'bot';
export type MessageKind = 'text' | 'image' | 'emoji' | 'order-card' | 'transfer' | 'status' | 'ring' | 'end';
export const ROLES: readonly Role[] = ['agent', 'customer', 'system', 'bot'];
export const EVENT_KINDS: ReadonlySet<MessageKind> = new Set(['transfer', 'status', 'ring', 'end']);

export interface GenMessage {
  role: Role;
  text: string;
  ts?: number;
  /** End of a call utterance (epoch ms). */
  endTs?: number;
  kind?: MessageKind;
  speaker?: string;
}

export interface GenConversation {
  id: string;
  channel: 'chat' | 'call';
  timeZone?: string;
  agent?: string;
  messages: GenMessage[];
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonSchema = Record<string, unknown>;

/** What the pack arbitrary needs to know about a rule type: `registry.list().map((t) => t.meta)` fits. */
export interface RuleTypeInfo {
  id: string;
  optionsSchema: JsonSchema;
  manual?: boolean;
}

/** Literal, regex, set reference, or any other form the pack schema's phraseItem allows (clause patterns...). */
export type PhraseItem = string | { regex: string; spaced?: boolean; note?: string } | { set: string } | Record<string, unknown>;

export interface GenRule {
  id: string;
  type: string;
  category: string;
  points: number;
  maxFindings?: number;
  review?: boolean;
  veto?: boolean;
  enabled?: boolean;
  name?: string | { zh: string; en?: string };
  message?: string;
  options?: Record<string, unknown>;
}

export interface GenCategory {
  id: string;
  name: string | { zh: string; en?: string };
  cap?: number;
  veto?: boolean;
}

export interface GenPack {
  id: string;
  version: string;
  name?: string;
  maxScore?: number;
  grades?: Array<{ min: number; label: string }>;
  vetoGrade?: string;
  categories: GenCategory[];
  definitions?: { negation?: Record<string, unknown> };
  phraseSets?: Record<string, PhraseItem[]>;
  scripts?: Array<{ id: string; text: string }>;
  rules: GenRule[];
}
