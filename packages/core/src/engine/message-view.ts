/**
 * One message as rules see it: the raw message plus its normalised and comparison texts and the
 * pack-wide phrase hits, each computed lazily at most once per message.
 */
import { isAgentMessage, isCustomerMessage, isEvent, type Message, type Role } from '../model/conversation.js';
import { normalizeText, comparisonOf, type NormalizedText, type ComparisonText } from '../normalize/index.js';
import type { Hit, PhraseTable, ScannableText } from '../match/phrase-table.js';

export class MessageView implements ScannableText {
  private normCache: NormalizedText | undefined;
  private comparisonCache: ComparisonText | undefined;
  private scanned: Array<Hit[] | undefined> | undefined;
  private groupCache: Array<Hit[] | undefined> | undefined;
  private memoCache: Map<object, unknown> | undefined;

  readonly isEvent: boolean;
  readonly isAgent: boolean;
  readonly isCustomer: boolean;

  constructor(
    readonly index: number,
    readonly message: Message,
    private readonly table: PhraseTable,
    /** Normalised texts kept across evaluations of the same message objects (the editor re-scores on every keystroke). */
    private readonly textCache?: WeakMap<Message, NormalizedText>,
  ) {
    this.isEvent = isEvent(message);
    this.isAgent = isAgentMessage(message);
    this.isCustomer = isCustomerMessage(message);
  }

  get role(): Role {
    return this.message.role;
  }
  get kind(): string {
    return this.message.kind ?? 'text';
  }
  get original(): string {
    return this.message.text;
  }
  get ts(): number | undefined {
    return this.message.ts;
  }
  get endTs(): number | undefined {
    return this.message.endTs;
  }
  isUtteranceOf(role: Role): boolean {
    return !this.isEvent && this.message.role === role;
  }

  get norm(): NormalizedText {
    return (this.normCache ??= this.textCache ? cachedNormalize(this.message, this.textCache) : normalizeText(this.message.text));
  }
  get text(): string {
    return this.norm.text;
  }
  get spaced(): string {
    return this.norm.spaced;
  }
  /** Comparison text: emoji, emoticon codes, punctuation, symbols and spaces removed. */
  get comparison(): ComparisonText {
    return (this.comparisonCache ??= comparisonOf(this.norm.text));
  }

  spacedToText(start: number, end: number): Hit {
    const n = this.norm;
    const origStart = n.spacedStarts[start] ?? n.original.length;
    const origEnd = end > start ? (n.spacedEnds[end - 1] ?? n.original.length) : origStart;
    return { start: lowerBound(n.starts, origStart, n.text.length), end: upperBoundEnd(n.ends, origEnd, n.text.length) };
  }

  /**
   * A value derived from this message once and shared by every rule that asks with the same key
   * (e.g. its clauses and their n-grams, read by all similarity rules). `key` is a module-level
   * object owned by whoever computes the value; `compute` must depend on the message only.
   */
  memo<T>(key: object, compute: (m: MessageView) => T): T {
    const cache = (this.memoCache ??= new Map());
    if (cache.has(key)) return cache.get(key) as T;
    const value = compute(this);
    cache.set(key, value);
    return value;
  }

  /** Hits of one phrase group; the whole pack's automaton runs once per message. */
  groupHits(gid: number): Hit[] {
    const cached = this.groupCache?.[gid];
    if (cached) return cached;
    this.scanned ??= this.table.scanAll(this.text);
    const hits = this.table.groupHits(gid, this.scanned, this);
    (this.groupCache ??= new Array(this.table.groupCount))[gid] = hits;
    return hits;
  }
}

function cachedNormalize(message: Message, cache: WeakMap<Message, NormalizedText>): NormalizedText {
  let n = cache.get(message);
  if (n === undefined || n.original !== message.text) {
    n = normalizeText(message.text);
    cache.set(message, n);
  }
  return n;
}

/** First text index whose original start is >= origStart. */
function lowerBound(starts: Int32Array, origStart: number, length: number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! < origStart) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One past the last text index whose original end is <= origEnd. */
function upperBoundEnd(ends: Int32Array, origEnd: number, length: number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! <= origEnd) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
