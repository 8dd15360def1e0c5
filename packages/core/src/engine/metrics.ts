/** Per-conversation metrics: counts by role, response times, 答问比, duration. */
import type { ConversationMetrics } from '../model/result.js';
import type { MessageView } from './message-view.js';

export function computeMetrics(views: readonly MessageView[]): ConversationMetrics {
  let agent = 0;
  let customer = 0;
  let system = 0;
  let bot = 0;
  let first: number | null = null;
  let min = Infinity;
  let max = -Infinity;
  const waits: number[] = [];
  let waitStart: number | undefined; // ts of the customer message that opened the current wait
  let open = false;
  for (const v of views) {
    const ts = v.ts;
    if (ts !== undefined) {
      if (ts < min) min = ts;
      const end = v.endTs ?? ts;
      if (end > max) max = end;
    }
    if (v.role === 'system') system++;
    else if (v.role === 'bot') bot++;
    if (v.isAgent) {
      agent++;
      if (open && waitStart !== undefined && ts !== undefined) {
        const seconds = Math.max(0, (ts - waitStart) / 1000);
        waits.push(seconds);
        if (first === null) first = seconds;
      }
      open = false;
      waitStart = undefined;
    } else if (v.isCustomer) {
      customer++;
      if (!open) {
        open = true;
        waitStart = ts;
      }
    }
  }
  const avg = waits.length > 0 ? waits.reduce((a, b) => a + b, 0) / waits.length : null;
  return {
    messages: views.length,
    agentMessages: agent,
    customerMessages: customer,
    systemMessages: system,
    botMessages: bot,
    firstResponseSeconds: first,
    averageResponseSeconds: avg === null ? null : Math.round(avg * 10) / 10,
    answerRatio: customer > 0 ? Math.round((agent / customer) * 100) / 100 : null,
    durationSeconds: min <= max && Number.isFinite(min) ? Math.round((max - min) / 1000) : null,
  };
}
