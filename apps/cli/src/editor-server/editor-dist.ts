/**
 * Where the built editor (apps/editor/dist) is: $ZHIJIAN_EDITOR_DIST, else the installed
 * `@zhijian/editor` package, else the monorepo layout next to this package.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function findEditorDist(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates: string[] = [];
  if (env.ZHIJIAN_EDITOR_DIST) candidates.push(env.ZHIJIAN_EDITOR_DIST);
  try {
    candidates.push(join(dirname(createRequire(import.meta.url).resolve('@zhijian/editor/package.json')), 'dist'));
  } catch {
    // not installed as a dependency: fall through to the monorepo layout
  }
  // apps/cli/{dist,src}/editor-server/ -> apps/editor/dist
  candidates.push(fileURLToPath(new URL('../../../editor/dist/', import.meta.url)));
  return candidates.find((dir) => existsSync(join(dir, 'index.html')));
}
