import { describe, it } from 'vitest';
import { ruleTypeCases, type CaseMessage, type RuleCase } from '../testing/rule-tester.js';
import type { Role } from '../model/conversation.js';
import type { LastEventRoleOptions } from './last-event-role.js';
import type from './last-event-role.js';

// closing.hang-up-first
const o: Record<string, unknown> = { eventKinds: ['end'], roles: ['agent'] } satisfies LastEventRoleOptions;
const end = (role: Role, text = ''): CaseMessage => ({ role, kind: 'end', text });

const valid: RuleCase[] = [
  { name: 'the customer hung up', options: o, messages: ['a: 感谢您的来电，再见', 'c: 再见', end('customer')] },
  { name: 'no end event: who hung up is unknown', options: o, messages: ['a: 感谢您的来电，再见', 'c: 再见'] },
  { name: 'a system end (the line dropped)', options: o, messages: ['a: 您好', end('system', '通话中断')] },
  { name: 'the LAST end event decides: agent, then customer', options: o, messages: ['a: 再见', end('agent'), end('customer')] },
  { name: 'other event kinds do not count', options: o, messages: ['a: 为您转接', { role: 'agent', kind: 'transfer', text: '' }, end('customer')] },
];

const invalid: RuleCase[] = [
  {
    name: 'the agent hung up first: the finding is the end row (empty text, empty span)',
    options: o,
    messages: ['a: 感谢您的来电，再见', 'c: 哎等一下', end('agent')],
    findings: [{ messageIndex: 2, evidence: '', messageId: 'endedBy', message: '来自 agent' }],
  },
  {
    name: 'the LAST end event decides: customer, then agent',
    options: o,
    messages: ['a: 再见', end('customer'), end('agent', '坐席挂机')],
    findings: [{ messageIndex: 2, evidence: '坐席挂机' }],
  },
  {
    name: 'other roles and kinds by option (a bot closing a chat)',
    options: { eventKinds: ['end', 'status'], roles: ['bot', 'system'] },
    messages: ['a: 您好', { role: 'bot', kind: 'status', text: '会话超时关闭' }],
    findings: [{ messageIndex: 1, evidence: '会话超时关闭' }],
  },
];

describe('last-event-role', () => {
  for (const c of ruleTypeCases(type, { valid, invalid })) it(c.name, c.run);
});
