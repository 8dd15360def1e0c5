import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { JsonlConversationReader, importConversations, type ImportOptions } from './index.js';
import type { Conversation } from '../model/conversation.js';

const utc = (s: string): number => Date.parse(s);
const line = (v: unknown): string => JSON.stringify(v);

function readChunks(chunks: readonly string[], opts?: ImportOptions) {
  const r = new JsonlConversationReader(opts);
  const conversations: Conversation[] = [];
  for (const c of chunks) conversations.push(...r.push(c));
  conversations.push(...r.end());
  return { conversations, problems: r.takeProblems() };
}

const good = {
  id: 'c-001',
  channel: 'call',
  startedAt: '2024-06-18 10:00:00',
  agent: '小王',
  messages: [
    { role: '客服', text: '您好', ts: '2024-06-18 10:00:05', endTs: 1718676009000, speaker: '小王' },
    { role: '顾客', text: '在吗', ts: '2024-06-18T02:00:10.250Z', kind: 'text' },
    { role: '系统', text: '', kind: 'end', ts: 1718676020000 },
    { role: '机器人', text: 'hi' },
    { role: '买家', text: 'b' },
    { role: '客户', text: 'c' },
  ],
};

describe('JsonlConversationReader', () => {
  it('reads one conversation per line, converting timestamps and Chinese role aliases', () => {
    const { conversations, problems } = importConversations(line(good) + '\n', 'jsonl');
    expect(problems).toEqual([]);
    expect(conversations).toEqual([
      {
        id: 'c-001',
        channel: 'call',
        timeZone: 'Asia/Shanghai',
        startedAt: utc('2024-06-18T02:00:00Z'),
        agent: '小王',
        messages: [
          { role: 'agent', text: '您好', ts: utc('2024-06-18T02:00:05Z'), endTs: 1718676009000, speaker: '小王' },
          { role: 'customer', text: '在吗', ts: utc('2024-06-18T02:00:10.250Z'), kind: 'text' },
          { role: 'system', text: '', kind: 'end', ts: 1718676020000 },
          { role: 'bot', text: 'hi' },
          { role: 'customer', text: 'b' },
          { role: 'customer', text: 'c' },
        ],
      },
    ]);
  });

  it('epoch ms as number or digit string; channel defaults to chat', () => {
    const { conversations } = importConversations(
      line({ id: 'e', messages: [{ role: 'agent', text: 'x', ts: 1718676131331 }, { role: 'agent', text: 'y', ts: '1718676131332' }] }),
      'jsonl',
    );
    expect(conversations[0]?.channel).toBe('chat');
    expect(conversations[0]?.messages.map((m) => m.ts)).toEqual([1718676131331, 1718676131332]);
  });

  it("the conversation's timeZone wins over the option", () => {
    const text = [
      line({ id: 'ny', timeZone: 'America/New_York', messages: [{ role: 'agent', text: 'x', ts: '2024-01-18 10:00:00' }] }),
      line({ id: 'opt', messages: [{ role: 'agent', text: 'x', ts: '2024-01-18 10:00:00' }] }),
    ].join('\n');
    const { conversations } = importConversations(text, 'jsonl', { timeZone: 'UTC' });
    expect(conversations.map((c) => [c.timeZone, c.messages[0]?.ts])).toEqual([
      ['America/New_York', utc('2024-01-18T15:00:00Z')],
      ['UTC', utc('2024-01-18T10:00:00Z')],
    ]);
  });

  it('invalid JSON: problem with the line and the parser reason; other lines are read', () => {
    const text = [line(good), '', '{"id": "broken", "messages": [', '   ', line({ ...good, id: 'c-002' })].join('\r\n');
    const { conversations, problems } = importConversations(text, 'jsonl', { source: 'a.jsonl' });
    expect(conversations.map((c) => c.id)).toEqual(['c-001', 'c-002']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'jsonl.invalid-json', line: 3 });
    expect(String(problems[0]?.params.reason).length).toBeGreaterThan(5);
    expect(problems[0]?.params.column).toBe(31);
    expect(problems[0]?.message).toMatch(/^a\.jsonl 第 3 行：JSON 格式错误：.+，该行已跳过。$/);
  });

  it('schema errors: problem with line and JSON pointer, conversation skipped', () => {
    const text = [
      line({ id: 'ok', messages: [] }),
      line({ id: 'bad', channel: 'fax', messages: [{ role: 'agent', text: 'x' }, { role: 'manager', text: 1 }, { text: 'no role', ts: 'soon' }] }),
      line({ messages: [] }),
      line([1, 2]),
      line({ id: '', messages: [{ role: 'agent', text: 'x', meta: { a: 1 } }] }),
    ].join('\n');
    const { conversations, problems } = importConversations(text, 'jsonl', { lang: 'en' });
    expect(conversations.map((c) => c.id)).toEqual(['ok']);
    expect(problems.map((p) => [p.line, p.pointer, p.code])).toEqual([
      [2, '/messages/1/text', 'schema.type'],
      [2, '/channel', 'schema.enum'],
      [2, '/messages/1/role', 'schema.enum'],
      [2, '/messages/2/role', 'schema.required'],
      [2, '/messages/2/ts', 'schema.timestamp'],
      [3, '/id', 'schema.required'],
      [4, '', 'schema.type'],
      [5, '/messages/0/meta/a', 'schema.type'],
      [5, '/id', 'schema.empty'],
    ]);
    expect(problems[1]?.conversationId).toBe('bad');
    expect(problems[1]?.message).toBe('line 2 /channel: Invalid value "fax" (use chat, call); the conversation was skipped.');
    expect(problems[6]?.message).toBe('line 4 (root): Wrong type: expected object; the conversation was skipped.');
  });

  it('unparsable timestamps (impossible dates) get a pointer like /messages/3/ts', () => {
    const msgs = [0, 1, 2].map((i) => ({ role: 'agent', text: `${i}`, ts: `2024-06-18 10:00:0${i}` }));
    msgs.push({ role: 'agent', text: '3', ts: '2024-02-30 10:00:00' });
    const text = line({ id: 'c', startedAt: '2024-06-18 24:00:00', messages: [...msgs, { role: 'agent', text: 'e', endTs: '2024-13-01T00:00:00Z' }] });
    const { conversations, problems } = importConversations(text, 'jsonl');
    expect(conversations).toEqual([]);
    expect(problems.map((p) => [p.code, p.line, p.pointer, p.conversationId, p.params.value])).toEqual([
      ['json.bad-timestamp', 1, '/startedAt', 'c', '2024-06-18 24:00:00'],
      ['json.bad-timestamp', 1, '/messages/3/ts', 'c', '2024-02-30 10:00:00'],
      ['json.bad-timestamp', 1, '/messages/4/endTs', 'c', '2024-13-01T00:00:00Z'],
    ]);
  });

  it('an invalid conversation timeZone is located', () => {
    const { problems } = importConversations(line({ id: 'c', timeZone: 'Mars/Olympus', messages: [] }), 'jsonl');
    expect(problems.map((p) => [p.code, p.pointer])).toEqual([['json.bad-timezone', '/timeZone']]);
  });

  it('keeps extra properties as meta', () => {
    const { conversations } = importConversations(
      line({ id: 'c', shop: '旗舰店', meta: { queue: 'vip', shop: 'explicit wins' }, messages: [{ role: 'agent', text: 'x', msgId: 7, tags: ['a'], meta: { k: 'v' } }] }),
      'jsonl',
    );
    expect(conversations[0]?.meta).toEqual({ queue: 'vip', shop: 'explicit wins' });
    expect(conversations[0]?.messages[0]?.meta).toEqual({ k: 'v', msgId: '7', tags: '["a"]' });
  });

  it('duplicate ids are reported and renamed', () => {
    const text = [line({ id: 'c', messages: [] }), line({ id: 'c', messages: [] })].join('\n');
    const { conversations, problems } = importConversations(text, 'jsonl');
    expect(conversations.map((c) => [c.id, c.meta])).toEqual([
      ['c', undefined],
      ['c#2', { originalId: 'c' }],
    ]);
    expect(problems.map((p) => [p.code, p.line, p.params.newId])).toEqual([['json.duplicate-id', 2, 'c#2']]);
  });

  it('BOM, CRLF and a last line without line break', () => {
    const text = '\uFEFF' + line(good) + '\r\n' + line({ ...good, id: 'last' });
    const { conversations, problems } = importConversations(text, 'jsonl');
    expect(problems).toEqual([]);
    expect(conversations.map((c) => c.id)).toEqual(['c-001', 'last']);
  });

  it('streams: conversations come back as soon as their line is complete; any chunking gives the same result', () => {
    const text = ['\uFEFF' + line(good), '{bad', line({ ...good, id: 'x', messages: [{ role: 'x', text: '' }] }), line({ ...good, id: 'c-002' })].join('\n');
    const r = new JsonlConversationReader();
    const cut = text.indexOf('\n') + 1;
    expect(r.push(text.slice(0, cut - 1)).map((c) => c.id)).toEqual([]);
    expect(r.push(text.slice(cut - 1, cut)).map((c) => c.id)).toEqual(['c-001']);
    const whole = importConversations(text, 'jsonl');
    fc.assert(
      fc.property(fc.array(fc.nat({ max: text.length }), { maxLength: 12 }), (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const chunks: string[] = [];
        let prev = 0;
        for (const p of points) {
          chunks.push(text.slice(prev, p));
          prev = p;
        }
        chunks.push(text.slice(prev));
        expect(readChunks(chunks)).toEqual(whole);
      }),
      { numRuns: 100 },
    );
  });

  it('an invalid time zone option is reported and nothing is read', () => {
    const { conversations, problems } = importConversations(line(good), 'jsonl', { timeZone: 'nope' });
    expect(conversations).toEqual([]);
    expect(problems.map((p) => p.code)).toEqual(['import.bad-timezone']);
  });
});
