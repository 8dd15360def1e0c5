/** Conversations seen and packs used: the reference data reviews point at. */
import { createHash } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import { canonicalJson, packHash, type Conversation, type PackRef } from '@zhijian/core';
import { StoreError } from './errors.js';

export interface ConversationRecord {
  id: string;
  sourceFile: string | null;
  agent: string | null;
  channel: string;
  messageCount: number;
  /** sha256 of the conversation's canonical JSON: a changed source gets a new hash. */
  contentHash: string;
  firstSeenAt: number;
  lastSeenAt: number;
}

export interface RecordConversationResult {
  /** 'changed': the id was seen before with other content (reviews of the old content are stale). */
  status: 'new' | 'unchanged' | 'changed';
  contentHash: string;
  previousHash?: string;
}

export function conversationHash(conversation: Conversation): string {
  return `sha256:${createHash('sha256').update(canonicalJson(conversation)).digest('hex')}`;
}

/** The agent of a conversation as the score names it: the declared one, else the first agent speaker. */
export function agentOf(conversation: Conversation): string | undefined {
  if (conversation.agent !== undefined) return conversation.agent;
  for (const m of conversation.messages) if (m.role === 'agent' && m.speaker) return m.speaker;
  return undefined;
}

interface ConversationRow {
  id: string;
  source_file: string | null;
  agent: string | null;
  channel: string;
  message_count: number;
  content_hash: string;
  first_seen_at: number;
  last_seen_at: number;
}

interface PackDefLike {
  id: string;
  version: string;
  rules?: Array<{ id?: unknown; category?: unknown; points?: unknown }>;
}

export class Catalog {
  private readonly getConversationStmt: Statement<[string], ConversationRow>;
  private readonly insertConversationStmt: Statement;
  private readonly updateConversationStmt: Statement;
  private readonly getPackStmt: Statement<[string], { hash: string; pack_id: string; version: string; json: string }>;
  private readonly insertPackStmt: Statement;
  private readonly packCache = new Map<string, unknown>();

  constructor(
    private readonly db: Database,
    private readonly now: () => number,
  ) {
    this.getConversationStmt = db.prepare('SELECT * FROM conversations WHERE id = ?');
    this.insertConversationStmt = db.prepare(
      `INSERT INTO conversations (id, source_file, agent, channel, message_count, content_hash, first_seen_at, last_seen_at)
       VALUES (@id, @sourceFile, @agent, @channel, @messageCount, @contentHash, @at, @at)`,
    );
    this.updateConversationStmt = db.prepare(
      `UPDATE conversations SET source_file = @sourceFile, agent = @agent, channel = @channel,
         message_count = @messageCount, content_hash = @contentHash, last_seen_at = @at WHERE id = @id`,
    );
    this.getPackStmt = db.prepare('SELECT hash, pack_id, version, json FROM packs WHERE hash = ?');
    this.insertPackStmt = db.prepare(
      'INSERT OR IGNORE INTO packs (hash, pack_id, version, json, recorded_at) VALUES (?, ?, ?, ?, ?)',
    );
  }

  recordConversation(conversation: Conversation, options: { sourceFile?: string } = {}): RecordConversationResult {
    const contentHash = conversationHash(conversation);
    const row = {
      id: conversation.id,
      sourceFile: options.sourceFile ?? null,
      agent: agentOf(conversation) ?? null,
      channel: conversation.channel,
      messageCount: conversation.messages.length,
      contentHash,
      at: this.now(),
    };
    return this.db.transaction((): RecordConversationResult => {
      const old = this.getConversationStmt.get(conversation.id);
      if (!old) {
        this.insertConversationStmt.run(row);
        return { status: 'new', contentHash };
      }
      if (row.sourceFile === null) row.sourceFile = old.source_file;
      this.updateConversationStmt.run(row);
      return old.content_hash === contentHash
        ? { status: 'unchanged', contentHash }
        : { status: 'changed', contentHash, previousHash: old.content_hash };
    }).immediate();
  }

  getConversation(id: string): ConversationRecord | undefined {
    const r = this.getConversationStmt.get(id);
    return r && conversationRecord(r);
  }

  /** Stores the pack source JSON once per content hash; returns the ref a compiled pack also has. */
  recordPack(pack: unknown): PackRef {
    const def = pack as PackDefLike;
    if (def === null || typeof def !== 'object' || typeof def.id !== 'string' || typeof def.version !== 'string') {
      throw new StoreError('recordPack: expected the pack JSON (an object with string id and version)');
    }
    const hash = packHash(pack);
    this.insertPackStmt.run(hash, def.id, def.version, canonicalJson(pack), this.now());
    return { id: def.id, version: def.version, hash };
  }

  /** The pack JSON exactly as recorded (compile it with core's compilePack). */
  loadPack(hash: string): unknown {
    const cached = this.packCache.get(hash);
    if (cached !== undefined) return structuredClone(cached);
    const row = this.getPackStmt.get(hash);
    if (!row) return undefined;
    const pack: unknown = JSON.parse(row.json);
    this.packCache.set(hash, pack);
    return structuredClone(pack);
  }

  packRef(hash: string): PackRef | undefined {
    const row = this.getPackStmt.get(hash);
    return row && { id: row.pack_id, version: row.version, hash: row.hash };
  }

  /** A rule's category and points in a recorded pack, or undefined when the pack has no such rule. */
  ruleInfo(packHash: string, ruleId: string): { category: string; points: number } | undefined {
    if (!this.packCache.has(packHash)) this.loadPack(packHash);
    const def = this.packCache.get(packHash) as PackDefLike | undefined;
    const rule = def?.rules?.find((r) => r.id === ruleId);
    if (typeof rule?.category !== 'string') return undefined;
    return { category: rule.category, points: typeof rule.points === 'number' ? rule.points : 0 };
  }
}

function conversationRecord(r: ConversationRow): ConversationRecord {
  return {
    id: r.id,
    sourceFile: r.source_file,
    agent: r.agent,
    channel: r.channel,
    messageCount: r.message_count,
    contentHash: r.content_hash,
    firstSeenAt: r.first_seen_at,
    lastSeenAt: r.last_seen_at,
  };
}
