/** The canonical conversation model. Timestamps are epoch milliseconds once imported. */

export const ROLES = ['agent', 'customer', 'system', 'bot'] as const;
export type Role = (typeof ROLES)[number];

export const MESSAGE_KINDS = ['text', 'image', 'emoji', 'order-card', 'transfer', 'status', 'ring', 'end'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** Kinds that are events, never utterances (spec: "Agent message" excludes these). */
export const EVENT_KINDS: ReadonlySet<MessageKind> = new Set(['transfer', 'status', 'ring', 'end']);
/** Kinds that carry media rather than typed text: never symbol-only. */
export const MEDIA_KINDS: ReadonlySet<MessageKind> = new Set(['image', 'order-card']);

export const CHANNELS = ['chat', 'call'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface Message {
  role: Role;
  text: string;
  /** Start (or send) time, epoch milliseconds. */
  ts?: number;
  /** End of a call utterance, epoch milliseconds. */
  endTs?: number;
  kind?: MessageKind;
  speaker?: string;
  /** Unknown CSV columns and extra JSON fields, kept as data. */
  meta?: Record<string, string>;
}

export interface Conversation {
  id: string;
  channel: Channel;
  /** When the call or chat started (epoch ms), if the source says so. */
  startedAt?: number;
  /** IANA time zone used for working hours and local-time display. */
  timeZone?: string;
  /** The agent responsible, when the source names one (else derived from speakers). */
  agent?: string;
  messages: Message[];
  meta?: Record<string, unknown>;
}

export function isEvent(m: Message): boolean {
  return m.kind !== undefined && EVENT_KINDS.has(m.kind);
}

/** "Agent message": role agent and not an event row. Bots are never agents. */
export function isAgentMessage(m: Message): boolean {
  return m.role === 'agent' && !isEvent(m);
}

export function isCustomerMessage(m: Message): boolean {
  return m.role === 'customer' && !isEvent(m);
}

/** Utterance of a given role (events excluded). */
export function isUtteranceOf(m: Message, role: Role): boolean {
  return m.role === role && !isEvent(m);
}
