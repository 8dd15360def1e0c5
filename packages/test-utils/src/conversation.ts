/**
 * Conversation arbitraries: rows of every role and kind, texts from text.ts, with and without
 * timestamps (all, none, some), in several time zones, plus helpers to place timestamps on local
 * wall-clock times (the time-invariance properties).
 */
import fc from 'fast-check';
import { messageTextArb, type TextOptions } from './text.js';
import { TIME_ZONES } from './vocabulary.js';
import type { GenConversation, GenMessage, MessageKind, Role } from './types.js';

export type TimestampMode = 'none' | 'all' | 'some';

export interface ConversationOptions extends TextOptions {
  minMessages?: number;
  /** Default 12. */
  maxMessages?: number;
  /** Default: any of the three, 'all' most often. */
  timestamps?: TimestampMode | readonly TimestampMode[];
  /** Zones for `conversation.timeZone`; an empty list leaves it unset. Default TIME_ZONES (or unset). */
  timeZones?: readonly string[];
  /** Include event and media rows (transfer, status, end, image, order-card...). Default true. */
  events?: boolean;
  /** Roles to use (default all four, agent and customer most often). */
  roles?: readonly Role[];
}

/** 2020-01-01T00:00:00Z .. 2027-01-01T00:00:00Z */
export const EPOCH_RANGE = { min: 1_577_836_800_000, max: 1_798_761_600_000 } as const;

const EVENT_TEXTS = ['', '已转接至售后客服', '转接给同事', '客服暂时离开', '会话结束', '转接可能需要等待'];

interface Row {
  role: Role;
  kind: MessageKind | undefined;
}

function rowArb(roles: readonly Role[], events: boolean): fc.Arbitrary<Row> {
  const weight: Record<Role, number> = { agent: 10, customer: 10, system: 2, bot: 1 };
  const kindsFor: Record<Role, Array<fc.WeightedArbitrary<MessageKind | undefined>>> = {
    agent: [
      { weight: 20, arbitrary: fc.constant(undefined) },
      { weight: 2, arbitrary: fc.constant('text' as const) },
      { weight: 1, arbitrary: fc.constantFrom('image' as const, 'emoji' as const, 'status' as const) },
    ],
    customer: [
      { weight: 20, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fc.constantFrom('image' as const, 'order-card' as const, 'emoji' as const) },
    ],
    system: [
      { weight: 4, arbitrary: fc.constant(undefined) },
      { weight: 3, arbitrary: fc.constantFrom('transfer' as const, 'status' as const, 'end' as const, 'ring' as const) },
    ],
    bot: [{ weight: 1, arbitrary: fc.constant(undefined) }],
  };
  return fc.oneof(
    ...roles.map((role) => ({
      weight: weight[role],
      arbitrary: (events ? fc.oneof(...kindsFor[role]) : fc.constant(undefined)).map((kind) => ({ role, kind })),
    })),
  );
}

/** Gaps between consecutive messages, in ms: mostly seconds to minutes, sometimes hours or days, rarely backwards. */
export function gapArb(): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 10, arbitrary: fc.integer({ min: 0, max: 300 }).map((s) => s * 1000) },
    { weight: 6, arbitrary: fc.integer({ min: 300, max: 3_600 }).map((s) => s * 1000) },
    { weight: 2, arbitrary: fc.integer({ min: 3_600, max: 2 * 86_400 }).map((s) => s * 1000) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 999 }) },
    { weight: 1, arbitrary: fc.integer({ min: -600, max: -1 }).map((s) => s * 1000) },
  );
}

export function messagesArb(o: ConversationOptions = {}): fc.Arbitrary<GenMessage[]> {
  const roles = o.roles ?? ['agent', 'customer', 'system', 'bot'];
  const text = messageTextArb(o);
  const message = fc.tuple(rowArb(roles, o.events !== false), text, fc.option(fc.constantFrom('小美', '阿强', 'bot-1'), { nil: undefined }), fc.constantFrom(...EVENT_TEXTS)).map(
    ([row, t, speaker, eventText]): GenMessage => {
      const m: GenMessage = { role: row.role, text: t };
      if (row.kind !== undefined) {
        m.kind = row.kind;
        if (row.kind === 'image') m.text = '[图片]';
        else if (row.kind === 'order-card') m.text = '[订单] 订单号123456789012345678';
        else if (row.kind !== 'text' && row.kind !== 'emoji') m.text = eventText;
      }
      if (speaker !== undefined && (row.role === 'agent' || row.role === 'bot')) m.speaker = speaker;
      return m;
    },
  );
  return fc.array(message, { minLength: o.minMessages ?? 0, maxLength: o.maxMessages ?? 12, size: 'medium' });
}

/** Utterance durations (endTs - ts), in ms: mostly 0.5-20 s, sometimes 0, rarely negative (bad data). */
export function durationArb(): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 10, arbitrary: fc.integer({ min: 500, max: 20_000 }) },
    { weight: 1, arbitrary: fc.constant(0) },
    { weight: 1, arbitrary: fc.integer({ min: -2_000, max: -1 }) },
  );
}

export interface Timing {
  ts?: number;
  endTs?: number;
}

/**
 * Timestamps for n messages: a start instant plus gaps; `mode` decides which messages get one.
 * Call conversations give most timed messages an end (endTs), chats rarely.
 */
export function timestampsArb(n: number, mode: TimestampMode, channel: 'chat' | 'call' = 'chat'): fc.Arbitrary<Timing[]> {
  if (mode === 'none') return fc.constant(Array.from({ length: n }, () => ({})));
  const endRate = channel === 'call' ? 9 : 1;
  return fc
    .tuple(
      fc.integer(EPOCH_RANGE),
      fc.array(fc.tuple(gapArb(), fc.boolean(), fc.integer({ min: 0, max: 9 }), durationArb()), { minLength: n, maxLength: n }),
    )
    .map(([start, rows]) => {
      let t = start;
      return rows.map(([gap, keep, endDie, duration], i): Timing => {
        t += i === 0 ? 0 : gap;
        if (!(mode === 'all' || keep)) return {};
        return endDie < endRate ? { ts: t, endTs: t + duration } : { ts: t };
      });
    });
}

export function conversationArb(o: ConversationOptions = {}): fc.Arbitrary<GenConversation> {
  const modes: readonly TimestampMode[] =
    o.timestamps === undefined ? ['all', 'all', 'none', 'some'] : typeof o.timestamps === 'string' ? [o.timestamps] : o.timestamps;
  const zones = o.timeZones ?? TIME_ZONES;
  const zone = zones.length === 0 ? fc.constant(undefined) : fc.option(fc.constantFrom(...zones), { nil: undefined, freq: 5 });
  return fc
    .tuple(messagesArb(o), fc.constantFrom(...modes), zone, fc.constantFrom<'chat' | 'call'>('chat', 'chat', 'chat', 'call'))
    .chain(([messages, mode, timeZone, channel]) =>
      timestampsArb(messages.length, mode, channel).map((timing): GenConversation => {
        const conv: GenConversation = {
          id: 'prop',
          channel,
          messages: messages.map((m, i) => ({ ...m, ...timing[i] })),
        };
        if (timeZone !== undefined) conv.timeZone = timeZone;
        return conv;
      }),
    );
}

// ---------------------------------------------------------------------------------------------
// Local wall-clock times

/** A local wall-clock time: a calendar day plus seconds after its local midnight (may exceed a day: fields overflow like Date.UTC). */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  second: number;
}

/**
 * Non-decreasing wall-clock times for n messages over `days` local days from a day in 2020-2026,
 * each inside [fromMinute, toMinute) of its day (09:00-23:00 = 540-1380; 0-1440 = any time).
 * Days near DST changes are not avoided: the property decides what it requires.
 */
export function wallTimesArb(n: number, fromMinute = 0, toMinute = 1440, days = 1): fc.Arbitrary<WallTime[]> {
  return fc
    .tuple(
      fc.integer({ min: 2020, max: 2026 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 28 }),
      fc.array(fc.tuple(fc.integer({ min: 0, max: days - 1 }), fc.integer({ min: fromMinute * 60, max: toMinute * 60 - 1 })), { minLength: n, maxLength: n }),
    )
    .map(([year, month, day, picks]) =>
      picks
        .map(([d, s]) => d * 86_400 + s)
        .sort((a, b) => a - b)
        .map((second) => ({ year, month, day, second })),
    );
}

/** Same conversation with every timestamp (ts and endTs) moved by `deltaMs`; messages without one stay without. */
export function shiftConversation<C extends GenConversation>(c: C, deltaMs: number): C {
  return {
    ...c,
    messages: c.messages.map((m) => {
      const out = { ...m };
      if (m.ts !== undefined) out.ts = m.ts + deltaMs;
      if (m.endTs !== undefined) out.endTs = m.endTs + deltaMs;
      return out;
    }),
  };
}
