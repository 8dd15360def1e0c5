/**
 * Where a JSON text stops being valid, independent of the engine's error message (V8 in Node 20 often
 * gives no position at all). Only run after JSON.parse has failed. Iterative, so deep nesting is fine.
 */

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const ESCAPES = new Set([34, 92, 47, 98, 102, 110, 114, 116]); // " \ / b f n r t

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** Offset of the first syntax error (text.length for an unexpected end), or -1 if the text is valid JSON. */
export function jsonErrorOffset(s: string): number {
  const n = s.length;
  let i = 0;
  const stack: boolean[] = []; // true = object, false = array

  const ws = (): void => {
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  /** At a '"': skip the string; false (i at the fault) if malformed. */
  const str = (): boolean => {
    i++;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c === 34) {
        i++;
        return true;
      }
      if (c === 92) {
        const e = s.charCodeAt(i + 1);
        if (e === 117) {
          for (let k = 2; k < 6; k++) {
            if (!isHex(s.charCodeAt(i + k))) {
              i += Math.min(k, n - i);
              return false;
            }
          }
          i += 6;
          continue;
        }
        if (!ESCAPES.has(e)) {
          i = Math.min(i + 1, n);
          return false;
        }
        i += 2;
        continue;
      }
      if (c < 0x20) return false;
      i++;
    }
    return false;
  };

  let expectValue = true;
  for (;;) {
    ws();
    if (expectValue) {
      if (i >= n) return n;
      const c = s.charCodeAt(i);
      if (c === 123 /* { */ || c === 91 /* [ */) {
        i++;
        ws();
        if (s.charCodeAt(i) === (c === 123 ? 125 : 93)) {
          i++;
          expectValue = false;
          continue;
        }
        stack.push(c === 123);
        if (c === 123) {
          if (i >= n) return n;
          if (s.charCodeAt(i) !== 34 || !str()) return i;
          ws();
          if (i >= n) return n;
          if (s.charCodeAt(i) !== 58 /* : */) return i;
          i++;
        }
        continue;
      }
      if (c === 34) {
        if (!str()) return i;
      } else if (s.startsWith('true', i)) i += 4;
      else if (s.startsWith('false', i)) i += 5;
      else if (s.startsWith('null', i)) i += 4;
      else {
        NUMBER.lastIndex = i;
        if (!NUMBER.test(s)) return i;
        i = NUMBER.lastIndex;
      }
      expectValue = false;
      continue;
    }
    // after a value
    if (stack.length === 0) return i < n ? i : -1;
    if (i >= n) return n;
    const isObject = stack[stack.length - 1] === true;
    const c = s.charCodeAt(i);
    if (c === 44 /* , */) {
      i++;
      if (isObject) {
        ws();
        if (i >= n) return n;
        if (s.charCodeAt(i) !== 34 || !str()) return i;
        ws();
        if (i >= n) return n;
        if (s.charCodeAt(i) !== 58) return i;
        i++;
      }
      expectValue = true;
      continue;
    }
    if (c === (isObject ? 125 : 93)) {
      i++;
      stack.pop();
      continue;
    }
    return i;
  }
}

/** 1-based line and column of an offset. */
export function lineColumn(s: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let j = s.indexOf('\n'); j !== -1 && j < offset; j = s.indexOf('\n', j + 1)) {
    line++;
    lineStart = j + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
