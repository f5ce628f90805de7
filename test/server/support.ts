// Small HTTP helpers for the server tests: raw requests with any Host header (fetch forbids
// setting it), Direct Line sessions, and a loopback Bot Connector that records replies.
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

export interface TokenSession {
  token: string;
  conversationId: string;
  userId: string;
}

export async function newSession(baseUrl: string): Promise<TokenSession> {
  const response = await fetch(`${baseUrl}/api/directline/token`, { method: 'POST' });
  if (!response.ok) throw new Error(`token endpoint answered ${response.status}`);
  return (await response.json()) as TokenSession;
}

export async function startConversation(
  baseUrl: string,
  session: TokenSession,
): Promise<{ streamUrl: string; status: number }> {
  const response = await fetch(`${baseUrl}/v3/directline/conversations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${session.token}` },
  });
  const body = (await response.json()) as { streamUrl: string };
  return { streamUrl: body.streamUrl, status: response.status };
}

/** A loopback Bot Connector: answers 200 to every reply and keeps what it was sent. */
export async function startConnector(): Promise<{
  serviceUrl: string;
  replies: Record<string, unknown>[];
  close(): Promise<void>;
}> {
  const replies: Record<string, unknown>[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      try {
        replies.push(JSON.parse(body) as Record<string, unknown>);
      } catch {
        replies.push({ unreadable: body });
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `reply-${replies.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    serviceUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    replies,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** `[[[...]]]` nested `depth` times. */
export function nestedArrays(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}
