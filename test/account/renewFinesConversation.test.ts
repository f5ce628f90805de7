import { expect } from 'chai';
import type { HoldsHarness } from '../holds/holdsHarness';
import {
  askSignedIn,
  AVERY,
  CASEY,
  ROBIN,
  say,
  startAccountHarness,
  trainRecognizerFirst,
} from './accountHarness';

describe('account conversation: renewals', () => {
  let harness: HoldsHarness;
  trainRecognizerFirst();
  beforeEach(async () => {
    harness = await startAccountHarness();
  });
  afterEach(() => harness.close());

  it('renews one title named in the request and says until when', async () => {
    const chat = harness.conversation('renew-one');
    const answer = await askSignedIn(chat, 'renew atomic habits', AVERY);
    expect(answer).to.include('Renewed: Atomic Habits is now due Tuesday, March 31.');
  });

  it('says plainly why a named title was not renewed, and when to return it', async () => {
    const chat = harness.conversation('renew-refused');
    const answer = await askSignedIn(chat, 'renew Project Hail Mary', AVERY);
    expect(answer).to.include(
      "I couldn't renew Project Hail Mary: another patron is waiting for it. Please return it by Sunday, March 15.",
    );
  });

  it('renews them all by SMS, each result on its own line', async () => {
    const sms = harness.conversation('renew-all-sms', 'sms');
    const answer = await askSignedIn(sms, 'renew them all pls', AVERY);
    expect(answer).to.include('I renewed 2 of your 4 items.');
    expect(answer).to.match(/The Thursday Murder Club\nRenewed: now due Tuesday, March 31/);
    expect(answer).to.match(
      /Dune\nNot renewed: it has been renewed the most times allowed\. Please return it by Thursday, March 12\./,
    );
    expect(answer).to.match(/Project Hail Mary\nNot renewed: another patron is waiting for it/);
    expect(answer).to.match(/Atomic Habits\nRenewed: now due Tuesday, March 31/);
  });

  it('asks which item when the request names none, and takes a typed title as the answer', async () => {
    const chat = harness.conversation('renew-which');
    const asked = await askSignedIn(chat, 'pls renew one of my books', AVERY);
    expect(asked).to.include('Which would you like to renew?');
    expect(await say(chat, 'the thursday murder club')).to.include(
      'Renewed: The Thursday Murder Club is now due Tuesday, March 31.',
    );
  });

  it('tells a blocked patron why nothing was renewed and how to clear it', async () => {
    const chat = harness.conversation('renew-blocked');
    const answer = await askSignedIn(chat, 'renew my books', CASEY);
    expect(answer).to.include("I couldn't renew Where the Crawdads Sing: your account is blocked because of");
    expect(answer).to.include('Say "what do I owe" to see why and how to clear it.');
  });
});

describe('account conversation: fines and blocks', () => {
  let harness: HoldsHarness;
  trainRecognizerFirst();
  before(async () => {
    harness = await startAccountHarness();
  });
  after(() => harness.close());

  it("answers a blocked patron's 'how much do i owe' with their own balance, lines and block", async () => {
    const chat = harness.conversation('fines-blocked');
    const listed = await chat.sayRaw('how much do i owe');
    expect(listed.map((a) => a.text ?? '').join('\n')).to.include('library card number');
    await chat.say(CASEY.card);
    const answer = (await chat.sayRaw(CASEY.pin))
      .map((a) => `${a.text ?? ''}${JSON.stringify(a.attachments ?? '')}`)
      .join('\n');
    expect(answer).to.include('You owe $42.50.');
    expect(answer).to.include('$25.00').and.include('$5.00').and.include('$12.50');
    expect(answer)
      .to.include('Your account is blocked because of')
      .and.include("so you can't place holds or renew items");
    expect(answer).to.not.include('has no overdue fines');
  });

  it('answers "why cant i place holds" by SMS with the block reason', async () => {
    const sms = harness.conversation('fines-why-sms', 'sms');
    const answer = await askSignedIn(sms, 'why cant i place holds??', CASEY);
    expect(answer).to.include('Your account is blocked because of');
    expect(answer).to.include('You owe $42.50.');
  });

  it("answers a patron at the hold limit who asks why they can't place holds", async () => {
    const chat = harness.conversation('fines-limit');
    const answer = await askSignedIn(chat, 'why wont it let me put a hold on anything', ROBIN);
    expect(answer).to.include(
      'You have 2 holds, the most your account can have, so a new hold waits until one is picked up or cancelled.',
    );
  });

  it('tells a patron with a small balance who asks about holds that nothing stops them', async () => {
    const chat = harness.conversation('fines-small-holds');
    const answer = await askSignedIn(chat, 'why cant i place holds', AVERY);
    expect(answer).to.include(
      "Nothing on your account stops you from placing holds. You owe $3.00, which doesn't block your account.",
    );
  });

  it('tells a patron who owes a little that nothing blocks the account', async () => {
    const chat = harness.conversation('fines-small');
    const answer = await askSignedIn(chat, 'wat do i owe', AVERY);
    expect(answer).to.include('You owe $3.00.');
    expect(answer).to.include('Your account is not blocked: you can still place holds and renew items.');
  });
});
