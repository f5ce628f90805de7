// Entra ID sign-in through the running server: the link in the chat, the identity provider's
// redirect back to our route, and the holds shown in the same conversation afterwards.
import { expect } from 'chai';
import { startFakeIdentityProvider, type FakeIdentityProvider } from '../patronSessions/fakeIdentityProvider';
import { DirectLineTestClient } from '../support/directLineClient';
import { demoLibraryRecognizer, loadDemoLibrary, startTestBot, type TestBot } from '../support/testBot';

const clientId = 'riverbend-bot';
const clientSecret = 'entra-server-test-secret';

describe('Entra ID sign-in through the server', () => {
  let idp: FakeIdentityProvider;
  let bot: TestBot;

  before(async () => {
    idp = await startFakeIdentityProvider({ clientId, clientSecret });
    const demo = loadDemoLibrary();
    bot = await startTestBot({
      library: {
        ...demo,
        config: {
          ...demo.config,
          patronSignIn: {
            ...demo.config.patronSignIn,
            method: 'entra',
            entra: {
              authority: idp.authority,
              clientId,
              clientSecretEnv: 'ENTRA_CLIENT_SECRET',
              patronClaim: 'employeeId',
              redirectUrl: 'https://bot.example.edu/auth/entra/callback',
            },
          },
        },
      },
      recognizer: demoLibraryRecognizer(),
      secrets: { entraClientSecret: clientSecret },
      holds: { entraNetwork: { knownAuthorities: [idp.host], networkClient: idp.networkClient } },
    });
  });
  after(async () => {
    await bot?.stop();
    await idp?.close();
  });

  it('signs the patron in from the redirect and lists their holds in the same conversation', async () => {
    idp.nextUser = { oid: 'oid-jordan', name: 'Jordan Ellis', claims: { employeeId: '21000000000001' } };
    const chat = await DirectLineTestClient.start(bot.url);
    const offered = JSON.stringify(await chat.ask('show my holds'));
    expect(offered).to.include('Sign in with your library account').and.not.include('PIN');
    const link = /"url":"(https:[^"]+)"/.exec(offered);
    expect(link, offered).to.not.equal(null);
    const callback = await idp.browse(JSON.parse(`"${(link as RegExpExecArray)[1]}"`) as string);
    const query = new URLSearchParams(callback as Record<string, string>).toString();

    const landed = await fetch(`${bot.url}/auth/entra/callback?${query}`);
    expect(landed.status).to.equal(200);
    expect(await landed.text()).to.include('signed in to Riverbend Public Library');

    expect(JSON.stringify(await chat.ask('show my holds'))).to.include('Your 3 holds');

    const again = await fetch(`${bot.url}/auth/entra/callback?${query}`);
    expect(again.status).to.equal(400);
    expect(await again.text()).to.include('expired or was already used');
  });

  it('refuses a return with a state it never issued', async () => {
    const response = await fetch(`${bot.url}/auth/entra/callback?code=abc&state=forged`);
    expect(response.status).to.equal(400);
  });
});
