import { expect } from 'chai';
import { withoutFeatures } from '../librarySystem/limitedFeatures';
import type { HoldsHarness } from '../holds/holdsHarness';
import {
  askSignedIn,
  AVERY,
  CASEY,
  SAM,
  say,
  startAccountHarness,
  trainRecognizerFirst,
} from './accountHarness';

describe('account conversation: checkouts and due dates', () => {
  let harness: HoldsHarness;
  trainRecognizerFirst();
  beforeEach(async () => {
    harness = await startAccountHarness();
  });
  afterEach(() => harness.close());

  it('lists what is checked out in Web Chat, overdue first and said plainly, with due dates and renewability', async () => {
    const chat = harness.conversation('checkouts-web');
    const asked = await say(chat, 'what do I have checked out');
    expect(asked).to.include('To see what you have checked out').and.include('library card number');
    await chat.say(AVERY.card);
    const listed = await chat.sayRaw(AVERY.pin);
    expect(listed[0].text).to.equal("Thanks, Avery: you're signed in.");
    expect(listed[1].text).to.equal(
      'You have 4 items checked out, and 1 is overdue: The Thursday Murder Club, due Friday, March 6.',
    );
    expect(listed[2].attachments?.[0].contentType).to.equal('application/vnd.microsoft.card.adaptive');
    const card = JSON.stringify(listed[2].attachments?.[0].content);
    const order = ['The Thursday Murder Club', 'Dune', 'Project Hail Mary', 'Atomic Habits'].map((t) =>
      card.indexOf(`"${t}"`),
    );
    expect(
      order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1])),
      card,
    ).to.equal(true);
    expect(card).to.include('Overdue: it was due Friday, March 6 (4 days ago)');
    expect(card).to.include('Due Thursday, March 12 (in 2 days)');
    expect(card).to.include("Can't be renewed: it has been renewed the most times allowed");
    expect(card).to.include('Due Sunday, March 15 (in 5 days)');
    expect(card).to.include("Can't be renewed: another patron is waiting for it");
    expect(card).to.include('Due Thursday, March 19').and.include('Can be renewed (2 renewals left)');
    // A "Renew this" button only on the two items that can be renewed.
    expect(card.match(/"title":"Renew this"/g)).to.have.length(2);
    expect(card)
      .to.include('"text":"renew The Thursday Murder Club"')
      .and.include('"text":"renew Atomic Habits"');
    expect(card).to.include('You can say \\"renew all\\", \\"renew\\" and a title or \\"what do I owe\\".');
  });

  it('answers "when are my books due" by SMS in numbered text, without cards', async () => {
    const sms = harness.conversation('checkouts-sms', 'sms');
    const answer = await askSignedIn(sms, 'when are my books due', AVERY);
    expect(answer).to.include('1 is overdue: The Thursday Murder Club');
    expect(answer).to.match(
      /1\. The Thursday Murder Club\n[^\n]+\nOverdue: it was due Friday, March 6 \(4 days ago\)/,
    );
    expect(answer).to.match(/2\. Dune\n[^\n]+\nDue Thursday, March 12 \(in 2 days\)/);
    expect(answer).to.include('4. Atomic Habits');
    expect(answer).to.not.include('AdaptiveCard').and.not.include('Renew this');
    const { items } = await harness.transcripts.getTranscriptActivities('sms', 'checkouts-sms');
    for (const activity of items.filter((a) => a.from?.role === 'bot'))
      expect((activity.text ?? '').length, activity.text).to.be.at.most(1600);
  });

  it('says so when nothing is checked out, and does not ask to sign in again', async () => {
    const chat = harness.conversation('checkouts-none');
    expect(await askSignedIn(chat, 'what do i have checked out', SAM)).to.include(
      'You have nothing checked out right now.',
    );
    expect(await say(chat, 'when are my books due')).to.equal('You have nothing checked out right now.');
  });

  it("shows a blocked patron's overdue item as not renewable because of the block", async () => {
    const chat = harness.conversation('checkouts-blocked');
    const answer = await askSignedIn(chat, 'what do i have checked out', CASEY);
    expect(answer).to.include('Where the Crawdads Sing').and.include('(40 days ago)');
    expect(answer).to.include("Can't be renewed: your account is blocked");
    expect(answer).to.not.include('Renew this');
  });

  it('apologises and offers a person when the library system is down', async () => {
    const chat = harness.conversation('checkouts-down');
    await chat.say('what do i have checked out');
    await chat.say(AVERY.card);
    harness.faults.setFault('down', ['listCheckouts']);
    const answer = (await chat.say(AVERY.pin)).join('\n');
    expect(answer).to.include("isn't answering right now").and.include('talk to a staff member');
  });
});

describe('account conversation: a library system that cannot list checkouts', () => {
  let harness: HoldsHarness;
  trainRecognizerFirst();
  before(async () => {
    harness = await startAccountHarness({ wrap: (system) => withoutFeatures(system, ['checkouts']) });
  });
  after(() => harness.close());

  it('says so plainly before asking for a card number', async () => {
    const chat = harness.conversation('no-checkouts');
    const answer = await say(chat, 'what do i have checked out');
    expect(answer).to.include(
      "I can't show what you have checked out here in the chat with this library's system.",
    );
    expect(answer).to.include('call (555) 010-2000').and.not.include('card number');
  });
});
