/** Builds inspectors over the example chats and the standard pack, with an in-memory or file store. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compilePack, type CompiledPack } from '@zhijian/core';
import { openStore, type ReviewStore } from '@zhijian/store';
import { loadBatch, type BatchItem } from '../src/inspect/batch.js';
import { Inspector } from '../src/inspect/inspector.js';
import { ReviewSession } from '../src/inspect/review-session.js';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const PACK_FILE = `${ROOT}rule-packs/ecommerce-chat.zh.json`;
export const CHATS = `${ROOT}examples/chats.csv`;
export const NOW = Date.UTC(2025, 5, 1);

export function packJson(): unknown {
  return JSON.parse(readFileSync(PACK_FILE, 'utf8'));
}

export function standardPack(): CompiledPack {
  return compilePack(packJson());
}

export async function exampleItems(pack: CompiledPack, ids?: readonly string[]): Promise<BatchItem[]> {
  const items = await loadBatch([{ path: CHATS, name: 'chats.csv' }], {
    pack,
    lang: 'zh',
    timeZone: 'Asia/Shanghai',
    now: NOW,
    openStdin: () => process.stdin,
    onProblem: () => {},
    onNotUtf8: () => {},
    onDuplicate: () => {},
  });
  const chosen = ids ? items.filter((i) => ids.includes(i.conversation.id)) : items;
  return chosen.map((item, index) => ({ ...item, row: { ...item.row, index } }));
}

export interface Harness {
  store: ReviewStore;
  pack: CompiledPack;
  items: BatchItem[];
  make(size?: { rows: number; cols: number }, clock?: () => number): Inspector;
}

/** An inspector factory on one store: `make()` again is a restart of the app (same store, same batch). */
export function harness(pack: CompiledPack, items: BatchItem[], store: ReviewStore = openStore(':memory:'), inspector = 'tester'): Harness {
  const ref = store.recordPack(packJson());
  let clock = NOW;
  return {
    store,
    pack,
    items,
    make: (size = { rows: 30, cols: 120 }, now?: () => number) =>
      new Inspector({
        items,
        pack,
        session: new ReviewSession(store, inspector, ref.hash),
        lang: 'zh',
        timeZone: 'Asia/Shanghai',
        now: NOW,
        size,
        batchKey: 'test-batch',
        roleWidth: 6,
        clock: now ?? (() => (clock += 1000)),
      }),
  };
}
