/**
 * Deterministic synthetic chats for the benchmark: ~12 messages each, Beijing business hours,
 * varied text with some violations (forbidden phrases, complaints, slow replies, phone numbers…).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { AGENTS, COURIERS, EMOTICONS, PRODUCTS, SCENARIOS, VIOLATIONS } from './corpus.js';

export interface BenchMessage {
  role: 'agent' | 'customer' | 'system';
  text: string;
  ts: number;
  speaker?: string;
  kind?: 'transfer';
}

export interface BenchConversation {
  id: string;
  messages: BenchMessage[];
}

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BASE = Date.UTC(2024, 5, 1, 1, 0, 0); // 2024-06-01 09:00 in Beijing
const HOUR = 3_600_000;

export function* conversations(count: number, seed = 20240618): Generator<BenchConversation> {
  const random = rng(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const chance = (p: number): boolean => random() < p;

  for (let n = 0; n < count; n++) {
    const agent = pick(AGENTS);
    const customer = `买家${int(1000, 9999)}`;
    const scenario = pick(SCENARIOS);
    const slots: Record<string, string> = {
      product: pick(PRODUCTS),
      courier: pick(COURIERS),
      order: String(int(10_000_000, 99_999_999)) + String(int(1000, 9999)),
      days: String(int(2, 7)),
      price: String(int(5, 50) * 10),
      size: pick(['S', 'M', 'L', 'XL', '38', '40', '42']),
      phone: String(int(3, 9)) + String(int(100_000_000, 999_999_999)),
      phone2: String(int(100_000_000, 999_999_999)),
      phone4: String(int(1000, 9999)),
      phone4b: String(int(1000, 9999)),
    };
    const fill = (s: string): string => s.replace(/\{(\w+)\}/g, (_, k: string) => slots[k] ?? k);
    let ts = BASE + int(0, 29) * 24 * HOUR + int(0, 13 * 60) * 60_000 + int(0, 59) * 1000;
    const messages: BenchMessage[] = [];
    const say = (role: BenchMessage['role'], text: string, gapSeconds: number, kind?: 'transfer'): void => {
      ts += gapSeconds * 1000;
      const m: BenchMessage = { role, text: fill(text), ts };
      if (role !== 'system') m.speaker = role === 'agent' ? agent : customer;
      if (kind) m.kind = kind;
      messages.push(m);
    };
    const agentLine = (): string => {
      const line = pick(scenario.agent);
      return chance(0.1) ? line + pick(EMOTICONS) : line;
    };

    const length = int(8, 16);
    let slowAt = chance(0.06) ? int(3, length - 2) : Infinity;
    const violation = random();
    say('customer', scenario.customer[0]!, 0);
    say('agent', chance(0.04) ? agentLine() : chance(0.02) ? pick(EMOTICONS) : pick(VIOLATIONS.openers), int(5, 60));
    while (messages.length < length - 1) {
      const i = messages.length;
      say('customer', pick(scenario.customer), int(10, 180));
      if (chance(0.2)) say('customer', pick(scenario.customer), int(3, 30));
      let gap = int(5, 90);
      if (i >= slowAt) {
        gap = int(700, 4000); // one slow reply
        slowAt = Infinity;
      }
      if (violation < 0.08 && i === 4) {
        say('customer', pick(VIOLATIONS.complaint), int(5, 60));
        say('agent', chance(0.6) ? pick(VIOLATIONS.soothing) : chance(0.2) ? pick(VIOLATIONS.bareAck) : agentLine(), gap);
      } else if (violation >= 0.08 && violation < 0.14 && i === 6) say('agent', pick(VIOLATIONS.forbiddenPhrase), gap);
      else if (violation >= 0.14 && violation < 0.18 && i === 4) say('agent', pick(VIOLATIONS.shirking), gap);
      else if (violation >= 0.18 && violation < 0.19 && i === 6) say('agent', pick(VIOLATIONS.personalData), gap);
      else if (violation >= 0.19 && violation < 0.2 && i === 6) say('agent', pick(VIOLATIONS.offPlatform), gap);
      else if (violation >= 0.2 && violation < 0.203 && i === 4) say('agent', pick(VIOLATIONS.abuse), gap);
      else if (violation >= 0.203 && violation < 0.233 && i === 4) {
        if (chance(0.5)) say('agent', '这个问题需要售后专员处理，帮您转接一下', gap);
        say('system', pick(VIOLATIONS.transfer), int(5, 20), 'transfer');
        say('agent', '您好，我是售后客服，请问有什么可以帮您', int(10, 60));
      } else if (violation >= 0.233 && violation < 0.253 && i >= 6) {
        const line = pick(scenario.agent);
        for (let k = 0; k < 3; k++) say('agent', line, k === 0 ? gap : int(20, 90));
      } else say('agent', agentLine(), gap);
    }
    if (chance(0.05)) say('customer', '那到底什么时候能处理好？', int(10, 120));
    else if (chance(0.7)) say('agent', pick(VIOLATIONS.closers), int(5, 60));
    yield { id: `bench-${String(n + 1).padStart(6, '0')}`, messages };
  }
}

/** ISO 8601 in Beijing time, e.g. 2024-06-18T10:02:11+08:00. */
export function beijingIso(ts: number): string {
  return new Date(ts + 8 * HOUR).toISOString().replace(/\.\d{3}Z$/, '+08:00');
}

/** `YYYY-MM-DD HH:mm:ss`, read in the --tz zone (Asia/Shanghai by default). */
function beijingLocal(ts: number): string {
  return beijingIso(ts).slice(0, 19).replace('T', ' ');
}

export function jsonlLine(c: BenchConversation): string {
  const messages = c.messages.map((m) => ({ ...m, ts: beijingIso(m.ts) }));
  return `${JSON.stringify({ id: c.id, channel: 'chat', messages })}\n`;
}

const CSV_HEADER = 'conversation_id,timestamp,role,speaker,text,kind\n';
const ZH_ROLES = { agent: '客服', customer: '买家', system: '系统' } as const;

export function csvRows(c: BenchConversation, index: number): string {
  const local = index % 2 === 0;
  const zhRoles = index % 5 === 0;
  return c.messages
    .map((m) => {
      const cells = [c.id, local ? beijingLocal(m.ts) : beijingIso(m.ts), zhRoles ? ZH_ROLES[m.role] : m.role, m.speaker ?? '', m.text, m.kind ?? ''];
      return `${cells.map((s) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)).join(',')}\n`;
    })
    .join('');
}

/** Writes `count` conversations as JSONL or CSV, with back-pressure. */
export async function writeBenchFile(path: string, format: 'jsonl' | 'csv', count: number, seed?: number): Promise<void> {
  const out = createWriteStream(path);
  let buffer = format === 'csv' ? CSV_HEADER : '';
  let i = 0;
  for (const c of conversations(count, seed)) {
    buffer += format === 'csv' ? csvRows(c, i++) : jsonlLine(c);
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}
