import { describe, expect, it } from 'vitest';
import { createConversationReader, importConversations, parseJsonConversations } from './index.js';

const conv = (id: string) => ({ id, messages: [{ role: 'agent', text: 'hi', ts: '2024-06-18 10:00:00' }] });

describe('parseJsonConversations', () => {
  it('accepts an array, a single conversation, or {conversations: [...]}', () => {
    const ts = Date.parse('2024-06-18T02:00:00Z');
    for (const doc of [[conv('a'), conv('b')], { conversations: [conv('a'), conv('b')] }]) {
      const r = parseJsonConversations(JSON.stringify(doc, null, 2));
      expect(r.problems).toEqual([]);
      expect(r.conversations.map((c) => [c.id, c.messages[0]?.ts])).toEqual([
        ['a', ts],
        ['b', ts],
      ]);
    }
    const single = parseJsonConversations('\uFEFF' + JSON.stringify(conv('only')));
    expect(single.conversations.map((c) => c.id)).toEqual(['only']);
  });

  it('locates schema errors with a pointer into the document', () => {
    const r = parseJsonConversations(JSON.stringify({ conversations: [conv('a'), { id: 'b', messages: [{ role: '经理', text: '' }] }] }));
    expect(r.conversations.map((c) => c.id)).toEqual(['a']);
    expect(r.problems.map((p) => [p.code, p.pointer, p.conversationId])).toEqual([['schema.enum', '/conversations/1/messages/0/role', 'b']]);
    expect(r.problems[0]?.message).toMatch(/^\/conversations\/1\/messages\/0\/role：取值“经理”无效/);
    const arr = parseJsonConversations(JSON.stringify([conv('a'), 5]));
    expect(arr.problems.map((p) => [p.code, p.pointer])).toEqual([['schema.type', '/1']]);
  });

  it('invalid JSON is reported with its line', () => {
    const r = parseJsonConversations('[\n  {"id": "a",\n  "messages": [}\n]', { source: 'x.json' });
    expect(r.conversations).toEqual([]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ code: 'json.invalid-json', line: 3 });
    expect(r.problems[0]?.message).toMatch(/^x\.json 第 3 行：JSON 格式错误：/);
  });

  it('empty input and a wrong root', () => {
    expect(parseJsonConversations('  \n').problems.map((p) => p.code)).toEqual(['json.empty']);
    expect(parseJsonConversations('"text"').problems.map((p) => [p.code, p.params.type])).toEqual([['json.bad-root', 'string']]);
    expect(parseJsonConversations('null').problems.map((p) => [p.code, p.params.type])).toEqual([['json.bad-root', 'null']]);
    expect(parseJsonConversations('[]')).toEqual({ conversations: [], problems: [] });
  });

  it('importConversations(json) and the buffering reader agree', () => {
    const text = JSON.stringify([conv('a'), conv('a')]);
    const whole = importConversations(text, 'json');
    expect(whole.conversations.map((c) => c.id)).toEqual(['a', 'a#2']);
    const reader = createConversationReader('json');
    expect(reader.push(text.slice(0, 10))).toEqual([]);
    reader.push(text.slice(10));
    expect(reader.end()).toEqual(whole.conversations);
    expect(reader.takeProblems()).toEqual(whole.problems);
  });
});
