// A Direct Line 3.0 client over plain HTTP, as Web Chat and DirectLineJS use the protocol.
import type { Activity } from 'botbuilder';

export interface DirectLineSession {
  token: string;
  conversationId: string;
  userId: string;
}

export class DirectLineTestClient {
  private watermark: string | undefined;
  readonly received: Activity[] = [];

  constructor(
    readonly baseUrl: string,
    readonly session: DirectLineSession,
  ) {}

  /** Gets a token from the page's endpoint and starts the conversation (the welcome follows). */
  static async start(
    baseUrl: string,
    tokenPath = '/api/directline/token',
    body: unknown = {},
  ): Promise<DirectLineTestClient> {
    const tokenResponse = await fetch(`${baseUrl}${tokenPath}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!tokenResponse.ok) throw new Error(`token endpoint answered ${tokenResponse.status}`);
    const session = (await tokenResponse.json()) as DirectLineSession;
    const started = await fetch(`${baseUrl}/v3/directline/conversations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.token}` },
    });
    if (started.status !== 201) throw new Error(`start conversation answered ${started.status}`);
    return new DirectLineTestClient(baseUrl, session);
  }

  async send(text: string, extra: Partial<Activity> = {}): Promise<Response> {
    return fetch(`${this.baseUrl}/v3/directline/conversations/${this.session.conversationId}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.session.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text, from: { id: 'ignored-by-server' }, ...extra }),
    });
  }

  /** New activities from the bot since the last poll. */
  async poll(): Promise<Activity[]> {
    const query = this.watermark === undefined ? '' : `?watermark=${this.watermark}`;
    const response = await fetch(
      `${this.baseUrl}/v3/directline/conversations/${this.session.conversationId}/activities${query}`,
      { headers: { authorization: `Bearer ${this.session.token}` } },
    );
    if (!response.ok) throw new Error(`get activities answered ${response.status}`);
    const body = (await response.json()) as { activities: Activity[]; watermark: string };
    this.watermark = body.watermark;
    const fromBot = body.activities.filter((activity) => activity.from?.id !== this.session.userId);
    this.received.push(...fromBot);
    return fromBot;
  }

  /** Polls until the bot has sent something matching, or fails after `timeoutMs`. */
  async waitFor(predicate: (activity: Activity) => boolean, timeoutMs = 5000): Promise<Activity> {
    const deadline = Date.now() + timeoutMs;
    const already = this.received.find(predicate);
    if (already) return already;
    while (Date.now() < deadline) {
      const found = (await this.poll()).find(predicate);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(
      `no matching activity within ${timeoutMs} ms; got: ${this.received.map((a) => a.text).join(' | ')}`,
    );
  }

  /** Sends a message and returns the bot's replies to it. */
  async ask(text: string): Promise<Activity[]> {
    await this.poll();
    const response = await this.send(text);
    if (!response.ok) throw new Error(`send answered ${response.status}`);
    // The built-in Direct Line answers after the bot's turn, so its replies are already there.
    return this.poll();
  }
}
