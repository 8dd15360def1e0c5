import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CsvConversationReader, importConversations, type ImportOptions, type ImportProblem } from './index.js';
import type { Conversation } from '../model/conversation.js';

const HEADER = 'conversation_id,timestamp,role,speaker,text,kind,channel,end_timestamp';
const csv = (...lines: string[]): string => lines.join('\n') + '\n';
const utc = (s: string): number => Date.parse(s);

function read(text: string, opts?: ImportOptions) {
  return importConversations(text, 'csv', opts);
}

function readChunks(chunks: readonly string[], opts?: ImportOptions) {
  const r = new CsvConversationReader(opts);
  const conversations: Conversation[] = [];
  for (const c of chunks) conversations.push(...r.push(c));
  conversations.push(...r.end());
  return { conversations, problems: r.takeProblems() };
}

const brief = (ps: ImportProblem[]) => ps.map((p) => [p.code, p.line]);

describe('CsvConversationReader: basics', () => {
  it('reads all columns, converts timestamps in Asia/Shanghai by default, groups by id', () => {
    const { conversations, problems } = read(
      csv(
        HEADER,
        'c-001,2024-06-18 10:02:11,customer,买家A,在吗,,chat,',
        'c-001,2024-06-18T10:02:41+08:00,agent,小王,您好，请问有什么可以帮您,text,,',
        'c-001,1718676200000,customer,买家A,[图片],image,,',
        'c-002,2024-06-18T02:00:00.500Z,system,,,ring,call,',
        'c-002,2024-06-18 10:00:05,agent,小李,您好,text,call,2024-06-18 10:00:09',
        'c-002,2024-06-18 10:01:00,customer,,,end,call,',
      ),
    );
    expect(problems).toEqual([]);
    expect(conversations).toEqual([
      {
        id: 'c-001',
        channel: 'chat',
        timeZone: 'Asia/Shanghai',
        messages: [
          { role: 'customer', text: '在吗', ts: utc('2024-06-18T02:02:11Z'), speaker: '买家A' },
          { role: 'agent', text: '您好，请问有什么可以帮您', ts: utc('2024-06-18T02:02:41Z'), kind: 'text', speaker: '小王' },
          { role: 'customer', text: '[图片]', ts: 1718676200000, kind: 'image', speaker: '买家A' },
        ],
      },
      {
        id: 'c-002',
        channel: 'call',
        timeZone: 'Asia/Shanghai',
        messages: [
          { role: 'system', text: '', ts: utc('2024-06-18T02:00:00.500Z'), kind: 'ring' },
          { role: 'agent', text: '您好', ts: utc('2024-06-18T02:00:05Z'), endTs: utc('2024-06-18T02:00:09Z'), kind: 'text', speaker: '小李' },
          { role: 'customer', text: '', ts: utc('2024-06-18T02:01:00Z'), kind: 'end' },
        ],
      },
    ]);
  });

  it('uses the timeZone option for local timestamps', () => {
    const { conversations } = read(csv('conversation_id,timestamp,role,text', 'c1,2024-01-18 10:00:00,agent,hi'), {
      timeZone: 'America/New_York',
    });
    expect(conversations[0]?.messages[0]?.ts).toBe(utc('2024-01-18T15:00:00Z'));
    expect(conversations[0]?.timeZone).toBe('America/New_York');
  });

  it('streams: a conversation is returned as soon as the next id starts', () => {
    const r = new CsvConversationReader();
    expect(r.push('conversation_id,role,text\nc1,agent,a\nc1,customer,b\n')).toEqual([]);
    const first = r.push('c2,agent,c\n');
    expect(first.map((c) => c.id)).toEqual(['c1']);
    expect(r.push('c2,customer,d\n')).toEqual([]);
    expect(r.end().map((c) => c.id)).toEqual(['c2']);
    expect(r.end()).toEqual([]);
    expect(r.push('c3,agent,x\n')).toEqual([]); // ignored after end
  });

  it('accepts a BOM, CRLF, header names in any case and order, with blanks around', () => {
    const text = '\uFEFF Text ,ROLE,Conversation_Id,TimeStamp\r\nhello,Agent,c1,2024-06-18 10:00:00\r\n"a,b",客户,c1,\r\n';
    const { conversations, problems } = read(text);
    expect(problems).toEqual([]);
    expect(conversations).toEqual([
      {
        id: 'c1',
        channel: 'chat',
        timeZone: 'Asia/Shanghai',
        messages: [
          { role: 'agent', text: 'hello', ts: utc('2024-06-18T02:00:00Z') },
          { role: 'customer', text: 'a,b' },
        ],
      },
    ]);
  });

  it('keeps unknown columns in message meta (header spelling kept, empty cells left out)', () => {
    const { conversations, problems } = read(csv('conversation_id,role,text,Shop,order_no,', 'c1,agent,hi,旗舰店,,x', 'c1,customer,yo,,42,'));
    expect(problems).toEqual([]);
    expect(conversations[0]?.messages).toEqual([
      { role: 'agent', text: 'hi', meta: { Shop: '旗舰店', column_6: 'x' } },
      { role: 'customer', text: 'yo', meta: { order_no: '42' } },
    ]);
  });

  it('maps the Chinese role aliases and reads roles, kinds and channels case-insensitively', () => {
    const { conversations, problems } = read(
      csv('conversation_id,role,text,kind,channel', 'c1,客服,a,,CALL', 'c1,客户,b,Emoji,', 'c1,买家,c,,', 'c1,顾客,d,,', 'c1,系统,e,STATUS,', 'c1,机器人,f, order-card ,', 'c1, BOT ,g,,'),
    );
    expect(problems).toEqual([]);
    const c = conversations[0];
    expect(c?.channel).toBe('call');
    expect(c?.messages.map((m) => m.role)).toEqual(['agent', 'customer', 'customer', 'customer', 'system', 'bot', 'bot']);
    expect(c?.messages.map((m) => m.kind)).toEqual([undefined, 'emoji', undefined, undefined, 'status', 'order-card', undefined]);
  });

  it("takes the conversation's channel from its first row, default chat", () => {
    const { conversations } = read(csv('conversation_id,role,text,channel', 'c1,agent,a,', 'c1,agent,b,call', 'c2,agent,a,call', 'c2,agent,b,chat'));
    expect(conversations.map((c) => c.channel)).toEqual(['chat', 'call']);
  });

  it('keeps text exactly (spaces, quotes, commas, line breaks)', () => {
    const { conversations } = read('conversation_id,role,text\nc1,agent,"  他说：""好的"", 然后\n换行  "\nc1,agent,  raw  \n');
    expect(conversations[0]?.messages.map((m) => m.text)).toEqual(['  他说："好的", 然后\n换行  ', '  raw  ']);
  });

  it('message index = position among accepted rows', () => {
    const { conversations, problems } = read(csv('conversation_id,role,text', 'c1,agent,0', 'c1,manager,x', 'c1,customer,1'));
    expect(brief(problems)).toEqual([['csv.unknown-role', 3]]);
    expect(conversations[0]?.messages.map((m) => m.text)).toEqual(['0', '1']);
  });
});

describe('CsvConversationReader: bad rows are located and skipped', () => {
  const text = csv(
    HEADER, // 1
    'c1,2024-06-18 10:00:00,customer,,在吗,,,', // 2
    'c1,2024-06-18 10:00:05,manager,,我是经理,,,', // 3  wrong role
    'c1,2024-13-01 10:00:00,agent,,您好,,,', // 4  bad timestamp
    ',2024-06-18 10:00:09,agent,,no id,,,', // 5  missing id
    'c2,2024-06-18 11:00:00,customer,,"多行', // 6  quoted newline …
    '文本, 带逗号",,,', // 7
    'c2,2024-06-18 11:00:05,agent,,好的,,,', // 8
    'c2,2024-06-18 11:00:06,agent,,bad end,,,2024-06-18 25:00:00', // 9  bad end_timestamp
    'c2,2024-06-18 11:00:07,agent,,x,gif,,', // 10 unknown kind
    'c2,2024-06-18 11:00:08,agent,,x,,sms,', // 11 unknown channel
    'c2,2024-06-18 11:00:09,,,no role,,,', // 12 missing role
    'c2,too,few', // 13 field count
    '', // 14 blank: ignored
    ',,,,,,,', // 15 all empty: ignored
    'c3,2024-06-18 12:00:00,agent,,ok,,,', // 16
    'c4,2024-06-18 12:00:00,agent,,"unclosed quote at the end,,,', // 17
    'c4,2024-06-18 12:00:01,agent,,swallowed,,,', // 18
  );

  it('reports each bad row with its line and reason; other rows and conversations are read', () => {
    const { conversations, problems } = read(text, { source: 'chats.csv' });
    expect(brief(problems)).toEqual([
      ['csv.unknown-role', 3],
      ['csv.bad-timestamp', 4],
      ['csv.missing-id', 5],
      ['csv.bad-timestamp', 9],
      ['csv.unknown-kind', 10],
      ['csv.unknown-channel', 11],
      ['csv.missing-role', 12],
      ['csv.field-count', 13],
      ['csv.unclosed-quote', 17],
    ]);
    expect(conversations.map((c) => [c.id, c.messages.map((m) => m.text)])).toEqual([
      ['c1', ['在吗']],
      ['c2', ['多行\n文本, 带逗号', '好的']],
      ['c3', ['ok']],
    ]);
    expect(problems[0]).toEqual({
      code: 'csv.unknown-role',
      line: 3,
      conversationId: 'c1',
      params: { value: 'manager', allowed: 'agent, customer, system, bot, 客服, 客户, 买家, 顾客, 系统, 机器人' },
      message: 'chats.csv 第 3 行：无法识别的角色“manager”（可用：agent, customer, system, bot, 客服, 客户, 买家, 顾客, 系统, 机器人），该行已跳过。',
    });
    expect(problems[1]?.params).toEqual({ column: 'timestamp', value: '2024-13-01 10:00:00' });
    expect(problems[3]?.params).toEqual({ column: 'end_timestamp', value: '2024-06-18 25:00:00' });
    expect(problems[7]?.params).toEqual({ expected: 8, actual: 3 });
    expect(problems[8]?.params).toEqual({ endLine: 18 });
  });

  it('renders messages in English on request', () => {
    const { problems } = read(text, { lang: 'en', source: 'chats.csv' });
    expect(problems[0]?.message).toBe(
      'chats.csv line 3: Unknown role "manager" (use agent, customer, system, bot, 客服, 客户, 买家, 顾客, 系统, 机器人); the row was skipped.',
    );
    expect(problems[2]?.message).toBe('chats.csv line 5: Missing conversation id (conversation_id); the row was skipped.');
  });

  it('reports every fault of one row, all on its line', () => {
    const { problems, conversations } = read(csv('conversation_id,timestamp,role,text', 'c1,yesterday,boss,x', 'c1,,agent,y'));
    expect(brief(problems)).toEqual([
      ['csv.unknown-role', 2],
      ['csv.bad-timestamp', 2],
    ]);
    expect(conversations[0]?.messages).toHaveLength(1);
  });

  it('a conversation whose rows are all bad is not emitted', () => {
    const { conversations, problems } = read(csv('conversation_id,role,text', 'c1,x,a', 'c2,agent,b'));
    expect(conversations.map((c) => c.id)).toEqual(['c2']);
    expect(problems).toHaveLength(1);
  });

  it('quoted newlines keep later line numbers right (LF and CRLF)', () => {
    for (const nl of ['\n', '\r\n']) {
      const t = [
        'conversation_id,role,text', // 1
        'c1,agent,"line one', // 2
        'line two', // 3
        'line three"', // 4
        'c1,agent,"x""', // 5
        '""y"', // 6
        'c1,nobody,z', // 7
      ].join(nl);
      const { problems, conversations } = read(t);
      expect(brief(problems)).toEqual([['csv.unknown-role', 7]]);
      expect(conversations[0]?.messages.map((m) => m.text)).toEqual([`line one${nl}line two${nl}line three`, `x"${nl}"y`]);
    }
  });

  it('counts lines of old-Mac CR-only files', () => {
    const { problems } = read('conversation_id,role,text\rc1,agent,"a\rb"\rc1,nobody,z\r');
    expect(brief(problems)).toEqual([['csv.unknown-role', 4]]);
  });

  it('tolerates trailing empty cells beyond the header, not missing ones', () => {
    const { problems, conversations } = read(csv('conversation_id,role,text', 'c1,agent,a,', 'c1,agent,b,, ', 'c1,agent,c,x', 'c1,agent'));
    expect(problems.map((p) => [p.code, p.line, p.params.actual])).toEqual([
      ['csv.field-count', 4, 4],
      ['csv.field-count', 5, 2],
    ]);
    expect(conversations[0]?.messages.map((m) => m.text)).toEqual(['a', 'b']);
  });

  it('reports a malformed quote in the middle and goes on', () => {
    const { problems, conversations } = read(csv('conversation_id,role,text', 'c1,agent,"bad "quote" here"', 'c1,agent,fine'));
    expect(brief(problems)).toEqual([['csv.invalid-quote', 2]]);
    expect(conversations[0]?.messages.map((m) => m.text)).toEqual(['fine']);
  });
});

describe('CsvConversationReader: header problems', () => {
  it('a missing required column is a file-level problem at line 1 and nothing is read', () => {
    const { conversations, problems } = read(csv('conversation_id,timestamp,text', 'c1,2024-06-18 10:00:00,hi'), { lang: 'en' });
    expect(conversations).toEqual([]);
    expect(problems).toEqual([
      {
        code: 'csv.missing-column',
        line: 1,
        params: { column: 'role' },
        message: 'line 1: The header lacks the required column "role" (required: conversation_id, role, text); nothing was read.',
      },
    ]);
  });

  it('reports each missing column', () => {
    const { problems } = read('a,b\n1,2\n');
    expect(problems.map((p) => p.params.column)).toEqual(['conversation_id', 'role', 'text']);
    expect(problems.every((p) => p.line === 1)).toBe(true);
  });

  it('empty input', () => {
    expect(brief(read('').problems)).toEqual([['csv.empty', 1]]);
    expect(brief(read('\uFEFF\n\n').problems)).toEqual([['csv.empty', 1]]);
    expect(read('conversation_id,role,text\n')).toEqual({ conversations: [], problems: [] });
  });

  it('a duplicate known column is reported; the first one is used', () => {
    const { conversations, problems } = read(csv('conversation_id,role,text,TEXT', 'c1,agent,first,second'));
    expect(problems.map((p) => [p.code, p.line, p.params.column, p.params.position])).toEqual([['csv.duplicate-column', 1, 'text', 4]]);
    expect(conversations[0]?.messages[0]?.text).toBe('first');
  });

  it('an invalid time zone option is reported once and nothing is read', () => {
    const r = read(csv('conversation_id,role,text', 'c1,agent,x'), { timeZone: 'Mars/Olympus' });
    expect(r.conversations).toEqual([]);
    expect(r.problems.map((p) => p.code)).toEqual(['import.bad-timezone']);
  });
});

describe('CsvConversationReader: non-contiguous ids', () => {
  // Decision: a reappearing id is reported at the line where it reappears, and that run of rows is read
  // as a separate conversation "<id>#2" (meta.originalId = id). No row is lost and the split shows in
  // the results; merging would need the whole file in memory.
  it('reports the reappearance and reads the rows as <id>#2', () => {
    const { conversations, problems } = read(
      csv('conversation_id,role,text', 'c1,agent,a', 'c2,agent,b', 'c1,customer,late 1', 'c1,agent,late 2', 'c2,agent,c', 'c1,agent,d'),
    );
    expect(conversations.map((c) => [c.id, c.messages.length, c.meta])).toEqual([
      ['c1', 1, undefined],
      ['c2', 1, undefined],
      ['c1#2', 2, { originalId: 'c1' }],
      ['c2#2', 1, { originalId: 'c2' }],
      ['c1#3', 1, { originalId: 'c1' }],
    ]);
    expect(problems.map((p) => [p.code, p.line, p.params.id, p.params.firstLine, p.params.newId])).toEqual([
      ['csv.non-contiguous', 4, 'c1', 2, 'c1#2'],
      ['csv.non-contiguous', 6, 'c2', 3, 'c2#2'],
      ['csv.non-contiguous', 7, 'c1', 2, 'c1#3'],
    ]);
    expect(problems[0]?.message).toContain('同一会话的行必须排在一起');
  });

  it('keeps the id when no conversation with it was emitted, and avoids collisions with generated ids', () => {
    const { conversations, problems } = read(csv('conversation_id,role,text', 'c1,bad,a', 'c2,agent,b', 'c1,agent,c', 'x,agent,1', 'y,agent,2', 'x,agent,3', 'x#2,agent,4'));
    expect(conversations.map((c) => c.id)).toEqual(['c2', 'c1', 'x', 'y', 'x#2', 'x#2#2']);
    expect(problems.map((p) => p.code)).toEqual(['csv.unknown-role', 'csv.non-contiguous', 'csv.non-contiguous', 'csv.id-collision']);
  });
});

describe('CsvConversationReader: chunk boundaries', () => {
  const tricky =
    '\uFEFFconversation_id,timestamp,role,text,extra\r\n' +
    'c1,2024-06-18 10:00:00,agent,"a, ""quoted""\r\nmulti\nline",x\r\n' +
    'c1,2024-06-18 10:00:01,manager,oops,\r\n' +
    'c2,1718676131331,客户,"",\r\n' +
    '\r\n' +
    'c2,2024-06-18T10:00:02+08:00,agent,"  spaced"  ,y\r\n' +
    'c1,2024-06-18 10:00:03,agent,back,\r\n' +
    ',,,,\r\n' +
    'c3,2024-02-30 10:00:00,agent,bad date,\r\n' +
    'c3,2024-06-18 10:00:04,agent,"bad "quote",\r\n' +
    'c3,2024-06-18 10:00:05,agent,"unclosed,\r\nc3,x,agent,y,';

  it('one-character chunks give the same result as one chunk', () => {
    const whole = read(tricky);
    expect(whole.problems.length).toBeGreaterThan(3);
    expect(readChunks([...tricky])).toEqual(whole);
  });

  it('random chunkings give the same conversations and problems (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: tricky.length }), { maxLength: 30 }), (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const chunks: string[] = [];
        let prev = 0;
        for (const p of points) {
          chunks.push(tricky.slice(prev, p));
          prev = p;
        }
        chunks.push(tricky.slice(prev));
        expect(readChunks(chunks)).toEqual(read(tricky));
      }),
      { numRuns: 300 },
    );
  });

  it('random CSV files (valid and malformed) are read the same in random chunks (property)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '中', ',', '"', ' ', '\n', '\r\n', '\r'), maxLength: 6 });
    const field = fc.tuple(cell, fc.constantFrom('quoted', 'raw', 'raw')).map(([v, how]) => (how === 'quoted' ? `"${v.replace(/"/g, '""')}"` : v));
    const row = fc.tuple(
      fc.constantFrom('c1', 'c2', 'c3', '', ' c1 '),
      fc.constantFrom('2024-06-18 10:00:00', '1718676131331', 'bad', '', '2024-06-18T02:00:00Z'),
      fc.constantFrom('agent', '客户', 'manager', '', 'Agent'),
      field,
      fc.constantFrom('', 'meta', '"m,e"'),
    );
    const file = fc.tuple(fc.constantFrom('\n', '\r\n'), fc.boolean(), fc.array(row, { maxLength: 12 }), fc.boolean()).map(([nl, bom, rows, trailing]) => {
      const lines = ['conversation_id,timestamp,role,text,extra', ...rows.map((r) => r.join(','))];
      return (bom ? '\uFEFF' : '') + lines.join(nl) + (trailing ? nl : '');
    });
    fc.assert(
      fc.property(file, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 }), (text, fractions) => {
        const points = [...new Set(fractions.map((f) => Math.floor(f * text.length)))].sort((a, b) => a - b);
        const chunks: string[] = [];
        let prev = 0;
        for (const p of points) {
          chunks.push(text.slice(prev, p));
          prev = p;
        }
        chunks.push(text.slice(prev));
        expect(readChunks(chunks)).toEqual(read(text));
      }),
      { numRuns: 500 },
    );
  });

  it('line numbers agree with a line-by-line count for rows without quotes', () => {
    const rows = ['conversation_id,role,text'];
    for (let i = 0; i < 500; i++) rows.push(i % 97 === 0 ? `c${Math.floor(i / 5)},who,x` : `c${Math.floor(i / 5)},agent,m${i}`);
    const text = rows.join('\n');
    const expected = rows.flatMap((r, i) => (r.includes(',who,') ? [i + 1] : []));
    const chunks = text.match(/[^]{1,37}/g) ?? [];
    expect(readChunks(chunks).problems.map((p) => p.line)).toEqual(expected);
  });
});

describe('CsvConversationReader: problems API', () => {
  it('problems accumulate until taken', () => {
    const r = new CsvConversationReader();
    r.push('conversation_id,role,text\nc1,x,a\n');
    r.push('c1,y,b\n');
    expect(r.problems.map((p) => p.line)).toEqual([2, 3]);
    expect(r.takeProblems()).toHaveLength(2);
    expect(r.problems).toEqual([]);
    r.push('c1,z,c\n');
    r.end();
    expect(r.takeProblems().map((p) => p.line)).toEqual([4]);
  });
});

describe('CsvConversationReader: pathological input stays linear', () => {
  it('an early unclosed quote in a large file pushed in small chunks', () => {
    const rows = ['conversation_id,role,text', 'c0,agent,"never closed'];
    for (let i = 0; i < 40_000; i++) rows.push(`c${i},agent,message number ${i}`);
    const text = rows.join('\n');
    const t0 = performance.now();
    const r = new CsvConversationReader();
    for (let i = 0; i < text.length; i += 500) r.push(text.slice(i, i + 500));
    r.end();
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(r.problems.map((p) => [p.code, p.line, p.params.endLine])).toEqual([['csv.unclosed-quote', 2, 40_002]]);
  });
});

describe('CsvConversationReader: large input', () => {
  it('multi-line quoted fields across internal piece boundaries: same result for any chunk size, lines right', () => {
    const rows = ['conversation_id,timestamp,role,text'];
    let line = 2;
    let badLine = 0;
    for (let i = 0; i < 3000; i++) {
      const id = `c${Math.floor(i / 12)}`;
      if (i === 2900) {
        rows.push(`${id},2024-06-18 10:00:00,nobody,x`);
        badLine = line;
        line += 1;
      } else if (i % 3 === 0) {
        rows.push(`${id},2024-06-18 10:00:00,agent,"第一行, ""引号""\n第二行\r\n第三行 ${i}"`);
        line += 3;
      } else {
        rows.push(`${id},${1718676000000 + i},客户,普通消息 ${i}`);
        line += 1;
      }
    }
    const text = rows.join('\n') + '\n';
    expect(text.length).toBeGreaterThan(60_000);
    const whole = read(text);
    expect(whole.conversations).toHaveLength(250);
    expect(whole.conversations.reduce((n, c) => n + c.messages.length, 0)).toBe(2999);
    expect(whole.problems.map((p) => [p.code, p.line])).toEqual([['csv.unknown-role', badLine]]);
    for (const size of [1, 7, 1000, 16_383, 16_385, 50_000]) {
      const chunks: string[] = [];
      for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
      expect(readChunks(chunks), `chunk size ${size}`).toEqual(whole);
    }
  });
});
