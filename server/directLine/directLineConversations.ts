// The built-in Direct Line's memory: conversations, their activities and tokens.
// Bounded (oldest idle conversations and oldest activities are dropped) and isolated: a token
// opens exactly one conversation.
import { randomBytes } from 'node:crypto';
import { Activity } from 'botbuilder';

export interface DirectLineConversation {
  id: string;
  /** The server-chosen user id (dl_...); the page cannot choose it. */
  userId: string;
  /** Extra facts the server attaches to every activity the user sends (e.g. a staff session). */
  channelData?: Record<string, unknown>;
  started: boolean;
  activities: Activity[];
  /** Watermark of the first activity still kept (older ones were dropped to bound memory). */
  firstWatermark: number;
  nextWatermark: number;
  lastUsed: number;
  listeners: Set<() => void>;
}

export interface DirectLineLimits {
  maxConversations: number;
  maxActivitiesPerConversation: number;
  tokenLifetimeSeconds: number;
}

export const DEFAULT_DIRECT_LINE_LIMITS: DirectLineLimits = {
  maxConversations: 2000,
  maxActivitiesPerConversation: 500,
  tokenLifetimeSeconds: 1800,
};

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

export class DirectLineConversations {
  private readonly conversations = new Map<string, DirectLineConversation>();
  private readonly tokens = new Map<string, TokenRecord>();

  constructor(
    private readonly limits: DirectLineLimits = DEFAULT_DIRECT_LINE_LIMITS,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Opens a conversation for a server-chosen user and returns its first token. */
  open(options: { userId?: string; channelData?: Record<string, unknown> } = {}): {
    conversation: DirectLineConversation;
    token: string;
    expiresIn: number;
  } {
    this.evictIfFull();
    const conversation: DirectLineConversation = {
      id: randomId(18),
      userId: options.userId ?? `dl_${randomId(12)}`,
      channelData: options.channelData,
      started: false,
      activities: [],
      firstWatermark: 0,
      nextWatermark: 0,
      lastUsed: this.clock(),
      listeners: new Set(),
    };
    this.conversations.set(conversation.id, conversation);
    const token = this.issueToken(conversation.id);
    return { conversation, token, expiresIn: this.limits.tokenLifetimeSeconds };
  }

  /** Opens a conversation and answers as the page's token endpoints do. */
  openSession(
    options: { userId?: string; channelData?: Record<string, unknown> } = {},
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
    return token;
  }

  /** The conversation a token opens, if the token is valid and unexpired. */
  byToken(token: string | undefined): DirectLineConversation | undefined {
    if (!token) return undefined;
    const record = this.tokens.get(token);
    if (!record) return undefined;
    if (record.expiresAt <= this.clock()) {
      this.tokens.delete(token);
      return undefined;
    }
    const conversation = this.conversations.get(record.conversationId);
    if (conversation) conversation.lastUsed = this.clock();
    return conversation;
  }

  get(conversationId: string): DirectLineConversation | undefined {
    return this.conversations.get(conversationId);
  }

  /** Appends an activity, gives it an id, and wakes anyone streaming the conversation. */
  append(conversation: DirectLineConversation, activity: Activity): string {
    const watermark = conversation.nextWatermark++;
    activity.id = activity.id ?? `${conversation.id}|${String(watermark).padStart(7, '0')}`;
    conversation.activities.push(activity);
    const overflow = conversation.activities.length - this.limits.maxActivitiesPerConversation;
    if (overflow > 0) {
      conversation.activities.splice(0, overflow);
      conversation.firstWatermark += overflow;
    }
    conversation.lastUsed = this.clock();
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

  private evictIfFull(): void {
    if (this.conversations.size < this.limits.maxConversations) return;
    let oldest: DirectLineConversation | undefined;
    for (const conversation of this.conversations.values()) {
      if (!oldest || conversation.lastUsed < oldest.lastUsed) oldest = conversation;
    }
    if (!oldest) return;
    this.conversations.delete(oldest.id);
    for (const [token, record] of this.tokens) {
      if (record.conversationId === oldest.id) this.tokens.delete(token);
    }
  }
}
