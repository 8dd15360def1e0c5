import { describe, expect, it } from 'vitest';
import { importMessages, renderImportMessage } from './index.js';

describe('importMessages', () => {
  it('en and zh have the same codes and the same placeholders', () => {
    const zh = importMessages.zh as Record<string, string>;
    const en = importMessages.en as Record<string, string>;
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const code of Object.keys(zh)) expect(holes(en[code] ?? ''), code).toEqual(holes(zh[code] ?? ''));
  });

  it('renders placeholders, keeps unknown ones and shortens long values', () => {
    expect(renderImportMessage('en', 'csv.unknown-role', { value: 'boss', allowed: 'agent' })).toBe(
      'Unknown role "boss" (use agent); the row was skipped.',
    );
    expect(renderImportMessage('zh', 'csv.missing-column', {})).toContain('{column}');
    expect(renderImportMessage('en', 'csv.unknown-kind', { value: 'x'.repeat(200), allowed: 'text' })).toContain(`${'x'.repeat(80)}…`);
    expect(renderImportMessage('en', 'no.such.code', {})).toBe('no.such.code');
  });
});
