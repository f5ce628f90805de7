// Every holds question accepts its buttons' labels typed out (Web Chat) and its list numbers (SMS):
// which title, which format, pickup, which branch, which hold to cancel, and the confirmation.
import { expect } from 'chai';
import { startHoldsHarness, type Conversation, type HoldsHarness } from './holdsHarness';

const say = async (chat: Conversation, text: string) => (await chat.say(text)).join('\n');

describe('holds conversation: typed button labels and SMS numbers at every question', () => {
  let harness: HoldsHarness;
  beforeEach(async () => {
    harness = await startHoldsHarness();
  });
  afterEach(() => harness.close());

  it('Web Chat: labels typed at the title, format, pickup, cancel-which and confirm questions', async () => {
    const chat = harness.conversation('typed-labels');
    await say(chat, 'place a hold on Project Hail Mary by Andy Weir');
    await say(chat, '21000000000002');
    expect(await say(chat, '1357')).to.include('I found this. Is it the one?');
    expect(await say(chat, 'the first one')).to.include('comes in 4 formats');
    expect(await say(chat, 'Large print (on the shelf now)')).to.include(
      'Place a hold on Project Hail Mary (Large print) for pickup at Eastside Branch, your home branch?',
    );
    expect(await say(chat, 'Yes, place it')).to.include(
      'Done: your hold on Project Hail Mary (Large print) is placed.',
    );

    expect(await say(chat, 'cancel a hold')).to.include('Which hold would you like to cancel?');
    expect(await say(chat, 'Project Hail Mary (Large print)')).to.include(
      'Cancel your hold on Project Hail Mary (Large print)?',
    );
    expect(await say(chat, 'No, keep it')).to.include('OK, I kept your hold on Project Hail Mary.');
    await say(chat, 'cancel a hold');
    await say(chat, 'project hail mary');
    expect(await say(chat, 'Yes, cancel it')).to.include('Your hold on Project Hail Mary is cancelled.');
  });

  it('SMS: numbers at the title, format, pickup, branch, cancel-which and confirm questions', async () => {
    const sms = harness.conversation('typed-numbers', 'sms');
    await say(sms, 'place a hold on Project Hail Mary by Andy Weir');
    await say(sms, '21000000000002');
    expect(await say(sms, '1357')).to.include('Reply 1 or yes if it is, 2 if not');
    expect(await say(sms, '1')).to.include('1. Book');
    expect(await say(sms, '2')).to.include('Place a hold on Project Hail Mary (Large print)');
    expect(await say(sms, '2')).to.include('Where would you like to pick it up?');
    const placed = await say(sms, '3');
    expect(placed).to.include('Done: your hold on Project Hail Mary (Large print) is placed.');

    expect(await say(sms, 'cancel a hold')).to.include('1. Project Hail Mary (Large print)');
    expect(await say(sms, '1')).to.include('1. Yes, cancel it\n2. No, keep it');
    expect(await say(sms, '2')).to.include('OK, I kept your hold on Project Hail Mary.');
    await say(sms, 'cancel a hold');
    expect(await say(sms, '3')).to.include('Which hold would you like to cancel?'); // out of range: asked again
    await say(sms, 'the first one');
    expect(await say(sms, '1')).to.include('Your hold on Project Hail Mary is cancelled.');
  });

  it('SMS: the offer to see the other holds answered with "1", Web Chat with its label', async () => {
    for (const [channelId, answer] of [
      ['sms', '1'],
      ['webchat', 'Yes, show them'],
    ]) {
      const chat = harness.conversation(`others-${channelId}`, channelId);
      await say(chat, 'where am i in line for Lessons in Chemistry');
      await say(chat, '21000000000001');
      expect(await say(chat, '2468')).to.include('Would you like to see your other 2 holds too?');
      const others = await say(chat, answer);
      expect(others, channelId).to.include('The Midnight Library');
    }
  });
});
