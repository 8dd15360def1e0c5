#!/usr/bin/env node
// Lint for browser-safe packages (core, plugins): no `node:` or Node built-in imports and no Node
// globals (process, Buffer, __dirname, require) in shipped source. Tests may use Node.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';

const roots = process.argv.slice(2);
if (roots.length === 0) {
  console.error('usage: check-browser-safe.mjs <src-dir...>');
  process.exit(2);
}
const builtins = new Set(builtinModules.filter((m) => !m.startsWith('_')));
const importRe = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;
const globalRe = /(?<![.\w$'"`])(process|Buffer|__dirname|__filename|require)\s*[.([]/g;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) yield path;
  }
}

let problems = 0;
for (const root of roots) {
  for (const file of files(root)) {
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    const lineOf = (index) => text.slice(0, index).split('\n').length;
    for (const m of text.matchAll(importRe)) {
      const spec = m[1] ?? m[2] ?? m[3];
      if (spec && (spec.startsWith('node:') || builtins.has(spec.split('/')[0]))) {
        console.error(`${relative(process.cwd(), file)}:${lineOf(m.index)}: imports the Node module "${spec}": this package must run in a browser`);
        problems++;
      }
    }
    const code = lines.map((l) => (/^\s*(\/\/|\*)/.test(l) ? '' : l)).join('\n');
    for (const m of code.matchAll(globalRe)) {
      console.error(`${relative(process.cwd(), file)}:${lineOf(m.index)}: uses the Node global "${m[1]}": this package must run in a browser`);
      problems++;
    }
  }
}
if (problems > 0) process.exit(1);
console.log(`browser-safe: ${roots.join(', ')} ok`);
