import { describe, expect, it } from 'vitest';
import { detectFormat } from './index.js';

describe('detectFormat', () => {
  it('trusts .csv / .jsonl / .ndjson extensions', () => {
    expect(detectFormat('Chats.CSV', '{"id":1}')).toBe('csv');
    expect(detectFormat('a.jsonl', '[')).toBe('jsonl');
    expect(detectFormat('a.ndjson', '')).toBe('jsonl');
  });

  it('.json is json unless the content is one object per line', () => {
    expect(detectFormat('a.json', '[{"id":"a"}]')).toBe('json');
    expect(detectFormat('a.json', '{\n  "id": "a",\n  "messages": []\n}')).toBe('json');
    expect(detectFormat('a.json', '{"id":"a","messages":[]}\n{"id":"b","messages":[]}\n')).toBe('jsonl');
    expect(detectFormat('a.json', '')).toBe('json');
  });

  it('sniffs the content for other names', () => {
    expect(detectFormat('export.txt', '\uFEFF  [\n{"id":"a"}')).toBe('json');
    expect(detectFormat('export', '{"id":"a","messages":[]}\n{"id":"b"')).toBe('jsonl');
    expect(detectFormat('export', '{"conversations": [\n')).toBe('json');
    expect(detectFormat('export.txt', '\uFEFFconversation_id,role,text\n')).toBe('csv');
    expect(detectFormat('', '')).toBe('csv');
  });
});
