/**
 * compilePack: validate once, build once. Schema check (ajv), then the pack-level checks the schema
 * cannot express (unknown rule type, unknown category, duplicate ids), then each rule type's
 * create(), which registers its phrase lists in the ONE pack-wide automaton.
 */
import type { AnyRuleType, CompileTools, RuleEvaluator } from '../rule-types/define.js';
import type { RuleTypeRegistry } from '../rule-types/registry.js';
import { defaultRegistry } from '../rule-types/index.js';
import { NegationChecker } from '../match/negation.js';
import { PhraseTable } from '../match/phrase-table.js';
import { compileMatch, escapePointer, type QueryCompiler } from '../match/match-query.js';
import { normalizeText } from '../normalize/index.js';
import { foldPhrase } from '../match/phrase-automaton.js';
import type { PackRef } from '../model/result.js';
import type { Lang } from '../engine/render-message.js';
import { LocatedError, PackError, type PackProblem, type PackProblemParams } from './pack-error.js';
import { packProblem, renderPackMessage } from './messages.js';
import { packHash } from './pack-hash.js';
import { validatePackSchema } from './validate-pack.js';
import {
  DEFAULT_GRADES,
  DEFAULT_NEGATION,
  type CategoryDef,
  type GradeDef,
  type PackDef,
  type RuleDef,
} from './pack-types.js';

export interface CompiledRule {
  def: RuleDef;
  type: AnyRuleType;
  /** Position in the pack (ties in category caps are broken by pack order). */
  order: number;
  category: CategoryDef;
  veto: boolean;
  review: boolean;
  manual: boolean;
  pointless: boolean;
  evaluate: RuleEvaluator | undefined;
}

export interface CompiledPack {
  def: PackDef;
  ref: PackRef;
  rules: CompiledRule[];
  rulesById: ReadonlyMap<string, CompiledRule>;
  categories: CategoryDef[];
  grades: GradeDef[];
  vetoGrade: string;
  maxScore: number;
  table: PhraseTable;
  registry: RuleTypeRegistry;
}

export interface CompileOptions {
  registry?: RuleTypeRegistry;
  /** Baseline mode for the benchmark: every phrase list scanned separately. */
  naive?: boolean;
  /** File name used in error messages. */
  source?: string;
  /** Language of the problems' messages (default Chinese). */
  lang?: Lang;
}

/** Normalises a phrase exactly like message text, for matching. */
export function normalizePhrase(text: string): string {
  return normalizeText(text).text;
}

function structuralProblems(pack: PackDef, lang: Lang): PackProblem[] {
  const problems: PackProblem[] = [];
  const categoryIds = new Set<string>();
  pack.categories.forEach((c, i) => {
    if (categoryIds.has(c.id)) problems.push(packProblem(`/categories/${i}/id`, 'error', 'pack.duplicate-category', { id: c.id }, lang));
    categoryIds.add(c.id);
  });
  const ruleIds = new Map<string, number>();
  pack.rules.forEach((r, i) => {
    const first = ruleIds.get(r.id);
    if (first !== undefined) {
      problems.push(packProblem(`/rules/${i}/id`, 'error', 'pack.duplicate-rule', { id: r.id, first: `/rules/${first}` }, lang));
    } else ruleIds.set(r.id, i);
    if (!categoryIds.has(r.category)) {
      problems.push(packProblem(`/rules/${i}/category`, 'error', 'pack.unknown-category', { category: r.category }, lang));
    }
  });
  return problems;
}

function unknownTypeProblems(raw: unknown, registry: RuleTypeRegistry, lang: Lang): PackProblem[] {
  const rules = (raw as { rules?: unknown })?.rules;
  if (!Array.isArray(rules)) return [];
  const plugins = (raw as { plugins?: unknown }).plugins;
  const declared = Array.isArray(plugins) ? plugins.filter((p): p is string => typeof p === 'string') : [];
  const problems: PackProblem[] = [];
  rules.forEach((r, i) => {
    const type = (r as { type?: unknown })?.type;
    if (typeof type === 'string' && !registry.has(type)) {
      // Without `plugins` the message says no loaded plugin provides the type (messages.ts).
      const params: PackProblemParams = declared.length > 0 ? { type, plugins: declared.join(', ') } : { type };
      problems.push(packProblem(`/rules/${i}/type`, 'error', 'rule.unknown-type', params, lang));
    }
  });
  return problems;
}

export function compilePack(raw: unknown, options: CompileOptions = {}): CompiledPack {
  const registry = options.registry ?? defaultRegistry;
  const lang = options.lang ?? 'zh';
  const unknownTypes = unknownTypeProblems(raw, registry, lang);
  const schemaProblems = validatePackSchema(raw, registry, lang).filter(
    (p) => !unknownTypes.some((u) => p.pointer.startsWith(u.pointer.replace(/\/type$/, '/'))  || p.pointer === u.pointer),
  );
  const early = [...unknownTypes, ...schemaProblems];
  if (early.length > 0) throw new PackError(early, options.source, lang);
  const pack = raw as PackDef;
  const structural = structuralProblems(pack, lang);
  if (structural.length > 0) throw new PackError(structural, options.source, lang);

  const negationDefs = { ...DEFAULT_NEGATION, ...pack.definitions?.negation };
  const table = new PhraseTable(options.naive === true);
  const problems: PackProblem[] = [];
  // A rule type's own message, kept as given (code 'rule.options').
  const fail = (pointer: string, message: string): never => {
    throw new LocatedError(pointer, message);
  };
  // core's own compile problems, worded in `lang` from the table.
  const reject = (pointer: string, code: string, params: PackProblemParams = {}): never => {
    throw new LocatedError(pointer, renderPackMessage(code, params, lang) ?? code, code, params);
  };
  const compiler: QueryCompiler = {
    table,
    negation: new NegationChecker(negationDefs, (s) => foldPhrase(normalizePhrase(s))),
    phraseSets: pack.phraseSets ?? {},
    normalize: normalizePhrase,
    reject,
  };
  const categories = new Map(pack.categories.map((c) => [c.id, c]));

  const rules: CompiledRule[] = [];
  pack.rules.forEach((def, order) => {
    const type = registry.get(def.type)!;
    const category = categories.get(def.category)!;
    const pointer = `/rules/${order}/options`;
    const tools: CompileTools = {
      pack,
      rule: def,
      pointer,
      match: (spec, at) => compileMatch(compiler, spec, at),
      phrases: (items, at) => compileMatch(compiler, { phrases: items }, at.replace(/\/phrases$/, '')),
      normalize: normalizePhrase,
      scripts: pack.scripts ?? [],
      fail,
      detector: (typeId, subOptions, at) => {
        const sub = registry.get(typeId);
        if (!sub) reject(at, 'rule.detector-unknown-type', { type: typeId });
        if (sub!.meta.manual) reject(at, 'rule.detector-manual', { type: typeId });
        return {
          evaluate: sub!.create(withDefaults(subOptions, sub!.meta.optionsSchema), { ...tools, pointer: `${at}/options` }),
          messages: sub!.meta.messages as Record<string, { zh: string; en: string }>,
        };
      },
    };
    let evaluate: RuleEvaluator | undefined;
    if (def.enabled !== false && !type.meta.manual) {
      try {
        evaluate = type.create(withDefaults(def.options ?? {}, type.meta.optionsSchema), tools);
      } catch (e) {
        if (e instanceof LocatedError) problems.push({ pointer: e.pointer, message: e.message, severity: 'error', code: e.code, params: e.params });
        else problems.push(packProblem(pointer, 'error', 'rule.create', { message: (e as Error).message }, lang));
      }
    }
    rules.push({
      def,
      type,
      order,
      category,
      veto: def.veto ?? category.veto === true,
      review: def.review === true,
      manual: type.meta.manual === true,
      pointless: type.meta.pointless === true,
      evaluate,
    });
  });
  if (problems.length > 0) throw new PackError(problems, options.source, lang);
  table.freeze();

  const grades = [...(pack.grades ?? DEFAULT_GRADES)].sort((a, b) => b.min - a.min);
  return {
    def: pack,
    ref: { id: pack.id, version: pack.version, hash: packHash(pack) },
    rules,
    rulesById: new Map(rules.map((r) => [r.def.id, r])),
    categories: pack.categories,
    grades,
    vetoGrade: pack.vetoGrade ?? grades[grades.length - 1]!.label,
    maxScore: pack.maxScore ?? 100,
    table,
    registry,
  };
}

/** Applies the `default` of each top-level option property once, before create() sees the options. */
export function withDefaults(options: Record<string, unknown>, schema: Record<string, unknown>): Record<string, unknown> {
  const props = schema.properties as Record<string, { default?: unknown }> | undefined;
  if (!props) return options;
  const out: Record<string, unknown> = { ...options };
  for (const [k, p] of Object.entries(props)) {
    if (out[k] === undefined && p.default !== undefined) out[k] = structuredClone(p.default);
  }
  return Object.freeze(out);
}

export { escapePointer };
