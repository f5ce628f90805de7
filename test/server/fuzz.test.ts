// Property-based fuzzing (fast-check) of the HTTP and WebSocket surface: whatever arrives, the
// server answers below 500 and stays up. Bounded: a few hundred cases with a fixed seed.
import { expect } from 'chai';
import fc from 'fast-check';
import { WebSocket } from 'ws';
import { startTestBot, TestBot } from '../support/testBot';
import { newSession, rawRequest, startConnector, startConversation, TokenSession } from './support';

const SEED = 20261201;

/** Field values a channel might send, right or wrong. */
const fieldValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.constant(null),
  fc.boolean(),
  fc.jsonValue({ maxDepth: 3 }),
  fc.record({ id: fc.string({ maxLength: 20 }) }),
);

describe('Fuzzing the HTTP and WebSocket surface (fast-check)', function () {
  this.timeout(120000);
  let bot: TestBot;
  let connector: Awaited<ReturnType<typeof startConnector>>;
  let session: TokenSession;

  before(async () => {
    bot = await startTestBot({
      tokenRateLimits: {
        perClient: { burst: 1000, perSecond: 100 },
        overall: { burst: 1000, perSecond: 100 },
      },
    });
    connector = await startConnector();
    session = await newSession(bot.url);
    await startConversation(bot.url, session);
  });
  after(async () => {
    await bot.stop();
    await connector.close();
  });

  afterEach(async () => {
    expect((await fetch(`${bot.url}/healthz`)).status, 'the server is still up').to.equal(200);
  });

  it('POST /api/messages: any body gets a status below 500', async () => {
    const activity = fc.record(
      {
        type: fc.oneof(
          fc.constantFrom('message', 'event', 'typing', 'conversationUpdate', 'invoke', ''),
          fieldValue,
        ),
        text: fieldValue,
        value: fieldValue,
        channelId: fc.oneof(fc.constantFrom('webchat', 'directline', 'msteams', 'sms'), fieldValue),
        serviceUrl: fc.oneof(fc.constant(connector.serviceUrl), fieldValue),
        conversation: fieldValue,
        from: fieldValue,
        recipient: fieldValue,
        id: fieldValue,
        membersAdded: fc.oneof(fc.constant([{ id: 'u' }]), fieldValue),
        attachments: fieldValue,
        channelData: fieldValue,
      },
      { requiredKeys: [] },
    );
    const body = fc.oneof(
      activity.map((value) => JSON.stringify(value)),
      fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
      fc.string({ maxLength: 200 }),
    );
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        const response = await fetch(`${bot.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: text,
        });
        await response.arrayBuffer();
        return response.status < 500;
      }),
      { numRuns: 250, seed: SEED },
    );
  });

  it('the Direct Line routes: any body, watermark, token or path gets a status below 500', async () => {
    const userActivity = fc.record(
      {
        type: fc.oneof(
          fc.constantFrom('message', 'event', 'typing', 'invoke', 'conversationUpdate', ''),
          fieldValue,
        ),
        text: fieldValue,
        value: fieldValue,
        name: fieldValue,
        locale: fieldValue,
        attachments: fieldValue,
        channelData: fieldValue,
        from: fieldValue,
      },
      { requiredKeys: [] },
    );
    const requestArb = fc.oneof(
      userActivity.map((body) => ({ method: 'POST', path: 'activities', body: JSON.stringify(body) })),
      fc.string({ maxLength: 30 }).map((watermark) => ({
        method: 'GET',
        path: `activities?watermark=${encodeURIComponent(watermark)}`,
        body: undefined,
      })),
      fc.webPath().map((path) => ({ method: 'GET', path: `x/${path}`, body: undefined })),
      fc
        .constantFrom('POST', 'PUT', 'GET', 'DELETE')
        .map((method) => ({ method, path: '', body: undefined })),
    );
    const tokenArb = fc.oneof(fc.constant(session.token), fc.string({ maxLength: 50 }), fc.constant(''));
    await fc.assert(
      fc.asyncProperty(requestArb, tokenArb, async ({ method, path, body }, token) => {
        const url = `${bot.url}/v3/directline/conversations/${session.conversationId}/${path}`;
        const headers: Record<string, string> = { authorization: `Bearer ${token}` };
        if (body !== undefined) headers['content-type'] = 'application/json';
        const response = await rawRequest(url, { method, headers, body });
        return response.status < 500;
      }),
      { numRuns: 200, seed: SEED },
    );
  });

  it('the WebSocket stream: any path, query or frame leaves the server up', async () => {
    const base = bot.url.replace('http', 'ws');
    const pathArb = fc.oneof(
      fc.constant(`/v3/directline/conversations/${session.conversationId}/stream?t=${session.token}`),
      fc
        .string({ maxLength: 30 })
        .map((junk) => `/v3/directline/conversations/${encodeURIComponent(junk)}/stream?t=${session.token}`),
      fc
        .webPath()
        .map((path) => `/v3/directline/conversations/${path}%/stream?t=${encodeURIComponent(path)}`),
      fc
        .string({ maxLength: 20 })
        .map(
          (watermark) =>
            `/v3/directline/conversations/${session.conversationId}/stream?t=${session.token}&watermark=${encodeURIComponent(watermark)}`,
        ),
    );
    const frames = fc.array(fc.oneof(fc.string({ maxLength: 100 }), fc.uint8Array({ maxLength: 5000 })), {
      maxLength: 3,
    });
    await fc.assert(
      fc.asyncProperty(pathArb, frames, async (path, toSend) => {
        const socket = new WebSocket(`${base}${path}`);
        const opened = await new Promise<boolean>((resolve) => {
          socket.once('open', () => resolve(true));
          socket.once('error', () => resolve(false));
        });
        if (opened) {
          socket.on('error', () => undefined);
          for (const frame of toSend) socket.send(frame);
          await new Promise((resolve) => setTimeout(resolve, 5));
          socket.terminate();
        }
        return true;
      }),
      { numRuns: 120, seed: SEED },
    );
  });
});
