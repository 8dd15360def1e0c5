import { describe, expect, it } from 'vitest';
import { conversationSchema, CONVERSATION_SCHEMA_ID, ROLE_ALIASES } from '../model/conversation-schema.js';
import { getConversationValidator } from './index.js';

type Node = Record<string, unknown>;

/** Every property schema (recursively, including $defs) has an English description. */
function undocumented(node: Node, path: string, out: string[]): string[] {
  const props = node.properties as Record<string, Node> | undefined;
  for (const [k, v] of Object.entries(props ?? {})) {
    if (typeof v.description !== 'string' || v.description === '') out.push(`${path}/properties/${k}`);
    if (typeof v['x-description-zh'] !== 'string') out.push(`${path}/properties/${k} (zh)`);
    undocumented(v, `${path}/properties/${k}`, out);
  }
  return out;
}

describe('conversationSchema', () => {
  it('is draft 2020-12 with the published $id', () => {
    expect(conversationSchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(conversationSchema.$id).toBe(CONVERSATION_SCHEMA_ID);
    expect(CONVERSATION_SCHEMA_ID).toBe('https://zhijian.dev/schema/conversation.json');
    expect(JSON.parse(JSON.stringify(conversationSchema))).toEqual(conversationSchema);
  });

  it('documents every property, in English and Chinese', () => {
    const root = conversationSchema as unknown as Node;
    const missing = undocumented(root, '', []);
    for (const [k, def] of Object.entries(root.$defs as Record<string, Node>)) {
      if (typeof def.description !== 'string') missing.push(`$defs/${k}`);
      undocumented(def, `/$defs/${k}`, missing);
    }
    expect(missing).toEqual([]);
  });

  it('validates what people write', () => {
    const validate = getConversationValidator();
    expect(getConversationValidator()).toBe(validate); // compiled once
    const ok = {
      id: 'c1',
      channel: 'call',
      startedAt: 1718676131331,
      timeZone: 'Asia/Shanghai',
      agent: '小王',
      messages: [
        { role: '客服', text: '您好', ts: '2024-06-18 10:00:00', endTs: '2024-06-18T02:00:03.5Z', kind: 'text', speaker: '小王', meta: { a: 'b' } },
        { role: 'customer', text: '', ts: '1718676131331', kind: 'end', extra: 1 },
      ],
      meta: { anything: [1, 2] },
      other: true,
    };
    expect(validate(ok)).toBe(true);
    for (const role of Object.keys(ROLE_ALIASES)) expect(validate({ id: 'x', messages: [{ role, text: '' }] }), role).toBe(true);
    expect(validate({ id: 'x', messages: [{ role: 'agent' }] })).toBe(false);
    expect(validate({ id: 'x', messages: [{ role: 'agent', text: '', ts: '2024/06/18' }] })).toBe(false);
    expect(validate({ id: 'x', messages: [{ role: 'agent', text: '', kind: 'video' }] })).toBe(false);
    expect(validate({ id: 'x', messages: [], channel: 'sms' })).toBe(false);
    expect(validate({ id: 7, messages: [] })).toBe(false);
  });
});
