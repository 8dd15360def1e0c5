/**
 * event-announced: an event (a transfer row, or a system message saying 已转接) must be announced
 * by the announcing role (agent) in one of its last N messages before the event
 * (business.transfer-notice). Announcement words are matched literally, without negation (不用转接
 * still announces). No finding when the role has no message before the event: nobody could have
 * announced it. The finding is the event row itself.
 */
import type { MatchSpec, PhraseItem } from '../pack/pack-types.js';
import { MESSAGE_KINDS, type MessageKind, type Role } from '../model/conversation.js';
import type { MessageView } from '../engine/message-view.js';
import { defineRuleType, type MatchQuery } from './define.js';
import { inlineMatchProperties, matchSpecRef, roleOption } from './common-options.js';

export interface EventAnnouncedOptions {
  role: Role;
  phrases: PhraseItem[];
  last: number;
  eventKinds: MessageKind[];
  eventRole: Role;
  eventText?: MatchSpec;
}

export default defineRuleType<EventAnnouncedOptions, 'unannounced'>({
  meta: {
    id: 'event-announced',
    description: {
      zh: '事件（如转接）发生前，客服最近 N 条消息中须有告知（如“为您转接”）。',
      en: 'An event (such as a transfer) must be announced in one of the last N messages of the agent before it.',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        role: roleOption('agent', 'Who must announce the event. 告知方。'),
        phrases: {
          ...inlineMatchProperties.phrases,
          description: 'Announcement phrases, matched literally (no negation). 告知用语（按字面匹配，不判断否定）。',
        },
        last: {
          type: 'integer',
          minimum: 1,
          default: 2,
          description: "How many of the announcing role's messages right before the event are searched. 事件前检查告知方的最近几条消息。",
        },
        eventKinds: {
          type: 'array',
          items: { enum: [...MESSAGE_KINDS] },
          uniqueItems: true,
          default: ['transfer'],
          description: 'Rows of these kinds are the event, whatever their role. 这些类型的行即事件（不论角色）。',
        },
        eventRole: roleOption('system', 'Whose messages can state the event in words (see eventText). 以文字说明事件的角色。'),
        eventText: matchSpecRef(
          'A message of eventRole matching this is the event too (已转接, 转接至; a text that only mentions 转接 is none). 匹配此条件的该角色消息也是事件。',
        ),
      },
      required: ['phrases'],
      additionalProperties: false,
    },
    phraseUses: (o: EventAnnouncedOptions) => [{ pointer: '/phrases', role: o.role ?? 'agent', polarity: 'required' as const, items: o.phrases }],
    messages: {
      unannounced: {
        zh: '事件前客服未告知：「{evidence}」',
        en: 'The agent did not announce the event: "{evidence}"',
      },
    },
  },
  create(o, tools) {
    const announcement = tools.phrases(o.phrases, `${tools.pointer}/phrases`);
    const kinds = new Set<string>(o.eventKinds);
    const eventText: MatchQuery | undefined = o.eventText ? tools.match(o.eventText, `${tools.pointer}/eventText`) : undefined;
    const isEvent = (m: MessageView): boolean =>
      kinds.has(m.kind) || (eventText !== undefined && m.isUtteranceOf(o.eventRole) && eventText.test(m));

    return (ctx) => {
      const announcers = ctx.utterances(o.role);
      for (const m of ctx.messages) {
        if (!isEvent(m)) continue;
        const before = announcers.filter((a) => a.index < m.index);
        if (before.length === 0) continue;
        if (before.slice(-o.last).some((a) => announcement.test(a))) continue;
        ctx.report({ messageIndex: m.index, originalRange: { start: 0, end: m.original.length }, messageId: 'unannounced' });
      }
    };
  },
});
