import { expect } from 'chai';
import sinon from 'sinon';
import { CARD_ANSWER_MASK, PIN_MASK } from '../../library/privacy';
import { startHoldsHarness, type Conversation, type HoldsHarness } from './holdsHarness';

async function signIn(
  chat: Conversation,
  card: string,
  pin: string,
  request: string | undefined = 'show my holds',
): Promise<string> {
  if (request) await chat.say(request);
  await chat.say(card);
  return (await chat.say(pin)).join('\n');
}

describe('holds conversation: sign-in and listing', () => {
  let harness: HoldsHarness;
  beforeEach(async () => {
    harness = await startHoldsHarness();
  });
  afterEach(() => {
    sinon.restore();
    harness.close();
  });

  it('asks for the card number, then the PIN, and lists the three holds on a card in Web Chat', async () => {
    const chat = harness.conversation('list-webchat');
    const askCard = (await chat.say('show my holds')).join('\n');
    expect(askCard).to.include('To see your holds').and.include('library card number');
    const askPin = await chat.sayRaw('21000000000001');
    expect(askPin.map((a) => a.text).join('\n')).to.include('PIN');
    expect(askPin[askPin.length - 1].channelData).to.deep.equal({ libraryBot: { sensitiveInput: 'pin' } });
    const listed = await chat.sayRaw('2468');
    const text = listed.map((a) => JSON.stringify(a)).join('\n');
    expect(listed[0].text).to.equal("Thanks, Jordan: you're signed in.");
    expect(listed[1].attachments?.[0].contentType).to.equal('application/vnd.microsoft.card.adaptive');
    // Kept until Sunday, March 15, but Eastside Branch is closed on Sundays: Saturday is the last day.
    expect(text).to.include('Ready for pickup at Eastside Branch: pick it up by Saturday, March 14');
    expect(text).to.include('Waiting: 3rd in line of 3, for pickup at Main Library');
    expect(text).to.include('Lessons in Chemistry').and.include('On its way to Main Library');
    expect(text).to.not.include('2468');
  });

  it('answers "is my book ready?" by SMS in numbered text, ready hold first', async () => {
    const sms = harness.conversation('list-sms', 'sms');
    const answer = await signIn(sms, '21000000000001', '2468', 'is my book ready?');
    expect(answer).to.include('Yes: The Midnight Library is ready at Eastside Branch.');
    expect(answer).to.match(
      /1\. The Midnight Library\nBook by Matt Haig\nReady for pickup at Eastside Branch: pick it up by Saturday, March 14/,
    );
    expect(answer).to.include('3. Project Hail Mary');
    expect(answer).to.not.include('AdaptiveCard');
  });

  it('answers about the hold the patron named first, then offers the rest (Web Chat and SMS)', async () => {
    const chat = harness.conversation('named-hold');
    const answer = await signIn(
      chat,
      '21000000000001',
      '2468',
      'where am i in line for lessons in chemistry',
    );
    expect(answer).to.include('Your hold on Lessons in Chemistry').and.include('On its way to Main Library');
    expect(answer).to.include('Would you like to see your other 2 holds too?');
    expect(answer).to.not.include('The Midnight Library');
    const rest = (await chat.say('yes')).join('\n');
    expect(rest)
      .to.include('The Midnight Library')
      .and.include('Project Hail Mary')
      .and.not.include('Lessons');
    await chat.say('where am i in line for project hail mary');
    expect((await chat.say('no')).join('\n')).to.include('OK. What else can I help you with?');
    const sms = harness.conversation('named-hold-sms', 'sms');
    const text = await signIn(sms, '21000000000001', '2468', 'where am i in line for project hail mary');
    expect(text).to.include('Waiting: 3rd in line of 3').and.include('1. Yes, show them');
    // A new question instead of an answer is routed, not re-asked.
    expect((await sms.say('cancel my hold on project hail mary')).join('\n')).to.include(
      'Cancel your hold on Project Hail Mary',
    );
  });

  it('tells a patron with no holds so, and does not ask to sign in again in the same conversation', async () => {
    const chat = harness.conversation('list-none');
    expect(await signIn(chat, '21000000000002', '1357')).to.include('You have no holds right now');
    const again = (await chat.say('show my holds')).join('\n');
    expect(again).to.include('You have no holds right now');
    expect(again).to.not.include('card number');
  });

  it('answers a wrong PIN and an unknown card number with the same words, and lets the patron retry', async () => {
    const first = harness.conversation('retry-1');
    const wrongPin = await signIn(first, '21000000000001', '1111');
    const second = harness.conversation('retry-2');
    const unknownCard = await signIn(second, '21999999999999', '2468');
    expect(wrongPin)
      .to.include("didn't match our records")
      .and.include("Let's try again: what's your library card number?");
    expect(wrongPin).to.equal(unknownCard);
    await first.say('21000000000001');
    expect((await first.say('2468')).join('\n')).to.include('Your 3 holds');
  });

  it('after a wrong PIN, withholds the PIN typed again at the card question and asks for the card', async () => {
    const chat = harness.conversation('retype-pin');
    const wrong = await signIn(chat, '21000000000001', '1111');
    expect(wrong).to.include("what's your library card number?");
    const retyped = await chat.sayRaw('2468');
    expect(retyped.map((a) => a.text).join('\n')).to.include("doesn't look like a library card number");
    expect(retyped[retyped.length - 1].channelData).to.deep.equal({ libraryBot: { sensitiveInput: 'card' } });
    expect(await signIn(chat, '21000000000001', '2468', undefined)).to.include('Your 3 holds');
    const { items } = await harness.transcripts.getTranscriptActivities('webchat', 'retype-pin');
    expect(JSON.stringify(items)).to.not.include('2468').and.not.include('21000000000001');
  });

  it('takes a question asked at the card or PIN prompt as a new request, shown as typed', async () => {
    const chat = harness.conversation('interrupt');
    await chat.say('show my holds');
    const cancel = (await chat.say('cancel my hold on project hail mary')).join('\n');
    expect(cancel).to.include('To cancel a hold').and.include('card number');
    await chat.say('21000000000001');
    const atPin = (await chat.say('place a hold on lessons in chemistry')).join('\n');
    expect(atPin).to.include('To place a hold').and.include('card number');
    expect(await harness.feature.sessions.hasPendingCard('webchat:interrupt')).to.equal(false);
    const { items } = await harness.transcripts.getTranscriptActivities('webchat', 'interrupt');
    const fromPatron = items.filter((a) => a.from?.role === 'user').map((a) => a.text);
    expect(fromPatron).to.include('cancel my hold on project hail mary');
    expect(fromPatron).to.include('place a hold on lessons in chemistry');
  });

  it('re-asks when the answer is not a card number, and stops on "never mind" at the PIN', async () => {
    const chat = harness.conversation('not-a-card');
    await chat.say('show my holds');
    expect((await chat.say('1234')).join('\n')).to.include("doesn't look like a library card number");
    await chat.say('21000000000001');
    expect((await chat.say('never mind')).join('\n')).to.match(/stopped/i);
    expect((await chat.say('show my holds')).join('\n')).to.include('card number');
  });

  it('signs in when the card number and PIN arrive in one message, showing neither', async () => {
    const chat = harness.conversation('card-and-pin');
    await chat.say('show my holds');
    const answer = (await chat.say('21000000000001 2468')).join('\n');
    expect(answer).to.include("you're signed in").and.include('Your 3 holds');
    const { items } = await harness.transcripts.getTranscriptActivities('webchat', 'card-and-pin');
    expect(JSON.stringify(items)).to.not.include('2468').and.not.include('21000000000001');
  });

  it('takes a one-word "cancel" at the PIN as stopping, not as a wrong PIN', async () => {
    const chat = harness.conversation('cancel-at-pin');
    await chat.say('show my holds');
    await chat.say('21000000000001');
    expect((await chat.say('cancel')).join('\n')).to.match(/stopped/i);
    expect((await harness.feature.sessions.lookup('webchat:cancel-at-pin')).state).to.equal('signed-out');
    expect(await harness.feature.sessions.hasPendingCard('webchat:cancel-at-pin')).to.equal(false);
    // Nothing waits for a PIN any more: the next one-word message is kept as typed.
    await chat.say('hello');
    const { items } = await harness.transcripts.getTranscriptActivities('webchat', 'cancel-at-pin');
    expect(items.filter((a) => a.from?.role === 'user').map((a) => a.text)).to.include('hello');
    for (let i = 0; i < 5; i += 1) {
      await chat.say('show my holds');
      await chat.say('21000000000001');
      await chat.say('stop');
    }
    expect(await signIn(chat, '21000000000001', '2468')).to.include('Your 3 holds');
  });

  it('locks sign-in after 5 failures, for that card on that client and for that conversation, not for the patron elsewhere', async () => {
    const chat = harness.conversation('throttle-1');
    let last = '';
    for (let i = 0; i < 5; i += 1) {
      last = await signIn(chat, '21000000000001', `000${i}`, i === 0 ? 'show my holds' : undefined);
      if (i < 4) expect(last).to.include("didn't match our records");
    }
    expect(last).to.include('sign-in is paused').and.include('15 minutes').and.include('(555) 010-2000');
    // The right PIN from another conversation of the same client (TestAdapter's one user) is refused
    // while that card is locked there, in the same words.
    const other = harness.conversation('throttle-2');
    expect(await signIn(other, '21000000000001', '2468')).to.include('sign-in is paused');
    // This conversation is locked for other cards too.
    expect(await signIn(chat, '21000000000002', '1357')).to.include('sign-in is paused');
    // A different conversation and card are unaffected.
    expect(await signIn(harness.conversation('throttle-3'), '21000000000002', '1357')).to.include('no holds');
    // The card's patron, on their own device, is not locked out by someone else's wrong PINs.
    const own = harness.conversation('throttle-4', 'webchat', 'patrons-own-phone');
    expect(await signIn(own, '21000000000001', '2468')).to.include('Your 3 holds');
  });

  it('signs out on request, and asks for the card again afterwards', async () => {
    const chat = harness.conversation('sign-out');
    await signIn(chat, '21000000000002', '1357');
    expect((await chat.say('sign out')).join('\n')).to.include("You're signed out");
    expect((await chat.say('sign out')).join('\n')).to.include("You weren't signed in");
    expect((await chat.say('show my holds')).join('\n')).to.include('card number');
  });

  it('ends the session after 15 idle minutes (fake clock) and says so', async () => {
    const clock = sinon.useFakeTimers({ now: new Date('2026-03-10T20:00:00Z'), toFake: ['Date'] });
    const chat = harness.conversation('idle');
    await signIn(chat, '21000000000002', '1357');
    clock.tick(14 * 60_000);
    expect((await chat.say('show my holds')).join('\n')).to.include('You have no holds');
    clock.tick(15 * 60_000);
    const expired = (await chat.say('show my holds')).join('\n');
    expect(expired).to.include('signed out after a while without activity').and.include('card number');
  });

  it('keeps the PIN turn out of the transcript and marks it', async () => {
    const chat = harness.conversation('transcript');
    await signIn(chat, '21000000000001', '2468');
    const { items } = await harness.transcripts.getTranscriptActivities('webchat', 'transcript');
    const fromPatron = items.filter((a) => a.from?.role === 'user').map((a) => a.text);
    expect(fromPatron).to.deep.equal(['show my holds', CARD_ANSWER_MASK, PIN_MASK]);
    expect(JSON.stringify(items)).to.not.include('2468').and.not.include('21000000000001');
    // Each turn is marked for the lead's log layer: card turn, PIN turn, nothing otherwise.
    expect(harness.sensitiveTurns).to.deep.equal([undefined, 'card', 'pin']);
  });
});
