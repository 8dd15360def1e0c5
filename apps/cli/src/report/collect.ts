/**
 * Report rows from the review store, by one dimension. Values are machine values (numbers, ids):
 * CSV and JSON print them as they are, the table formats them. Rule and category names and the
 * tag rules come from the packs the reviews were scored with (the store keeps every pack).
 */
import { defaultRegistry, localize, type Lang, type PackDef } from '@zhijian/core';
import type { DateRange, ReviewStore } from '@zhijian/store';

export const DIMENSIONS = ['agent', 'rule', 'category', 'inspector', 'tag'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export type Value = string | number | null;
/** JSON only: the structured form of a row's figures. */
export type Structured = Array<Record<string, string | number>>;
export type ReportRow = Record<string, Value | Structured>;

export interface ReportData {
  by: Dimension;
  rows: ReportRow[];
  /** Complaint classification tags of the reviewed conversations: tag -> conversations. */
  tags: Array<{ tag: string; conversations: number }>;
  /** Conversations with a submission in the range. */
  conversations: number;
}

interface PackInfo {
  ruleNames: Map<string, string>;
  categoryNames: Map<string, string>;
  /** Rule id -> tag, for classification rules. */
  tagRules: Map<string, string>;
}

/** Names and tag rules from the packs of the latest submissions (later packs win). */
function packInfo(store: ReviewStore, lang: Lang): PackInfo {
  const info: PackInfo = { ruleNames: new Map(), categoryNames: new Map(), tagRules: new Map() };
  const hashes = new Set<string>();
  for (const [id, entry] of store.queueStatus()) {
    if (entry.status !== 'reviewed') continue;
    const sub = store.latestSubmission(id);
    if (sub) hashes.add(sub.pack.hash);
  }
  for (const hash of hashes) {
    const pack = store.loadPack(hash) as PackDef | undefined;
    if (!pack || !Array.isArray(pack.rules)) continue;
    for (const c of pack.categories ?? []) info.categoryNames.set(c.id, localize(c.name, lang) ?? c.id);
    for (const r of pack.rules) {
      info.ruleNames.set(r.id, localize(r.name, lang) ?? r.id);
      // Classification rules are the rule types that never cost points (meta.pointless), not a type id.
      if (defaultRegistry.get(r.type)?.meta.pointless) {
        const tag = (r.options as { tag?: unknown } | undefined)?.tag;
        info.tagRules.set(r.id, typeof tag === 'string' ? tag : r.id);
      }
    }
  }
  return info;
}

export function collectReport(store: ReviewStore, by: Dimension, range: DateRange, o: { lang: Lang; passScore: number }): ReportData {
  const info = packInfo(store, o.lang);
  const agents = store.reportByAgent({ ...range, passScore: o.passScore });
  const conversations = agents.reduce((n, a) => n + a.conversations, 0);
  const ruleReport = store.reportByRule(range);
  const tags = new Map<string, number>();
  for (const r of ruleReport) {
    const tag = info.tagRules.get(r.ruleId);
    // One tag finding per conversation; an inspector who dismissed it says the class is wrong.
    if (tag !== undefined) tags.set(tag, (tags.get(tag) ?? 0) + r.seen - r.dismissed);
  }
  const tagList = [...tags].filter(([, n]) => n > 0).map(([tag, n]) => ({ tag, conversations: n })).sort((a, b) => b.conversations - a.conversations || (a.tag < b.tag ? -1 : 1));
  const name = (ruleId: string): string => info.ruleNames.get(ruleId) ?? ruleId;
  let rows: ReportRow[];
  switch (by) {
    case 'agent':
      rows = agents.map((a) => ({
        agent: a.agent,
        conversations: a.conversations,
        averageScore: a.averageScore,
        passRate: a.passRate,
        vetoed: a.vetoed,
        topRules: a.topConfirmedRules.map((r) => `${name(r.ruleId)}×${r.count}`).join(' '),
        topRuleIds: a.topConfirmedRules.map((r) => `${r.ruleId}:${r.count}`).join(' '),
        topConfirmedRules: a.topConfirmedRules.map((r) => ({ ruleId: r.ruleId, name: name(r.ruleId), count: r.count })),
      }));
      break;
    case 'rule':
      rows = ruleReport
        .filter((r) => !info.tagRules.has(r.ruleId))
        .map((r) => ({ rule: r.ruleId, name: name(r.ruleId), category: r.category, ...figures(r) }));
      break;
    case 'category':
      rows = store.reportByCategory(range).map((c) => ({ category: c.category, name: c.category === null ? null : (info.categoryNames.get(c.category) ?? c.category), ...figures(c) }));
      break;
    case 'inspector':
      rows = store.reportByInspector(range).map((r) => ({
        inspector: r.inspector,
        reviews: r.reviews,
        conversations: r.conversations,
        averageSeconds: r.averageSeconds,
        totalSeconds: r.totalSeconds,
        averageScore: r.averageScore,
      }));
      break;
    case 'tag':
      rows = tagList.map((x) => ({ tag: x.tag, conversations: x.conversations, share: conversations === 0 ? 0 : Math.round((x.conversations / conversations) * 10000) / 10000 }));
      break;
  }
  return { by, rows, tags: tagList, conversations };
}

function figures(f: { seen: number; confirmed: number; dismissed: number; pending: number; manual: number; precision: number | null; conversations: number }): ReportRow {
  return { seen: f.seen, confirmed: f.confirmed, dismissed: f.dismissed, pending: f.pending, manual: f.manual, precision: f.precision, conversations: f.conversations };
}
