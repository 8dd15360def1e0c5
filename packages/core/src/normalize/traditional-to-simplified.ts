/**
 * Traditional -> Simplified is OpenCC's t2s conversion (character and phrase tables), as the spec
 * requires. The converter is built lazily (~20 ms, first Traditional text only). Most chat text
 * has no Traditional character at all, so callers first ask `mayChangeUnderT2s` per character
 * and skip the converter when nothing in a text can change.
 */
import * as OpenCC from 'opencc-js/t2cn';

type DictLike = string | readonly (readonly [string, string])[];
type DictGroup = readonly DictLike[];
interface T2sConfig {
  normalizationChain?: readonly DictGroup[];
  conversionChain: readonly DictGroup[];
}

type Convert = (text: string) => string;
let converter: Convert | undefined;

/** Whole-string OpenCC t2s (phrase tables apply across the string). */
export function t2s(text: string): string {
  // Annotated: opencc-js's .d.ts imports './core' without an extension, which NodeNext
  // resolution cannot follow, so its ConverterFunction type arrives as `any`.
  const convert: Convert = (converter ??= OpenCC.Converter({ from: 't', to: 'cn' }) as Convert);
  return convert(text);
}

const perCodePoint = new Map<number, string>();

/** t2s of one code point on its own (no phrase context). */
export function t2sCodePoint(codePoint: number): string {
  let out = perCodePoint.get(codePoint);
  if (out === undefined) {
    out = t2s(String.fromCodePoint(codePoint));
    perCodePoint.set(codePoint, out);
  }
  return out;
}

/**
 * Trigger characters: a text that contains none of them converts to itself. The converter only
 * replaces table matches, and a match changes the text only if its entry is a changing one
 * (source !== target), and such a match contains every character of the entry's source. So it
 * is enough to mark, per changing entry, one character that any match must contain:
 *  - single-character entries (麼 -> 么): the character itself;
 *  - phrases (不瞭解 -> 不了解) that already contain a marked character: nothing more;
 *  - other phrases (回覆 -> 回复): the characters that change (覆).
 * Marking every changed character of every phrase would mark 么 (么麽 -> 幺麽) and send every
 * 什么 through the converter.
 */
let changedBmp: Uint8Array | undefined;
let changedAstral: Set<number> | undefined;

function forEachEntry(dict: DictLike, visit: (source: string, target: string) => void): void {
  if (typeof dict === 'string') {
    for (const entry of dict.split('|')) {
      const [source, target] = entry.split(' ');
      if (source !== undefined && target !== undefined) visit(source, target);
    }
  } else {
    for (const [source, target] of dict) visit(source, target);
  }
}

function buildChangedTables(): Uint8Array {
  const bmp = new Uint8Array(0x10000);
  const astral = new Set<number>();
  const mark = (cp: number): void => {
    if (cp < 0x10000) bmp[cp] = 1;
    else astral.add(cp);
  };
  const marked = (cp: number): boolean => (cp < 0x10000 ? bmp[cp] === 1 : astral.has(cp));
  const config = (OpenCC.Locale.configs as unknown as Record<string, T2sConfig>)['t2s'];
  if (config === undefined) throw new Error('opencc-js: no t2s configuration');
  const phrases: [string[], string[]][] = [];
  for (const group of [...(config.normalizationChain ?? []), ...config.conversionChain]) {
    for (const dict of group) {
      forEachEntry(dict, (source, target) => {
        if (source === target) return;
        const s = Array.from(source);
        if (s.length === 1) mark(s[0]!.codePointAt(0)!);
        else phrases.push([s, Array.from(target)]);
      });
    }
  }
  for (const [s, t] of phrases) {
    if (s.some((ch) => marked(ch.codePointAt(0)!))) continue;
    for (let k = 0; k < s.length; k++) {
      if (s.length !== t.length || s[k] !== t[k]) mark(s[k]!.codePointAt(0)!);
    }
  }
  changedAstral = astral;
  changedBmp = bmp;
  return bmp;
}

/** May t2s change this character (in some context)? false means: never. */
export function mayChangeUnderT2s(codePoint: number): boolean {
  const bmp = changedBmp ?? buildChangedTables();
  if (codePoint < 0x10000) return bmp[codePoint] === 1;
  return changedAstral!.has(codePoint);
}
