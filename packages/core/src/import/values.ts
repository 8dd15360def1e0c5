/** Lookup tables for written role / kind / channel values. */
import { CHANNELS, MESSAGE_KINDS, ROLES, type Channel, type MessageKind, type Role } from '../model/conversation.js';
import { ROLE_ALIASES } from '../model/conversation-schema.js';

const ROLE_MAP = new Map<string, Role>();
for (const r of ROLES) ROLE_MAP.set(r, r);
for (const [alias, r] of Object.entries(ROLE_ALIASES)) ROLE_MAP.set(alias, r);
const KIND_MAP = new Map<string, MessageKind>(MESSAGE_KINDS.map((k) => [k, k]));
const CHANNEL_MAP = new Map<string, Channel>(CHANNELS.map((c) => [c, c]));

export const ROLE_CHOICES = [...ROLES, ...Object.keys(ROLE_ALIASES)].join(', ');
export const KIND_CHOICES = MESSAGE_KINDS.join(', ');
export const CHANNEL_CHOICES = CHANNELS.join(', ');

/** Exact match (JSON, after schema validation). */
export function exactRole(value: string): Role | undefined {
  return ROLE_MAP.get(value);
}

/** CSV: exact match first (fast path), then trimmed and case-insensitive. */
export function looseRole(value: string): Role | undefined {
  return ROLE_MAP.get(value) ?? ROLE_MAP.get(value.trim().toLowerCase());
}

export function looseKind(value: string): MessageKind | undefined {
  return KIND_MAP.get(value) ?? KIND_MAP.get(value.trim().toLowerCase());
}

export function looseChannel(value: string): Channel | undefined {
  return CHANNEL_MAP.get(value) ?? CHANNEL_MAP.get(value.trim().toLowerCase());
}
