// The JWT negative suite (issue 10, finding 10): a loopback OpenID metadata endpoint serves our own
// RSA signing key, as botbuilder-js's own tests do, and tokens are signed with jsonwebtoken.
// Every bad token gets 401 and a log line; unreachable metadata gets 503 and a log line.
import { expect } from 'chai';
import { createHmac, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';
import { startTestBot, TestBot } from '../support/testBot';
import { startConnector } from './support';

const APP_ID = '00000000-0000-0000-0000-0000000000a1';
const ISSUER = 'https://api.botframework.com';
const KEY_ID = 'test-signing-key';

interface SigningKeys {
  privateKey: KeyObject;
  publicPem: string;
  jwk: { kty: string; n: string; e: string };
}

function signingKeys(): SigningKeys {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKey,
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    jwk: publicKey.export({ format: 'jwk' }) as SigningKeys['jwk'],
  };
}

/** OpenID configuration and JWKS, shaped as login.botframework.com serves them. */
async function startMetadataServer(keys: SigningKeys): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    res.setHeader('content-type', 'application/json');
    if (req.url === '/v1/.well-known/openidconfiguration') {
      res.end(JSON.stringify({ issuer: ISSUER, jwks_uri: `${base}/v1/.well-known/keys` }));
    } else if (req.url === '/v1/.well-known/keys') {
      res.end(
        JSON.stringify({
          keys: [
            { ...keys.jwk, kid: KEY_ID, use: 'sig', endorsements: ['webchat', 'msteams', 'directline'] },
          ],
        }),
      );
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}/v1/.well-known/openidconfiguration`, server };
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('Channel authentication: the JWT negative suite', () => {
  let keys: SigningKeys;
  let metadata: { url: string; server: Server };
  let connector: Awaited<ReturnType<typeof startConnector>>;
  let bot: TestBot;

  before(async () => {
    keys = signingKeys();
    metadata = await startMetadataServer(keys);
    connector = await startConnector();
    bot = await startTestBot({
      env: {
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: 'not-used-here',
        PATRON_KEY_SECRET: 'a-test-patron-key-secret-32-chars-long',
        HOST: '127.0.0.1',
        BotOpenIdMetadata: metadata.url,
      },
    });
  });
  after(async () => {
    await bot.stop();
    await connector.close();
    await new Promise((resolve) => metadata.server.close(resolve));
  });

  // An event the bot does not answer: a good token then gets 200 without the bot needing to reply.
  const activity = () => ({
    type: 'event',
    name: 'test.ping',
    id: `a-${Math.random()}`,
    channelId: 'webchat',
    serviceUrl: connector.serviceUrl,
    conversation: { id: 'jwt-conversation' },
    from: { id: 'jwt-user' },
    recipient: { id: APP_ID },
  });

  const claims = (overrides: Record<string, unknown> = {}) => ({
    iss: ISSUER,
    aud: APP_ID,
    serviceurl: connector.serviceUrl,
    ...overrides,
  });

  const sign = (payload: object, options: jwt.SignOptions = {}) =>
    jwt.sign(payload, keys.privateKey, { algorithm: 'RS256', keyid: KEY_ID, expiresIn: '5m', ...options });

  async function post(authorization?: string): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify(activity()),
    });
    return { status: response.status, body: await response.json().catch(() => undefined) };
  }

  const refusals = () =>
    bot
      .logText()
      .split('\n')
      .filter((line) => line.includes('channel authentication failed'));

  it('accepts a token signed with the published key (the control case)', async () => {
    const answer = await post(`Bearer ${sign(claims())}`);
    expect(answer.status).to.equal(200);
  });

  const cases: [string, () => string | undefined][] = [
    ['no token', () => undefined],
    [
      'an expired token',
      () =>
        `Bearer ${jwt.sign({ ...claims(), exp: Math.floor(Date.now() / 1000) - 600 }, keys.privateKey, { algorithm: 'RS256', keyid: KEY_ID })}`,
    ],
    ['a wrong audience', () => `Bearer ${sign(claims({ aud: '00000000-0000-0000-0000-0000000000ff' }))}`],
    ['a wrong issuer', () => `Bearer ${sign(claims({ iss: 'https://attacker.example' }))}`],
    ['an unknown key id', () => `Bearer ${sign(claims(), { keyid: 'some-other-key' })}`],
    [
      'a different serviceUrl claim',
      () => `Bearer ${sign(claims({ serviceurl: 'https://attacker.example/' }))}`,
    ],
    [
      'alg:none',
      () =>
        `Bearer ${base64url({ alg: 'none', typ: 'JWT', kid: KEY_ID })}.${base64url({ ...claims(), exp: Math.floor(Date.now() / 1000) + 300 })}.`,
    ],
    [
      'HS256 keyed with the public key',
      () => {
        const head = `${base64url({ alg: 'HS256', typ: 'JWT', kid: KEY_ID })}.${base64url({ ...claims(), exp: Math.floor(Date.now() / 1000) + 300 })}`;
        return `Bearer ${head}.${createHmac('sha256', keys.publicPem).update(head).digest('base64url')}`;
      },
    ],
    [
      'a token signed by another key under our key id',
      () => {
        const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
        return `Bearer ${jwt.sign(claims(), other, { algorithm: 'RS256', keyid: KEY_ID, expiresIn: '5m' })}`;
      },
    ],
    ['not a JWT at all', () => 'Bearer not.a.jwt'],
  ];
  for (const [name, authorization] of cases) {
    it(`answers 401 with a generic body and a log line for ${name}`, async () => {
      const before = refusals().length;
      const answer = await post(authorization());
      expect(answer.status).to.equal(401);
      expect(answer.body).to.deep.equal({ error: 'Unauthorized' });
      expect(refusals().length, 'one log line per refusal').to.equal(before + 1);
      expect(connector.replies).to.have.length(0);
    });
  }

  it('never writes the token into the log', () => {
    expect(bot.logText()).to.not.match(/eyJ[\w-]{10,}\.eyJ/);
  });
});

describe('Channel authentication with the OpenID metadata unreachable', () => {
  let bot: TestBot;
  before(async () => {
    // A port that was just free: nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    bot = await startTestBot({
      env: {
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: 'not-used-here',
        PATRON_KEY_SECRET: 'a-test-patron-key-secret-32-chars-long',
        HOST: '127.0.0.1',
        BotOpenIdMetadata: `http://127.0.0.1:${port}/v1/.well-known/openidconfiguration`,
      },
    });
  });
  after(async () => {
    await bot.stop();
  });

  it('answers 503 with Retry-After and logs why, never a silent 500', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const token = jwt.sign({ iss: ISSUER, aud: APP_ID, serviceurl: 'http://127.0.0.1:9/' }, privateKey, {
      algorithm: 'RS256',
      keyid: KEY_ID,
      expiresIn: '5m',
    });
    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        type: 'message',
        text: 'hi',
        channelId: 'webchat',
        serviceUrl: 'http://127.0.0.1:9/',
        conversation: { id: 'c' },
        from: { id: 'u' },
        recipient: { id: APP_ID },
      }),
    });
    expect(response.status).to.equal(503);
    expect(response.headers.get('retry-after')).to.be.a('string');
    expect(await response.json()).to.deep.equal({ error: 'Service unavailable' });
    const line = bot
      .logText()
      .split('\n')
      .find((text) => text.includes('could not check a channel token'));
    expect(line).to.include('OpenID metadata unreachable');
  });
});
