/**
 * The trigger / response window shared by trigger-response and similar-sentence (spec:
 * crisis.complaint-unsoothed and crisis.complaint-similar-unsoothed use the same window, grouping
 * and soothing list). Triggers with no responding message between them form one group (when
 * grouping); a group is judged on the responding messages after its LAST trigger: the next N (or
 * all, 'end'), optionally only those within T seconds, plus optionally the last N before its FIRST
 * trigger and the trigger message itself.
 */
import type { Role } from '../model/conversation.js';
import type { MessageView } from '../engine/message-view.js';

export interface WindowOptions {
  messages?: number | 'end';
  seconds?: number;
  before?: number;
  includeTrigger?: boolean;
}

export interface TriggerGroup {
  first: MessageView;
  last: MessageView;
}

export interface ResponseWindow {
  /** The responding messages judged, in the order: trigger itself, those before, those after. */
  messages: MessageView[];
  /** The first responding message after the group's last trigger (within the window). */
  firstAfter: MessageView | undefined;
  /** A seconds limit could not be checked for lack of timestamps. */
  untimed: boolean;
}

/** Triggers in message order, grouped when `consecutive` and no responder falls between two of them. */
export function groupTriggers(triggers: readonly MessageView[], responders: readonly MessageView[], consecutive: boolean): TriggerGroup[] {
  const groups: TriggerGroup[] = [];
  for (const t of triggers) {
    const g = groups[groups.length - 1];
    if (consecutive && g && !responders.some((r) => r.index > g.last.index && r.index < t.index)) g.last = t;
    else groups.push({ first: t, last: t });
  }
  return groups;
}

export function responseWindow(group: TriggerGroup, responders: readonly MessageView[], responseRole: Role, window: WindowOptions): ResponseWindow {
  const limit = window.messages ?? 2;
  const before = window.before ?? 0;
  const start = group.last.ts;
  const messages: MessageView[] = [];
  let untimed = false;
  if (window.includeTrigger && group.last.role === responseRole) messages.push(group.last);
  if (before > 0) messages.push(...responders.filter((r) => r.index < group.first.index).slice(-before));
  let taken = 0;
  let firstAfter: MessageView | undefined;
  for (const r of responders) {
    if (r.index <= group.last.index) continue;
    if (limit !== 'end' && taken >= limit) break;
    if (window.seconds !== undefined) {
      if (start === undefined || r.ts === undefined) untimed = true;
      else if (r.ts - start > window.seconds * 1000) break;
    }
    messages.push(r);
    firstAfter ??= r;
    taken++;
  }
  return { messages, firstAfter, untimed };
}
