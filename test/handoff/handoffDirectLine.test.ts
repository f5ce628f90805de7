// End to end through the real server and the built-in Direct Line: patrons on `/`, staff on the
// `/staff` workspace, as two browser windows would be.
import { expect } from 'chai';
import { secretAt } from '../support/secretSearch';
import type { Activity } from 'botbuilder';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DirectLineTestClient } from '../support/directLineClient';
import { startTestBot, type TestBot } from '../support/testBot';
import { WorkspaceTestClient } from './workspaceClient';

const texted = (text: string) => (a: Activity) => a.type === 'message' && a.text === text;
describe('handoff: end to end through the built-in Direct Line (patron page and staff workspace)', function () {
  this.timeout(20000);
  let bot: TestBot;
  let now: Date;

  beforeEach(async () => {
    now = new Date('2026-11-30T16:00:00Z'); // Monday 10:00 in Riverbend: staffed chat hours
    bot = await startTestBot({ now: () => now });
  });
  afterEach(async () => bot.stop());

  const staffWindow = (name: string) => WorkspaceTestClient.open(bot.url, name);

  it('refuses the staff workspace without the passcode', async () => {
    const response = await fetch(`${bot.url}/staff/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Eve', passcode: 'guess' }),
    });
    expect(response.status).to.equal(403);
    const page = await fetch(`${bot.url}/staff`);
    expect(page.status).to.equal(200);
    expect(await page.text()).to.contain('Staff passcode');
  });

  it('escalates, claims, relays both ways, transfers and ends; the handoff event leaves out the PIN', async () => {
    const sam = await staffWindow('Sam');
    const alex = await staffWindow('Alex');

    const patron = await DirectLineTestClient.start(bot.url);
    await patron.ask('hello');
    await patron.ask('my card is 21234000567890');
    await patron.ask('4321');
    const queued = await patron.ask('I want to talk to a person');
    expect(queued.map((a) => a.text)).to.include(
      'I\'m bringing in a person from the library. You\'re number 1 in line (expected wait about 2 minutes). Keep this chat open; type "leave" to stop waiting.',
    );
    const initiate = queued.find((a) => a.type === 'event' && a.name === 'handoff.initiate');
    expect(initiate, 'handoff.initiate event').to.not.equal(undefined);
    const transcript = JSON.stringify(initiate?.attachments);
    expect(transcript).to.contain('my card is ****7890');
    expect(transcript).not.to.match(/4321|21234000567890/);

    const waiting = await sam.snapshot((s) => s.queue.length === 1);
    expect(JSON.stringify(waiting.queue[0].summary))
      .to.contain('****7890')
      .and.not.to.match(/4321|21234000567890/);
    const { caseId } = waiting.queue[0];
    await alex.snapshot((s) => s.queue.some((q) => q.caseId === caseId));

    await sam.action({ verb: 'handoff.claim', caseId });
    await sam.snapshot((s) => s.chats.some((c) => c.caseId === caseId));
    await patron.waitFor(texted("Sam from the library has joined. You're now chatting with a person."));
    // The chat leaves Alex's queue, and Alex's claim is refused.
    await alex.snapshot((s) => s.queue.length === 0);
    await alex.action({ verb: 'handoff.claim', caseId });
    await alex.snapshot((s) => s.notice === 'Sam already has this chat.');

    await patron.send('Is my hold ready?');
    await sam.chatMessage(caseId, 'Patron: Is my hold ready?');
    await sam.reply(caseId, 'Yes, it is on the hold shelf.');
    await patron.waitFor(texted('Sam: Yes, it is on the hold shelf.'));

    const alexId = (await alex.snapshot()).me.id;
    await sam.action({ verb: 'handoff.transfer', caseId, to: alexId });
    await patron.waitFor(texted('Sam has passed your chat to Alex, who is with you now.'));
    await alex.snapshot((s) => s.chats.some((c) => c.caseId === caseId));
    await patron.send('Thanks! Can I pick it up tomorrow?');
    await alex.chatMessage(caseId, 'Patron: Thanks! Can I pick it up tomorrow?');
    await alex.reply(caseId, 'Yes, it stays for 7 days.');
    await patron.waitFor(texted('Alex: Yes, it stays for 7 days.'));

    await alex.action({ verb: 'handoff.end', caseId });
    await patron.waitFor(texted("Alex has left the chat. I'm here if you need anything else."));
    await alex.snapshot((s) => s.notice === 'Chat ended.' && s.chats.length === 0);
    // Back with the bot.
    const after = await patron.ask('hello');
    expect(after.map((a) => a.text).join(' ')).to.contain('help bot');
    // Nothing secret reached the logs or the stored state (queue, cases, recent turns, audit).
    expect(bot.logText()).not.to.contain('hold shelf');
    const stored = ['bot-state.sqlite', 'bot-state.sqlite-wal']
      .filter((file) => existsSync(join(bot.dataDir, file)))
      .map((file) => readFileSync(join(bot.dataDir, file)).toString('latin1'))
      .join('');
    expect(stored).to.contain('7890'); // the masked card number is there, so the search is real
    for (const secret of ['4321', '21234000567890']) {
      expect(secretAt(bot.logText(), secret), `"${secret}" in the log`).to.equal(-1);
      const at = secretAt(stored, secret);
      expect(at, `"${secret}" stored near: ${stored.slice(Math.max(0, at - 200), at + 100)}`).to.equal(-1);
    }
  });

  it('offers to leave a message when nobody claims in time', async () => {
    const sam = await staffWindow('Sam');
    const patron = await DirectLineTestClient.start(bot.url);
    await patron.ask('can I talk to a librarian');
    now = new Date(now.getTime() + 121_000);
    await sam.event('staff.presence', { status: 'available' });
    await bot.app.bot.capabilities.handoff.coordinator.sweep();
    await patron.waitFor(
      texted(
        "I'm sorry, nobody has been able to pick up your chat. Would you like to leave a message for staff?",
      ),
    );
    const contact = await patron.ask('yes');
    expect(JSON.stringify(contact)).to.contain('How should staff get back to you?');
    const message = await patron.ask('Reply in this chat');
    expect(message.map((a) => a.text)).to.include(
      "What would you like to ask staff? Please don't include your PIN or password.",
    );
    await patron.ask('Do you have a scanner?');
    // Sam is present, so the message shows in the workspace at once.
    await sam.snapshot((s) => s.tickets.some((t) => t.message === 'Do you have a scanner?'));
  });

  it('takes a message after hours and delivers the staff answer to the same chat later', async () => {
    now = new Date('2026-12-01T03:30:00Z'); // Monday 21:30: chat closed
    const patron = await DirectLineTestClient.start(bot.url);
    const closed = await patron.ask('I need to speak with a person');
    expect(closed.map((a) => a.text).join(' ')).to.contain(
      "Library staff aren't available to chat right now. Staff are next available tomorrow at 9:00 AM. Would you like to leave a message?",
    );
    await patron.ask('yes');
    await patron.ask('1'); // reply in this chat
    const saved = await patron.ask('Can I book the study room on Friday?');
    expect(saved.map((a) => a.text).join(' ')).to.contain(
      'Thanks, your message is saved. Staff will reply in this chat',
    );

    now = new Date('2026-12-01T15:05:00Z'); // Tuesday 09:05
    const sam = await staffWindow('Sam');
    const withTicket = await sam.snapshot((s) => s.tickets.length === 1);
    expect(withTicket.tickets[0].message).to.equal('Can I book the study room on Friday?');
    const { ticketId } = withTicket.tickets[0];
    await sam.action({ verb: 'ticket.answer', ticketId, reply: 'Yes, room 2 is free from 10.' });
    await sam.snapshot((s) => s.notice === 'Answer sent to the patron.' && s.tickets.length === 0);
    await patron.waitFor(
      texted('A reply from Sam at the library about your message: Yes, room 2 is free from 10.'),
    );
  });
});

describe('handoff: offers from the main dialog (misunderstood, frustrated), interruptions, leaving the queue', function () {
  this.timeout(20000);
  let bot: TestBot;

  beforeEach(async () => {
    bot = await startTestBot({ now: () => new Date('2026-11-30T16:00:00Z') });
  });
  afterEach(async () => bot.stop());

  const texts = (activities: Activity[]) => activities.map((a) => a.text ?? '');

  it('offers a person after two misunderstood messages; "no" carries on, a later request interrupts', async () => {
    const sam = await WorkspaceTestClient.open(bot.url, 'Sam');
    const patron = await DirectLineTestClient.start(bot.url);
    // One misunderstood message is not enough to offer a person.
    expect(texts(await patron.ask('blorf zzq')).join(' ')).not.to.contain('bring in a person');
    // The main dialog counts misunderstandings and offers a person itself.
    expect(texts(await patron.ask('qwxv plonk'))).to.include(
      "Sorry, I'm still not sure what you mean. Would you like to talk to a person?",
    );
    expect(texts(await patron.ask('no')).join(' ')).to.contain('Try asking in other words');

    // Frustration is offered too; asking outright in answer to that offer is a yes.
    expect(texts(await patron.ask('this is useless'))).to.include(
      "I'm sorry this has been frustrating. Would you like me to bring in a person from the library?",
    );
    const queued = texts(await patron.ask('can I speak to a librarian'));
    expect(queued.join(' ')).to.contain("You're number 1 in line");
    const waiting = await sam.snapshot((s) => s.queue.length === 1);
    expect(JSON.stringify(waiting.queue[0].summary)).to.contain('Sounded frustrated');

    // While waiting, messages get the position; "leave" ends the wait.
    expect(texts(await patron.ask('hello?')).join(' ')).to.contain("You're number 1 in line");
    const left = sam.nextSnapshot((s) => s.queue.length === 0);
    expect(texts(await patron.ask('leave'))).to.include(
      "You've left the chat with staff. I'm still here if you need anything.",
    );
    await left;
    expect(await bot.app.bot.capabilities.handoff.handoff.service.queue()).to.deep.equal([]);
  });

  it('never says a person is coming when no staff member is present', async () => {
    const patron = await DirectLineTestClient.start(bot.url);
    const reply = texts(await patron.ask('I want to talk to a person')).join(' ');
    expect(reply).to.contain(
      'No staff member is free to chat right now. Chat is staffed until 8:00 PM today, so someone may be back ' +
        'soon; otherwise staff are next available tomorrow at 9:00 AM. You can call us at (555) 010-2000. ' +
        'Would you like to leave a message?',
    );
    expect(reply).not.to.contain('in line');
  });
});
