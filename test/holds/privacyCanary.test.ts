// Privacy canary: a known card number and PIN go through every holds flow on Web Chat and SMS, and
// through the real server with the built-in Direct Line and a handoff to staff; then every sink is
// searched: the production (pino) logger's output, transcripts, every SQLite file, Direct Line history
// of the patron and of the staff workspace, the staff summary and the handoff.initiate transcript.
// The PIN must be absent; the full card number absent (masked is fine).
import type { Activity } from 'botbuilder';
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDemoLibrarySystem } from '../../library/librarySystem/demo/demoLibrarySystem';
import type { WorkspaceSnapshot } from '../../bots/handoff/workspaceSnapshot';
import { DirectLineTestClient } from '../support/directLineClient';
import { WorkspaceTestClient } from '../handoff/workspaceClient';
import { demoLibraryRecognizer, startTestBot, temporaryDirectory, type TestBot } from '../support/testBot';
import { demoBranches, testPinHashCost } from '../librarySystem/demoFixture';
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
      // The PIN typed anyway, after the sign-in stopped.
      await chat.say(PIN);
      // Card number and PIN in the request itself.
      await chat.say(`my card is ${CARD_SPACED} and pin ${PIN} what's on hold`);
      await chat.say('sign out');
    }
    // A second patron's conversation alongside.
    const other = open('canary-other', 'webchat');
    await other.say('show my holds');
    await other.say('21000000000002');
    await other.say('1357');
  });
  after(() => harness.close());

  it('signed in from a request that carried the card number and PIN, and said why a stray PIN was not kept', () => {
    const all = shown.join('\n');
    expect(all.match(/Thanks, Canary: you're signed in\./g)?.length).to.equal(4);
    expect(all).to.include("I didn't keep that: it looked like a PIN or card number");
  });

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

describe('privacy canary through the server: Direct Line, the production logger and a handoff to staff', function () {
  this.timeout(30000);
  const CARD = '29990000471263';
  const CARD_SPACED = '2999 0000 4712 63';
  const PIN = 'Kx7canary93';
  let bot: TestBot;
  let patron: DirectLineTestClient;
  let sam: DirectLineTestClient;
  let initiate: Activity | undefined;
  let workspace: WorkspaceTestClient;
  let waiting: WorkspaceSnapshot | undefined;

  const textStarting = (start: string) => (a: Activity) =>
    a.type === 'message' && typeof a.text === 'string' && a.text.startsWith(start);

  before(async () => {
    // The canary patron, registered in the demo library system the bot then opens.
    const dataDir = temporaryDirectory();
    const system = openDemoLibrarySystem({
      dataDir,
      branches: demoBranches,
      timeZone: 'America/Chicago',
      pinHashCost: testPinHashCost,
    });
    system.registerPatron({ cardNumber: CARD, pin: PIN, name: 'Canary Patron', homeBranchId: 'main' });
    system.close();
    const now = new Date('2026-11-30T16:00:00Z'); // Monday 10:00 in Riverbend: staffed chat hours
    bot = await startTestBot({ dataDir, now: () => now, recognizer: demoLibraryRecognizer() });
    workspace = await WorkspaceTestClient.open(bot.url, 'Sam');
    sam = workspace.client;

    patron = await DirectLineTestClient.start(bot.url);
    await patron.ask('show my holds');
    await patron.ask(CARD);
    await patron.send('', { type: 'typing' });
    await patron.ask(`${PIN}x`);
    await patron.ask(PIN); // typed again at the card question
    await patron.ask(CARD_SPACED);
    await patron.ask(PIN);
    await patron.ask('sign out');
    // A new topic at the PIN question, then the PIN anyway.
    await patron.ask('show my holds');
    await patron.ask(CARD);
    await patron.ask('what time do you close today?');
    await patron.ask(PIN);
    await patron.ask(`my card is ${CARD_SPACED} and pin ${PIN} whats on hold`);
    await patron.ask(`pin: ${PIN}`); // in a message of its own, when nobody asked
    const queued = await patron.ask('I want to talk to a person');
    initiate = queued.find((a) => a.type === 'event' && a.name === 'handoff.initiate');
    waiting = await workspace.snapshot((s) => s.queue.length === 1);
    const { caseId } = waiting.queue[0];
    await workspace.action({ verb: 'handoff.claim', caseId });
    await patron.waitFor(textStarting('Sam from the library has joined.'));
    await patron.ask(`my card is ${CARD} and my pin is ${PIN}, is my hold ready?`);
    await sam.waitFor(textStarting('Patron: my card is'));
    await workspace.action({ verb: 'handoff.end', caseId });
    await patron.waitFor(textStarting('Sam has left the chat.'));
  });
  after(() => bot.stop());

  function expectClean(where: string, text: string): void {
    expect(text, where).to.not.include(PIN);
    expect(text, where).to.not.include(CARD);
    expect(text, where).to.not.include(CARD_SPACED);
  }

  async function history(client: DirectLineTestClient): Promise<string> {
    const response = await fetch(
      `${bot.url}/v3/directline/conversations/${client.session.conversationId}/activities`,
      { headers: { authorization: `Bearer ${client.session.token}` } },
    );
    return JSON.stringify(await response.json());
  }

  it('ran the flows: signed in three ways, handed off, relayed, ended', () => {
    const said = patron.received.map((a) => a.text ?? '').join('\n');
    expect(said.match(/Thanks, Canary: you're signed in\./g)?.length).to.equal(2);
    expect(said).to.include("I didn't keep that");
    expect(initiate, 'handoff.initiate event').to.not.equal(undefined);
    expect(waiting, 'staff summary in the workspace').to.not.equal(undefined);
  });

  it('keeps them out of the staff summary and the handoff.initiate transcript', () => {
    expectClean('staff summary', JSON.stringify(waiting));
    expectClean('handoff.initiate', JSON.stringify(initiate));
    expect(JSON.stringify(initiate)).to.include('****1263');
  });

  it('keeps them out of what staff are shown in the relay, and the staff workspace history', async () => {
    const relayed = sam.received.map((a) => a.text ?? '').find((t) => t.startsWith('Patron: my card is'));
    expect(relayed).to.equal('Patron: my card is ****1263 and my pin is [PIN withheld], is my hold ready?');
    expectClean('staff workspace', JSON.stringify(sam.received));
    expectClean('staff history', await history(sam));
  });

  it("keeps them out of the patron's Direct Line history", async () => {
    const kept = await history(patron);
    expect(kept).to.include('[PIN withheld]').and.include('[card number withheld]');
    expectClean('patron history', kept);
  });

  it('keeps them out of the production logger output', () => {
    expect(bot.logText().length).to.be.greaterThan(1000);
    expectClean('logs', bot.logText());
  });

  it('keeps them out of every file in the data folder (bot state, recent turns, handoff, library system)', () => {
    const files = readdirSync(bot.dataDir, { recursive: true, withFileTypes: true }).filter((f) =>
      f.isFile(),
    );
    expect(files.map((f) => f.name)).to.include.members(['bot-state.sqlite', 'demo-library-system.sqlite']);
    for (const file of files) {
      const bytes = readFileSync(join(file.parentPath ?? bot.dataDir, file.name));
      for (const encoding of ['latin1', 'utf16le'] as const) expectClean(file.name, bytes.toString(encoding));
    }
  });
});
