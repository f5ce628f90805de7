import { expect } from 'chai';
import { guardLibrarySystem } from '../../library/librarySystem/guardedLibrarySystem';
import { EntraSignIn } from '../../library/patronSessions/entraSignIn';
import { PatronSessions } from '../../library/patronSessions/patronSessions';
import { openDemoFixture, type DemoFixture } from '../librarySystem/demoFixture';
import { startFakeIdentityProvider, type FakeIdentityProvider } from './fakeIdentityProvider';
import { MemoryStateStorage } from '../../storage/memoryStateStorage';

const clientId = 'library-bot-client';
const clientSecret = 'test-client-secret';
const redirectUrl = 'https://bot.example.edu/auth/entra/callback';

describe('Entra ID patron sign-in (auth code + PKCE against a loopback identity provider)', () => {
  let idp: FakeIdentityProvider;
  let fixture: DemoFixture;
  let sessions: PatronSessions;
  let entra: EntraSignIn;

  before(async () => {
    idp = await startFakeIdentityProvider({ clientId, clientSecret });
  });
  after(() => idp.close());

  beforeEach(async () => {
    fixture = await openDemoFixture();
    const librarySystem = guardLibrarySystem(fixture.system, { timeoutMs: 5000 });
    const storage = new MemoryStateStorage();
    sessions = new PatronSessions({
      librarySystem,
      storage,
      settings: { maxFailures: 5, lockMinutes: 15, idleMinutes: 15 },
      secret: 'test-secret',
    });
    entra = new EntraSignIn({
      authority: idp.authority,
      clientId,
      clientSecret,
      redirectUrl,
      patronClaim: 'employeeId',
      librarySystem,
      sessions,
      storage,
      knownAuthorities: [idp.host],
      networkClient: idp.networkClient,
    });
    idp.nextUser = { oid: 'oid-jordan', name: 'Jordan Ellis', claims: { employeeId: '21000000000001' } };
    idp.refusals.length = 0;
  });
  afterEach(() => fixture.cleanup());

  it('signs the patron in to the conversation that started it, with PKCE, state and nonce', async () => {
    const { url } = await entra.begin('webchat:A');
    const authorize = new URL(url);
    expect(authorize.origin + authorize.pathname).to.equal(`${idp.authority}oauth2/v2.0/authorize`);
    expect(authorize.searchParams.get('code_challenge_method')).to.equal('S256');
    expect(authorize.searchParams.get('code_challenge')).to.match(/^[A-Za-z0-9_-]{43}$/);
    expect(authorize.searchParams.get('state')).to.have.length.greaterThan(20);
    expect(authorize.searchParams.get('nonce')).to.have.length.greaterThan(20);
    expect(authorize.searchParams.get('redirect_uri')).to.equal(redirectUrl);

    const callback = await idp.browse(url);
    const result = await entra.complete(callback);
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(result.conversationKey).to.equal('webchat:A');
    expect(result.session).to.include({ name: 'Jordan Ellis' });
    expect((await sessions.lookup('webchat:A')).state).to.equal('signed-in');
    expect((await sessions.lookup('webchat:B')).state).to.equal('signed-out');
    expect(idp.refusals).to.deep.equal([]);
  });

  it('lets a state work only once, and never for a state it did not issue', async () => {
    const callback = await idp.browse((await entra.begin('webchat:A')).url);
    expect((await entra.complete(callback)).ok).to.equal(true);
    expect(await entra.complete(callback)).to.deep.equal({ ok: false, reason: 'unknown-state' });
    expect(await entra.complete({ code: callback.code, state: 'forged-state' })).to.deep.equal({
      ok: false,
      reason: 'unknown-state',
    });
  });

  it('cannot complete a sign-in started in conversation A into conversation B', async () => {
    const startedInA = await entra.begin('webchat:A');
    const startedInB = await entra.begin('sms:B');
    // B's patron comes back with A's code but B's state: the code is bound to A's PKCE challenge.
    const callbackA = await idp.browse(startedInA.url);
    const stateB = new URL(startedInB.url).searchParams.get('state') ?? '';
    const crossed = await entra.complete({ code: callbackA.code, state: stateB });
    expect(crossed).to.deep.equal({ ok: false, reason: 'failed', conversationKey: 'sms:B' });
    expect(idp.refusals).to.deep.equal(['PKCE verification failed']);
    expect((await sessions.lookup('sms:B')).state).to.equal('signed-out');
    expect((await sessions.lookup('webchat:A')).state).to.equal('signed-out');
  });

  it('refuses when the token names no patron the library system knows', async () => {
    idp.nextUser = { oid: 'oid-visitor', name: 'Visiting Scholar', claims: { employeeId: '99999999999999' } };
    const result = await entra.complete(await idp.browse((await entra.begin('webchat:A')).url));
    expect(result).to.deep.equal({ ok: false, reason: 'no-patron', conversationKey: 'webchat:A' });
    idp.nextUser = { oid: 'oid-staff', name: 'No Claim', claims: {} };
    const noClaim = await entra.complete(await idp.browse((await entra.begin('webchat:C')).url));
    expect(noClaim).to.deep.equal({ ok: false, reason: 'no-patron', conversationKey: 'webchat:C' });
    expect((await sessions.lookup('webchat:A')).state).to.equal('signed-out');
  });

  it('reports a refused consent as denied', async () => {
    const { url } = await entra.begin('webchat:A');
    const state = new URL(url).searchParams.get('state') ?? '';
    expect(await entra.complete({ error: 'access_denied', state })).to.deep.equal({
      ok: false,
      reason: 'denied',
      conversationKey: 'webchat:A',
    });
  });
});
