import { readFileSync } from 'node:fs';
import * as core from '@zhijian/core';
import { describe, expect, it } from 'vitest';
import { lineColumnOf } from '../monaco/pointer-range';
import { CHUNK, PreviewService } from './preview-service';
import type { Analysis, SampleSource } from './protocol';

const PACK = {
  id: 'test-pack',
  version: '1.0.0',
  categories: [{ id: 'etiquette', name: { zh: '服务礼仪', en: 'Etiquette' } }],
  rules: [
    {
      id: 'etiquette.forbidden',
      type: 'phrase',
      category: 'etiquette',
      points: 5,
      options: { role: 'agent', phrases: ['难道不是'] },
      examples: [
        { messages: [{ role: 'agent', text: '难道不是您选的吗' }], expect: 'fires', at: 0 },
        { messages: [{ role: 'agent', text: '好的' }], expect: 'passes' },
      ],
    },
  ],
};
const packText = (pack: unknown = PACK): string => `${JSON.stringify(pack, null, 2)}\n`;

const CSV = [
  'conversation_id,timestamp,role,text',
  'c-1,2024-06-18 10:00:00,customer,在吗',
  'c-1,2024-06-18 10:00:30,agent,"您好，难道不是您自己选的吗"',
  'c-2,2024-06-18 10:01:00,customer,发货了吗',
  'c-2,2024-06-18 10:01:20,agent,已经发货了，催什么催',
  'c-3,2024-06-18 10:02:00,martian,hello',
].join('\n');
const JSONL = `${JSON.stringify({ id: 'j-1', channel: 'chat', messages: [{ role: 'customer', text: '你好' }, { role: 'agent', text: '您好' }] })}\n`;
const SOURCES: SampleSource[] = [
  { name: 'a.csv', format: 'csv', text: CSV },
  { name: 'b.jsonl', format: 'jsonl', text: JSONL },
];

function service(): PreviewService {
  const s = new PreviewService('zh');
  s.setSamples(SOURCES);
  return s;
}

function lineOf(text: string, offset: number): number {
  return lineColumnOf(text, offset).line + 1;
}

function lineContaining(text: string, needle: string): number {
  return lineOf(text, text.indexOf(needle));
}

describe('PreviewService', () => {
  it('reads CSV and JSONL samples and reports import problems', () => {
    const s = new PreviewService('zh');
    const loaded = s.setSamples(SOURCES);
    expect(loaded.conversations.map((c) => c.id)).toEqual(['c-1', 'c-2', 'j-1']);
    expect(loaded.conversations[0]!.messages[1]).toMatchObject({ role: 'agent', text: '您好，难道不是您自己选的吗' });
    expect(loaded.problems.length).toBeGreaterThan(0);
    expect(loaded.problems[0]!.file).toBe('a.csv');
  });

  it('scores every sample with findings at exact spans of the original text', () => {
    const a = service().analyze(1, packText());
    expect(a.valid).toBe(true);
    expect(a.problems).toEqual([]);
    expect(a.results!.map((r) => [r.id, r.score])).toEqual([
      ['c-1', 95],
      ['c-2', 100],
      ['j-1', 100],
    ]);
    const f = a.results![0]!.findings[0]!;
    expect(f).toMatchObject({ ruleId: 'etiquette.forbidden', messageIndex: 1, evidence: '难道不是', points: 5 });
    expect('您好，难道不是您自己选的吗'.slice(f.start, f.end)).toBe('难道不是');
    expect(a.outline.categories[0]!.rules.map((r) => r.id)).toEqual(['etiquette.forbidden']);
    expect(a.timings.totalMs).toBeGreaterThanOrEqual(0);
  });

  it('locates a JSON syntax error on its line and keeps the outline', () => {
    const text = packText().replace('"points": 5', '"points": 5x');
    const a = service().analyze(2, text);
    expect(a.valid).toBe(false);
    expect(a.results).toBeUndefined();
    expect(a.problems[0]).toMatchObject({ source: 'syntax', severity: 'error', code: 'json.InvalidSymbol', message: '无效的字符' });
    expect(lineOf(text, a.problems[0]!.offset)).toBe(lineContaining(text, '"points": 5x'));
    expect(a.outline.categories[0]!.rules).toHaveLength(1);
  });

  it('locates a schema error at the offending value, a structural one too', () => {
    const wrongType = packText({ ...PACK, rules: [{ ...PACK.rules[0], points: 'five' }] });
    const a = service().analyze(3, wrongType);
    expect(a.valid).toBe(false);
    const p = a.problems.find((x) => x.pointer === '/rules/0/points')!;
    expect(p).toMatchObject({ source: 'pack', severity: 'error', code: 'schema.type' });
    expect(wrongType.slice(p.offset, p.offset + p.length)).toBe('"five"');

    const unknownCategory = packText({ ...PACK, rules: [{ ...PACK.rules[0], category: 'nope' }] });
    const b = service().analyze(4, unknownCategory);
    const q = b.problems.find((x) => x.pointer === '/rules/0/category')!;
    expect(unknownCategory.slice(q.offset, q.offset + q.length)).toBe('"nope"');

    const extra = packText({ ...PACK, bogus: 1 });
    const c = service().analyze(5, extra);
    const r = c.problems.find((x) => x.code === 'schema.additionalProperties')!;
    expect(extra.slice(r.offset, r.offset + r.length)).toBe('"bogus"');
  });

  it('shows the change against the saved pack', () => {
    const s = service();
    expect(s.setSaved(packText())).toBe(true);
    const same = s.analyze(6, packText());
    expect(same.diff).toEqual({ changed: [], added: 0, removed: 0, scoreDelta: 0 });

    const edited = { ...PACK, rules: [{ ...PACK.rules[0], options: { role: 'agent', phrases: ['催什么催', '难道不是'] } }] };
    const a = s.analyze(7, packText(edited));
    expect(a.diff!.changed).toEqual([
      { id: 'c-2', added: 1, removed: 0, scoreDelta: -5, gradeBefore: a.results![1]!.grade, gradeAfter: a.results![1]!.grade, addedKeys: [a.results![1]!.findings[0]!.key] },
    ]);
    expect(a.results![1]!.score).toBe(95);
  });

  it('has no diff when the saved pack is invalid', () => {
    const s = service();
    expect(s.setSaved('{')).toBe(false);
    expect(s.analyze(8, packText()).diff).toBeUndefined();
  });

  it('reuses the results when only the formatting changed', () => {
    const s = service();
    expect(s.analyze(9, packText()).timings.reused).toBe(false);
    const again = s.analyze(10, JSON.stringify(PACK));
    expect(again.timings.reused).toBe(true);
    expect(again.results!.map((r) => r.score)).toEqual([95, 100, 100]);
    s.setSamples(SOURCES.slice(1));
    expect(s.analyze(11, JSON.stringify(PACK)).timings.reused).toBe(false);
  });

  it('runs the pack examples and marks a failing one at its expect', () => {
    const pack = structuredClone(PACK);
    pack.rules[0]!.examples[1] = { messages: [{ role: 'agent', text: '难道不是吗' }], expect: 'passes' };
    const text = packText(pack);
    const a = service().analyze(12, text);
    expect(a.valid).toBe(true);
    expect(a.examples!.map((e) => [e.ruleId, e.index, e.passed])).toEqual([
      ['etiquette.forbidden', 0, true],
      ['etiquette.forbidden', 1, false],
    ]);
    const p = a.problems.find((x) => x.source === 'example')!;
    expect(p).toMatchObject({ severity: 'warning', pointer: '/rules/0/examples/1' });
    expect(text.slice(p.offset, p.offset + p.length)).toBe('"passes"');
  });

  it('yields between chunks of conversations, so a worker can give up on a stale text', () => {
    const s = new PreviewService('zh');
    const lines = Array.from({ length: CHUNK * 2 + 1 }, (_, i) => JSON.stringify({ id: `x-${i}`, channel: 'chat', messages: [{ role: 'agent', text: '难道不是' }] }));
    s.setSamples([{ name: 'x.jsonl', format: 'jsonl', text: lines.join('\n') }]);
    const steps = s.analyzeSteps(13, packText());
    let yields = 0;
    let done: Analysis | undefined;
    for (;;) {
      const step = steps.next();
      if (step.done) {
        done = step.value;
        break;
      }
      yields++;
    }
    expect(yields).toBe(2);
    expect(done.results).toHaveLength(CHUNK * 2 + 1);
  });

  it('gives Monaco a schema that lists the rule types with their descriptions', () => {
    const schema = new PreviewService('zh').schema() as { properties: { rules: { items: { properties: { type: { enum: string[]; enumDescriptions: string[] } } } } } };
    const type = schema.properties.rules.items.properties.type;
    expect(type.enum).toContain('phrase');
    expect(type.enumDescriptions).toHaveLength(type.enum.length);
  });

  it.runIf(typeof (core as { lintPack?: unknown }).lintPack === 'function')('lints separately, located, cached per pack', () => {
    const s = service();
    const dup = { ...PACK, rules: [{ ...PACK.rules[0], options: { role: 'agent', phrases: ['难道不是', '难道不是'] } }] };
    const text = packText(dup);
    expect(s.analyze(14, text).problems.filter((p) => p.source === 'lint')).toEqual([]);
    const found = s.lint(text);
    for (const p of found) {
      expect(p.source).toBe('lint');
      expect(p.code.startsWith('lint.')).toBe(true);
      expect(p.offset).toBeGreaterThanOrEqual(0);
    }
    expect(s.lint(JSON.stringify(dup))).toHaveLength(found.length);
    expect(s.lint('{')).toEqual([]);
  });

  it('accepts the standard pack', () => {
    const text = readFileSync(new URL('../../../../rule-packs/ecommerce-chat.zh.json', import.meta.url), 'utf8');
    const a = service().analyze(15, text);
    expect(a.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(a.valid).toBe(true);
    expect(a.outline.categories.length).toBeGreaterThan(0);
  });
});
