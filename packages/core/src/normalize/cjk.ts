/**
 * "CJK character" in the spec means Unicode Script=Han (ideographs, 〇, 々, radicals, astral
 * extensions such as 𠮷). Called once per character on hot paths, so results are cached:
 * a lazily filled byte table for the BMP and a Map for astral code points.
 */
const HAN = /^\p{Script=Han}$/u;

/** 0 = not yet computed, 1 = not Han, 2 = Han. */
const bmpHan = new Uint8Array(0x10000);
const astralHan = new Map<number, boolean>();

/** No code point below U+2E80 (CJK Radicals Supplement) has Script=Han. */
const FIRST_HAN = 0x2e80;

export function isHan(codePoint: number): boolean {
  if (codePoint < FIRST_HAN) return false;
  if (codePoint < 0x10000) {
    let v = bmpHan[codePoint]!;
    if (v === 0) {
      v = HAN.test(String.fromCharCode(codePoint)) ? 2 : 1;
      bmpHan[codePoint] = v;
    }
    return v === 2;
  }
  let v = astralHan.get(codePoint);
  if (v === undefined) {
    v = codePoint <= 0x10ffff && HAN.test(String.fromCodePoint(codePoint));
    astralHan.set(codePoint, v);
  }
  return v;
}

/** Is the code point starting at UTF-16 index `i` of `s` a Han character? (false past the end) */
export function isHanAt(s: string, i: number): boolean {
  const cp = s.codePointAt(i);
  return cp !== undefined && isHan(cp);
}
