import { expect } from 'chai';
import { startFakeIdentityProvider, type FakeIdentityProvider } from '../patronSessions/fakeIdentityProvider';
import { startHoldsHarness, type HoldsHarness } from './holdsHarness';

const clientId = 'riverbend-bot';
const clientSecret = 'entra-test-secret';

describe('holds conversation: signing in with Entra ID', () => {
  let idp: FakeIdentityProvider;
  let harness: HoldsHarness;

  before(async () => {
    idp = await startFakeIdentityProvider({ clientId, clientSecret });
  });
  after(() => idp.close());
  beforeEach(async () => {
    harness = await startHoldsHarness({
      patronSignIn: {
        method: 'entra',
        maxFailures: 5,
        lockMinutes: 15,
        idleMinutes: 15,
        entra: {
          authority: idp.authority,
          clientId,
          clientSecretEnv: 'ENTRA_CLIENT_SECRET',
          patronClaim: 'employeeId',
          redirectUrl: 'https://bot.example.edu/auth/entra/callback',
        },
      },
      entraClientSecret: clientSecret,
      entraNetwork: { knownAuthorities: [idp.host], networkClient: idp.networkClient },
    });
    idp.nextUser = { oid: 'oid-jordan', name: 'Jordan Ellis', claims: { employeeId: '21000000000001' } };
  });
  afterEach(() => harness.close());

  function signInLink(activities: { attachments?: { content?: unknown }[] }[]): string {
    const card = JSON.stringify(activities.map((a) => a.attachments?.[0]?.content));
    const match = /"url":"(https:[^"]+)"/.exec(card);
    expect(match, card).to.not.equal(null);
    return JSON.parse(`"${(match as RegExpExecArray)[1]}"`) as string;
  }

  it('sends a sign-in link instead of asking for a PIN, and lists holds once the patron is back', async () => {
    const chat = harness.conversation('entra-a');
    const offered = await chat.sayRaw('show my holds');
    expect(JSON.stringify(offered)).to.include('Sign in with your library account').and.not.include('PIN');
    const callback = await idp.browse(signInLink(offered));
    const completed = await harness.feature.entra?.complete(callback);
    expect(completed?.ok && completed.conversationKey).to.equal('webchat:entra-a');
    expect((await chat.say('show my holds')).join('\n')).to.include('Your 3 holds');
    // Another conversation gets its own link and sees nothing of this patron.
    const other = (await harness.conversation('entra-b').say('show my holds')).join('\n');
    expect(other).to.include('Sign in with your library account').and.not.include('Midnight');
  });

  it('shows the link as text in SMS', async () => {
    const sms = harness.conversation('entra-sms', 'sms');
    const offered = (await sms.say('cancel a hold')).join('\n');
    expect(offered)
      .to.include('To cancel a hold, please sign in first')
      .and.match(/https:\/\/127\.0\.0\.1:\d+\//);
  });
});
