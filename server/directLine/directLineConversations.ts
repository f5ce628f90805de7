// The built-in Direct Line's memory: conversations, their activities and tokens.
// Bounded and isolated: a token opens exactly one conversation; history is capped per conversation
// in activities and bytes, and in bytes over all conversations (the oldest activities of the least
// recently used conversations go first); a conversation someone is using is never evicted to make
// room for a new one: the new one is refused instead (DirectLineFullError).
import { randomBytes } from 'node:crypto';
import { Activity } from 'botbuilder';

export interface DirectLineConversation {
  id: string;
  /** The server-chosen user id (dl_...); the page cannot choose it. */
  userId: string;
  /** Extra facts the server attaches to every activity the user sends (e.g. a staff session). */
  channelData?: Record<string, unknown>;
  /** The page's language, told with the token request: the welcome (conversationUpdate) carries it. */
  locale?: string;
  started: boolean;
  activities: Activity[];
  /** Approximate size in bytes of each kept activity, in the same order. */
  sizes: number[];
  /** Sum of `sizes`. */
  bytes: number;
  /** Watermark of the first activity still kept (older ones were dropped to bound memory). */
  firstWatermark: number;
  nextWatermark: number;
  lastUsed: number;
  createdAt: number;
  listeners: Set<() => void>;
}

export interface DirectLineLimits {
  maxConversations: number;
  maxActivitiesPerConversation: number;
  /** History kept per conversation, in bytes of JSON. */
  maxBytesPerConversation: number;
  /** History kept over all conversations, in bytes of JSON. */
  maxTotalBytes: number;
  tokenLifetimeSeconds: number;
  /** A conversation used within this time is live and never evicted for a new one. */
  liveMs: number;
  /** A conversation opened but never started may be reclaimed after this time. */
  unstartedMs: number;
}

export const DEFAULT_DIRECT_LINE_LIMITS: DirectLineLimits = {
  maxConversations: 2000,
  maxActivitiesPerConversation: 500,
  maxBytesPerConversation: 1024 * 1024,
  maxTotalBytes: 64 * 1024 * 1024,
  tokenLifetimeSeconds: 1800,
  liveMs: 30 * 60 * 1000,
  unstartedMs: 2 * 60 * 1000,
};

/** Every conversation is live: a new one cannot be opened now. */
export class DirectLineFullError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('The built-in Direct Line is at its conversation limit');
    this.name = 'DirectLineFullError';
  }
}

/** What a page needs to start Web Chat on the built-in Direct Line (the token endpoints' answer). */
export interface LocalDirectLineSession {
  token: string;
  conversationId: string;
  userId: string;
  expires_in: number;
  domain: string;
}

interface TokenRecord {
  conversationId: string;
  expiresAt: number;
}

function randomId(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

/** Bytes an activity takes in the history (its JSON), when the caller has no better figure. */
export function activityBytes(activity: Activity): number {
  return Buffer.byteLength(JSON.stringify(activity));
}

export class DirectLineConversations {
  /** In least-recently-used order: touching a conversation moves it to the end. */
  private readonly conversations = new Map<string, DirectLineConversation>();
  private readonly tokens = new Map<string, TokenRecord>();
  private readonly tokensByConversation = new Map<string, Set<string>>();
  private totalBytes = 0;
  readonly limits: DirectLineLimits;

  constructor(
    limits: Partial<DirectLineLimits> = {},
    private readonly clock: () => number = Date.now,
  ) {
    this.limits = { ...DEFAULT_DIRECT_LINE_LIMITS, ...limits };
  }

  /** Opens a conversation for a server-chosen user and returns its first token; throws DirectLineFullError when full. */
  open(options: { userId?: string; channelData?: Record<string, unknown>; locale?: string } = {}): {
    conversation: DirectLineConversation;
    token: string;
    expiresIn: number;
  } {
    this.makeRoom();
    const now = this.clock();
    const conversation: DirectLineConversation = {
      id: randomId(18),
      userId: options.userId ?? `dl_${randomId(12)}`,
      channelData: options.channelData,
      locale: options.locale,
      started: false,
      activities: [],
      sizes: [],
      bytes: 0,
      firstWatermark: 0,
      nextWatermark: 0,
      lastUsed: now,
      createdAt: now,
      listeners: new Set(),
    };
    this.conversations.set(conversation.id, conversation);
    const token = this.issueToken(conversation.id);
    return { conversation, token, expiresIn: this.limits.tokenLifetimeSeconds };
  }

  /** Opens a conversation and answers as the page's token endpoints do. */
  openSession(
    options: { userId?: string; channelData?: Record<string, unknown>; locale?: string } = {},
  ): LocalDirectLineSession {
    const { conversation, token, expiresIn } = this.open(options);
    return {
      token,
      conversationId: conversation.id,
      userId: conversation.userId,
      expires_in: expiresIn,
      domain: '/v3/directline',
    };
  }

  issueToken(conversationId: string): string {
    const token = randomId(32);
    this.tokens.set(token, {
      conversationId,
      expiresAt: this.clock() + this.limits.tokenLifetimeSeconds * 1000,
    });
    let owned = this.tokensByConversation.get(conversationId);
    if (!owned) this.tokensByConversation.set(conversationId, (owned = new Set()));
    owned.add(token);
    return token;
  }

  /** A new token for the same conversation; the old one stops working at once. */
  refreshToken(oldToken: string): string | undefined {
    const record = this.tokens.get(oldToken);
    if (!record) return undefined;
    this.revoke(oldToken);
    return this.issueToken(record.conversationId);
  }

  revoke(token: string): void {
    const record = this.tokens.get(token);
    if (!record) return;
    this.tokens.delete(token);
    this.tokensByConversation.get(record.conversationId)?.delete(token);
  }

  /** The conversation a token opens, if the token is valid and unexpired. */
  byToken(token: string | undefined): DirectLineConversation | undefined {
    if (!token) return undefined;
    const record = this.tokens.get(token);
    if (!record) return undefined;
    if (record.expiresAt <= this.clock()) {
      this.revoke(token);
      return undefined;
    }
    const conversation = this.conversations.get(record.conversationId);
    if (conversation) this.touch(conversation);
    return conversation;
  }

  get(conversationId: string): DirectLineConversation | undefined {
    return this.conversations.get(conversationId);
  }

  /**
   * Appends an activity, gives it an id, and wakes anyone streaming the conversation. `bytes` is
   * its size when the caller already knows it (the request body's length).
   */
  append(conversation: DirectLineConversation, activity: Activity, bytes?: number): string {
    const watermark = conversation.nextWatermark++;
    activity.id = activity.id ?? `${conversation.id}|${String(watermark).padStart(7, '0')}`;
    const size = bytes ?? activityBytes(activity);
    conversation.activities.push(activity);
    conversation.sizes.push(size);
    conversation.bytes += size;
    this.totalBytes += size;
    this.trim(conversation, this.limits.maxActivitiesPerConversation, this.limits.maxBytesPerConversation, 1);
    this.touch(conversation);
    if (this.totalBytes > this.limits.maxTotalBytes) this.trimOldest(conversation);
    conversation.listeners.forEach((listener) => listener());
    return activity.id;
  }

  /** Activities after a watermark, and the new watermark. */
  since(
    conversation: DirectLineConversation,
    watermark: number | undefined,
  ): { activities: Activity[]; watermark: string } {
    const from = Math.max((watermark ?? -1) + 1, conversation.firstWatermark);
    return {
      activities: conversation.activities.slice(from - conversation.firstWatermark),
      watermark: String(conversation.nextWatermark - 1),
    };
  }

  get size(): number {
    return this.conversations.size;
  }

  /** Bytes of history kept over all conversations. */
  get historyBytes(): number {
    return this.totalBytes;
  }

  /** Tokens currently valid or not yet swept (for tests and the memory figures). */
  get tokenCount(): number {
    return this.tokens.size;
  }

  private touch(conversation: DirectLineConversation): void {
    conversation.lastUsed = this.clock();
    this.conversations.delete(conversation.id);
    this.conversations.set(conversation.id, conversation);
  }

  /** Drops the oldest activities until the conversation is within both limits, keeping at least `keep`. */
  private trim(
    conversation: DirectLineConversation,
    maxActivities: number,
    maxBytes: number,
    keep: number,
  ): void {
    let drop = 0;
    let bytes = conversation.bytes;
    const keepAtLeast = Math.min(keep, conversation.activities.length);
    while (
      conversation.activities.length - drop > keepAtLeast &&
      (conversation.activities.length - drop > maxActivities || bytes > maxBytes)
    ) {
      bytes -= conversation.sizes[drop];
      drop++;
    }
    if (drop === 0) return;
    conversation.activities.splice(0, drop);
    conversation.sizes.splice(0, drop);
    this.totalBytes -= conversation.bytes - bytes;
    conversation.bytes = bytes;
    conversation.firstWatermark += drop;
  }

  /**
   * Over the total: empties the least recently used conversations' history until under it (their
   * clients have read it, or never will). The conversation just written to keeps its newest activity.
   */
  private trimOldest(current: DirectLineConversation): void {
    for (const conversation of this.conversations.values()) {
      if (this.totalBytes <= this.limits.maxTotalBytes) return;
      this.trim(conversation, 0, 0, conversation === current ? 1 : 0);
    }
  }

  private reclaimable(conversation: DirectLineConversation, now: number): boolean {
    if (now - conversation.lastUsed > this.limits.liveMs) return true;
    return !conversation.started && now - conversation.createdAt > this.limits.unstartedMs;
  }

  private makeRoom(): void {
    if (this.conversations.size < this.limits.maxConversations) return;
    const now = this.clock();
    for (const conversation of this.conversations.values()) {
      if (this.reclaimable(conversation, now)) {
        this.remove(conversation);
        return;
      }
    }
    throw new DirectLineFullError(Math.ceil(this.limits.unstartedMs / 1000));
  }

  private remove(conversation: DirectLineConversation): void {
    this.conversations.delete(conversation.id);
    this.totalBytes -= conversation.bytes;
    for (const token of this.tokensByConversation.get(conversation.id) ?? []) this.tokens.delete(token);
    this.tokensByConversation.delete(conversation.id);
  }
}
