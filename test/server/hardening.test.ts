// Regression tests for the attack findings of issue 10 that the HTTP layer answers: each one
// failed before its fix (the nesting bomb and the bad stream URL ended the whole process).
import { expect } from 'chai';
import { WebSocket } from 'ws';
import { readRuntimeSettings, RuntimeSettingsError } from '../../config/runtimeSettings';
import { DirectLineTestClient } from '../support/directLineClient';
import { startTestBot, TestBot } from '../support/testBot';
import { nestedArrays, newSession, rawRequest, startConnector, startConversation } from './support';

const activitiesUrl = (bot: TestBot, conversationId: string) =>
  `${bot.url}/v3/directline/conversations/${conversationId}/activities`;

async function streamOutcome(url: string): Promise<{ outcome: 'open' | 'refused'; frames: string[] }> {
  const socket = new WebSocket(url);
  const frames: string[] = [];
  socket.on('message', (data) => frames.push(String(data)));
  const outcome = await new Promise<'open' | 'refused'>((resolve) => {
    socket.once('open', () => resolve('open'));
    socket.once('error', () => resolve('refused'));
  });
  if (outcome === 'open') {
    for (let i = 0; i < 50 && frames.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    socket.close();
  }
  return { outcome, frames };
}

describe('Hardening of the HTTP surface (issue 10)', () => {
  let bot: TestBot;
  before(async () => {
    bot = await startTestBot();
  });
  after(async () => {
    await bot.stop();
  });

  describe('finding 1: a nesting bomb', () => {
    it('refuses a 100,000-deep value with 400; the history, the stream and the server stay usable', async () => {
      const client = await DirectLineTestClient.start(bot.url);
      await client.waitFor((activity) => /help bot/.test(activity.text ?? ''));
      const bomb = `{"type":"message","text":"x","value":${nestedArrays(100000)}}`;
      const posted = await fetch(activitiesUrl(bot, client.session.conversationId), {
        method: 'POST',
        headers: { authorization: `Bearer ${client.session.token}`, 'content-type': 'application/json' },
        body: bomb,
      });
      expect(posted.status).to.equal(400);
      for (const body of [bomb, `{"type":"message","channelId":"x","value":${nestedArrays(5000)}}`]) {
        const direct = await fetch(`${bot.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        expect(direct.status).to.equal(400);
      }

      const history = await fetch(activitiesUrl(bot, client.session.conversationId), {
        headers: { authorization: `Bearer ${client.session.token}` },
      });
      expect(history.status).to.equal(200);
      const { streamUrl } = await startConversation(bot.url, client.session);
      const stream = await streamOutcome(streamUrl);
      expect(stream.outcome).to.equal('open');
      expect(stream.frames.join('')).to.include('help bot');
      expect((await client.ask('hello')).length).to.be.greaterThan(0);
    });

    it('accepts a card value nested as deep as real cards are', async () => {
      const client = await DirectLineTestClient.start(bot.url);
      let value: unknown = { text: 'hello' };
      for (let i = 0; i < 20; i++) value = { inner: value };
      const response = await client.send('hello', { value });
      expect(response.status).to.equal(200);
    });

    it('survives stream requests that cannot be read (bad escapes in the path) and keeps serving', async () => {
      const session = await newSession(bot.url);
      await startConversation(bot.url, session);
      const base = bot.url.replace('http', 'ws');
      for (const path of [
        `/v3/directline/conversations/%E0%A4%A/stream?t=${session.token}`,
        `/v3/directline/conversations/${session.conversationId}%/stream?t=${session.token}`,
      ]) {
        expect((await streamOutcome(`${base}${path}`)).outcome, path).to.equal('refused');
      }
      expect((await fetch(`${bot.url}/healthz`)).status).to.equal(200);
    });

    it("writes restify's own log lines through our logger, without headers or tokens", () => {
      const request = {
        method: 'GET',
        url: '/v3/directline/conversations/c/activities?t=secret-query-token',
        headers: { authorization: 'Bearer very-secret-bearer-token' },
      };
      (bot.app.server.log as unknown as { warn(fields: object, message: string): void }).warn(
        { req: request, err: new RangeError('Maximum call stack size exceeded') },
        'error retrieving formatter',
      );
      const line = bot
        .logText()
        .split('\n')
        .find((text) => text.includes('error retrieving formatter'));
      expect(line, 'the line is in our log').to.be.a('string');
      expect(line).to.include('/v3/directline/conversations/c/activities');
      expect(line).to.not.include('very-secret-bearer-token');
      expect(line).to.not.include('secret-query-token');
    });
  });

  describe('finding 13: local mode takes requests only for loopback names, and only JSON bodies', () => {
    it('refuses a foreign Host header (DNS rebinding) with 403', async () => {
      const port = new URL(bot.url).port;
      const foreign = await rawRequest(`${bot.url}/`, { headers: { host: `evil.example:${port}` } });
      expect(foreign.status).to.equal(403);
      for (const host of [`localhost:${port}`, `127.0.0.1:${port}`]) {
        expect((await rawRequest(`${bot.url}/healthz`, { headers: { host } })).status, host).to.equal(200);
      }
    });

    it('never builds a streamUrl from a forged Host', async () => {
      const session = await newSession(bot.url);
      const answer = await rawRequest(`${bot.url}/v3/directline/conversations`, {
        method: 'POST',
        headers: { host: 'evil.example', authorization: `Bearer ${session.token}` },
      });
      expect(answer.status).to.equal(403);
      const { streamUrl } = await startConversation(bot.url, session);
      expect(new URL(streamUrl).host).to.equal(new URL(bot.url).host);
    });

    it('refuses cross-site form bodies on /api/messages and the Direct Line with 415', async () => {
      const form = 'type=message&text=show+my+holds&channelId=directline&conversation[id]=c&from[id]=u';
      for (const contentType of [
        'application/x-www-form-urlencoded',
        'text/plain',
        'multipart/form-data; boundary=x',
      ]) {
        const messages = await fetch(`${bot.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': contentType },
          body: form,
        });
        expect(messages.status, contentType).to.equal(415);
      }
      const client = await DirectLineTestClient.start(bot.url);
      const posted = await fetch(activitiesUrl(bot, client.session.conversationId), {
        method: 'POST',
        headers: { authorization: `Bearer ${client.session.token}`, 'content-type': 'text/plain' },
        body: '{"type":"message","text":"hi"}',
      });
      expect(posted.status).to.equal(415);
    });
  });

  describe('finding 15: activities missing what every channel sends', () => {
    it('answers 400 for an activity with no conversation, from or channelId', async () => {
      const connector = await startConnector();
      try {
        const complete = {
          type: 'message',
          text: 'hi',
          channelId: 'webchat',
          serviceUrl: connector.serviceUrl,
          conversation: { id: 'c-required' },
          from: { id: 'u-required' },
          recipient: { id: 'bot' },
        };
        for (const missing of ['conversation', 'from', 'channelId'] as const) {
          const { [missing]: _dropped, ...partial } = complete;
          const response = await fetch(`${bot.url}/api/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(partial),
          });
          expect(response.status, missing).to.equal(400);
        }
        expect(connector.replies).to.have.length(0);
        const ok = await fetch(`${bot.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(complete),
        });
        expect(ok.status).to.equal(200);
        expect(connector.replies.length).to.be.greaterThan(0);
      } finally {
        await connector.close();
      }
    });

    it('refuses a short PATRON_KEY_SECRET at startup with a message that says what to do', () => {
      const env = {
        MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
        MicrosoftAppPassword: 'x',
        PATRON_KEY_SECRET: 'abc',
      };
      expect(() => readRuntimeSettings(env))
        .to.throw(RuntimeSettingsError)
        .with.property('message')
        .that.includes('PATRON_KEY_SECRET: expected at least 32 characters')
        .and.includes('openssl rand');
      expect(() => readRuntimeSettings({ PATRON_KEY_SECRET: 'short' })).to.throw(RuntimeSettingsError);
      const settings = readRuntimeSettings({ ...env, PATRON_KEY_SECRET: 'x'.repeat(32) });
      expect(settings.patronKeySecret).to.have.length(32);
    });
  });

  describe('finding 14: token refresh', () => {
    it('revokes the old token, so refreshing forever keeps one live token', async () => {
      const client = await DirectLineTestClient.start(bot.url);
      const before = bot.app.directLine?.tokenCount ?? 0;
      let token = client.session.token;
      for (let i = 0; i < 20; i++) {
        const refreshed = await fetch(`${bot.url}/v3/directline/tokens/refresh`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}` },
        });
        expect(refreshed.status).to.equal(200);
        const old = token;
        token = ((await refreshed.json()) as { token: string }).token;
        const withOld = await fetch(activitiesUrl(bot, client.session.conversationId), {
          headers: { authorization: `Bearer ${old}` },
        });
        expect(withOld.status).to.equal(403);
      }
      expect(bot.app.directLine?.tokenCount).to.equal(before);
      const withNew = await fetch(activitiesUrl(bot, client.session.conversationId), {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(withNew.status).to.equal(200);
    });
  });
});

describe('Finding 3: a flood of token requests', () => {
  let bot: TestBot;
  before(async () => {
    bot = await startTestBot({
      directLineLimits: { maxConversations: 6 },
      tokenRateLimits: { perClient: { burst: 8, perSecond: 0.01 }, overall: { burst: 100, perSecond: 1 } },
    });
  });
  after(async () => {
    await bot.stop();
  });

  it('never evicts a live conversation for a new one, and rate-limits token issuing with 429 and Retry-After', async () => {
    const patron = await DirectLineTestClient.start(bot.url);
    const staffPage = await fetch(`${bot.url}/staff`);
    const cookie = (staffPage.headers.get('set-cookie') ?? '').split(';')[0];
    const staff = await DirectLineTestClient.start(bot.url, '/staff/token', {
      name: 'Robin',
      passcode: 'riverbend-staff',
    });
    expect(cookie).to.match(/^staff_client=/);

    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const response = await fetch(`${bot.url}/api/directline/token`, { method: 'POST' });
      statuses.push(response.status);
      if (response.status === 429) expect(Number(response.headers.get('retry-after'))).to.be.greaterThan(0);
      if (response.status === 503) expect(response.headers.get('retry-after')).to.be.a('string');
    }
    expect(statuses.filter((status) => status === 200)).to.have.length(4);
    expect(statuses.filter((status) => status === 503)).to.have.length(2);
    expect(statuses.filter((status) => status === 429)).to.have.length(6);
    expect(bot.logText()).to.include('token requests over the rate limit');

    expect((await patron.ask('hello')).length).to.be.greaterThan(0);
    expect((await staff.send('available')).status).to.equal(200);
  });
});

describe('Finding 8: the staff passcode throttle', () => {
  let bot: TestBot;
  before(async () => {
    bot = await startTestBot();
  });
  after(async () => {
    await bot.stop();
  });

  async function browserCookie(): Promise<string> {
    const page = await fetch(`${bot.url}/staff`);
    return (page.headers.get('set-cookie') ?? '').split(';')[0];
  }

  const signIn = (cookie: string, passcode: string) =>
    fetch(`${bot.url}/staff/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ name: 'Robin', passcode }),
    });

  it('locks only the client that guessed (429 with Retry-After); the right passcode still works for others', async () => {
    const guesser = await browserCookie();
    const librarian = await browserCookie();
    expect(guesser).to.not.equal(librarian);
    for (let i = 0; i < 5; i++) expect((await signIn(guesser, `wrong-${i}`)).status).to.equal(403);
    const locked = await signIn(guesser, 'riverbend-staff');
    expect(locked.status).to.equal(429);
    expect(Number(locked.headers.get('retry-after'))).to.be.within(1, 60);

    expect((await signIn(librarian, 'riverbend-staff')).status).to.equal(200);
    // A forged client id is no client id: it shares the address's anonymous allowance.
    for (let i = 0; i < 5; i++)
      expect((await signIn('staff_client=forged.id', `no-${i}`)).status).to.equal(403);
    expect((await signIn('', 'riverbend-staff')).status).to.equal(429);
    expect((await signIn(librarian, 'riverbend-staff')).status).to.equal(200);
  });
});
