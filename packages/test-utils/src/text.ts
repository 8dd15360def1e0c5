/**
 * Message texts (Chinese, Traditional, full-width, emoji, astral, empty, very long) and the three
 * spelling variants of the normalisation-invariance property: Traditional (OpenCC cn2t),
 * full-width (ASCII U+0021..U+007E -> U+FF01..U+FF5E) and spaced (a space between two Han
 * characters).
 */
import fc from 'fast-check';
import * as OpenCC from 'opencc-js/cn2t';
import {
  ALREADY_VARIANT,
  ASCII_WORDS,
  ASTRAL,
  EMOJI,
  EMOTICONS,
  FILLERS,
  NEGATORS,
  NEUTRAL,
  NUMBERS,
  PHRASES,
  PUNCTUATION,
  SCRIPT_COPIES,
  SPACES,
} from './vocabulary.js';

export interface TextOptions {
  /** Words that rules list (default: PHRASES); generated packs and conversations should share them. */
  phrases?: readonly string[];
  /** Words to use often (e.g. the phrases of the pack under test: see wordsOf), so that its rules fire. */
  focus?: readonly string[];
  /** Max fragments in an ordinary message (default 6). */
  maxFragments?: number;
  /** Allow empty messages (default true). */
  empty?: boolean;
  /** Allow very long messages, 2 000 to 6 000 UTF-16 units (default true). */
  long?: boolean;
  /** Allow Traditional / full-width / spaced spellings inside the text itself (default true). */
  variants?: boolean;
}

/** One piece of a message. */
export function fragmentArb(o: TextOptions = {}): fc.Arbitrary<string> {
  const phrases = o.phrases ?? PHRASES;
  const negated = fc
    .tuple(fc.constantFrom(...NEGATORS), fc.option(fc.constantFrom(...FILLERS), { nil: '' }), fc.constantFrom(...phrases))
    .map(([n, f, p]) => n + f + p);
  const arbs: Array<fc.WeightedArbitrary<string>> = [
    { weight: 10, arbitrary: fc.constantFrom(...phrases) },
    { weight: 6, arbitrary: fc.constantFrom(...NEUTRAL) },
    { weight: 2, arbitrary: negated },
    { weight: 3, arbitrary: fc.constantFrom(...PUNCTUATION) },
    { weight: 1, arbitrary: fc.constantFrom(...NUMBERS) },
    { weight: 1, arbitrary: fc.constantFrom(...EMOJI) },
    { weight: 1, arbitrary: fc.constantFrom(...EMOTICONS) },
    { weight: 1, arbitrary: fc.constantFrom(...ASTRAL) },
    { weight: 1, arbitrary: fc.constantFrom(...ASCII_WORDS) },
    { weight: 1, arbitrary: fc.constantFrom(...SPACES) },
    // A few arbitrary code points: any BMP or astral character, surrogate pairs kept whole.
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 }) },
  ];
  if (o.variants !== false) arbs.push({ weight: 1, arbitrary: fc.constantFrom(...ALREADY_VARIANT) });
  if (o.focus && o.focus.length > 0) arbs.push({ weight: 12, arbitrary: fc.constantFrom(...o.focus) });
  return fc.oneof(...arbs);
}

const HAN_ANYWHERE = /\p{Script=Han}/u;
const KNOWN: ReadonlySet<string> = new Set<string>(PHRASES);

/**
 * The literal words of a pack (Han text, or a word of the shared vocabulary): every string that is an element of an array (phrase lists, clause
 * groups, exact texts) in its rules' options and phrase sets, without regexes and set names.
 */
export function wordsOf(pack: { rules?: ReadonlyArray<{ options?: unknown }>; phraseSets?: unknown }): string[] {
  const out = new Set<string>();
  const visit = (v: unknown, inArray: boolean): void => {
    if (typeof v === 'string') {
      if (inArray && v.length > 0 && v.length <= 16 && (HAN_ANYWHERE.test(v) || KNOWN.has(v))) out.add(v);
    } else if (Array.isArray(v)) {
      for (const x of v) visit(x, true);
    } else if (v !== null && typeof v === 'object') {
      for (const x of Object.values(v)) visit(x, false);
    }
  };
  for (const r of pack.rules ?? []) visit(r.options, false);
  visit(pack.phraseSets, false);
  return [...out].sort();
}

/** A whole message text: usually a few fragments; sometimes empty, a script copy, or very long. */
export function messageTextArb(o: TextOptions = {}): fc.Arbitrary<string> {
  const fragment = fragmentArb(o);
  const ordinary = fc.array(fragment, { minLength: 1, maxLength: o.maxFragments ?? 6 }).map((xs) => xs.join(''));
  const arbs: Array<fc.WeightedArbitrary<string>> = [
    { weight: 30, arbitrary: ordinary },
    { weight: 2, arbitrary: fc.constantFrom(...SCRIPT_COPIES) },
    { weight: 1, arbitrary: fc.constantFrom(...EMOJI, ...EMOTICONS, '。。。', '~', '[图片]') },
  ];
  if (o.empty !== false) arbs.push({ weight: 1, arbitrary: fc.constant('') });
  if (o.long !== false) {
    arbs.push({
      weight: 1,
      arbitrary: fc
        .tuple(fc.array(fragment, { minLength: 1, maxLength: 8 }), fc.integer({ min: 2_000, max: 6_000 }))
        .map(([xs, size]) => {
          const unit = xs.join('') || '嗯';
          return unit.repeat(Math.ceil(size / unit.length));
        }),
    });
  }
  return fc.oneof(...arbs);
}

// ---------------------------------------------------------------------------------------------
// Variants

type Convert = (text: string) => string;
let cn2t: Convert | undefined;

/** Simplified -> Traditional with OpenCC's cn2t (opencc-js), the inverse direction of core's t2s. */
export function toTraditional(text: string): string {
  // opencc-js's .d.ts cannot be followed under NodeNext (extensionless './core'): type it here.
  cn2t ??= (OpenCC as unknown as { Converter(o: { from: string; to: string }): Convert }).Converter({ from: 'cn', to: 't' });
  return cn2t(text);
}

/** Printable ASCII (U+0021..U+007E) to its full-width form (U+FF01..U+FF5E); everything else unchanged. */
export function toFullWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    out += c >= 0x21 && c <= 0x7e ? String.fromCodePoint(c + 0xfee0) : ch;
  }
  return out;
}

const HAN = /^\p{Script=Han}$/u;

/** UTF-16 indices k where text[..k] ends with a Han character and text[k..] starts with one. */
export function hanBoundaries(text: string): number[] {
  const out: number[] = [];
  const cps = Array.from(text);
  let at = 0;
  for (let i = 0; i + 1 < cps.length; i++) {
    at += cps[i]!.length;
    if (HAN.test(cps[i]!) && HAN.test(cps[i + 1]!)) out.push(at);
  }
  return out;
}

/** Inserts `space` at the given UTF-16 indices (each must be a Han|Han boundary). */
export function insertSpaces(text: string, at: readonly number[], space = ' '): string {
  const sorted = [...new Set(at)].sort((a, b) => a - b);
  let out = '';
  let last = 0;
  for (const k of sorted) {
    out += text.slice(last, k) + space;
    last = k;
  }
  return out + text.slice(last);
}

/** A spaced variant of `text`: spaces inserted at some Han|Han boundaries chosen by `picks` (fractions in [0, 1)). */
export function toSpaced(text: string, picks: readonly number[], space = ' '): string {
  const b = hanBoundaries(text);
  if (b.length === 0) return text;
  return insertSpaces(
    text,
    picks.map((p) => b[Math.min(b.length - 1, Math.floor(p * b.length))]!),
    space,
  );
}

export type VariantKind = 'traditional' | 'full-width' | 'spaced';

/** Which messages get which variant: one choice per message (undefined = plain), plus spacing picks. */
export interface VariantPlan {
  kinds: Array<VariantKind | undefined>;
  picks: number[];
}

export function variantPlanArb(messages: number, kinds: readonly VariantKind[]): fc.Arbitrary<VariantPlan> {
  return fc.record({
    kinds: fc.array(fc.option(fc.constantFrom(...kinds), { nil: undefined }), { minLength: messages, maxLength: messages }),
    picks: fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 1, maxLength: 3 }),
  });
}

export function applyVariant(text: string, kind: VariantKind | undefined, picks: readonly number[]): string {
  switch (kind) {
    case 'traditional':
      return toTraditional(text);
    case 'full-width':
      return toFullWidth(text);
    case 'spaced':
      return toSpaced(text, picks);
    default:
      return text;
  }
}
