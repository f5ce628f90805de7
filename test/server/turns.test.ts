import { expect } from 'chai';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LibraryRecognition, PatronMessageRecognizer } from '../../recognizers/libraryRecognition';
import { es } from '../../library/language/catalogs/es';
import { SAFE_TURN_ERROR_MESSAGE } from '../../server/libraryBotApp';
import { DirectLineTestClient } from '../support/directLineClient';
import { startTestBot, temporaryDirectory, TestBot } from '../support/testBot';

/** Fails on one message, as a dialog bug would; greets otherwise. */
class FailingOnceRecognizer implements PatronMessageRecognizer {
  recognize(text: string): LibraryRecognition {
    if (text === 'break things' || text === 'rompe todo')
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

  it('says it in the language of the conversation', async () => {
    const client = await DirectLineTestClient.start(bot.url);
    await client.ask('hola, buenos dias');
    const replies = await client.ask('rompe todo');
    expect(replies.map((r) => r.text)).to.deep.equal([es.main.somethingWentWrong]);
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

  it('keeps a dialog in the middle of a question across a restart on the same SQLite file', async () => {
    const replies: { text?: string }[] = [];
    const connector: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        replies.push(JSON.parse(body) as { text?: string });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `reply-${replies.length}` }));
      });
    });
    await new Promise<void>((resolve) => connector.listen(0, '127.0.0.1', resolve));
    const serviceUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}`;
    const send = async (target: TestBot, id: string, text: string) => {
      const response = await fetch(`${target.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          id,
          text,
          channelId: 'webchat',
          serviceUrl,
          conversation: { id: 'restart-conversation' },
          from: { id: 'patron-restart' },
          recipient: { id: 'bot' },
        }),
      });
      expect(response.status).to.equal(200);
    };
    // A Monday in Riverbend, so the week's hours are the regular ones.
    const monday = () => new Date('2026-11-30T16:00:00Z');
    const dataDir = temporaryDirectory();
    let first: TestBot | undefined;
    let second: TestBot | undefined;
    try {
      first = await startTestBot({ dataDir, now: monday });
      await send(first, 'a1', 'what are your hours this week');
      expect(replies.map((r) => r.text ?? '').join('\n')).to.match(/which branch/i);
      await first.stop(true);

      second = await startTestBot({ dataDir, now: monday });
      replies.length = 0;
      await send(second, 'a2', 'Eastside');
      expect(JSON.stringify(replies)).to.include('Eastside Branch').and.include('10:00 AM-8:00 PM');
    } finally {
      await second?.stop();
      await new Promise((resolve) => connector.close(resolve));
    }
  });
});
