// A loopback stand-in for the Bot Connector service (Teams' and Direct Line's reply endpoint),
// speaking its REST wire format and recording every call the bot makes.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  path: string;
  conversationId?: string;
  activityId?: string;
  body?: Record<string, unknown>;
}

export interface TeamMember {
  id: string;
  name: string;
  aadObjectId: string;
}

export class FakeConnector {
  readonly calls: RecordedCall[] = [];
  /** Members of each team, by team id: who `GET /v3/conversations/{team}/members/{id}` finds. */
  readonly teams = new Map<string, TeamMember[]>();
  /** Conversations (Teams threads) the bot created, in order. */
  readonly created: { id: string; activityId: string }[] = [];
  private server?: Server;
  private nextId = 1000;
  url = '';

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(
        ({ status, body }) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        },
        () => {
          res.writeHead(500);
          res.end();
        },
      );
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
    const path = (req.url ?? '').split('?')[0];
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    const method = req.method ?? 'GET';
    // /v3/conversations[/{conversationId}[/activities[/{activityId}] | /members/{memberId}]]
    const call: RecordedCall = { method, path, conversationId: parts[2], activityId: parts[4], body };
    this.calls.push(call);
    if (method === 'POST' && parts.length === 2) {
      const messageId = String(this.nextId++);
      // Teams names a channel thread after the channel and its first message.
      const channel = (body?.channelData as { channel?: { id?: string } })?.channel?.id ?? 'a:chat';
      const id = `${channel};messageid=${messageId}`;
      this.created.push({ id, activityId: messageId });
      return { status: 201, body: { id, activityId: messageId } };
    }
    if (parts[3] === 'members' && method === 'GET') {
      const member = this.teams.get(parts[2])?.find((m) => m.id === parts[4]);
      return member
        ? { status: 200, body: { ...member, objectId: member.aadObjectId } }
        : { status: 404, body: { error: { code: 'MemberNotFoundInConversation', message: 'not a member' } } };
    }
    if (parts[3] === 'activities') {
      return { status: 200, body: { id: method === 'PUT' ? parts[4] : String(this.nextId++) } };
    }
    return { status: 404, body: { error: { code: 'NotFound' } } };
  }

  /** Activities the bot sent into a conversation (replies, proactive messages, updates). */
  sentTo(conversationId: string): Record<string, unknown>[] {
    return this.calls
      .filter((c) => c.conversationId === conversationId && c.path.includes('/activities') && c.body)
      .map((c) => c.body as Record<string, unknown>);
  }

  textsTo(conversationId: string): string[] {
    return this.sentTo(conversationId)
      .filter((a) => a.type === 'message' && typeof a.text === 'string')
      .map((a) => a.text as string);
  }

  clear(): void {
    this.calls.length = 0;
  }
}
