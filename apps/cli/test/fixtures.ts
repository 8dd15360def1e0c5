/** Small fixtures: a pack of four rules and the same chats as CSV, JSONL and JSON. */

export const PACK = {
  id: 'test.zh',
  version: '0.0.1',
  categories: [
    { id: 'etiquette', name: '服务礼仪', cap: 30 },
    { id: 'crisis', name: '危机预警', cap: 50 },
    { id: 'redline', name: '高压线', veto: true },
  ],
  rules: [
    { id: 'etiquette.forbidden-phrase', type: 'phrase', category: 'etiquette', points: 5, maxFindings: 3, options: { phrases: ['难道不是', '你烦不烦'] } },
    {
      id: 'crisis.complaint-unsoothed',
      type: 'trigger-response',
      category: 'crisis',
      points: 10,
      options: { trigger: { phrases: ['投诉', '差评'], notNegated: true }, response: { phrases: ['抱歉', '对不起'] }, groupConsecutive: true },
    },
    { id: 'redline.off-platform', type: 'phrase', category: 'redline', points: 0, options: { phrases: ['加我微信'], notNegated: true } },
  ],
};

/**
 * c-001: clean (100). c-002: forbidden phrase at #1 (-5) and an unsoothed complaint at #0 (-10): 85.
 * c-003: off-platform at #1: vetoed, 0. Line 9 has an unknown role (the row is skipped, c-004 still scored).
 */
export const CSV = [
  'conversation_id,timestamp,role,speaker,text',
  'c-001,2024-06-18 10:00:00,customer,买家A,你好，我的快递到哪了？',
  'c-001,2024-06-18 10:00:30,agent,小王,您好，已经在路上了',
  'c-002,2024-06-18 11:00:00,customer,买家B,东西坏了，我要投诉！',
  'c-002,2024-06-18 11:01:00,agent,小李,"难道不是您自己弄坏的, 亲？"',
  'c-003,2024-06-18 12:00:00,顾客,买家C,能便宜点吗',
  'c-003,2024-06-18 12:00:20,客服,小张,加我微信私聊',
  'c-004,2024-06-18 13:00:00,customer,买家D,在吗',
  'c-004,2024-06-18 13:00:10,火星人,小赵,这一行的角色无法识别',
  'c-004,2024-06-18 13:00:20,agent,小赵,在的，您说',
].join('\n') + '\n';

const conversation = (id: string, messages: Array<[string, string, string]>) => ({
  id,
  channel: 'chat',
  messages: messages.map(([role, text, ts]) => ({ role, text, ts })),
});

export const CONVERSATIONS = [
  conversation('j-001', [
    ['customer', '你好，我的快递到哪了？', '2024-06-18T10:00:00+08:00'],
    ['agent', '您好，已经在路上了', '2024-06-18T10:00:30+08:00'],
  ]),
  conversation('j-002', [
    ['customer', '东西坏了，我要投诉！', '2024-06-18T11:00:00+08:00'],
    ['agent', '难道不是您自己弄坏的？', '2024-06-18T11:01:00+08:00'],
  ]),
];

export const JSONL = CONVERSATIONS.map((c) => JSON.stringify(c)).join('\n') + '\n';
export const JSON_DOC = JSON.stringify(CONVERSATIONS, null, 2);
