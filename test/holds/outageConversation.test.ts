import { expect } from 'chai';
import sinon from 'sinon';
import { startHoldsHarness, type Conversation, type HoldsHarness } from './holdsHarness';

const say = async (chat: Conversation, text: string) => (await chat.say(text)).join('\n');

function expectApology(text: string): void {
  expect(text).to.include("I'm sorry, the library's account system isn't answering right now");
  expect(text).to.include('(555) 010-2000').and.include('https://riverbend-library.example.org');
  expect(text).to.include('Would you like to talk to a staff member?').and.include('[Talk to a person]');
  expect(text).to.not.match(/ECONNREFUSED|Error|stack|timed out after|simulated/i);
}

describe('holds conversation: when the library system fails', () => {
  let harness: HoldsHarness;
  afterEach(() => harness.close());

  it('apologises, offers alternatives and a person, and ends the dialog cleanly on an outage', async () => {
    harness = await startHoldsHarness();
    const chat = harness.conversation('outage-list');
    await say(chat, 'show my holds');
    await say(chat, '21000000000001');
    await say(chat, '2468');
    harness.faults.setFault('down');
    expectApology(await say(chat, 'show my holds'));
    // The holds dialog is over: the next message is routed afresh.
    expect(await say(chat, 'hello there')).to.include("Sorry, I didn't understand that");
    expect(harness.logLines.join('\n'))
      .to.include('library system unavailable')
      .and.include('"operation":"listHolds"');
  });

  it('waits for the answer to the offer of a person: "1" by SMS asks for one, "2" does not', async () => {
    harness = await startHoldsHarness();
    const sms = harness.conversation('outage-offer', 'sms');
    await say(sms, 'show my holds');
    await say(sms, '21000000000001');
    await say(sms, '2468');
    harness.faults.setFault('down');
    expect(await say(sms, 'show my holds')).to.include('1. Talk to a person');
    const seen = harness.recognizer.seen.length;
    expect(await say(sms, '1')).to.not.include("didn't understand");
    expect(harness.recognizer.seen.slice(seen)).to.include('talk to a person');
    await say(sms, 'cancel');
    await say(sms, 'show my holds');
    expect(await say(sms, '2')).to.include('OK. What else can I help you with?');
  });

  it('gives up after the configured time limit when the system hangs, mid-way through placing a hold', async () => {
    harness = await startHoldsHarness({ timeoutMs: 5000 });
    const chat = harness.conversation('outage-hang');
    await say(chat, 'show my holds');
    await say(chat, '21000000000002');
    await say(chat, '1357');
    await say(chat, 'place a hold on Circe by Madeline Miller');
    await say(chat, '1');
    harness.faults.setFault('hang', ['listPickupLocations', 'placeHold']);
    // Only the guard's timer is faked: the answer comes when 5 s of (fake) time have passed.
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      let settled = false;
      const answer = say(chat, 'Book').finally(() => (settled = true));
      for (let i = 0; i < 20 && !settled; i += 1) await clock.tickAsync(1000);
      expectApology(await answer);
    } finally {
      clock.restore();
    }
    harness.faults.setFault('none');
    expect(await say(chat, 'show my holds')).to.include('You have no holds');
    expect(harness.logLines.join('\n')).to.include('"reason":"timeout"');
  });

  it('apologises when sign-in cannot reach the system, without counting it as a failed attempt', async () => {
    harness = await startHoldsHarness();
    const chat = harness.conversation('outage-sign-in', 'sms');
    harness.faults.setFault('down', ['verifyPatron']);
    for (let i = 0; i < 5; i += 1) {
      await say(chat, 'show my holds');
      await say(chat, '21000000000001');
      const answer = await say(chat, '2468');
      expect(answer).to.include("isn't answering right now").and.include('1. Talk to a person');
      expect(answer).to.not.include("didn't match");
    }
    harness.faults.setFault('none');
    await say(chat, 'show my holds');
    await say(chat, '21000000000001');
    expect(await say(chat, '2468')).to.include("Thanks, Jordan: you're signed in.");
  });

  it('apologises when the catalog search fails', async () => {
    harness = await startHoldsHarness();
    const chat = harness.conversation('outage-search');
    await say(chat, 'show my holds');
    await say(chat, '21000000000002');
    await say(chat, '1357');
    harness.faults.setFault('down', ['searchCatalog']);
    expectApology(await say(chat, 'place a hold on Circe'));
  });
});
