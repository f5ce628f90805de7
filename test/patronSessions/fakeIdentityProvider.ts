// A loopback HTTPS identity provider speaking the parts of Microsoft Entra ID's OAuth 2.0 / OpenID
// Connect wire format that msal-node uses: metadata discovery, the authorize redirect and the token
// endpoint with PKCE (S256) and client-secret checks, ID tokens signed RS256.
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, request, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';
import { generate } from 'selfsigned';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';

export interface FakeUser {
  oid: string;
  name: string;
  claims: Record<string, string>;
}

interface IssuedCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
  nonce: string;
  user: FakeUser;
  used: boolean;
}

export interface FakeIdentityProvider {
  authority: string;
  host: string;
  ca: string;
  /** Who "signs in" at the next authorize request (the browser part is simulated). */
  nextUser: FakeUser;
  /** What the token endpoint refused, for assertions. */
  refusals: string[];
  networkClient: INetworkModule;
  /** Follows an authorize URL like a browser: returns the redirect's query parameters. */
  browse(url: string): Promise<Record<string, string>>;
  close(): Promise<void>;
}

const tenant = 'riverbend-university';

export async function startFakeIdentityProvider(options: {
  clientId: string;
  clientSecret: string;
}): Promise<FakeIdentityProvider> {
  const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keySize: 2048,
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  });
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const codes = new Map<string, IssuedCode>();
  const refusals: string[] = [];
  let base = '';

  const fake: FakeIdentityProvider = {
    authority: '',
    host: '',
    ca: pems.cert,
    nextUser: { oid: 'oid-1', name: 'Test Patron', claims: {} },
    refusals,
    networkClient: {
      sendGetRequestAsync: <T>(url: string, init?: NetworkRequestOptions) =>
        send<T>('GET', url, pems.cert, init),
      sendPostRequestAsync: <T>(url: string, init?: NetworkRequestOptions) =>
        send<T>('POST', url, pems.cert, init),
    },
    browse: async (url) => {
      const response = await send<string>('GET', url, pems.cert);
      const location = response.headers.location;
      if (response.status !== 302 || !location) throw new Error(`authorize answered ${response.status}`);
      return Object.fromEntries(new URL(location).searchParams);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  const server: Server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    const url = new URL(req.url ?? '/', base);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const metadata = {
      issuer: `${base}/${tenant}/v2.0`,
      authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/authorize`,
      token_endpoint: `${base}/${tenant}/oauth2/v2.0/token`,
      end_session_endpoint: `${base}/${tenant}/oauth2/v2.0/logout`,
      jwks_uri: `${base}/${tenant}/discovery/v2.0/keys`,
      response_types_supported: ['code'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      scopes_supported: ['openid', 'profile'],
    };
    if (req.method === 'GET' && url.pathname.endsWith('/.well-known/openid-configuration'))
      return json(200, metadata);
    if (req.method === 'GET' && url.pathname === `/${tenant}/oauth2/v2.0/authorize`) {
      const p = url.searchParams;
      const redirectUri = p.get('redirect_uri') ?? '';
      const target = new URL(redirectUri);
      if (p.get('code_challenge_method') !== 'S256' || !p.get('code_challenge')) {
        target.searchParams.set('error', 'invalid_request');
      } else {
        const code = randomBytes(16).toString('hex');
        codes.set(code, {
          clientId: p.get('client_id') ?? '',
          redirectUri,
          challenge: p.get('code_challenge') ?? '',
          nonce: p.get('nonce') ?? '',
          user: fake.nextUser,
          used: false,
        });
        target.searchParams.set('code', code);
      }
      target.searchParams.set('state', p.get('state') ?? '');
      res.writeHead(302, { location: target.toString() });
      return res.end();
    }
    if (req.method === 'POST' && url.pathname === `/${tenant}/oauth2/v2.0/token`) {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        const form = new URLSearchParams(body);
        const issued = codes.get(form.get('code') ?? '');
        const refuse = (why: string) => {
          refusals.push(why);
          json(400, { error: 'invalid_grant', error_description: why });
        };
        if (!issued || issued.used) return refuse('unknown or used code');
        issued.used = true;
        if (
          form.get('client_id') !== options.clientId ||
          form.get('client_secret') !== options.clientSecret
        ) {
          return refuse('client authentication failed');
        }
        if (form.get('redirect_uri') !== issued.redirectUri) return refuse('redirect_uri mismatch');
        const verifier = form.get('code_verifier') ?? '';
        if (createHash('sha256').update(verifier).digest('base64url') !== issued.challenge) {
          return refuse('PKCE verification failed');
        }
        const now = Math.floor(Date.now() / 1000);
        const idToken = jwt.sign(
          {
            ver: '2.0',
            iss: metadata.issuer,
            aud: options.clientId,
            sub: `sub-${issued.user.oid}`,
            oid: issued.user.oid,
            tid: tenant,
            nonce: issued.nonce,
            name: issued.user.name,
            preferred_username: `${issued.user.oid}@example.edu`,
            iat: now,
            nbf: now,
            exp: now + 3600,
            ...issued.user.claims,
          },
          privateKey.export({ type: 'pkcs8', format: 'pem' }),
          { algorithm: 'RS256', keyid: 'test-key' },
        );
        const clientInfo = Buffer.from(JSON.stringify({ uid: issued.user.oid, utid: tenant })).toString(
          'base64url',
        );
        json(200, {
          token_type: 'Bearer',
          scope: 'openid profile',
          expires_in: 3600,
          ext_expires_in: 3600,
          access_token: randomBytes(16).toString('hex'),
          id_token: idToken,
          client_info: clientInfo,
        });
      });
      return;
    }
    json(404, { error: 'not_found' });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  base = `https://127.0.0.1:${port}`;
  fake.authority = `${base}/${tenant}/`;
  fake.host = `127.0.0.1:${port}`;
  return fake;
}

function send<T>(
  method: 'GET' | 'POST',
  url: string,
  ca: string,
  init?: NetworkRequestOptions,
): Promise<NetworkResponse<T>> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, ca, headers: init?.headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      res.on('end', () => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(res.headers)) {
          if (typeof value === 'string') headers[name.toLowerCase()] = value;
        }
        let body: unknown = text;
        try {
          body = text ? JSON.parse(text) : {};
        } catch {
          body = text;
        }
        resolve({ headers, body: body as T, status: res.statusCode ?? 0 });
      });
    });
    req.on('error', reject);
    if (init?.body) req.write(init.body);
    req.end();
  });
}
