/**
 * reply-time: a customer waits longer than N working seconds for the agent (crisis.slow-reply).
 * A wait opens at the first waiting-role message after a responder message (or the first of the
 * conversation); it closes at the next responder message or at a row of a closing kind (an away
 * note, 挂状态), and after such a row nothing opens until the responder speaks again. Every other
 * row (transfers, bots, order cards) neither opens nor closes. Unclosed waits are not measured
 * (unanswered-at-end covers them); waits without timestamps are skipped with a note.
 */
import { MESSAGE_KINDS, type MessageKind, type Role } from '../model/conversation.js';
import type { MessageView } from '../engine/message-view.js';
import { zonedParts, zonedToEpoch } from '../time/index.js';
import { defineRuleType } from './define.js';
import { roleOption } from './common-options.js';

export interface WorkingWindow {
  from: string;
  to: string;
  days?: number[];
}

export interface ReplyTimeOptions {
  role: Role;
  responder: Role;
  thresholdSeconds: number;
  closeKinds: MessageKind[];
  workingHours: WorkingWindow[];
}

const ALL_DAYS = [1, 2, 3, 4, 5, 6, 7];
const DAY_MS = 86_400_000;

export default defineRuleType<ReplyTimeOptions, 'slow' | 'untimed'>({
  meta: {
    id: 'reply-time',
    description: {
      zh: '客户等待回复超过规定的工作时间秒数（挂状态结束等待，转接不影响；未结束的等待不计）。',
      en: 'A customer waits longer than N working seconds for a reply (status rows close a wait, transfers do not; unclosed waits are not measured).',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        role: roleOption('customer', 'Who waits. 等待回复的一方。'),
        responder: roleOption('agent', 'Whose message closes the wait. 应答方。'),
        thresholdSeconds: {
          type: 'number',
          minimum: 0,
          default: 600,
          description: 'Fires when a wait is LONGER than this many working seconds. 等待超过此工作秒数即触发。',
        },
        closeKinds: {
          type: 'array',
          items: { enum: [...MESSAGE_KINDS] },
          uniqueItems: true,
          default: ['status'],
          description:
            'Rows of these kinds (any role) close a wait, and the waiting role opens none until the responder speaks again (挂状态). 这些类型的行结束等待，且在应答方下一条消息前不再开始新的等待。',
        },
        workingHours: {
          type: 'array',
          minItems: 1,
          default: [{ from: '09:00', to: '23:00' }],
          description:
            "Working-hour windows in the conversation's time zone; only seconds inside them count (overlaps are merged). 工作时间段（会话时区），只计算其中的秒数。",
          items: {
            type: 'object',
            properties: {
              from: { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'Start, HH:MM. 开始时间。' },
              to: {
                type: 'string',
                pattern: '^(([01]\\d|2[0-3]):[0-5]\\d|24:00)$',
                description: 'End, HH:MM (24:00 allowed); at or before `from` means the window ends on the next day (22:00-02:00). 结束时间；不晚于开始时间表示跨午夜到次日。',
              },
              days: {
                type: 'array',
                items: { type: 'integer', minimum: 1, maximum: 7 },
                minItems: 1,
                uniqueItems: true,
                default: ALL_DAYS,
                description: 'ISO weekdays (1 = Monday … 7 = Sunday) on which the window STARTS. 窗口开始的星期（1=周一 … 7=周日）。',
              },
            },
            required: ['from', 'to'],
            additionalProperties: false,
          },
        },
      },
      additionalProperties: false,
    },
    messages: {
      slow: {
        zh: '客户等待 {seconds} 秒（工作时间）未获回复，超过 {threshold} 秒',
        en: 'The customer waited {seconds} working seconds for a reply (limit {threshold} s)',
      },
      untimed: { zh: '{count} 次等待缺少时间戳，已跳过', en: 'skipped: no timestamps ({count} wait(s))' },
    },
  },
  create(o, tools) {
    const windows = o.workingHours.map((w, i) => {
      const from = minutes(w.from);
      const to = minutes(w.to);
      if (from === undefined || to === undefined) tools.fail(`${tools.pointer}/workingHours/${i}`, 'times must be HH:MM');
      return { from: from!, to: to! <= from! ? to! + 24 * 60 : to!, days: new Set(w.days ?? ALL_DAYS) };
    });
    const closeKinds = new Set<string>(o.closeKinds);
    const limitMs = o.thresholdSeconds * 1000;

    return (ctx) => {
      let open: MessageView | undefined;
      // False after a closing row: the waiting role opens nothing until the responder speaks.
      let canOpen = true;
      let untimed = 0;
      const close = (at: MessageView): void => {
        if (!open) return;
        const start = open.ts;
        const end = at.ts;
        if (start === undefined || end === undefined) untimed++;
        // Working seconds never exceed wall-clock seconds: most waits need no calendar at all.
        else if (end - start > limitMs) {
          const ms = workingMs(start, end, windows, ctx.timeZone);
          if (ms > limitMs) {
            ctx.report({
              messageIndex: open.index,
              originalRange: { start: 0, end: open.original.length },
              messageId: 'slow',
              data: { seconds: ms / 1000, threshold: o.thresholdSeconds },
            });
          }
        }
        open = undefined;
      };
      for (const m of ctx.messages) {
        if (closeKinds.has(m.kind)) {
          close(m);
          canOpen = false;
        } else if (m.isUtteranceOf(o.responder)) {
          close(m);
          canOpen = true;
        } else if (m.isUtteranceOf(o.role) && canOpen && !open) open = m;
      }
      if (untimed > 0) ctx.note('untimed', { count: untimed });
    };
  },
});

function minutes(hhmm: string): number | undefined {
  const m = /^(\d\d):(\d\d)$/.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

interface Window {
  /** Minutes after local midnight of the starting day; `to` > `from`, up to 48 h. */
  from: number;
  to: number;
  days: ReadonlySet<number>;
}

/**
 * Milliseconds of [t0, t1) inside the working windows, in local wall time of `timeZone`. Each
 * window is turned into instants per local day with zonedToEpoch, so DST days are as long as
 * they really are. Starts a day early because yesterday's window may cross midnight.
 */
export function workingMs(t0: number, t1: number, windows: readonly Window[], timeZone: string): number {
  const first = zonedParts(t0, timeZone);
  const last = zonedParts(t1, timeZone);
  const lastDay = Date.UTC(last.year, last.month - 1, last.day);
  const spans: Array<[number, number]> = [];
  for (let day = Date.UTC(first.year, first.month - 1, first.day) - DAY_MS; day <= lastDay; day += DAY_MS) {
    const d = new Date(day);
    const date = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
    const weekday = d.getUTCDay() === 0 ? 7 : d.getUTCDay();
    for (const w of windows) {
      if (!w.days.has(weekday)) continue;
      const s = Math.max(t0, zonedToEpoch({ ...date, minute: w.from }, timeZone));
      const e = Math.min(t1, zonedToEpoch({ ...date, minute: w.to }, timeZone));
      if (e > s) spans.push([s, e]);
    }
  }
  // Overlapping windows (or a crossing window meeting the next day's) count once.
  spans.sort((a, b) => a[0] - b[0]);
  let total = 0;
  let reach = -Infinity;
  for (const [s, e] of spans) {
    if (e <= reach) continue;
    total += e - Math.max(s, reach);
    reach = e;
  }
  return total;
}
