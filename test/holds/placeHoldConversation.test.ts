import { expect } from 'chai';
import { startHoldsHarness, type Conversation, type HoldsHarness } from './holdsHarness';

async function signedIn(harness: HoldsHarness, id: string, card: string, pin: string, channelId = 'webchat') {
  const chat = harness.conversation(id, channelId);
  await chat.say('show my holds');
  await chat.say(card);
  await chat.say(pin);
  return chat;
}

const say = async (chat: Conversation, text: string) => (await chat.say(text)).join('\n');

describe('holds conversation: placing a hold', () => {
  let harness: HoldsHarness;
  beforeEach(async () => {
    harness = await startHoldsHarness();
  });
  afterEach(() => harness.close());

  it('signs in first, then finds the title from the recognizer, picks a format and places it at the home branch', async () => {
    const chat = harness.conversation('place-1');
    expect(await say(chat, 'place a hold on Project Hail Mary by Andy Weir')).to.include('To place a hold');
    await say(chat, '21000000000002');
    const matches = await say(chat, '1357');
    expect(matches).to.include('I found this. Is it the one?');
    expect(matches).to.include(
      '[Project Hail Mary by Andy Weir (2021; book, large print, audiobook, ebook)]',
    );
    const formats = await say(
      chat,
      'Project Hail Mary by Andy Weir (2021; book, large print, audiobook, ebook)',
    );
    expect(formats).to.include('comes in 4 formats').and.include('[Large print (on the shelf now)]');
    const confirm = await say(chat, 'large print');
    expect(confirm).to.include(
      'Place a hold on Project Hail Mary (Large print) for pickup at Eastside Branch, your home branch?',
    );
    const placed = await say(chat, 'yes');
    expect(placed).to.include('Done: your hold on Project Hail Mary (Large print) is placed.');
    expect(placed).to.include('on its way to Eastside Branch');
    const listed = await say(chat, 'show my holds');
    expect(listed).to.include('Project Hail Mary').and.include('Large print by Andy Weir');
  });

  it('asks what to find, disambiguates between titles, and lets the patron choose another pickup branch (SMS)', async () => {
    const sms = await signedIn(harness, 'place-sms', '21000000000002', '1357', 'sms');
    expect(await say(sms, 'place a hold')).to.include('What would you like to put on hold?');
    const matches = await say(sms, 'andy weir');
    expect(matches).to.include('I found these. Reply with a number:');
    expect(matches).to.match(
      /\d\. Project Hail Mary by Andy Weir \(2021; book, large print, audiobook, ebook\)/,
    );
    expect(matches).to.match(/\d\. The Martian by Andy Weir/);
    expect(matches).to.match(/\d\. Artemis by Andy Weir/);
    expect(matches).to.include('None of these');
    const formats = await say(sms, 'project hail mary');
    expect(formats).to.include('1. Book');
    const pickup = await say(sms, '1');
    expect(pickup)
      .to.include('for pickup at Eastside Branch, your home branch?')
      .and.include('2. Pick up somewhere else');
    const branches = await say(sms, '2');
    expect(branches).to.include('1. Eastside Branch (your home branch)').and.include('Oak Hill Branch');
    expect(branches).to.not.include('Bookmobile');
    const placed = await say(sms, 'Oak Hill Branch');
    expect(placed).to.include('Done: your hold on Project Hail Mary (Book) is placed. You are 4th in line.');
    expect(placed).to.include('Oak Hill Branch');
  });

  it('uses a branch named in the request as the pickup location', async () => {
    const chat = await signedIn(harness, 'place-branch', '21000000000002', '1357');
    await say(chat, 'put a hold on The Martian by Andy Weir at oak hill');
    const format = await say(chat, '1');
    expect(format).to.include('[Book');
    expect(await say(chat, 'book')).to.include('for pickup at Oak Hill Branch?');
    expect(await say(chat, 'no')).to.include("OK, I didn't place a hold.");
    expect(await say(chat, 'show my holds')).to.include('You have no holds');
  });

  it('searches again on "None of these" and gives up kindly after three misses', async () => {
    const chat = await signedIn(harness, 'place-none', '21000000000002', '1357');
    await say(chat, 'place a hold on Project Hail Mary');
    expect(await say(chat, 'None of these'))
      .to.include("let's try different words")
      .and.include('What should I look for instead?');
    expect(await say(chat, 'zzyzx quorble')).to.include("couldn't find anything");
    const last = await say(chat, 'florp glimmerwick');
    expect(last)
      .to.include("I couldn't find it.")
      .and.include('https://riverbend-library.example.org')
      .and.include('(555) 010-2000');
  });

  it('refuses a title already on hold', async () => {
    const chat = await signedIn(harness, 'place-already', '21000000000001', '2468');
    await say(chat, 'place a hold on Project Hail Mary by Andy Weir');
    // Right after the title is chosen, before any format or pickup question.
    const held = await say(chat, '1');
    expect(held).to.include('You already have a hold on Project Hail Mary.');
    expect(held).to.include('3rd in line').and.not.include('formats');
  });

  it('refuses past the hold limit before any searching, and places nothing', async () => {
    const chat = await signedIn(harness, 'place-limit', '21000000000004', '4321', 'sms');
    const refused = await say(chat, 'place a hold on Circe by Madeline Miller');
    expect(refused).to.include('Your account already has the most holds it can have (2).');
    expect(refused).to.not.include('I found');
    expect(refused.length).to.be.at.most(320);
    expect(await say(chat, '1')).to.not.include('Place a hold on');
  });

  it('refuses a blocked account with the reason and what to do, before any searching', async () => {
    const chat = await signedIn(harness, 'place-blocked', '21000000000003', '9999');
    const refused = await say(chat, 'place a hold on Circe by Madeline Miller');
    expect(refused).to.include("Your account can't place holds right now because of $42.50 in unpaid fines.");
    expect(refused).to.include('(555) 010-2000').and.not.include('I found');
  });

  it('refuses an eBook and a library-use-only title as not holdable', async () => {
    const chat = await signedIn(harness, 'place-ebook', '21000000000002', '1357');
    await say(chat, 'place a hold on The Midnight Library by Matt Haig');
    await say(chat, '1');
    expect(await say(chat, 'eBook')).to.include(
      "borrow it or join its waitlist in the library's e-reading app",
    );
    await say(chat, 'place a hold on Riverbend County Atlas');
    expect(await say(chat, '1')).to.include('Riverbend County Atlas stays in the library');
  });

  it('hands "talk to a person" mid-way back to the main dialog to route, placing nothing', async () => {
    const chat = await signedIn(harness, 'place-person', '21000000000002', '1357');
    await say(chat, 'place a hold on Circe by Madeline Miller');
    const seenBefore = harness.recognizer.seen.length;
    const answer = await say(chat, 'I want to talk to a person please');
    const seen = harness.recognizer.seen.slice(seenBefore);
    expect(seen.length).to.be.greaterThan(0);
    expect(seen.every((text) => text === 'I want to talk to a person please')).to.equal(true);
    expect(answer).to.not.include("didn't catch").and.not.include('Which would you like');
    expect(await say(chat, 'show my holds')).to.include('You have no holds');
  });

  it('stops when the patron says "cancel" mid-way, placing nothing', async () => {
    const chat = await signedIn(harness, 'place-stop', '21000000000002', '1357');
    await say(chat, 'place a hold on Circe by Madeline Miller');
    expect(await say(chat, 'cancel')).to.match(/stopped/i);
    expect(await say(chat, 'show my holds')).to.include('You have no holds');
  });

  it('takes "yes", "1" and "2" at a single match as a patron means them (Web Chat and SMS)', async () => {
    const chat = await signedIn(harness, 'single-yes', '21000000000002', '1357');
    expect(await say(chat, 'place a hold on Lessons in Chemistry')).to.include('Is it the one?');
    expect(await say(chat, 'yes')).to.include('Lessons in Chemistry comes in');
    await say(chat, 'cancel');
    const sms = await signedIn(harness, 'single-sms', '21000000000002', '1357', 'sms');
    const matches = await say(sms, 'place a hold on Lessons in Chemistry');
    expect(matches)
      .to.include('Is it the one? Reply 1 or yes if it is, 2 if not:')
      .and.include('2. None of these');
    expect(matches.length).to.be.at.most(320);
    expect(await say(sms, '1')).to.include('Lessons in Chemistry comes in');
    await say(sms, 'cancel');
    await say(sms, 'place a hold on Lessons in Chemistry');
    expect(await say(sms, '2'))
      .to.include("let's try different words")
      .and.include('What should I look for instead?');
    await say(sms, 'place a hold on Lessons in Chemistry');
    expect(await say(sms, 'no')).to.include('What should I look for instead?');
  });

  it('routes a new request typed at "what should I look for?" instead of searching for it', async () => {
    const chat = await signedIn(harness, 'search-reroute', '21000000000001', '2468');
    expect(await say(chat, 'place a hold')).to.include('What would you like to put on hold?');
    const listed = await say(chat, 'show my holds');
    expect(listed).to.include('Your 3 holds').and.not.include("couldn't find");
    await say(chat, 'place a hold');
    const hours = await say(chat, 'what time do you close');
    expect(hours).to.not.include("couldn't find").and.not.include('look for instead');
    // A short title that also reads as another question is still searched first.
    await say(chat, 'place a hold');
    expect(await say(chat, 'dune')).to.include('Dune by Frank Herbert');
  });
});
