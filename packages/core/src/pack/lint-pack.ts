/**
 * `pack lint`: every problem a pack can have, each with a JSON pointer and a plain message (Chinese
 * by default, `lang: 'en'` for English; texts in messages.ts) —
 * schema and compile errors first, then the static checks no schema can express (contradictions,
 * duplicates, dead rules, dangerous regexes, scripts that break the pack's own rules).
 */
import { RegExpParser } from '@eslint-community/regexpp';
import { analyse } from 'scslre';
import type { PhraseUse } from '../rule-types/define.js';
import type { RuleTypeRegistry } from '../rule-types/registry.js';
import { defaultRegistry } from '../rule-types/index.js';
import { foldPhrase, gluedToAlnum } from '../match/phrase-automaton.js';
import { evaluateConversation } from '../engine/evaluate.js';
import { compilePack, normalizePhrase, type CompiledPack } from './compile-pack.js';
import { PackError, type PackProblem, type PackProblemParams } from './pack-error.js';
import { packProblem } from './messages.js';
import type { Lang } from '../engine/render-message.js';
import type { PackDef, PhraseItem, RuleDef } from './pack-types.js';
import { escapePointer } from '../match/match-query.js';
import { sharedDefs } from './pack-schema.js';

export interface LintResult {
  problems: PackProblem[];
  /** Problems the pack acknowledges in /lint/allow, with the reason it gives. */
  allowed: Array<PackProblem & { reason: string }>;
  compiled?: CompiledPack;
}


interface Entry {
  pointer: string;
  item: PhraseItem;
}

export interface LintOptions {
  registry?: RuleTypeRegistry;
  /** Language of the problems' messages (default Chinese). */
  lang?: Lang;
}

export function lintPack(raw: unknown, options: LintOptions = {}): LintResult {
  const registry = options.registry ?? defaultRegistry;
  const lang = options.lang ?? 'zh';
  let compiled: CompiledPack | undefined;
  try {
    compiled = compilePack(raw, { registry, lang });
  } catch (e) {
    if (e instanceof PackError) return { problems: e.problems, allowed: [] };
    throw e;
  }
  const pack = raw as PackDef;
  const problems: PackProblem[] = [];
  const add: Add = (pointer, code, severity, params = {}) => problems.push(packProblem(pointer, severity, `lint.${code}`, params, lang));

  checkPhraseLists(pack, registry, add);
  checkContradictions(pack, registry, add);
  checkDeadRules(pack, registry, add);
  checkRegexes(pack, registry, add);
  checkScripts(pack, compiled, registry, add);

  const allow = pack.lint?.allow ?? [];
  const allowed: LintResult['allowed'] = [];
  const kept = problems.filter((p) => {
    const a = allow.find((x) => x.code === p.code && (p.pointer === x.pointer || p.pointer.startsWith(`${x.pointer}/`)));
    if (a && p.severity === 'warning') allowed.push({ ...p, reason: a.reason });
    return !(a && p.severity === 'warning');
  });
  return { problems: kept, allowed, compiled };
}

type Add = (pointer: string, code: string, severity: PackProblem['severity'], params?: PackProblemParams) => void;

/**
 * Every phrase list in the pack, found through each rule type's options schema (any value the
 * schema types as `#/$defs/phraseList` or a `#/$defs/matchSpec` field), so plugin types with
 * lists of their own names are checked too; plus the phrase sets.
 */
function phraseLists(pack: PackDef, registry: RuleTypeRegistry): Array<{ pointer: string; items: PhraseItem[] }> {
  const out: Array<{ pointer: string; items: PhraseItem[] }> = [];
  const defs = sharedDefs as unknown as Record<string, Schema>;
  const walk = (value: unknown, schema: Schema | undefined, pointer: string, depth = 0): void => {
    if (!schema || depth > 12 || value === null || typeof value !== 'object') return;
    const ref = typeof schema.$ref === 'string' ? schema.$ref : undefined;
    if (ref === '#/$defs/phraseList') {
      if (Array.isArray(value)) out.push({ pointer, items: value as PhraseItem[] });
      return;
    }
    if (ref === '#/$defs/detector') {
      const d = value as { type?: string; options?: unknown };
      const sub = typeof d.type === 'string' ? registry.get(d.type) : undefined;
      if (sub) walk(d.options ?? {}, sub.meta.optionsSchema as Schema, `${pointer}/options`, depth + 1);
      return;
    }
    if (ref?.startsWith('#/$defs/')) walk(value, defs[ref.slice(8)], pointer, depth + 1);
    for (const alt of [...((schema.anyOf as Schema[] | undefined) ?? []), ...((schema.oneOf as Schema[] | undefined) ?? []), ...((schema.allOf as Schema[] | undefined) ?? [])]) {
      walk(value, alt, pointer, depth + 1);
    }
    if (Array.isArray(value)) {
      const items = schema.items as Schema | undefined;
      value.forEach((v, i) => walk(v, items, `${pointer}/${i}`, depth + 1));
      return;
    }
    const props = schema.properties as Record<string, Schema> | undefined;
    if (props) {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) walk(v, props[k], `${pointer}/${escapePointer(k)}`, depth + 1);
    }
  };
  pack.rules.forEach((r, i) => {
    const type = registry.get(r.type);
    if (type) walk(r.options ?? {}, type.meta.optionsSchema as Schema, `/rules/${i}/options`);
  });
  for (const [name, items] of Object.entries(pack.phraseSets ?? {})) out.push({ pointer: `/phraseSets/${escapePointer(name)}`, items });
  // A list reachable through two schema branches (anyOf) is reported once.
  const seen = new Set<string>();
  return out.filter((l) => !seen.has(l.pointer) && seen.add(l.pointer));
}

type Schema = Record<string, unknown>;

/** A list with its set references expanded, each item keeping the pointer where it is written. */
function expand(pack: PackDef, items: PhraseItem[], pointer: string, seen: string[] = []): Entry[] {
  return items.flatMap((item, i) => {
    if (typeof item === 'object' && 'set' in item) {
      if (seen.includes(item.set)) return [];
      return expand(pack, pack.phraseSets?.[item.set] ?? [], `/phraseSets/${escapePointer(item.set)}`, [...seen, item.set]);
    }
    return [{ pointer: `${pointer}/${i}`, item }];
  });
}

const key = (s: string) => normalizePhrase(s);

function checkPhraseLists(pack: PackDef, registry: RuleTypeRegistry, add: Add): void {
  for (const list of phraseLists(pack, registry)) {
    if (list.items.length === 0) {
      add(list.pointer, 'empty-list', 'warning');
      continue;
    }
    const entries = expand(pack, list.items, list.pointer);
    const literals = entries.filter((e): e is Entry & { item: string } => typeof e.item === 'string');
    const seen = new Map<string, string>();
    for (const e of literals) {
      const k = key(e.item);
      const first = seen.get(k);
      if (first !== undefined) add(e.pointer, 'duplicate-phrase', 'warning', { phrase: e.item, first });
      else seen.set(k, e.pointer);
    }
    // Shadowing: a longer phrase that contains a shorter phrase of the same list adds no finding.
    const uniq = [...seen.entries()].map(([k, pointer]) => ({ k: foldPhrase(k), pointer }));
    for (const long of uniq) {
      const short = uniq.find((s) => s !== long && s.k.length < long.k.length && occursFree(long.k, s.k));
      if (short && long.pointer.startsWith(list.pointer)) {
        add(long.pointer, 'shadowed-phrase', 'warning', { phrase: long.k, shorter: short.k, at: short.pointer });
      }
    }
  }
}

/** Does `short` occur in `long` where the ASCII-edge rule lets it match (315 is not in 12315)? */
function occursFree(long: string, short: string): boolean {
  for (let at = long.indexOf(short); at !== -1; at = long.indexOf(short, at + 1)) {
    if (!gluedToAlnum(long, short, at)) return true;
  }
  return false;
}

function scopesOverlap(a: PhraseUse['scope'], b: PhraseUse['scope']): boolean {
  if (!a || !b) return true;
  if (a.first !== undefined && b.first !== undefined) return true;
  if (a.last !== undefined && b.last !== undefined) return true;
  return true; // first N and last M overlap in short conversations
}

/**
 * A phrase use, and the role a message names: phraseUses reads the options as written, so a use
 * may have no role where the type's `role` option has a default (messages only; matching uses `role`).
 */
type Use = PhraseUse & { shownRole?: string };

function usesOf(rule: RuleDef, ruleIndex: number, registry: RuleTypeRegistry): Array<Use & { at: string }> {
  const detector = (typeId: string, options: unknown, pointer: string): Use[] => {
    const t = registry.get(typeId);
    const role = (t?.meta.optionsSchema as { properties?: { role?: { default?: unknown } } } | undefined)?.properties?.role?.default;
    return (t?.meta.phraseUses?.(options, detector) ?? []).map((u: Use) => ({
      ...u,
      pointer: `${pointer}${u.pointer}`,
      shownRole: u.shownRole ?? u.role ?? (typeof role === 'string' ? role : undefined),
    }));
  };
  return detector(rule.type, rule.options ?? {}, '').map((u) => ({ ...u, at: `/rules/${ruleIndex}/options${u.pointer}` }));
}

function checkContradictions(pack: PackDef, registry: RuleTypeRegistry, add: Add): void {
  const required: Array<{ rule: RuleDef; use: Use & { at: string }; entries: Entry[] }> = [];
  const forbidden: typeof required = [];
  pack.rules.forEach((rule, i) => {
    if (rule.enabled === false) return;
    for (const use of usesOf(rule, i, registry)) {
      const entry = { rule, use, entries: expand(pack, use.items, use.at) };
      (use.polarity === 'required' ? required : forbidden).push(entry);
    }
  });
  for (const r of required) {
    for (const f of forbidden) {
      if (r.use.role !== f.use.role || !scopesOverlap(r.use.scope, f.use.scope)) continue;
      const forbiddenKeys = new Map(f.entries.filter((e) => typeof e.item === 'string').map((e) => [foldPhrase(key(e.item as string)), e.pointer]));
      for (const e of r.entries) {
        if (typeof e.item !== 'string') continue;
        const at = forbiddenKeys.get(foldPhrase(key(e.item)));
        if (at) {
          const role = r.use.shownRole ?? f.use.shownRole;
          add(e.pointer, 'contradiction', 'error', { phrase: e.item, required: r.rule.id, forbidden: f.rule.id, at, ...(role === undefined ? {} : { role }) });
        }
      }
    }
  }
}

function checkDeadRules(pack: PackDef, registry: RuleTypeRegistry, add: Add): void {
  const categories = new Map(pack.categories.map((c) => [c.id, c]));
  pack.rules.forEach((rule, i) => {
    const category = categories.get(rule.category);
    const veto = rule.veto ?? category?.veto === true;
    const meta = registry.get(rule.type)?.meta;
    if (veto || meta?.pointless) return;
    if (rule.points === 0) add(`/rules/${i}/points`, 'no-points', 'warning', { rule: rule.id });
    else if (category?.cap === 0) add(`/rules/${i}/category`, 'no-points', 'warning', { rule: rule.id, category: category.id });
    else if (rule.maxFindings !== undefined && category?.cap !== undefined && rule.maxFindings * rule.points > category.cap) {
      add(`/rules/${i}/maxFindings`, 'over-cap', 'warning', { product: rule.maxFindings * rule.points, category: category.id, cap: category.cap });
    }
    if (meta?.manual && !rule.guidance && !rule.description) {
      add(`/rules/${i}`, 'manual-without-guidance', 'warning', { rule: rule.id });
    }
  });
}

const parser = new RegExpParser({ ecmaVersion: 2025 });

function checkRegexes(pack: PackDef, registry: RuleTypeRegistry, add: Add): void {
  for (const list of phraseLists(pack, registry)) {
    list.items.forEach((item, i) => {
      if (typeof item !== 'object' || !('regex' in item)) return;
      const at = `${list.pointer}/${i}/regex`;
      let reports: ReturnType<typeof analyse>['reports'];
      try {
        reports = analyse(parser.parseLiteral(`/${item.regex.replaceAll('/', '\\/')}/u`), { maxReports: 5 }).reports;
      } catch (e) {
        add(at, 'regex-invalid', 'error', { detail: (e as Error).message });
        return;
      }
      const exponential = reports.find((r) => r.exponential);
      if (exponential) {
        add(at, 'regex-redos', 'error', { fragment: exponential.character.literal.source });
      } else if (reports.some((r) => r.type === 'Trade' || r.type === 'Self')) {
        add(at, 'regex-slow', 'warning');
      }
    });
  }
}

function checkScripts(pack: PackDef, compiled: CompiledPack, registry: RuleTypeRegistry, add: Add): void {
  (pack.scripts ?? []).forEach((script, i) => {
    const conv = { id: `script:${script.id}`, channel: 'chat' as const, messages: [{ role: 'agent' as const, text: script.text }] };
    for (const f of evaluateConversation(compiled, conv).findings) {
      const forbids = f.rule.veto || usesOf(f.rule.def, f.rule.order, registry).some((u) => u.polarity === 'forbidden');
      if (forbids) add(`/scripts/${i}/text`, 'script-trips-rule', 'error', { rule: f.ruleId, evidence: f.evidence });
    }
  });
}
