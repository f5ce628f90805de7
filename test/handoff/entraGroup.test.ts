// Entra group membership through a loopback stand-in for Entra ID (OAuth2 client credentials)
// and Microsoft Graph (checkMemberGroups), speaking their real wire formats.
import { expect } from 'chai';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphGroupMembership, graphAppToken } from '../../library/handoff/entraGroup';

const tenantId = '7d4a3c2b-1e0f-4a9b-8c7d-6e5f4a3b2c1d';
const groupId = '11111111-2222-4333-8444-555555555555';
const staffUser = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const otherUser = 'ffffffff-bbbb-4ccc-8ddd-eeeeeeeeeeee';

class FakeEntraAndGraph {
  server?: Server;
  base = '';
  tokenRequests: Record<string, string>[] = [];
  graphCalls: { user: string; authorization?: string; groupIds: unknown }[] = [];
  graphStatus = 200;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(({ status, body }) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server?.close(() => resolve()));
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', this.base);
    const login = 'https://login.microsoftonline.com';
    if (url.pathname === '/common/discovery/instance') {
      return {
        status: 200,
        body: {
          tenant_discovery_endpoint: `${login}/${tenantId}/v2.0/.well-known/openid-configuration`,
          'api-version': '1.1',
          metadata: [
            {
              preferred_network: 'login.microsoftonline.com',
              preferred_cache: 'login.windows.net',
              aliases: ['login.microsoftonline.com', 'login.windows.net'],
            },
          ],
        },
      };
    }
    if (url.pathname === `/${tenantId}/v2.0/.well-known/openid-configuration`) {
      return {
        status: 200,
        body: {
          token_endpoint: `${login}/${tenantId}/oauth2/v2.0/token`,
          authorization_endpoint: `${login}/${tenantId}/oauth2/v2.0/authorize`,
          end_session_endpoint: `${login}/${tenantId}/oauth2/v2.0/logout`,
          issuer: `${login}/${tenantId}/v2.0`,
          jwks_uri: `${login}/${tenantId}/discovery/v2.0/keys`,
        },
      };
    }
    if (url.pathname === `/${tenantId}/oauth2/v2.0/token` && req.method === 'POST') {
      this.tokenRequests.push(Object.fromEntries(new URLSearchParams(text)));
      return {
        status: 200,
        body: {
          token_type: 'Bearer',
          expires_in: 3599,
          ext_expires_in: 3599,
          access_token: 'graph-app-token',
        },
      };
    }
    const check = /^\/v1\.0\/users\/([^/]+)\/checkMemberGroups$/.exec(url.pathname);
    if (check && req.method === 'POST') {
      const body = JSON.parse(text) as { groupIds: string[] };
      this.graphCalls.push({
        user: check[1],
        authorization: req.headers.authorization,
        groupIds: body.groupIds,
      });
      if (this.graphStatus !== 200) return { status: this.graphStatus, body: { error: { code: 'Failure' } } };
      return { status: 200, body: { value: check[1] === staffUser ? body.groupIds : [] } };
    }
    return { status: 404, body: { error: 'not found' } };
  }
}

/** msal-node's HTTP goes to the stand-in instead of login.microsoftonline.com. */
function redirectingNetwork(base: string): INetworkModule {
  const send = async <T>(
    url: string,
    method: string,
    options?: NetworkRequestOptions,
  ): Promise<NetworkResponse<T>> => {
    const response = await fetch(url.replace('https://login.microsoftonline.com', base), {
      method,
      headers: options?.headers,
      body: method === 'POST' ? options?.body : undefined,
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => (headers[name] = value));
    return {
      status: response.status,
      headers,
      body: (await response.json()) as T,
    };
  };
  return {
    sendGetRequestAsync: (url, options) => send(url, 'GET', options),
    sendPostRequestAsync: (url, options) => send(url, 'POST', options),
  };
}

describe('handoff: staff recognised by Entra group membership (Microsoft Graph)', () => {
  let fake: FakeEntraAndGraph;
  beforeEach(async () => {
    fake = new FakeEntraAndGraph();
    await fake.start();
  });
  afterEach(() => fake.stop());

  it('gets an app token by client credentials and asks Graph; members pass, others do not', async () => {
    let now = new Date('2026-11-30T16:00:00Z');
    const membership = new GraphGroupMembership({
      groupId,
      graphBaseUrl: fake.base,
      clock: () => now,
      getToken: graphAppToken({
        tenantId,
        clientId: 'bot-app-id',
        clientSecret: 'bot-app-secret',
        networkClient: redirectingNetwork(fake.base),
      }),
    });
    expect(await membership.isMember(staffUser)).to.equal(true);
    expect(await membership.isMember(otherUser)).to.equal(false);
    expect(fake.tokenRequests[0]).to.include({
      grant_type: 'client_credentials',
      client_id: 'bot-app-id',
      scope: 'https://graph.microsoft.com/.default',
    });
    expect(fake.graphCalls.map((c) => [c.user, c.authorization, c.groupIds])).to.deep.equal([
      [staffUser, 'Bearer graph-app-token', [groupId]],
      [otherUser, 'Bearer graph-app-token', [groupId]],
    ]);
    // Answers are kept for a while, then asked again.
    await membership.isMember(staffUser);
    expect(fake.graphCalls).to.have.length(2);
    now = new Date(now.getTime() + 301_000);
    await membership.isMember(staffUser);
    expect(fake.graphCalls).to.have.length(3);
  });

  it('fails closed when Graph fails, and refuses ids that are not object ids', async () => {
    const errors: unknown[] = [];
    const membership = new GraphGroupMembership({
      groupId,
      graphBaseUrl: fake.base,
      getToken: async () => 'graph-app-token',
      onError: (error) => errors.push(error),
    });
    fake.graphStatus = 503;
    expect(await membership.isMember(staffUser)).to.equal(false);
    expect(errors).to.have.length(1);
    fake.graphStatus = 200;
    expect(await membership.isMember(staffUser)).to.equal(true);
    expect(await membership.isMember('Sam Rivera')).to.equal(false);
  });
});
