import { expect } from 'chai';
import { MemoryStorage, StoreItems } from 'botbuilder';
import { DirectLineTestClient } from '../support/directLineClient';
import { startTestBot } from '../support/testBot';

/** Memory storage whose writes wait at a gate the test opens, so a turn can be caught in flight. */
class GatedStorage extends MemoryStorage {
  gate: Promise<void> | undefined;
  reachedGate: () => void = () => undefined;
  closed = false;

  override async write(changes: StoreItems): Promise<void> {
    if (this.gate) {
      this.reachedGate();
      await this.gate;
    }
    return super.write(changes);
  }

  close(): void {
    this.closed = true;
  }
}

describe('Graceful shutdown', () => {
  it('stops accepting, finishes the turn in flight, then closes storage', async () => {
    const storage = new GatedStorage();
    const bot = await startTestBot({ storage });
    const client = await DirectLineTestClient.start(bot.url);
    await client.waitFor((activity) => /help bot/.test(activity.text ?? ''));

    let open: () => void = () => undefined;
    storage.gate = new Promise<void>((resolve) => (open = resolve));
    const reached = new Promise<void>((resolve) => (storage.reachedGate = resolve));
    const inFlight = client.send('hello');
    await reached;

    const closing = bot.stop();
    await new Promise((resolve) => setTimeout(resolve, 50));
    let refused = false;
    try {
      await fetch(`${bot.url}/healthz`);
    } catch {
      refused = true;
    }
    expect(refused, 'new connections are refused while stopping').to.equal(true);
    expect(storage.closed).to.equal(false);

    open();
    const response = await inFlight;
    expect(response.status).to.equal(200);
    await closing;
    expect(storage.closed).to.equal(true);
  });
});
