/**
 * The longest literal that EVERY match of a regex must contain, read from its source: top-level
 * characters outside groups, classes, escapes and optional quantifiers, with no top-level `|`.
 * Registered in the pack-wide automaton, it lets the engine skip a regex on every message that
 * lacks it (客服会帮你 for the named-agent pattern, 滚 for the lone-滚 one), so regexes cost
 * nearly nothing on ordinary messages.
 */
export function requiredLiteral(source: string): string | undefined {
  const runs: string[] = [];
  let run = '';
  let depth = 0;
  const flush = () => {
    if (run.length > 0) runs.push(run);
    run = '';
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      flush();
      i++; // the escaped character is not taken as a literal (\d, \p{...}, \.)
      if (source[i] === 'p' || source[i] === 'P' || source[i] === 'u') {
        if (source[i + 1] === '{') i = source.indexOf('}', i);
      }
      continue;
    }
    if (ch === '[') {
      flush();
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
      continue;
    }
    if (ch === '(') {
      flush();
      depth++;
      continue;
    }
    if (ch === ')') {
      depth--;
      continue;
    }
    if (depth > 0) continue;
    if (ch === '|') return undefined; // a top-level alternative needs none of the other's text
    if (ch === '?' || ch === '*' || ch === '{') {
      // The character before an optional or counted quantifier may be absent or repeated.
      run = run.slice(0, -1);
      flush();
      if (ch === '{') i = source.indexOf('}', i);
      continue;
    }
    if (ch === '+' || ch === '^' || ch === '$' || ch === '.') {
      if (ch === '+') run = run.slice(0, -1); // one or more: keep the run honest, drop the repeated char
      flush();
      continue;
    }
    run += ch;
  }
  flush();
  return runs.sort((a, b) => b.length - a.length)[0];
}
