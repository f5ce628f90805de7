import { expect } from 'chai';
import { HoldNotFoundError } from '../../library/librarySystem/errors';
import { startHoldsHarness, type Conversation, type HoldsHarness } from './holdsHarness';

async function signedIn(harness: HoldsHarness, id: string, card: string, pin: string, channelId = 'webchat') {
  const chat = harness.conversation(id, channelId);
  await chat.say('show my holds');
  await chat.say(card);
  await chat.say(pin);
  return chat;
}

const say = async (chat: Conversation, text: string) => (await chat.say(text)).join('\n');

describe('holds conversation: cancelling and isolation', () => {
  let harness: HoldsHarness;
  beforeEach(async () => {
    harness = await startHoldsHarness();
  });
  afterEach(() => harness.close());

  it('cancels a hold picked by number after confirming (SMS)', async () => {
    const sms = harness.conversation('cancel-sms', 'sms');
    expect(await say(sms, 'cancel a hold')).to.include('To cancel a hold');
    await say(sms, '21000000000001');
    const choice = await say(sms, '2468');
    expect(choice).to.include('Which hold would you like to cancel?');
    // The order of the holds list (ready, in transit, waiting), so "3" means the same hold in both.
    expect(choice).to.include(
      '1. The Midnight Library (Book)\n2. Lessons in Chemistry (Book)\n3. Project Hail Mary (Book)\n4. None',
    );
    expect(await say(sms, 'show my holds')).to.match(/2\. Lessons in Chemistry[^]*3\. Project Hail Mary/);
    await say(sms, 'cancel a hold');
    const confirm = await say(sms, '3');
    expect(confirm).to.include(
      'Cancel your hold on Project Hail Mary (Book)? You will lose your place in line (3rd).',
    );
    expect(await say(sms, '1')).to.include('Your hold on Project Hail Mary is cancelled.');
    const listed = await say(sms, 'show my holds');
    expect(listed).to.include('Your 2 holds').and.not.include('Project Hail Mary');
  });

  it('picks the hold the patron named, and keeps it when they say no', async () => {
    const chat = await signedIn(harness, 'cancel-named', '21000000000001', '2468');
    const confirm = await say(chat, 'cancel my hold on the midnight library');
    expect(confirm).to.include('Cancel your hold on The Midnight Library (Book)?');
    expect(confirm).to.include('[Yes, cancel it]').and.include('[No, keep it]');
    expect(await say(chat, 'No, keep it')).to.include('OK, I kept your hold on The Midnight Library.');
    expect(await say(chat, 'show my holds')).to.include('Your 3 holds');
  });

  it('keeps everything on "None"', async () => {
    const chat = await signedIn(harness, 'cancel-none', '21000000000001', '2468');
    await say(chat, 'cancel a hold');
    expect(await say(chat, 'None')).to.include('OK, I kept all your holds.');
    expect(await say(chat, 'show my holds')).to.include('Your 3 holds');
  });

  it('tells a patron with no holds there is nothing to cancel', async () => {
    const chat = await signedIn(harness, 'cancel-empty', '21000000000002', '1357');
    expect(await say(chat, 'cancel a hold')).to.include('You have no holds to cancel.');
  });

  it("never shows one conversation's patron or holds in another conversation", async () => {
    const first = await signedIn(harness, 'patron-a', '21000000000001', '2468');
    expect(await say(first, 'show my holds')).to.include('Your 3 holds');
    // Same web page user id, different conversation: not signed in, asked for a card.
    const second = harness.conversation('patron-b');
    const asked = await say(second, 'show my holds');
    expect(asked).to.include('card number').and.not.include('Midnight Library');
    await say(second, '21000000000002');
    const seen = await say(second, '1357');
    expect(seen).to.include('You have no holds right now').and.not.include('Midnight Library');
    expect(await say(second, 'cancel a hold')).to.include('You have no holds to cancel.');
    // An SMS conversation with the same id on another channel is another conversation too.
    expect(await say(harness.conversation('patron-a', 'sms'), 'show my holds')).to.include('card number');
  });

  it("refuses to cancel another patron's hold id, even when asked directly", async () => {
    const jordan = await harness.feature.librarySystem.verifyPatron('21000000000001', '2468');
    const sam = await harness.feature.librarySystem.verifyPatron('21000000000002', '1357');
    const [hold] = await harness.feature.librarySystem.listHolds(jordan.patronId);
    let refused: unknown;
    try {
      await harness.feature.librarySystem.cancelHold(sam.patronId, hold.holdId);
    } catch (error) {
      refused = error;
    }
    expect(refused).to.be.instanceOf(HoldNotFoundError);
    expect(await harness.feature.librarySystem.listHolds(jordan.patronId)).to.have.length(3);
  });
});
