import { expect } from 'chai';
import { DirectLineTestClient } from '../support/directLineClient';
import { startTestBot, TestBot } from '../support/testBot';

describe('Server and built-in Direct Line (HTTP)', () => {
  let bot: TestBot;
  before(async () => {
    bot = await startTestBot();
  });
  after(async () => {
    await bot.stop();
  });

  it('answers /healthz and /readyz', async () => {
    const health = await fetch(`${bot.url}/healthz`);
    expect(health.status).to.equal(200);
    const ready = await fetch(`${bot.url}/readyz`);
    expect(ready.status).to.equal(200);
    expect(await ready.json()).to.deep.equal({ status: 'ready' });
  });

  it('starts a conversation, sends the welcome, and replies to a message', async () => {
    const client = await DirectLineTestClient.start(bot.url);
    expect(client.session.userId).to.match(/^dl_/);
    const welcome = await client.waitFor((activity) => /help bot/.test(activity.text ?? ''));
    expect(welcome.text).to.include('Riverbend Public Library');
    expect(welcome.suggestedActions?.actions.map((a) => a.title)).to.include('Talk to a person');

    const replies = await client.ask('hello there');
    expect(replies).to.have.length.greaterThan(0);
    expect(replies[0].text).to.include('Riverbend Public Library help bot');
    expect(replies[0].replyToId).to.be.a('string');
  });

  it('sets the user id on the server, whatever the page claims', async () => {
    const client = await DirectLineTestClient.start(bot.url);
    await client.send('hi', { from: { id: 'someone-else', name: 'Mallory' } });
    const response = await fetch(
      `${bot.url}/v3/directline/conversations/${client.session.conversationId}/activities`,
      { headers: { authorization: `Bearer ${client.session.token}` } },
    );
    const { activities } = (await response.json()) as {
      activities: { from: { id: string }; text?: string }[];
    };
    const mine = activities.find((activity) => activity.text === 'hi');
    expect(mine?.from.id).to.equal(client.session.userId);
  });

  it("never lets one conversation's token read or write another conversation", async () => {
    const alice = await DirectLineTestClient.start(bot.url);
    const bob = await DirectLineTestClient.start(bot.url);
    await alice.ask('hi');
    const readOther = await fetch(
      `${bot.url}/v3/directline/conversations/${alice.session.conversationId}/activities`,
      { headers: { authorization: `Bearer ${bob.session.token}` } },
    );
    expect(readOther.status).to.equal(403);
    const writeOther = await fetch(
      `${bot.url}/v3/directline/conversations/${alice.session.conversationId}/activities`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${bob.session.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', text: 'sneaky' }),
      },
    );
    expect(writeOther.status).to.equal(403);
    const noToken = await fetch(
      `${bot.url}/v3/directline/conversations/${alice.session.conversationId}/activities`,
    );
    expect(noToken.status).to.equal(403);
    const forged = await fetch(
      `${bot.url}/v3/directline/conversations/${alice.session.conversationId}/activities`,
      {
        headers: { authorization: 'Bearer not-a-real-token' },
      },
    );
    expect(forged.status).to.equal(403);
  });

  it('refuses malformed Direct Line activities with a clear 400', async () => {
    const client = await DirectLineTestClient.start(bot.url);
    const url = `${bot.url}/v3/directline/conversations/${client.session.conversationId}/activities`;
    const headers = { authorization: `Bearer ${client.session.token}`, 'content-type': 'application/json' };
    for (const body of ['[1,2]', '{"text":"no type"}', '{"type":"message","text":42}']) {
      const response = await fetch(url, { method: 'POST', headers, body });
      expect(response.status, body).to.equal(400);
    }
    const long = await fetch(url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ type: 'message', text: 'a'.repeat(6000) }),
    });
    expect(long.status).to.equal(400);
    expect(((await long.json()) as { error: { message: string } }).error.message).to.include(
      '5000 characters',
    );
  });

  describe('POST /api/messages with malformed bodies', () => {
    const cases: [string, string, number][] = [
      ['not JSON', '{not json', 400],
      ['an array', '[{"type":"message"}]', 400],
      ['a string', '"message"', 400],
      ['no type', '{"text":"hi"}', 400],
      ['a numeric text', '{"type":"message","text":12}', 400],
      ['a non-object conversation', '{"type":"message","text":"hi","conversation":"c"}', 400],
    ];
    for (const [name, body, status] of cases) {
      it(`answers ${status} with a generic body for ${name}`, async () => {
        const response = await fetch(`${bot.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        expect(response.status).to.equal(status);
        expect(await response.json()).to.deep.equal({ error: 'Bad request' });
      });
    }

    it('answers 413 for a body over the size limit', async () => {
      const response = await fetch(`${bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', text: 'x'.repeat(400 * 1024) }),
      });
      expect(response.status).to.equal(413);
    });

    it('still serves after all of that', async () => {
      expect((await fetch(`${bot.url}/healthz`)).status).to.equal(200);
    });
  });

  it('serves the chat page, the embed script and Web Chat from this server', async () => {
    const page = await fetch(`${bot.url}/`);
    const html = await page.text();
    expect(html).to.include('<h1>Riverbend Public Library</h1>');
    expect(html).to.include('src="/webchat/webchat.js"');
    expect(page.headers.get('content-security-policy')).to.include("script-src 'self'");
    const widget = await (await fetch(`${bot.url}/widget.js`)).text();
    expect(widget).to.include('"libraryName":"Riverbend Public Library"');
    const webChat = await fetch(`${bot.url}/webchat/webchat.js`);
    expect(webChat.status).to.equal(200);
    expect(
      Number(webChat.headers.get('content-length') ?? (await webChat.arrayBuffer()).byteLength),
    ).to.be.greaterThan(1_000_000);
  });
});

describe('Server with channel authentication', () => {
  let bot: TestBot;
  before(async () => {
    bot = await startTestBot({
      env: {
        MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
        MicrosoftAppPassword: 'x',
        PATRON_KEY_SECRET: 'a-test-patron-key-secret-32-chars-long',
        HOST: '127.0.0.1',
      },
    });
  });
  after(async () => {
    await bot.stop();
  });

  it('refuses an activity with no token with a generic 401', async () => {
    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        text: 'hi',
        channelId: 'webchat',
        serviceUrl: 'https://example.invalid/',
        conversation: { id: 'c1' },
        from: { id: 'u1' },
        recipient: { id: 'b1' },
      }),
    });
    expect(response.status).to.equal(401);
    expect(await response.json()).to.deep.equal({ error: 'Unauthorized' });
  });

  it('has no built-in Direct Line outside local mode', async () => {
    const response = await fetch(`${bot.url}/v3/directline/conversations`, { method: 'POST' });
    expect(response.status).to.equal(404);
  });
});

describe('Direct Line token exchange in production', () => {
  let fakeDirectLine: import('node:http').Server;
  let seen: { authorization?: string; body: string }[];
  let bot: TestBot;
  before(async () => {
    const { createServer } = await import('node:http');
    seen = [];
    fakeDirectLine = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        seen.push({ authorization: req.headers.authorization, body });
        if (req.url !== '/v3/directline/tokens/generate' || req.method !== 'POST') {
          res.writeHead(404).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ conversationId: 'conv-1', token: 'dl-token-1', expires_in: 3600 }));
      });
    });
    await new Promise<void>((resolve) => fakeDirectLine.listen(0, '127.0.0.1', resolve));
    const port = (fakeDirectLine.address() as import('node:net').AddressInfo).port;
    bot = await startTestBot({
      env: {
        MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
        MicrosoftAppPassword: 'x',
        PATRON_KEY_SECRET: 'a-test-patron-key-secret-32-chars-long',
        HOST: '127.0.0.1',
        DIRECT_LINE_SECRET: 'the-direct-line-secret',
        DIRECT_LINE_ENDPOINT: `http://127.0.0.1:${port}`,
      },
    });
  });
  after(async () => {
    await bot.stop();
    await new Promise((resolve) => fakeDirectLine.close(resolve));
  });

  it('exchanges the secret server-side for a token bound to a server-chosen dl_ user', async () => {
    const response = await fetch(`${bot.url}/api/directline/token`, {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).to.equal(200);
    const body = (await response.json()) as Record<string, string>;
    expect(body.token).to.equal('dl-token-1');
    expect(body).to.not.have.property('domain');
    expect(JSON.stringify(body)).to.not.include('the-direct-line-secret');
    expect(seen).to.have.length(1);
    expect(seen[0].authorization).to.equal('Bearer the-direct-line-secret');
    const sentUser = (JSON.parse(seen[0].body) as { user: { id: string } }).user.id;
    expect(sentUser).to.match(/^dl_/).and.equal(body.userId);
    expect(bot.logText()).to.not.include('the-direct-line-secret');
  });
});

describe('Built-in Direct Line streaming (WebSocket)', () => {
  let bot: TestBot;
  before(async () => {
    bot = await startTestBot();
  });
  after(async () => {
    await bot.stop();
  });

  it('streams the welcome and replies as {activities, watermark} frames', async () => {
    const { WebSocket } = await import('ws');
    const token = (await (await fetch(`${bot.url}/api/directline/token`, { method: 'POST' })).json()) as {
      token: string;
      conversationId: string;
    };
    const started = (await (
      await fetch(`${bot.url}/v3/directline/conversations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token.token}` },
      })
    ).json()) as { streamUrl: string };
    expect(started.streamUrl).to.match(
      /^ws:\/\/127\.0\.0\.1:\d+\/v3\/directline\/conversations\/.+\/stream\?t=/,
    );
    const socket = new WebSocket(started.streamUrl);
    const frames: { activities: { text?: string; from: { id: string } }[]; watermark: string }[] = [];
    socket.on('message', (data) => frames.push(JSON.parse(String(data))));
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const texts = () => frames.flatMap((frame) => frame.activities.map((a) => a.text ?? ''));
    const waitForText = async (pattern: RegExp, count: number) => {
      for (let i = 0; i < 100 && texts().filter((t) => pattern.test(t)).length < count; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(texts().filter((t) => pattern.test(t))).to.have.length(count);
    };
    await waitForText(/help bot/, 1);
    await fetch(`${bot.url}/v3/directline/conversations/${token.conversationId}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'hello' }),
    });
    await waitForText(/help bot/, 2);
    expect(texts()).to.include('hello');
    expect(Number(frames[frames.length - 1].watermark)).to.be.greaterThan(0);
    socket.close();
  });

  it('refuses a stream for another conversation or without a valid token', async () => {
    const { WebSocket } = await import('ws');
    const a = (await (await fetch(`${bot.url}/api/directline/token`, { method: 'POST' })).json()) as {
      token: string;
      conversationId: string;
    };
    const b = (await (await fetch(`${bot.url}/api/directline/token`, { method: 'POST' })).json()) as {
      token: string;
      conversationId: string;
    };
    const base = bot.url.replace('http', 'ws');
    for (const url of [
      `${base}/v3/directline/conversations/${a.conversationId}/stream?t=${b.token}`,
      `${base}/v3/directline/conversations/${a.conversationId}/stream?t=forged`,
      `${base}/v3/directline/conversations/${a.conversationId}/stream`,
    ]) {
      const socket = new WebSocket(url);
      const outcome = await new Promise<string>((resolve) => {
        socket.once('open', () => resolve('open'));
        socket.once('error', () => resolve('refused'));
      });
      expect(outcome, url).to.equal('refused');
    }
  });
});
