/** Fixtures from the monorepo: the standard pack, read from rule-packs/ (no package dependency, no cycle). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const STANDARD_PACK_PATH = fileURLToPath(new URL('../../../rule-packs/ecommerce-chat.zh.json', import.meta.url));

/** A fresh parsed copy of rule-packs/ecommerce-chat.zh.json on every call. */
export function loadStandardPack(): Record<string, unknown> & { rules: Array<Record<string, unknown> & { id: string; type: string }>; categories: unknown[] } {
  return JSON.parse(readFileSync(STANDARD_PACK_PATH, 'utf8'));
}

/** A fixed evaluation instant (2026-01-01T00:00:00+08:00), so "today" never moves under a property. */
export const FIXED_NOW = 1_767_196_800_000;
