// The staff workspace in production mode (with an app id): staff sign in with Microsoft Entra ID
// (authorization code with PKCE through msal-node) against a loopback identity provider speaking the
// real OpenID Connect wire format, membership of the staff group is asked of a loopback Microsoft
// Graph (checkMemberGroups), and each workspace window gets a Direct Line token exchanged server-side
// with the secret (a loopback Direct Line token endpoint). The passcode opens nothing here.
import { expect } from 'chai';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphGroupMembership } from '../../library/handoff/entraGroup';
import { startFakeIdentityProvider, type FakeIdentityProvider } from '../patronSessions/fakeIdentityProvider';
import { loadDemoLibrary, startTestBot, type TestBot } from '../support/testBot';

const clientId = 'riverbend-staff-workspace';
const clientSecret = 'staff-workspace-app-secret';
const staffGroupId = '11111111-2222-4333-8444-555555555555';
const samOid = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const outsiderOid = 'ffffffff-bbbb-4ccc-8ddd-eeeeeeeeeeee';

/** A server on a free loopback port; `handle` answers each request with its body read. */
async function loopback(
  handle: (method: string, path: string, body: string, authorization?: string) => [number, unknown],
): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const [status, answer] = handle(req.method ?? '', req.url ?? '', body, req.headers.authorization);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** `name=value` pairs of a response's Set-Cookie headers, as a browser would send them back. */
function cookiesFrom(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .filter((pair) => !/=$/.test(pair))
    .join('; ');
}

describe('handoff: the staff workspace in production, behind Entra ID sign-in', function () {
  this.timeout(30000);
  let idp: FakeIdentityProvider;
  let graph: { server: Server; base: string };
  let directLine: { server: Server; base: string };
  let bot: TestBot;
  const graphCalls: string[] = [];
  const tokenRequests: { authorization?: string; user: string }[] = [];

  before(async () => {
    idp = await startFakeIdentityProvider({ clientId, clientSecret });
    graph = await loopback((method, path, body) => {
      const user = /^\/v1\.0\/users\/([^/]+)\/checkMemberGroups$/.exec(path)?.[1];
      if (method !== 'POST' || !user) return [404, {}];
      graphCalls.push(user);
      const asked = (JSON.parse(body) as { groupIds: string[] }).groupIds;
      return [200, { value: user === samOid ? asked.filter((id) => id === staffGroupId) : [] }];
    });
    directLine = await loopback((method, path, body, authorization) => {
      if (method !== 'POST' || path !== '/v3/directline/tokens/generate') return [404, {}];
      const user = (JSON.parse(body) as { user: { id: string } }).user.id;
      tokenRequests.push({ authorization, user });
      return [
        200,
        {
          conversationId: `staff-window-${tokenRequests.length}`,
          token: 'dl-window-token',
          expires_in: 3600,
        },
      ];
    });
    const demo = loadDemoLibrary();
    const staff = demo.config.staff;
    bot = await startTestBot({
      library: {
        ...demo,
        config: {
          ...demo.config,
          staff: {
            ...staff,
            console: {
              ...staff.console,
              entra: { tenantId: 'riverbend-university', clientId, staffGroupId, authority: idp.authority },
            },
          },
        },
      },
      env: {
        MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
        MicrosoftAppPassword: 'x',
        PATRON_KEY_SECRET: 'a-test-patron-key-secret-32-chars-long',
        HOST: '127.0.0.1',
        PUBLIC_URL: 'https://bot.example.edu',
        DIRECT_LINE_SECRET: 'the-direct-line-secret',
        DIRECT_LINE_ENDPOINT: directLine.base,
        STAFF_ENTRA_CLIENT_SECRET: clientSecret,
        STAFF_SESSION_SECRET: 'a-staff-session-secret-of-32-chars-or-more',
        STAFF_PASSCODE: 'riverbend-staff',
      },
      handoff: {
        staffSignIn: {
          staffGroup: new GraphGroupMembership({
            groupId: staffGroupId,
            graphBaseUrl: graph.base,
            // The app token's own flow (client credentials) is covered in entraGroup.test.ts.
            getToken: async () => 'graph-app-token',
          }),
          knownAuthorities: [idp.host],
          networkClient: idp.networkClient,
        },
      },
    });
  });
  after(async () => {
    await bot?.stop();
    await idp?.close();
    for (const fake of [graph, directLine]) await new Promise((resolve) => fake?.server.close(resolve));
  });

  const token = (cookie = '', body: unknown = {}) =>
    fetch(`${bot.url}/staff/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(body),
    });

  /** Sign-in as a browser does it: our redirect, the identity provider, and back to our redirect URI. */
  async function signIn(user: { oid: string; name: string }): Promise<Response> {
    const started = await fetch(`${bot.url}/staff/sign-in`, { redirect: 'manual' });
    expect(started.status).to.equal(302);
    const authorize = new URL(started.headers.get('location') ?? '');
    expect(authorize.origin + authorize.pathname).to.equal(`${idp.authority}oauth2/v2.0/authorize`);
    expect(authorize.searchParams.get('code_challenge_method')).to.equal('S256');
    expect(authorize.searchParams.get('redirect_uri')).to.equal('https://bot.example.edu/staff/signed-in');
    idp.nextUser = { ...user, claims: {} };
    const back = new URLSearchParams(await idp.browse(authorize.toString()));
    return fetch(`${bot.url}/staff/signed-in?${back}`, {
      redirect: 'manual',
      headers: { cookie: cookiesFrom(started) },
    });
  }

  it('offers Microsoft sign-in, not the passcode, and opens no window without a session', async () => {
    const page = await (await fetch(`${bot.url}/staff`)).text();
    expect(page).to.include('Sign in with Microsoft').and.include('"passcode":false');
    expect((await token('', { name: 'Eve', passcode: 'riverbend-staff' })).status).to.equal(403);
    expect((await token()).status).to.equal(401);
    expect((await token('staff_session=forged.value')).status).to.equal(401);
    expect(tokenRequests).to.deep.equal([]);
  });

  it('signs a staff group member in and opens workspace windows on Direct Line with the secret kept server-side', async () => {
    const landed = await signIn({ oid: samOid, name: 'Sam Rivera' });
    expect(landed.status).to.equal(302);
    expect(landed.headers.get('location')).to.equal('/staff');
    const session = cookiesFrom(landed);
    expect(session).to.match(/^staff_session=/);

    const opened = await token(session);
    expect(opened.status).to.equal(200);
    const window = (await opened.json()) as Record<string, string>;
    expect(window).to.include({
      token: 'dl-window-token',
      name: 'Sam',
      domain: `${directLine.base}/v3/directline`,
    });
    expect(JSON.stringify(window)).to.not.include('the-direct-line-secret');
    const exchanged = tokenRequests.at(-1);
    expect(exchanged?.authorization).to.equal('Bearer the-direct-line-secret');
    expect(exchanged?.user)
      .to.match(/^dl_staff_/)
      .and.equal(window.userId);
    // Membership is asked again for each window: someone removed from the group loses the workspace.
    expect(graphCalls.filter((oid) => oid === samOid).length).to.be.at.least(1);
    expect(bot.logText()).to.not.include(clientSecret).and.not.include('the-direct-line-secret');
  });

  it('refuses someone outside the staff group, a forged state, and a code used twice', async () => {
    const outsider = await signIn({ oid: outsiderOid, name: 'Pat Outsider' });
    expect(outsider.status).to.equal(403);
    expect(await outsider.text()).to.include('Only library staff can use the workspace');
    expect(cookiesFrom(outsider)).to.not.match(/staff_session=/);

    const forged = await fetch(`${bot.url}/staff/signed-in?code=abc&state=forged`, { redirect: 'manual' });
    expect(forged.status).to.equal(400);

    const started = await fetch(`${bot.url}/staff/sign-in`, { redirect: 'manual' });
    idp.nextUser = { oid: samOid, name: 'Sam Rivera', claims: {} };
    const back = new URLSearchParams(await idp.browse(started.headers.get('location') ?? ''));
    const headers = { cookie: cookiesFrom(started) };
    const once = await fetch(`${bot.url}/staff/signed-in?${back}`, { redirect: 'manual', headers });
    expect(once.status).to.equal(302);
    const twice = await fetch(`${bot.url}/staff/signed-in?${back}`, { redirect: 'manual', headers });
    expect(twice.status).to.equal(400);
    expect(idp.refusals).to.include('unknown or used code');
  });
});
