// The whole app on STATE_STORAGE=azure-blobs against Azurite: settings read as index.ts reads them,
// the built-in Direct Line, a multi-turn dialog whose state lives in Blob Storage, and /readyz.
import { expect } from 'chai';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BlobStateStorage } from '../../storage/blobStateStorage';
import {
  AZURITE_ACCOUNT_KEY,
  azuriteConnectionString,
  AzuriteBlob,
  startAzuriteBlob,
  uniqueContainerName,
} from '../support/azurite';
import { DirectLineTestClient } from '../support/directLineClient';
import { startTcpRelay, TcpRelay } from '../support/tcpRelay';
import { startTestBot, TestBot } from '../support/testBot';

const text = (activities: { text?: string }[]) => activities.map((a) => a.text ?? '').join('\n');

describe('The bot with its state on Azure Blob Storage (Azurite)', () => {
  let azurite: AzuriteBlob;
  /** Between the bot and Azurite, to take storage off the network and back. */
  let relay: TcpRelay;
  let bot: TestBot;
  const container = uniqueContainerName('bot-state');
  before(async function () {
    this.timeout(90000);
    azurite = await startAzuriteBlob();
    relay = await startTcpRelay(azurite.port);
    bot = await startTestBot({
      env: {
        STATE_STORAGE: 'azure-blobs',
        AZURE_STORAGE_CONNECTION_STRING: azuriteConnectionString(relay.port),
        AZURE_STORAGE_CONTAINER: container,
      },
    });
  });
  after(async () => {
    await bot?.stop();
    await relay?.close();
    await azurite?.stop();
  });

  it('answers a sign-in and holds conversation whose dialog state is kept in the container', async () => {
    const client = await DirectLineTestClient.start(bot.url);
    expect(text(await client.ask('is my book ready?'))).to.include('library card number');
    expect(text(await client.ask('21000000000001'))).to.include('PIN');
    expect(text(await client.ask('2468'))).to.include('The Midnight Library is ready at Eastside Branch');

    const state = new BlobStateStorage({ connectionString: azurite.connectionString, container });
    const key = `directline/conversations/${client.session.conversationId}/`;
    const stored = (await state.read([key]))[key];
    expect(stored, 'conversation state blob').to.be.an('object');
    expect(stored.eTag).to.be.a('string');
    const blobText = JSON.stringify(stored);
    expect(blobText).to.include('dialogState');
    expect(blobText).to.not.include('21000000000001').and.not.include('"2468"');
    expect(existsSync(join(bot.dataDir, 'bot-state.sqlite')), 'no SQLite state file').to.equal(false);
    expect(bot.logText()).to.not.include(AZURITE_ACCOUNT_KEY);
  });

  it('is ready while the container answers, not ready while it is down, and ready again after', async () => {
    const ready = async () => {
      const response = await fetch(`${bot.url}/readyz`);
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    expect(await ready()).to.deep.equal({ status: 200, body: { status: 'ready' } });
    await relay.down();
    expect(await ready()).to.deep.equal({ status: 503, body: { status: 'not ready', failing: ['storage'] } });
    await relay.up();
    expect(await ready()).to.deep.equal({ status: 200, body: { status: 'ready' } });
    // And the conversation carries on.
    const client = await DirectLineTestClient.start(bot.url);
    expect(text(await client.ask('is my book ready?'))).to.include('library card number');
  });
});
