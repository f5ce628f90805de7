// The staff workspace's protocol end to end (patron and staff conversations through the real bot and
// a loopback Bot Connector): snapshots of the queue, claims, several chats at once, the relay tagged
// with each chat's case id, transfer, back to the queue, end, presence, reloads and restarts.
import { expect } from 'chai';
import { MemoryStorage } from 'botbuilder';
import {
  consoleActivity,
  type Harness,
  patronSays,
  startHarness,
  workspaceAction,
  workspaceEvent,
  workspaceReply,
  latestWorkspaceSnapshot,
  workspaceSnapshots,
} from './harness';
import { FakeConnector } from './fakeConnector';
import { TestClock } from './support';

/** Every workspace snapshot the bot sent into a staff conversation, oldest first. */
/** Messages to a staff conversation with the chat they belong to. */
function chatMessages(h: Harness, conversation: string): { caseId?: string; text: string }[] {
  return h.connector
    .sentTo(conversation)
    .filter((a) => a.type === 'message' && typeof a.text === 'string')
    .map((a) => ({
      caseId: (a.channelData as { libraryBot?: { caseId?: string } } | undefined)?.libraryBot?.caseId,
      text: a.text as string,
    }));
}

describe('handoff: the staff workspace protocol (patron and staff conversations)', () => {
  let h: Harness;
  afterEach(async () => h && (await h.stop()));

  it('treats a window nobody signed in to as a patron, and tells the patron the phone and staffed hours', async () => {
    h = await startHarness();
    expect(await h.openConsole('console-x', 'Mallory', 'guess')).to.equal(false);
    await h.send(patronSays('p1', 'can I talk to a person'));
    const [unavailable] = h.connector.textsTo('p1');
    expect(unavailable).to.equal(
      'No staff member is free to chat right now. Chat is staffed until 8:00 PM today, so someone may be ' +
        'back soon; otherwise staff are next available tomorrow at 9:00 AM. You can call us at ' +
        '(555) 010-2000. Would you like to leave a message? Staff will get back to you.',
    );
    // Whatever the unregistered window sends, nothing happens on the staff side.
    await h.send(workspaceEvent('console-x', 'staff.presence', { status: 'available' }));
    await h.send(workspaceAction('console-x', { verb: 'handoff.claim', caseId: 'x' }));
    expect(workspaceSnapshots(h, 'console-x')).to.deep.equal([]);
    expect(await h.handoff.presence.presentStaff(h.clock.now())).to.deep.equal([]);
    // Its messages are a patron's: the patron bot greets it.
    await h.send(consoleActivity('console-x', { text: 'hello' }));
    expect(h.connector.textsTo('console-x')[0]).to.match(/^Hi! I'm the Riverbend Public Library/);
    expect(workspaceSnapshots(h, 'console-x')).to.deep.equal([]);
  });

  it('shows the queue, lets one of two simultaneous claims win, and holds several chats at once', async () => {
    h = await startHarness();
    await h.openConsole('console-sam', 'Sam');
    await h.openConsole('console-alex', 'Alex');
    expect(h.connector.textsTo('console-sam')).to.include('Signed in as Sam.');
    await h.send(patronSays('p1', 'can I talk to a person'));
    await h.send(patronSays('p2', 'my card is 21234000567890, I want a human'));

    const queue = latestWorkspaceSnapshot(h, 'console-sam').queue;
    expect(queue.map((q) => [q.position, q.waitedSeconds])).to.deep.equal([
      [1, 0],
      [2, 0],
    ]);
    expect(queue[0].label).to.match(/^Patron [0-9A-Z]{4}$/);
    expect(queue[1].summary.facts.find((f) => f.title === 'Why')?.value).to.equal('Asked for a person');
    expect(JSON.stringify(queue[1].summary)).to.contain('****7890').and.not.contain('21234000567890');
    expect(latestWorkspaceSnapshot(h, 'console-alex').colleagues).to.deep.equal([
      { id: 'console:console-sam', name: 'Sam' },
    ]);
    const [first, second] = queue.map((q) => q.caseId);

    await Promise.all([
      h.send(workspaceAction('console-sam', { verb: 'handoff.claim', caseId: first })),
      h.send(workspaceAction('console-alex', { verb: 'handoff.claim', caseId: first })),
    ]);
    const samHas = latestWorkspaceSnapshot(h, 'console-sam').chats.map((c) => c.caseId);
    const alexHas = latestWorkspaceSnapshot(h, 'console-alex').chats.map((c) => c.caseId);
    expect([...samHas, ...alexHas]).to.deep.equal([first]);
    const [winner, loser] = samHas.length ? ['console-sam', 'console-alex'] : ['console-alex', 'console-sam'];
    const winnerName = winner === 'console-sam' ? 'Sam' : 'Alex';
    expect(workspaceSnapshots(h, loser).map((s) => s.notice)).to.include(
      `${winnerName} already has this chat.`,
    );
    expect(latestWorkspaceSnapshot(h, winner).queue.map((q) => q.caseId)).to.deep.equal([second]);

    await h.send(workspaceAction(winner, { verb: 'handoff.claim', caseId: second }));
    const both = latestWorkspaceSnapshot(h, winner);
    expect(both.chats.map((c) => c.caseId)).to.deep.equal([first, second]);
    expect(both.notice).to.match(/^You're chatting with Patron [0-9A-Z]{4}\./);
    expect(both.queue).to.deep.equal([]);

    // Each patron's words arrive tagged with their chat; each reply goes to its own patron.
    h.connector.clear();
    await h.send(patronSays('p1', 'is my hold in?'));
    await h.send(patronSays('p2', 'what about mine?'));
    expect(chatMessages(h, winner)).to.deep.equal([
      { caseId: first, text: 'Patron: is my hold in?' },
      { caseId: second, text: 'Patron: what about mine?' },
    ]);
    await h.send(workspaceReply(winner, second, 'Yours is ready at Eastside.'));
    await h.send(workspaceReply(winner, first, 'Yours is in transit.'));
    expect(h.connector.textsTo('p2')).to.deep.equal([`${winnerName}: Yours is ready at Eastside.`]);
    expect(h.connector.textsTo('p1')).to.deep.equal([`${winnerName}: Yours is in transit.`]);
    // A chat that is not yours is not relayed.
    await h.send(workspaceReply(loser, first, 'I am not in this chat'));
    expect(h.connector.textsTo('p1')).to.have.length(1);
    expect(latestWorkspaceSnapshot(h, loser).notice).to.match(/is no longer your chat\.$/);
  });

  it('transfers, puts back in the queue and ends from buttons; the relay follows the transfer', async () => {
    h = await startHarness();
    await h.openConsole('console-sam', 'Sam');
    await h.openConsole('console-alex', 'Alex');
    await h.send(patronSays('p1', 'can I talk to a person'));
    await h.send(patronSays('p2', 'talk to a librarian'));
    const [first, second] = latestWorkspaceSnapshot(h, 'console-sam').queue.map((q) => q.caseId);
    await h.send(workspaceAction('console-sam', { verb: 'handoff.claim', caseId: first }));
    await h.send(workspaceAction('console-sam', { verb: 'handoff.claim', caseId: second }));

    h.connector.clear();
    await h.send(workspaceAction('console-sam', { verb: 'handoff.transfer', caseId: first, to: 'nobody' }));
    expect(latestWorkspaceSnapshot(h, 'console-sam').notice).to.equal(
      'That colleague is not available any more; choose another.',
    );
    await h.send(
      workspaceAction('console-sam', { verb: 'handoff.transfer', caseId: first, to: 'console:console-alex' }),
    );
    expect(h.connector.textsTo('p1')).to.deep.equal([
      'Sam has passed your chat to Alex, who is with you now.',
    ]);
    expect(chatMessages(h, 'console-alex')).to.deep.include({
      caseId: first,
      text: "Sam transferred this patron's chat to you.",
    });
    expect(latestWorkspaceSnapshot(h, 'console-alex').chats.map((c) => c.caseId)).to.deep.equal([first]);
    expect(latestWorkspaceSnapshot(h, 'console-sam').chats.map((c) => c.caseId)).to.deep.equal([second]);
    await h.send(patronSays('p1', 'hello Alex'));
    expect(chatMessages(h, 'console-alex').at(-1)).to.deep.equal({
      caseId: first,
      text: 'Patron: hello Alex',
    });

    await h.send(workspaceAction('console-sam', { verb: 'handoff.requeue', caseId: second }));
    expect(latestWorkspaceSnapshot(h, 'console-sam').queue.map((q) => q.caseId)).to.deep.equal([second]);
    expect(latestWorkspaceSnapshot(h, 'console-alex').queue.map((q) => q.caseId)).to.deep.equal([second]);

    h.connector.clear();
    await h.send(workspaceAction('console-alex', { verb: 'handoff.end', caseId: first }));
    expect(h.connector.textsTo('p1')).to.deep.equal([
      "Alex has left the chat. I'm here if you need anything else.",
    ]);
    expect(latestWorkspaceSnapshot(h, 'console-alex')).to.include({ notice: 'Chat ended.' });
    expect(latestWorkspaceSnapshot(h, 'console-alex').chats).to.deep.equal([]);
    // The patron ending a chat tells the staff member in that chat's tab.
    await h.send(workspaceAction('console-alex', { verb: 'handoff.claim', caseId: second }));
    await h.send(patronSays('p2', 'leave'));
    expect(chatMessages(h, 'console-alex').at(-1)).to.deep.equal({
      caseId: second,
      text: 'The patron ended the chat.',
    });
    const audit = (await h.handoff.audit.entries()).map((e) => e.action);
    expect(audit).to.include.members(['claimed', 'transferred', 'returned-to-queue', 'ended']);
  });

  it('uses presence: away staff are not counted or sent new patrons; available again, they are', async () => {
    h = await startHarness();
    await h.openConsole('console-sam', 'Sam');
    await h.send(workspaceEvent('console-sam', 'staff.presence', { status: 'away' }));
    expect(latestWorkspaceSnapshot(h, 'console-sam').me).to.deep.include({ status: 'away' });
    h.connector.clear();
    await h.send(patronSays('p1', 'can I talk to a person'));
    expect(h.connector.textsTo('p1')[0]).to.match(/^No staff member is free to chat right now\./);
    expect(workspaceSnapshots(h, 'console-sam')).to.deep.equal([]);

    await h.send(workspaceEvent('console-sam', 'staff.presence', { status: 'available' }));
    expect(latestWorkspaceSnapshot(h, 'console-sam').me).to.deep.include({ status: 'available' });
    await h.send(patronSays('p2', 'can I talk to a person'));
    expect(h.connector.textsTo('p2')[0]).to.match(/^I'm bringing in a person from the library\./);
    expect(latestWorkspaceSnapshot(h, 'console-sam').queue).to.have.length(1);
  });

  it('moves a chat to the window the staff member opens next (a reload), and keeps it across a restart', async () => {
    const storage = new MemoryStorage();
    const connector = new FakeConnector();
    await connector.start();
    const clock = new TestClock(new Date('2026-11-30T16:00:00Z'));
    const first = await startHarness({ storage, connector, clock });
    await first.openConsole('window-1', 'Sam');
    await first.send(patronSays('p1', 'can I talk to a person'));
    const caseId = latestWorkspaceSnapshot(first, 'window-1').queue[0].caseId;
    await first.send(workspaceAction('window-1', { verb: 'handoff.claim', caseId }));

    // A new process over the same storage; the same staff member's page reloaded (a new conversation).
    h = await startHarness({ storage, connector, clock });
    await h.openWorkspace('window-2', { id: 'console:window-1', name: 'Sam', channel: 'console' });
    expect(latestWorkspaceSnapshot(h, 'window-2').chats.map((c) => c.caseId)).to.deep.equal([caseId]);
    connector.clear();
    await h.send(patronSays('p1', 'are you still there?'));
    expect(chatMessages(h, 'window-2')).to.deep.equal([{ caseId, text: 'Patron: are you still there?' }]);
    await h.send(workspaceReply('window-2', caseId, 'Yes, still here.'));
    expect(connector.textsTo('p1')).to.deep.equal(['Sam: Yes, still here.']);
    await connector.stop();
  });

  it('offers to leave a message when nobody claims in time, and shows the message in the workspace', async () => {
    h = await startHarness();
    await h.openConsole('console-sam', 'Sam');
    await h.send(patronSays('p1', 'talk to a librarian'));
    h.clock.advanceMinutes(2);
    await h.send(workspaceEvent('console-sam', 'staff.heartbeat'));
    await h.coordinator.sweep();
    expect(h.connector.sentTo('p1').at(-1)?.text).to.equal(
      "I'm sorry, nobody has been able to pick up your chat. Would you like to leave a message for staff?",
    );
    expect(latestWorkspaceSnapshot(h, 'console-sam').queue).to.deep.equal([]);
    await h.send(patronSays('p1', 'yes'));
    await h.send(patronSays('p1', 'Reply in this chat'));
    await h.send(patronSays('p1', 'Do you have a scanner?'));
    const [ticket] = latestWorkspaceSnapshot(h, 'console-sam').tickets;
    expect(ticket).to.deep.include({
      message: 'Do you have a scanner?',
      contact: 'Reply here: the answer goes to their chat',
    });
    h.connector.clear();
    await h.send(
      workspaceAction('console-sam', {
        verb: 'ticket.answer',
        ticketId: ticket.ticketId,
        reply: 'Yes, at Main.',
      }),
    );
    expect(h.connector.textsTo('p1')).to.deep.equal([
      'A reply from Sam at the library about your message: Yes, at Main.',
    ]);
    expect(latestWorkspaceSnapshot(h, 'console-sam')).to.deep.include({
      notice: 'Answer sent to the patron.',
      tickets: [],
    });
  });
});
