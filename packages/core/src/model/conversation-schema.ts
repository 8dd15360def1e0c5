/**
 * JSON Schema (draft 2020-12) of the canonical conversation model as people WRITE it in JSON / JSONL
 * (the importers convert timestamps to epoch ms and role aliases to English roles afterwards).
 * Published by the core package and by `zhijian schema conversation`.
 */
import { TIMESTAMP_PATTERN } from '../time/zone.js';
import { CHANNELS, MESSAGE_KINDS, ROLES, type Role } from './conversation.js';

export const CONVERSATION_SCHEMA_ID = 'https://zhijian.dev/schema/conversation.json';

/** Chinese role names accepted wherever a role is written (CSV `role` column, JSON `role`). */
export const ROLE_ALIASES: Readonly<Record<string, Role>> = {
  客服: 'agent',
  客户: 'customer',
  买家: 'customer',
  顾客: 'customer',
  系统: 'system',
  机器人: 'bot',
};

export const conversationSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: CONVERSATION_SCHEMA_ID,
  title: 'Conversation',
  description:
    'One customer-service conversation (a chat or a call) to be inspected. Properties not listed here are kept as conversation metadata.',
  'x-description-zh': '一通待质检的客服会话（在线聊天或通话）。未列出的属性会作为会话元数据保留。',
  type: 'object',
  required: ['id', 'messages'],
  properties: {
    id: {
      type: 'string',
      minLength: 1,
      description: 'Conversation id, unique within a file; results refer to it as conversationId.',
      'x-description-zh': '会话 ID，在同一文件内唯一；质检结果以 conversationId 引用它。',
      examples: ['c-001'],
    },
    channel: {
      $ref: '#/$defs/channel',
      description: 'Whether this is a text chat or a phone call. Defaults to chat.',
      'x-description-zh': '渠道：在线聊天（chat）或通话（call），默认 chat。',
    },
    startedAt: {
      $ref: '#/$defs/timestamp',
      description: 'When the chat or call started, if the source records it.',
      'x-description-zh': '会话开始时间（来源有记录时填写）。',
    },
    timeZone: {
      type: 'string',
      minLength: 1,
      description:
        'IANA time zone of the conversation (e.g. Asia/Shanghai). Local timestamps without an offset are read in it; it overrides the importer default and is used for working hours.',
      'x-description-zh': '会话所在的 IANA 时区（如 Asia/Shanghai）。不带时区偏移的本地时间按它解读；优先于导入时的默认时区，也用于判断工作时间。',
      examples: ['Asia/Shanghai'],
    },
    agent: {
      type: 'string',
      description: 'The agent responsible for the conversation, when the source names one (otherwise derived from speakers).',
      'x-description-zh': '负责该会话的客服（来源有记录时填写，否则由发言人推断）。',
    },
    messages: {
      type: 'array',
      description:
        'Messages and events in the order they happened. A finding\u2019s messageIndex is the 0-based position in this array.',
      'x-description-zh': '按发生顺序排列的消息与事件。质检结果中的 messageIndex 即本数组中从 0 开始的位置。',
      items: { $ref: '#/$defs/message' },
    },
    meta: {
      type: 'object',
      description: 'Free-form metadata about the conversation (shop, order number, queue …), kept as data.',
      'x-description-zh': '会话的自由元数据（店铺、订单号、队列等），原样保留。',
    },
  },
  $defs: {
    message: {
      type: 'object',
      description: 'One message or event. Properties not listed here are kept in the message meta (as strings).',
      'x-description-zh': '一条消息或事件。未列出的属性会以字符串形式保留在消息的 meta 中。',
      required: ['role', 'text'],
      properties: {
        role: {
          $ref: '#/$defs/role',
          description: 'Who wrote or triggered the message.',
          'x-description-zh': '消息的发送方或事件的触发方。',
        },
        text: {
          type: 'string',
          description: 'The message text; may be empty (for example for events, images and emoji).',
          'x-description-zh': '消息文本，可以为空（如事件、图片、表情）。',
        },
        ts: {
          $ref: '#/$defs/timestamp',
          description: 'When the message was sent (for call utterances: when it started).',
          'x-description-zh': '消息发送时间（通话语句为开始时间）。',
        },
        endTs: {
          $ref: '#/$defs/timestamp',
          description: 'For call utterances: when the utterance ended.',
          'x-description-zh': '通话语句的结束时间。',
        },
        kind: {
          $ref: '#/$defs/kind',
          description: 'What the message is; defaults to text.',
          'x-description-zh': '消息类型，默认 text。',
        },
        speaker: {
          type: 'string',
          description: 'Display name or id of the person who spoke.',
          'x-description-zh': '发言人的显示名或 ID。',
        },
        meta: {
          type: 'object',
          description: 'Free-form string metadata about the message, kept as data.',
          'x-description-zh': '消息的自由元数据（字符串值），原样保留。',
          additionalProperties: {
            type: 'string',
            description: 'A metadata value.',
            'x-description-zh': '元数据的值。',
          },
        },
      },
    },
    role: {
      type: 'string',
      enum: [...ROLES, ...Object.keys(ROLE_ALIASES)],
      description:
        'agent (human customer-service agent), customer, system or bot; the Chinese names 客服 (agent), 客户/买家/顾客 (customer), 系统 (system) and 机器人 (bot) are accepted too.',
      'x-description-zh': 'agent（人工客服）、customer（客户）、system（系统）或 bot（机器人）；也可写中文：客服、客户/买家/顾客、系统、机器人。',
    },
    kind: {
      type: 'string',
      enum: [...MESSAGE_KINDS],
      description:
        'text, image, emoji, order-card; or an event: transfer, status (an away note), ring (a call starts ringing), end (the call or chat ends; the role says who hung up).',
      'x-description-zh': 'text（文本）、image（图片）、emoji（表情）、order-card（订单卡片）；或事件：transfer（转接）、status（离开状态说明）、ring（来电振铃）、end（通话或会话结束，role 表示挂断方）。',
    },
    channel: {
      type: 'string',
      enum: [...CHANNELS],
      default: 'chat',
      description: 'chat (text chat) or call (phone call).',
      'x-description-zh': 'chat（在线聊天）或 call（通话）。',
    },
    timestamp: {
      type: ['string', 'number'],
      // shape only; ranges (month 1–12, 2024-02-30 …) are checked by the importer, which reports them with a pointer
      pattern: TIMESTAMP_PATTERN,
      description:
        'A point in time: ISO 8601 with Z or an offset and optional fractional seconds (2024-06-18T10:02:11+08:00, 2024-06-18T02:02:11.331Z), "YYYY-MM-DD HH:mm:ss" read in the conversation\u2019s time zone, or Unix epoch milliseconds (a number or a digit string).',
      'x-description-zh': '时间点：带 Z 或时区偏移的 ISO 8601（可带小数秒，如 2024-06-18T10:02:11+08:00、2024-06-18T02:02:11.331Z），按会话时区解读的 "YYYY-MM-DD HH:mm:ss"，或 Unix 毫秒时间戳（数字或数字字符串）。',
      examples: ['2024-06-18T10:02:11+08:00', '2024-06-18 10:02:11', 1718676131331],
    },
  },
} as const;

export type ConversationSchema = typeof conversationSchema;
