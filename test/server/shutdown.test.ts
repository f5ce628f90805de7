import { expect } from 'chai';
import { MemoryStorage, StoreItems } from 'botbuilder';
import { WebSocket } from 'ws';
import { LibraryRecognition, PatronMessageRecognizer } from '../../recognizers/libraryRecognition';
import { DirectLineTestClient } from '../support/directLineClient';
import { demoLibraryRecognizer, startTestBot } from '../support/testBot';

/** Memory storage whose reads wait at a gate the test opens, so a turn can be caught before it replies. */
class GatedStorage extends MemoryStorage {
  gate: Promise<void> | undefined;
  reachedGate: () => void = () => undefined;
  closed = false;

  override async read(keys: string[]): Promise<StoreItems> {
    if (this.gate) {
      this.reachedGate();
      await this.gate;
    }
    return super.read(keys);
  }

  /** Stops the next turn at its first read; returns the function that lets it go on. */
  holdNextTurn(): { reached: Promise<void>; open: () => void } {
    let open: () => void = () => undefined;
    this.gate = new Promise<void>((resolve) => (open = resolve));
    const reached = new Promise<void>((resolve) => (this.reachedGate = resolve));
    return {
      reached,
      open: () => {
        this.gate = undefined;
        open();
      },
    };
  }

  async has(key: string): Promise<boolean> {
    return Object.keys(await super.read([key])).length > 0;
  }

  close(): void {
    this.closed = true;
  }
}

/** The demo recognizer, except that one message breaks the turn as a dialog bug would. */
class BreakingRecognizer implements PatronMessageRecognizer {
  recognize(text: string, now?: Date): LibraryRecognition {
    if (text === 'break things') throw new Error('a dialog bug');
    return demoLibraryRecognizer().recognize(text, now);
  }
}

const stateKey = (conversationId: string) => `directline/conversations/${conversationId}/`;

describe('Graceful shutdown', () => {
  it('finishes the turn in flight (its reply comes back over loopback) while refusing new requests with 503', async () => {
    const storage = new GatedStorage();
    const bot = await startTestBot({ storage });
    const client = await DirectLineTestClient.start(bot.url);
    await client.waitFor((activity) => /help bot/.test(activity.text ?? ''));

    const held = storage.holdNextTurn();
    const inFlight = client.send('what time does eastside close today');
    await held.reached;
    const closing = bot.stop();
    await new Promise((resolve) => setTimeout(resolve, 50));

    const refused = await fetch(`${bot.url}/healthz`);
    expect(refused.status, 'a new request while stopping').to.equal(503);
    expect(refused.headers.get('retry-after')).to.equal('5');
    expect(storage.closed).to.equal(false);

    held.open();
    const response = await inFlight;
    expect(response.status).to.equal(200);
    await closing;
    expect(storage.closed).to.equal(true);
    const history = bot.app.directLine?.get(client.session.conversationId)?.activities ?? [];
    const replies = history.filter((activity) => activity.from?.id !== client.session.userId);
    expect(replies.map((activity) => activity.text ?? '').join('\n')).to.match(/Eastside/);
    expect(bot.logText()).to.not.include('a turn failed');
    expect(await storage.has(stateKey(client.session.conversationId))).to.equal(true);
  });

  it('never deletes the conversation state because a turn failed while stopping', async () => {
    const storage = new GatedStorage();
    const bot = await startTestBot({ storage, recognizer: new BreakingRecognizer() });
    const client = await DirectLineTestClient.start(bot.url);
    await client.ask('what are your hours this week');
    expect(await storage.has(stateKey(client.session.conversationId))).to.equal(true);

    const held = storage.holdNextTurn();
    const inFlight = client.send('break things');
    await held.reached;
    const closing = bot.stop();
    await new Promise((resolve) => setTimeout(resolve, 20));
    held.open();
    await inFlight;
    await closing;
    expect(bot.logText()).to.include('a turn failed');
    expect(await storage.has(stateKey(client.session.conversationId))).to.equal(true);
  });

  it('closes within 2 s when idle, with a stream and keep-alive connections open', async () => {
    const bot = await startTestBot();
    const client = await DirectLineTestClient.start(bot.url);
    await client.waitFor((activity) => /help bot/.test(activity.text ?? ''));
    const started = (await (
      await fetch(`${bot.url}/v3/directline/conversations/${client.session.conversationId}`, {
        headers: { authorization: `Bearer ${client.session.token}` },
      })
    ).json()) as { streamUrl: string };
    const socket = new WebSocket(started.streamUrl);
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const closed = new Promise((resolve) => socket.once('close', resolve));

    const began = Date.now();
    await bot.stop();
    const took = Date.now() - began;
    await closed;
    expect(took, `close took ${took} ms`).to.be.below(2000);
  });
});
