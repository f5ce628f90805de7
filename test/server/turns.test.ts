import { expect } from 'chai';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LibraryRecognition, PatronMessageRecognizer } from '../../recognizers/libraryRecognition';
import { SAFE_TURN_ERROR_MESSAGE } from '../../server/libraryBotApp';
import { DirectLineTestClient } from '../support/directLineClient';
import { startTestBot, TestBot } from '../support/testBot';

/** Fails on one message, as a dialog bug would; greets otherwise. */
class FailingOnceRecognizer implements PatronMessageRecognizer {
  recognize(text: string): LibraryRecognition {
    if (text === 'break things')
      throw new Error('internal detail: stack of the recognizer at /srv/secret/path');
    return {
      text,
      normalizedText: text,
      intent: 'greeting',
      score: 1,
      intents: { greeting: 1 },
      entities: {},
    };
  }
}

describe('Turn errors and retries', () => {
  let bot: TestBot;
  before(async () => {
    bot = await startTestBot({ recognizer: new FailingOnceRecognizer() });
  });
  after(async () => {
    await bot.stop();
  });

  it('tells the patron something safe, logs the error with context, and recovers', async () => {
    const client = await DirectLineTestClient.start(bot.url);
    const replies = await client.ask('break things');
    expect(replies.map((r) => r.text)).to.deep.equal([SAFE_TURN_ERROR_MESSAGE]);
    expect(JSON.stringify(replies)).to.not.include('internal detail');
    const logged = bot
      .logText()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((line) => line.msg === 'a turn failed');
    expect(logged?.conversationId).to.equal(client.session.conversationId);
    expect(JSON.stringify(logged?.err)).to.include('internal detail');
    const next = await client.ask('hello again');
    expect(next[0].text).to.include('help bot');
  });

  it('handles a retried activity (same channel, conversation and id) once', async () => {
    const replies: unknown[] = [];
    const connector: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        replies.push(JSON.parse(body));
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `reply-${replies.length}` }));
      });
    });
    await new Promise<void>((resolve) => connector.listen(0, '127.0.0.1', resolve));
    try {
      const activity = {
        type: 'message',
        id: 'activity-1',
        text: 'hi',
        channelId: 'webchat',
        serviceUrl: `http://127.0.0.1:${(connector.address() as AddressInfo).port}`,
        conversation: { id: 'retry-conversation' },
        from: { id: 'patron-1' },
        recipient: { id: 'bot' },
      };
      for (let i = 0; i < 2; i++) {
        const response = await fetch(`${bot.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(activity),
        });
        expect(response.status).to.equal(200);
      }
      expect(replies).to.have.length(1);
    } finally {
      await new Promise((resolve) => connector.close(resolve));
    }
  });

  it('keeps conversation state in the SQLite file across a restart', async () => {
    const dataDir = bot.dataDir;
    const client = await DirectLineTestClient.start(bot.url);
    await client.ask('hi');
    await bot.stop(true);
    const { SqliteStorage } = await import('../../storage/sqliteStorage');
    const storage = new SqliteStorage(`${dataDir}/bot-state.sqlite`);
    const keys = await storage.keysWithPrefix('directline/conversations/');
    storage.close();
    expect(keys.some((key) => key.includes(client.session.conversationId))).to.equal(true);
    bot = await startTestBot({ recognizer: new FailingOnceRecognizer(), dataDir });
  });
});
