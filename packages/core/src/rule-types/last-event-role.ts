/**
 * last-event-role: who ended it (closing.hang-up-first). The LAST row of the event kinds (`end`)
 * decides; the rule fires when its role is one of the listed roles (the agent hung up before the
 * customer). No such row, or one of another role (a system end), gives no finding. The finding is
 * that event row.
 */
import { MESSAGE_KINDS, ROLES, type MessageKind, type Role } from '../model/conversation.js';
import { defineRuleType } from './define.js';

export interface LastEventRoleOptions {
  eventKinds: MessageKind[];
  roles: Role[];
}

export default defineRuleType<LastEventRoleOptions, 'endedBy'>({
  meta: {
    id: 'last-event-role',
    description: {
      zh: '最后一个指定类型的事件（如挂断 end）来自指定角色（如客服先挂机）。',
      en: 'The last event of the given kinds (such as the `end` of a call) comes from one of the given roles (the agent hung up first).',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        eventKinds: {
          type: 'array',
          items: { enum: [...MESSAGE_KINDS] },
          minItems: 1,
          uniqueItems: true,
          default: ['end'],
          description: 'The last row of these kinds decides. 以这些类型的最后一行为准。',
        },
        roles: {
          type: 'array',
          items: { enum: [...ROLES] },
          minItems: 1,
          uniqueItems: true,
          default: ['agent'],
          description: 'Fires when that row has one of these roles. 该行角色为其中之一时触发。',
        },
      },
      additionalProperties: false,
    },
    messages: {
      endedBy: { zh: '最后的「{kind}」事件来自 {role}', en: 'The last "{kind}" event came from the {role}' },
    },
  },
  create(o) {
    const kinds = new Set<string>(o.eventKinds);
    const roles = new Set<Role>(o.roles);
    return (ctx) => {
      const last = ctx.messages.findLast((m) => kinds.has(m.kind));
      if (!last || !roles.has(last.role)) return;
      ctx.report({
        messageIndex: last.index,
        originalRange: { start: 0, end: last.original.length },
        messageId: 'endedBy',
        data: { kind: last.kind, role: last.role },
      });
    };
  },
});
