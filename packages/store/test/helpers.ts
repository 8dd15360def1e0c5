import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Conversation } from '@zhijian/core';
import type { AutoFinding } from '../src/index.js';

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempDir(prefix = 'zhijian-store-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A controllable clock (epoch ms). */
export function clock(start = Date.UTC(2026, 0, 5, 1, 0, 0)): { now: () => number; advance: (ms: number) => number; set: (t: number) => void } {
  let t = start;
  return {
    now: () => t,
    advance: (ms) => (t += ms),
    set: (v) => {
      t = v;
    },
  };
}

/** A minimal pack: the store reads only id, version and each rule's id, category and points. */
export const PACK = {
  id: 'test-pack',
  version: '1.0.0',
  categories: [
    { id: 'etiquette', name: '服务礼仪' },
    { id: 'redline', name: '红线', veto: true },
  ],
  rules: [
    { id: 'greet', type: 'required-phrase', category: 'etiquette', points: 2 },
    { id: 'rude', type: 'phrase', category: 'etiquette', points: 5 },
    { id: 'retain', type: 'trigger-response', category: 'etiquette', points: 5, review: true },
    { id: 'wechat', type: 'phrase', category: 'redline', points: 0 },
    { id: 'wrong-answer', type: 'manual', category: 'etiquette', points: 10 },
  ],
};

export function conversation(id: string, agent = '小王', texts: string[] = ['你好', '您好，请问有什么可以帮您？', '我要退款', '好的']): Conversation {
  return {
    id,
    channel: 'chat',
    agent,
    messages: texts.map((text, i) => ({ role: i % 2 === 0 ? 'customer' : 'agent', text, ts: 1_700_000_000_000 + i * 1000 })),
  };
}

export const AUTO: AutoFinding[] = [
  { key: 'greet@1', ruleId: 'greet', category: 'etiquette', points: 2, pending: false },
  { key: 'rude@3', ruleId: 'rude', category: 'etiquette', points: 5, pending: false },
  { key: 'retain@2', ruleId: 'retain', category: 'etiquette', points: 5, pending: true },
  { key: 'wechat@3', ruleId: 'wechat', category: 'redline', points: 0, pending: false },
];
