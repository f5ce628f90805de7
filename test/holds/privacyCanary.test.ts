// Privacy canary: a known card number and PIN go through every holds flow on Web Chat and SMS;
// then every sink is searched. The PIN must be absent; the full card number absent (masked is fine).
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHoldsHarness, type Conversation, type HoldsHarness } from './holdsHarness';

const CARD = '29990000471263';
const CARD_SPACED = '2999 0000 4712 63';
const PIN = 'Kx7canary93';

describe('holds privacy canary', () => {
  let harness: HoldsHarness;
  const shown: string[] = [];
  const conversations: [string, string][] = [];

  before(async () => {
    harness = await startHoldsHarness();
    harness.fixture.system.registerPatron({
      cardNumber: CARD,
      pin: PIN,
      name: 'Canary Patron',
      homeBranchId: 'main',
    });
    const open = (id: string, channelId: string): Conversation => {
      conversations.push([channelId, id]);
      const chat = harness.conversation(id, channelId);
      return {
        ...chat,
        say: async (text: string) => {
          const replies = await chat.say(text);
          shown.push(...replies);
          return replies;
        },
      };
    };

    for (const channelId of ['webchat', 'sms']) {
      const chat = open(`canary-${channelId}`, channelId);
      // A wrong PIN first, then the right one with the card typed with spaces.
      await chat.say('show my holds');
      await chat.say(CARD);
      await chat.say(`${PIN}x`);
      // Told it didn't match, the patron types the PIN again, at the card-number question.
      await chat.say(PIN);
      await chat.say(CARD_SPACED);
      await chat.say(PIN);
      await chat.say('is my book ready?');
      // Place, with disambiguation and a pickup change.
      await chat.say('place a hold');
      await chat.say('andy weir');
      await chat.say('Project Hail Mary');
      await chat.say('Book');
      await chat.say('Pick up somewhere else');
      await chat.say('Oak Hill Branch');
      // A refusal, then cancel.
      await chat.say('place a hold on Project Hail Mary by Andy Weir');
      await chat.say('1');
      await chat.say('Book');
      await chat.say('yes');
      await chat.say('cancel my hold on project hail mary');
      await chat.say('yes');
      // An outage mid-way, then sign out.
      harness.faults.setFault('down', ['listHolds']);
      await chat.say('show my holds');
      harness.faults.setFault('none');
      await chat.say('sign out');
      // Signing in again after sign-out, giving up at the PIN.
      await chat.say('cancel a hold');
      await chat.say(CARD);
      await chat.say('never mind');
    }
    // A second patron's conversation alongside.
    const other = open('canary-other', 'webchat');
    await other.say('show my holds');
    await other.say('21000000000002');
    await other.say('1357');
  });
  after(() => harness.close());

  function expectClean(where: string, text: string): void {
    expect(text, where).to.not.include(PIN);
    expect(text, where).to.not.include(CARD);
    expect(text, where).to.not.include(CARD_SPACED);
  }

  it('ran every flow (the canary reached the library system)', () => {
    const all = shown.join('\n');
    expect(all).to.include("Thanks, Canary: you're signed in.");
    expect(all).to.include('Done: your hold on Project Hail Mary (Book) is placed.');
    expect(all).to.include('Your hold on Project Hail Mary is cancelled.');
    expect(all).to.include("isn't answering right now");
    expect(all).to.include("You're signed out");
  });

  it('never shows the PIN or the full card number to the patron', () => {
    expectClean('replies', shown.join('\n'));
  });

  it('keeps them out of transcripts (what staff would be shown)', async () => {
    for (const [channelId, id] of conversations) {
      const { items } = await harness.transcripts.getTranscriptActivities(channelId, id);
      expect(items.length, id).to.be.greaterThan(5);
      const text = JSON.stringify(items);
      expectClean(`transcript ${id}`, text);
      if (id !== 'canary-other')
        expect(text).to.include('[card number withheld]').and.include('[PIN withheld]');
    }
  });

  it('keeps them out of the logs', () => {
    expect(harness.logLines.length).to.be.greaterThan(3);
    expectClean('logs', harness.logLines.join('\n'));
  });

  it('keeps them out of the SQLite files in the data folder (bot state and library system)', () => {
    const files = readdirSync(harness.fixture.dataDir).filter((f) => f.includes('.sqlite'));
    expect(files).to.include.members(['bot-state.sqlite', 'demo-library-system.sqlite']);
    for (const file of files) {
      const bytes = readFileSync(join(harness.fixture.dataDir, file));
      for (const encoding of ['utf8', 'utf16le'] as const)
        expectClean(file, bytes.toString(encoding === 'utf8' ? 'latin1' : encoding));
    }
  });
});
