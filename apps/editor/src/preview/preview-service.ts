/**
 * The preview service: everything the editor learns from the pack text, as a plain class with no
 * worker or DOM in it (preview.worker.ts is only its message loop; tests drive it in Node).
 *
 * For a pack text: syntax errors (jsonc-parser), then core's validation (ajv schema + compile), then
 * the sample conversations scored, the pack's own examples run, and the change against the saved
 * pack; separately and afterwards, core's `lintPack` (when core exports it). Every problem is
 * located in the text (offset/length) from its JSON pointer. Scoring runs in chunks: `analyzeSteps`
 * yields between them, so the worker can give up on a text that a newer one has superseded.
 */
import * as core from '@zhijian/core';
import {
  buildPackSchema,
  compilePack,
  defaultRegistry,
  importConversations,
  PackError,
  runPackExamples,
  scoreConversation,
  type CompiledPack,
  type Conversation,
  type PackProblem,
  type RuleTypeRegistry,
  type ScoreResult,
} from '@zhijian/core';
import { printParseErrorCode } from 'jsonc-parser';
import { strings, type Lang, type Strings } from '../i18n';
import { locatePointer, parseJsonTree, prefersKey } from '../monaco/pointer-range';
import { buildOutline } from '../outline/outline';
import { diffAgainstSaved } from './diff-against-saved';
import type {
  Analysis,
  EditorProblem,
  ExampleMark,
  PreviewResult,
  SampleConversation,
  SampleProblem,
  SampleSource,
  Timings,
} from './protocol';

/** Core's `lintPack(raw, {registry})`, looked up by name so the editor also builds against a core without it. */
type LintPack = (raw: unknown, options: { registry?: RuleTypeRegistry; lang?: Lang }) => { problems: PackProblem[]; compiled?: CompiledPack };
const lintPack = (core as unknown as { lintPack?: LintPack }).lintPack;

/** Conversations scored between two chances to give up. */
export const CHUNK = 50;

export interface SamplesLoaded {
  conversations: SampleConversation[];
  problems: SampleProblem[];
}

interface Checked {
  problems: EditorProblem[];
  compiled?: CompiledPack;
}

export class PreviewService {
  readonly t: Strings;
  private conversations: Conversation[] = [];
  private savedText: string | undefined;
  private saved: Map<string, PreviewResult> | undefined;
  /** Results of the last pack scored, reused when only the formatting changed. */
  private last: { hash: string; results: PreviewResult[] } | undefined;
  private lintCache: { hash: string; problems: PackProblem[] } | undefined;
  /** Bumped when the samples change: a run that straddles the change does not fill the cache. */
  private generation = 0;

  constructor(
    readonly lang: Lang,
    private readonly registry: RuleTypeRegistry = defaultRegistry,
  ) {
    this.t = strings(lang);
  }

  /** The pack JSON Schema for Monaco's JSON language. */
  schema(): Record<string, unknown> {
    return buildPackSchema(this.registry);
  }

  get sampleCount(): number {
    return this.conversations.length;
  }

  setSamples(sources: readonly SampleSource[]): SamplesLoaded {
    const conversations: Conversation[] = [];
    const problems: SampleProblem[] = [];
    for (const source of sources) {
      const r = importConversations(source.text, source.format, { lang: this.lang, source: source.name });
      conversations.push(...r.conversations);
      for (const p of r.problems) problems.push({ file: source.name, message: p.message });
    }
    this.conversations = conversations;
    this.last = undefined;
    this.generation++;
    if (this.savedText !== undefined) this.setSaved(this.savedText);
    return {
      conversations: conversations.map((c) => ({
        id: c.id,
        messages: c.messages.map((m) => ({
          role: m.role,
          text: m.text,
          ...(m.ts !== undefined ? { ts: m.ts } : {}),
          ...(m.kind ? { kind: m.kind } : {}),
          ...(m.speaker ? { speaker: m.speaker } : {}),
        })),
      })),
      problems,
    };
  }

  /** The pack as saved on disk: the baseline of the diff. Returns whether it compiles. */
  setSaved(text: string): boolean {
    this.savedText = text;
    this.saved = undefined;
    const { compiled } = this.check(text, parseJsonTree(text));
    if (!compiled) return false;
    this.saved = new Map(this.scoreAll(compiled).map((r) => [r.id, r]));
    return true;
  }

  analyze(id: number, text: string): Analysis {
    const steps = this.analyzeSteps(id, text);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /** Yields after each chunk of conversations; returns the analysis. */
  *analyzeSteps(id: number, text: string): Generator<void, Analysis> {
    const t0 = now();
    const tree = parseJsonTree(text);
    const outline = buildOutline(tree.root, this.lang);
    const t1 = now();
    const { problems, compiled } = this.check(text, tree);
    const t2 = now();
    const timings: Timings = { parseMs: t1 - t0, compileMs: t2 - t1, scoreMs: 0, examplesMs: 0, totalMs: 0, reused: false };
    if (!compiled) {
      timings.totalMs = now() - t0;
      return { id, valid: false, problems, outline, timings };
    }

    const hash = compiled.ref.hash;
    let results: PreviewResult[];
    if (this.last?.hash === hash) {
      results = this.last.results;
      timings.reused = true;
    } else {
      const conversations = this.conversations;
      const generation = this.generation;
      results = [];
      for (let i = 0; i < conversations.length; i += CHUNK) {
        results.push(...this.scoreRange(compiled, conversations, i, i + CHUNK));
        if (i + CHUNK < conversations.length) yield;
      }
      if (generation === this.generation) this.last = { hash, results };
    }
    const t3 = now();

    const examples = this.runExamples(compiled, tree.root);
    problems.push(...examples.problems);
    const t4 = now();
    timings.scoreMs = t3 - t2;
    timings.examplesMs = t4 - t3;
    timings.totalMs = t4 - t0;
    return {
      id,
      valid: true,
      problems,
      outline,
      results,
      examples: examples.marks,
      ...(this.saved ? { diff: diffAgainstSaved(this.saved, results) } : {}),
      packHash: hash,
      timings,
    };
  }

  /**
   * core's `lintPack` on a text that compiles: the lint-only problems, located. Slower than compiling
   * (tens of ms), so the worker runs it after the preview is out, and only for the latest text; the
   * result is cached per pack hash (a formatting change does not lint again).
   */
  lint(text: string): EditorProblem[] {
    if (!lintPack) return [];
    const tree = parseJsonTree(text);
    if (tree.errors.length > 0) return [];
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return [];
    }
    const hash = core.packHash(raw as core.PackDef);
    let found = this.lintCache?.hash === hash ? this.lintCache.problems : undefined;
    if (!found) {
      try {
        found = lintPack(raw, this.coreOptions()).problems.filter((p) => p.code.startsWith('lint.'));
      } catch (e) {
        return [{ source: 'lint', severity: 'info', code: 'lint.crashed', message: this.t.lintCrashed((e as Error).message), offset: 0, length: 1 }];
      }
      this.lintCache = { hash, problems: found };
    }
    return found.map((p) => locateProblem(tree.root, p));
  }

  /** Syntax, then core's validation (ajv schema + compile): located problems, and the compiled pack if it compiles. */
  private check(text: string, tree: ReturnType<typeof parseJsonTree>): Checked {
    if (tree.errors.length > 0) {
      return {
        problems: tree.errors.map((e) => {
          const name = printParseErrorCode(e.error);
          return { source: 'syntax', severity: 'error', code: `json.${name}`, message: this.t.syntax[name] ?? this.t.syntaxOther, offset: e.offset, length: Math.max(1, e.length) };
        }),
      };
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (e) {
      // jsonc-parser accepted what JSON.parse refuses (should not happen): report it at the start.
      return { problems: [{ source: 'syntax', severity: 'error', code: 'json.parse', message: `${this.t.syntaxOther}: ${(e as Error).message}`, offset: 0, length: 1 }] };
    }
    try {
      return { problems: [], compiled: compilePack(raw, this.coreOptions()) };
    } catch (e) {
      if (e instanceof PackError) return { problems: e.problems.map((p) => locateProblem(tree.root, p)) };
      return { problems: [{ source: 'pack', severity: 'error', code: 'pack.compile', message: (e as Error).message, offset: 0, length: 1 }] };
    }
  }

  /** Options for core's compile and lint: the registry, and the language of the problem texts. */
  private coreOptions(): { registry: RuleTypeRegistry; lang: Lang } {
    return { registry: this.registry, lang: this.lang };
  }

  private scoreAll(compiled: CompiledPack): PreviewResult[] {
    return this.scoreRange(compiled, this.conversations, 0, this.conversations.length);
  }

  private scoreRange(compiled: CompiledPack, conversations: readonly Conversation[], from: number, to: number): PreviewResult[] {
    const out: PreviewResult[] = [];
    for (const conversation of conversations.slice(from, to)) {
      out.push(toPreview(scoreConversation(compiled, conversation, { lang: this.lang, reuseText: true })));
    }
    return out;
  }

  private runExamples(compiled: CompiledPack, root: ReturnType<typeof parseJsonTree>['root']): { marks: ExampleMark[]; problems: EditorProblem[] } {
    const marks: ExampleMark[] = [];
    const problems: EditorProblem[] = [];
    for (const o of runPackExamples(compiled, { lang: this.lang })) {
      marks.push({
        ruleId: o.ruleId,
        index: o.index,
        pointer: o.pointer,
        expect: o.expect,
        passed: o.passed,
        ...(o.problem ? { problem: o.problem } : {}),
        ...(o.description ? { description: o.description } : {}),
      });
      if (!o.passed) {
        const at = locatePointer(root, `${o.pointer}/expect`);
        problems.push({
          source: 'example',
          severity: 'warning',
          code: 'example.failed',
          message: this.t.exampleFailed(o.ruleId, o.index, o.problem ?? ''),
          pointer: o.pointer,
          offset: at.offset,
          length: Math.max(1, at.length),
        });
      }
    }
    return { marks, problems };
  }
}

function locateProblem(root: ReturnType<typeof parseJsonTree>['root'], p: PackProblem): EditorProblem {
  const at = locatePointer(root, p.pointer, { preferKey: prefersKey(p.code) });
  return {
    source: p.code.startsWith('lint.') ? 'lint' : 'pack',
    severity: p.severity,
    code: p.code,
    message: p.message,
    pointer: p.pointer,
    offset: at.offset,
    length: Math.max(1, at.length),
  };
}

export function toPreview(r: ScoreResult): PreviewResult {
  return {
    id: r.conversationId,
    score: r.score,
    maxScore: r.maxScore,
    grade: r.grade,
    vetoed: r.vetoed,
    findings: r.findings
      .filter((f) => !f.dismissed)
      .map((f) => ({
        key: f.key,
        ruleId: f.ruleId,
        messageIndex: f.messageIndex,
        start: f.start,
        end: f.end,
        points: f.points,
        rulePoints: f.rulePoints,
        pending: f.pending === true,
        veto: f.veto === true,
        evidence: f.evidence,
        message: f.message,
      })),
  };
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
