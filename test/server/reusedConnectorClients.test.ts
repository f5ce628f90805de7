// The reply clients are made once per channel service URL and reused by later turns, not rebuilt every
// turn; the cache stays bounded when activities name many URLs; request validation is unchanged.
import { expect } from 'chai';
import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import { ReusedClientsAuthentication } from '../../server/reusedConnectorClients';

function activityFrom(serviceUrl: string): Activity {
  return {
    type: 'message',
    id: 'a1',
    text: 'hi',
    channelId: 'webchat',
    serviceUrl,
    conversation: { id: 'c1' },
    from: { id: 'patron' },
    recipient: { id: 'bot' },
  } as Activity;
}

async function clientFor(auth: ReusedClientsAuthentication, serviceUrl: string) {
  const result = await auth.authenticateRequest(activityFrom(serviceUrl), '');
  return result.connectorFactory!.create(serviceUrl, result.audience);
}

describe('reused connector clients', () => {
  it('gives later turns on the same service URL the same client, and another URL its own', async () => {
    const auth = new ReusedClientsAuthentication(new ConfigurationBotFrameworkAuthentication({}));
    const first = await clientFor(auth, 'http://127.0.0.1:9/a');
    const again = await clientFor(auth, 'http://127.0.0.1:9/a');
    const other = await clientFor(auth, 'http://127.0.0.1:9/b');
    expect(again).to.equal(first);
    expect(other).to.not.equal(first);
    expect(other.conversations).to.not.equal(undefined);
  });

  it('keeps at most 32 clients: the oldest URL is made again after 32 others', async () => {
    const auth = new ReusedClientsAuthentication(new ConfigurationBotFrameworkAuthentication({}));
    const oldest = await clientFor(auth, 'http://127.0.0.1:9/0');
    for (let i = 1; i <= 32; i++) await clientFor(auth, `http://127.0.0.1:9/${i}`);
    expect(await clientFor(auth, 'http://127.0.0.1:9/32')).to.equal(
      await clientFor(auth, 'http://127.0.0.1:9/32'),
    );
    expect(await clientFor(auth, 'http://127.0.0.1:9/0')).to.not.equal(oldest);
  });

  it('reuses the user token client and the proactive path shares the clients of turns', async () => {
    const auth = new ReusedClientsAuthentication(new ConfigurationBotFrameworkAuthentication({}));
    const result = await auth.authenticateRequest(activityFrom('http://127.0.0.1:9/a'), '');
    const tokens = await auth.createUserTokenClient(result.claimsIdentity);
    expect(await auth.createUserTokenClient(result.claimsIdentity)).to.equal(tokens);
    const proactive = auth.createConnectorFactory(result.claimsIdentity);
    expect(await proactive.create('http://127.0.0.1:9/a', result.audience)).to.equal(
      await result.connectorFactory!.create('http://127.0.0.1:9/a', result.audience),
    );
  });

  it('still refuses a request the wrapped authentication refuses', async () => {
    const strict = new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: 'app',
      MicrosoftAppPassword: 'x',
    });
    const auth = new ReusedClientsAuthentication(strict);
    let refused: unknown;
    await auth
      .authenticateRequest(activityFrom('http://127.0.0.1:9/a'), '')
      .catch((e: unknown) => (refused = e));
    expect(refused).to.be.instanceOf(Error);
  });
});
