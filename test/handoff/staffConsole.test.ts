import { expect } from 'chai';
import { MemoryStorage } from 'botbuilder';
import { consoleActivity, type Harness, patronSays, startHarness } from './harness';
import { FakeConnector } from './fakeConnector';
import { TestClock } from './support';

function cardsIn(activities: Record<string, unknown>[]): Record<string, unknown>[] {
  return activities.flatMap((a) =>
    ((a.attachments as { contentType: string; content: Record<string, unknown> }[] | undefined) ?? [])
      .filter((att) => att.contentType === 'application/vnd.microsoft.card.adaptive')
      .map((att) => att.content),
  );
}

function claimData(card: Record<string, unknown>): Record<string, unknown> {
  const action = (card.actions as { type: string; title: string; data: Record<string, unknown> }[]).find(
    (a) => a.title === 'Claim',
  );
  expect(action?.type).to.equal('Action.Submit');
  return action?.data as Record<string, unknown>;
}

describe('handoff: staff console end to end (patron and staff conversations)', () => {
  let h: Harness;
  afterEach(async () => h && (await h.stop()));

  it('refuses a console with the wrong passcode', async () => {
    h = await startHarness();
    expect(await h.openConsole('console-x', 'Mallory', 'guess')).to.equal(false);
    // Messages from a conversation that never signed in are a patron's, not staff's.
    await h.send(consoleActivity('console-x', { value: { verb: 'handoff.claim', caseId: 'x' } }));
    expect(h.connector.textsTo('console-x')).to.have.length(1);
    expect(h.connector.textsTo('console-x')[0]).to.match(/^Sorry, I didn't understand that/);
    await h.send(patronSays('p1', 'can I talk to a person'));
    expect(h.connector.textsTo('p1')).to.have.length(1);
    expect(h.connector.textsTo('p1')[0]).to.match(/^No staff member is free to chat right now\./);
  });

  it('escalates, lets one of two simultaneous claims win, relays both ways, transfers and ends', async () => {
    h = await startHarness();
    await h.openConsole('console-sam', 'Sam');
    await h.openConsole('console-alex', 'Alex');
    await h.send(patronSays('p1', 'can I talk to a person'));
    await h.send(patronSays('p2', 'I want a human'));
    expect(h.connector.textsTo('p1')).to.have.length(1);
    expect(h.connector.textsTo('p1')[0]).to.match(
      /^I'm bringing in a person from the library\. You're number 1 in line/,
    );
    expect(h.connector.textsTo('p2')).to.have.length(1);
    expect(h.connector.textsTo('p2')[0]).to.match(
      /^I'm bringing in a person from the library\. You're number 2 in line/,
    );

    const samCards = cardsIn(h.connector.sentTo('console-sam'));
    expect(samCards).to.have.length(2);
    expect(JSON.stringify(samCards[0])).to.contain('A patron is waiting for a person');
    const claim = claimData(samCards[0]);

    // Both press Claim on the first patron at the same moment.
    await Promise.all([
      h.send(consoleActivity('console-sam', { value: claim })),
      h.send(consoleActivity('console-alex', { value: claim })),
    ]);
    const samTexts = h.connector.textsTo('console-sam');
    const alexTexts = h.connector.textsTo('console-alex');
    const samWon = samTexts.some((t) => t.startsWith("You're chatting with the patron"));
    const alexWon = alexTexts.some((t) => t.startsWith("You're chatting with the patron"));
    expect(samWon !== alexWon, 'exactly one claim wins').to.equal(true);
    const [winner, loser, winnerConsole, loserConsole] = samWon
      ? ['Sam', 'Alex', 'console-sam', 'console-alex']
      : ['Alex', 'Sam', 'console-alex', 'console-sam'];
    expect(h.connector.textsTo(loserConsole)).to.include(`${winner} already has this chat.`);
    expect(h.connector.textsTo('p1')).to.include(
      `${winner} from the library has joined. You're now chatting with a person.`,
    );
    // The claim took no time, so the estimate for the next patron drops to the minimum.
    expect(h.connector.textsTo('p2')).to.include("You're now number 1 in line (about 1 minute).");
    // Everyone's card now says who has the chat (updated in place where the channel allows).
    const updates = h.connector.calls.filter((c) => c.method === 'PUT');
    expect(updates.map((u) => u.conversationId).sort()).to.deep.equal(['console-alex', 'console-sam']);
    expect(JSON.stringify(updates[0].body)).to.contain(`${winner} is chatting with this patron`);

    // Relay both ways; the card number is masked for staff.
    h.connector.clear();
    await h.send(patronSays('p1', 'where is my hold? card 21234000567890'));
    expect(h.connector.textsTo(winnerConsole)).to.deep.equal(['Patron: where is my hold? card ****7890']);
    await h.send(consoleActivity(winnerConsole, { text: 'It is on the hold shelf at Eastside.' }));
    expect(h.connector.textsTo('p1')).to.deep.equal([`${winner}: It is on the hold shelf at Eastside.`]);

    // Transfer to the colleague: the relay follows.
    h.connector.clear();
    await h.send(consoleActivity(winnerConsole, { text: `transfer ${loser}` }));
    expect(h.connector.textsTo('p1')).to.deep.equal([
      `${winner} has passed your chat to ${loser}, who is with you now.`,
    ]);
    expect(h.connector.textsTo(loserConsole)[0]).to.equal(
      `${winner} transferred a patron to you. Type here to reply; "end" to finish.`,
    );
    await h.send(patronSays('p1', 'thanks, one more question'));
    expect(h.connector.textsTo(loserConsole)).to.include('Patron: thanks, one more question');
    await h.send(consoleActivity(winnerConsole, { text: 'still here?' }));
    expect(h.connector.textsTo('p1')).not.to.include(`${winner}: still here?`);

    h.connector.clear();
    await h.send(consoleActivity(loserConsole, { text: 'end' }));
    expect(h.connector.textsTo('p1')).to.deep.equal([
      `${loser} has left the chat. I'm here if you need anything else.`,
    ]);
    h.connector.clear();
    await h.send(patronSays('p1', 'what time do you close'));
    // The bot answers again (an hours table for the branches), not the relay.
    expect(JSON.stringify(h.connector.sentTo('p1')))
      .to.contain('Main Library')
      .and.not.contain('Patron:');

    const audit = await h.handoff.audit.entries();
    expect(audit.map((e) => e.action)).to.include.members([
      'queued',
      'claimed',
      'claim-refused',
      'transferred',
      'ended',
    ]);
    expect(JSON.stringify(audit)).not.to.match(/hold shelf|21234000567890|question/);
  });

  it('offers to leave a message when nobody claims in time', async () => {
    h = await startHarness();
    await h.openConsole('console-sam', 'Sam');
    await h.send(patronSays('p1', 'talk to a librarian'));
    h.clock.advanceMinutes(2);
    // The console keeps reporting in; nobody presses Claim.
    await h.send(consoleActivity('console-sam', { type: 'event', name: 'staff.heartbeat' }));
    await h.coordinator.sweep();
    const offer = h.connector.sentTo('p1').at(-1);
    expect(offer?.text).to.equal(
      "I'm sorry, nobody has been able to pick up your chat. Would you like to leave a message for staff?",
    );
    expect(JSON.stringify(h.connector.sentTo('console-sam').at(-1))).to.contain(
      'Nobody claimed this chat in time',
    );
    h.connector.clear();
    await h.send(patronSays('p1', 'yes'));
    expect(h.connector.textsTo('p1')).to.deep.equal(['How should staff get back to you?']);
  });

  it('keeps patron and staff connected across a restart in the middle of a chat', async () => {
    const storage = new MemoryStorage();
    const connector = new FakeConnector();
    await connector.start();
    const clock = new TestClock(new Date('2026-11-30T16:00:00Z'));
    const first = await startHarness({ storage, connector, clock });
    await first.openConsole('console-sam', 'Sam');
    await first.send(patronSays('p1', 'can I talk to a person'));
    const claim = claimData(cardsIn(connector.sentTo('console-sam'))[0]);
    await first.send(consoleActivity('console-sam', { value: claim }));

    // A new process: new adapter, bot and coordinator over the same storage.
    h = await startHarness({ storage, connector, clock });
    connector.clear();
    await h.send(patronSays('p1', 'are you still there?'));
    expect(connector.textsTo('console-sam')).to.deep.equal(['Patron: are you still there?']);
    await h.send(consoleActivity('console-sam', { text: 'Yes, still here.' }));
    expect(connector.textsTo('p1')).to.deep.equal(['Sam: Yes, still here.']);
    await connector.stop();
  });
});
