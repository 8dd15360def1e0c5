/**
 * Time invariance. Working hours are local wall-clock windows, so the precise invariants are:
 *  1. shifting every timestamp by whole weeks changes nothing, in a zone with a fixed UTC offset
 *     (same local times, same weekdays): any pack;
 *  2. shifting a conversation that lies inside the default working hours (09:00-23:00, every day)
 *     to another place inside them changes nothing: packs whose working hours are the default;
 *  3. the same instants read in another time zone change no finding of a rule that ignores
 *     working hours; a working-hours rule (reply-time) keeps its findings too when the whole
 *     conversation lies in working time in both zones;
 *  4. the same local wall-clock times written in another zone give the same result, when both
 *     zones keep one UTC offset over the conversation (no DST change inside it).
 */
import { describe, expect } from 'vitest';
import { fc, it } from '@fast-check/vitest';
import {
  DST_ZONES,
  FIXED_OFFSET_ZONES,
  messagesArb,
  propertyParams,
  propertyTimeout,
  shiftConversation,
  wallTimesArb,
  wordsOf,
  durationArb,
  type GenConversation,
  type WallTime,
} from '@zhijian/test-utils';
import { evaluateConversation, zoneOffsetMinutes, zonedToEpoch, type CompiledPack, type PackDef } from '../../src/index.js';
import { workingMs } from '../../src/rule-types/reply-time.js';
import { FIXED_NOW, compile, packCaseArb, ruleTypes, scenarioArb, score, type PackCase } from './support.js';

const WEEK_MS = 7 * 86_400_000;
const ALL_ZONES = [...FIXED_OFFSET_ZONES, ...DST_ZONES];

/** Rule types with working hours (local wall-clock windows): found by their options schema. */
const LOCAL_TIME_TYPES = new Set(ruleTypes.filter((t) => JSON.stringify(t.optionsSchema).includes('"workingHours"')).map((t) => t.id));

function detectors(rule: PackDef['rules'][number]): Array<{ type: string; options: Record<string, unknown> }> {
  if (rule.type !== 'any-of') return [{ type: rule.type, options: rule.options ?? {} }];
  return ((rule.options?.detectors ?? []) as Array<{ type: string; options?: Record<string, unknown> }>).map((d) => ({ type: d.type, options: d.options ?? {} }));
}

/** Repair for generated packs: no custom working hours (the default 09:00-23:00 every day). */
function defaultWorkingHours(_type: string, options: Record<string, unknown>): Record<string, unknown> {
  const { workingHours: _w, ...rest } = options;
  return rest;
}

/** A conversation with timestamps on local wall-clock times in `zone`. */
function atWallTimes(messages: GenConversation['messages'], walls: WallTime[], durations: number[], zone: string): GenConversation {
  return {
    id: 'prop',
    channel: 'chat',
    timeZone: zone,
    messages: messages.map((m, i) => {
      const w = walls[i]!;
      const ts = zonedToEpoch({ year: w.year, month: w.month, day: w.day, second: w.second }, zone);
      const { ts: _t, endTs: _e, ...rest } = m;
      return durations[i]! > 0 ? { ...rest, ts, endTs: ts + durations[i]! } : { ...rest, ts };
    }),
  };
}

/** Messages (using the pack's words) with wall times inside [fromMinute, toMinute) over `days` days. */
function wallScenario(pc: PackCase, fromMinute: number, toMinute: number, days: number) {
  return messagesArb({ focus: wordsOf(pc.def as never) }).chain((messages) =>
    fc.tuple(
      fc.constant(messages),
      wallTimesArb(messages.length, fromMinute, toMinute, days),
      fc.array(fc.oneof(fc.constant(0), durationArb()), { minLength: messages.length, maxLength: messages.length }),
    ),
  );
}

function findingsByRule(pack: CompiledPack, conv: GenConversation): Map<string, string[]> {
  const ev = evaluateConversation(pack, conv as never, { now: FIXED_NOW });
  const out = new Map<string, string[]>(pack.rules.map((r) => [r.def.id, []]));
  for (const f of ev.findings) out.get(f.ruleId)!.push(JSON.stringify([f.messageIndex, f.start, f.end, f.messageId, f.data]));
  return out;
}

/** The working-hour windows of a rule's options, as reply-time compiles them. */
function windowsOf(options: Record<string, unknown>) {
  const schema = ruleTypes.find((t) => t.id === 'reply-time')!.optionsSchema as { properties: { workingHours: { default: unknown } } };
  const hours = (options.workingHours ?? schema.properties.workingHours.default) as Array<{ from: string; to: string; days?: number[] }>;
  const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  return hours.map((w) => {
    const from = minutes(w.from);
    const to = minutes(w.to);
    return { from, to: to <= from ? to + 1440 : to, days: new Set(w.days ?? [1, 2, 3, 4, 5, 6, 7]) };
  });
}

describe('properties: time invariance', () => {
  it.prop([scenarioArb({}, { timeZones: FIXED_OFFSET_ZONES }), fc.integer({ min: -200, max: 200 }).filter((k) => k !== 0)], propertyParams())(
    'time invariance: shifting every timestamp by whole weeks changes nothing (fixed-offset zones)',
    ({ pack: pc, conv }, weeks) => {
      const pack = compile(pc.def);
      expect(score(pack, shiftConversation(conv, weeks * WEEK_MS))).toEqual(score(pack, conv));
    },
    propertyTimeout(),
  );

  const insideHours = packCaseArb({ repair: defaultWorkingHours })
    .chain((pc) => fc.tuple(fc.constant(pc), fc.constantFrom(...FIXED_OFFSET_ZONES), wallScenario(pc, 9 * 60, 23 * 60, 1)))
    .chain(([pc, zone, [messages, walls, durations]]) => {
      const conv = atWallTimes(messages, walls, durations, zone);
      // Every local time s_i is in [09:00, 23:00): shifting by days + s keeps it there when
      // 09:00 - min(s_i) <= s <= 23:00 - 1 s - max(s_i).
      const seconds = walls.map((w) => w.second);
      const lo = seconds.length > 0 ? 9 * 3600 - Math.min(...seconds) : 0;
      const hi = seconds.length > 0 ? 23 * 3600 - 1 - Math.max(...seconds) : 0;
      return fc
        .tuple(fc.integer({ min: -400, max: 400 }), fc.integer({ min: lo, max: hi }))
        .map(([days, s]) => ({ pc, conv, deltaMs: days * 86_400_000 + s * 1000 }));
    });

  it.prop([insideHours], propertyParams())(
    'time invariance: shifting a conversation inside working hours (09:00-23:00) to other working hours changes nothing',
    ({ pc, conv, deltaMs }) => {
      const pack = compile(pc.def);
      expect(score(pack, shiftConversation(conv, deltaMs))).toEqual(score(pack, conv));
    },
    propertyTimeout(),
  );

  // Random conversations, and compact ones at Shanghai 10:00-20:00 (working time in several zones).
  const sameInstants = packCaseArb()
    .chain((pc) =>
      fc.oneof(
        scenarioArb({}, { timestamps: ['all', 'some'] }).map((s) => ({ pc: s.pack, conv: s.conv })),
        wallScenario(pc, 10 * 60, 20 * 60, 1).map(([messages, walls, durations]) => ({ pc, conv: atWallTimes(messages, walls, durations, 'Asia/Shanghai') })),
      ),
    )
    .chain((s) => fc.tuple(fc.constant(s), fc.constantFrom(...ALL_ZONES), fc.constantFrom(...ALL_ZONES)));

  it.prop([sameInstants], propertyParams())(
    'time zones: the same instants read in another zone change no finding, but those of working-hours rules outside working time',
    ([{ pc, conv }, zoneA, zoneB]) => {
      const pack = compile(pc.def);
      const a = findingsByRule(pack, { ...conv, timeZone: zoneA });
      const b = findingsByRule(pack, { ...conv, timeZone: zoneB });
      const times = conv.messages.flatMap((m) => (m.ts === undefined ? [] : [m.ts]));
      const t0 = Math.min(...times);
      const t1 = Math.max(...times);
      for (const rule of pc.def.rules) {
        const local = detectors(rule).filter((d) => LOCAL_TIME_TYPES.has(d.type));
        // A working-hours rule is compared only when the whole conversation is working time in both zones.
        const comparable =
          local.length === 0 ||
          times.length === 0 ||
          local.every((d) => {
            const w = windowsOf(d.options);
            return workingMs(t0, t1, w, zoneA) === t1 - t0 && workingMs(t0, t1, w, zoneB) === t1 - t0;
          });
        if (comparable) expect({ rule: rule.id, findings: b.get(rule.id) }).toEqual({ rule: rule.id, findings: a.get(rule.id) });
      }
    },
    propertyTimeout(),
  );

  const sameWallTimes = packCaseArb().chain((pc) =>
    fc.tuple(fc.constant(pc), wallScenario(pc, 0, 24 * 60, 2), fc.constantFrom(...ALL_ZONES), fc.constantFrom(...ALL_ZONES)),
  );

  it.prop([sameWallTimes], propertyParams())(
    'time zones: the same local wall-clock times written in another zone give the same result (no DST change inside the conversation)',
    ([pc, [messages, walls, durations], zoneA, zoneB]) => {
      const a = atWallTimes(messages, walls, durations, zoneA);
      const b = atWallTimes(messages, walls, durations, zoneB);
      const constantOffset = (c: GenConversation, zone: string): boolean =>
        new Set(c.messages.flatMap((m) => [m.ts, m.endTs]).filter((t): t is number => t !== undefined).map((t) => zoneOffsetMinutes(t, zone))).size <= 1;
      fc.pre(constantOffset(a, zoneA) && constantOffset(b, zoneB));
      const pack = compile(pc.def);
      expect(score(pack, b)).toEqual(score(pack, a));
    },
    propertyTimeout(),
  );
});
