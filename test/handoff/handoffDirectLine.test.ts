// End to end through the real server and the built-in Direct Line: patrons on `/`, staff on the
// `/staff` console, as two browser windows would be.
import { expect } from 'chai';
import type { Activity } from 'botbuilder';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DirectLineTestClient } from '../support/directLineClient';
import { startTestBot, type TestBot } from '../support/testBot';

const passcode = 'riverbend-staff'; // local mode's default staff passcode

function cardJson(activity: Activity): string {
  return JSON.stringify(activity.attachments?.[0]?.content ?? {});
}

function caseIdFrom(activity: Activity): string {
  const match = /"verb":"handoff\.claim","caseId":"([^"]+)"/.exec(cardJson(activity));
  if (!match) throw new Error(`no Claim button in ${cardJson(activity)}`);
  return match[1];
}

const texted = (text: string) => (a: Activity) => a.type === 'message' && a.text === text;
const textStarting = (start: string) => (a: Activity) =>
  a.type === 'message' && typeof a.text === 'string' && a.text.startsWith(start);

describe('handoff: end to end through the built-in Direct Line (patron page and staff console)', function () {
  this.timeout(20000);
  let bot: TestBot;
  let now: Date;

  beforeEach(async () => {
    now = new Date('2026-11-30T16:00:00Z'); // Monday 10:00 in Riverbend: staffed chat hours
    bot = await startTestBot({ now: () => now });
  });
  afterEach(async () => bot.stop());

  const staffConsole = (name: string) =>
    DirectLineTestClient.start(bot.url, '/staff/token', { name, passcode });

  it('refuses the staff console without the passcode', async () => {
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
    const sam = await staffConsole('Sam');
    await sam.waitFor(textStarting('Signed in as Sam.'));
    const alex = await staffConsole('Alex');
    await alex.waitFor(textStarting('Signed in as Alex.'));

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

    const card = await sam.waitFor((a) => cardJson(a).includes('A patron is waiting for a person'));
    expect(cardJson(card))
      .to.contain('****7890')
      .and.not.to.match(/4321|21234000567890/);
    const caseId = caseIdFrom(card);
    await alex.waitFor((a) => cardJson(a).includes(caseId));

    await sam.send('', { value: { verb: 'handoff.claim', caseId } });
    await sam.waitFor(textStarting("You're chatting with the patron."));
    await patron.waitFor(texted("Sam from the library has joined. You're now chatting with a person."));
    // Alex's card now says Sam has the chat, and Alex's claim is refused.
    await alex.waitFor((a) => cardJson(a).includes('Sam is chatting with this patron'));
    await alex.send('', { value: { verb: 'handoff.claim', caseId } });
    await alex.waitFor(texted('Sam already has this chat.'));

    await patron.send('Is my hold ready?');
    await sam.waitFor(texted('Patron: Is my hold ready?'));
    await sam.send('Yes, it is on the hold shelf.');
    await patron.waitFor(texted('Sam: Yes, it is on the hold shelf.'));

    await sam.send('transfer Alex');
    await patron.waitFor(texted('Sam has passed your chat to Alex, who is with you now.'));
    await alex.waitFor(textStarting('Sam transferred a patron to you.'));
    await patron.send('Thanks! Can I pick it up tomorrow?');
    await alex.waitFor(texted('Patron: Thanks! Can I pick it up tomorrow?'));
    await alex.send('Yes, it stays for 7 days.');
    await patron.waitFor(texted('Alex: Yes, it stays for 7 days.'));

    await alex.send('end');
    await patron.waitFor(texted("Alex has left the chat. I'm here if you need anything else."));
    await alex.waitFor(texted('Chat ended.'));
    // Back with the bot.
    const after = await patron.ask('hello');
    expect(after.map((a) => a.text).join(' ')).to.contain('help bot');
    // Nothing secret reached the logs or the stored state (queue, cases, recent turns, audit).
    expect(bot.logText()).not.to.match(/4321|21234000567890|hold shelf/);
    const stored = ['bot-state.sqlite', 'bot-state.sqlite-wal']
      .filter((file) => existsSync(join(bot.dataDir, file)))
      .map((file) => readFileSync(join(bot.dataDir, file)).toString('latin1'))
      .join('');
    expect(stored).to.contain('7890'); // the masked card number is there, so the search is real
    for (const secret of ['4321', '21234000567890']) {
      const at = stored.indexOf(secret);
      expect(at, `"${secret}" stored near: ${stored.slice(Math.max(0, at - 200), at + 100)}`).to.equal(-1);
    }
  });

  it('offers to leave a message when nobody claims in time', async () => {
    const sam = await staffConsole('Sam');
    await sam.waitFor(textStarting('Signed in as Sam.'));
    const patron = await DirectLineTestClient.start(bot.url);
    await patron.ask('can I talk to a librarian');
    now = new Date(now.getTime() + 121_000);
    await sam.send('', { type: 'event', name: 'staff.heartbeat' });
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
    // Sam is present, so the message goes straight to the console.
    await sam.waitFor((a) => cardJson(a).includes('Do you have a scanner?'));
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
    const sam = await staffConsole('Sam');
    const ticketCard = await sam.waitFor((a) => cardJson(a).includes('Can I book the study room on Friday?'));
    const ticketId = /"verb":"ticket\.answer","ticketId":"([^"]+)"/.exec(cardJson(ticketCard))?.[1];
    await sam.send('', { value: { verb: 'ticket.answer', ticketId, reply: 'Yes, room 2 is free from 10.' } });
    await sam.waitFor(texted('Answer sent to the patron.'));
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
    const sam = await DirectLineTestClient.start(bot.url, '/staff/token', { name: 'Sam', passcode });
    await sam.waitFor(textStarting('Signed in as Sam.'));
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
    const card = await sam.waitFor((a) => cardJson(a).includes('A patron is waiting for a person'));
    expect(cardJson(card)).to.contain('Sounded frustrated');

    // While waiting, messages get the position; "leave" ends the wait.
    expect(texts(await patron.ask('hello?')).join(' ')).to.contain("You're number 1 in line");
    expect(texts(await patron.ask('leave'))).to.include(
      "You've left the chat with staff. I'm still here if you need anything.",
    );
    await sam.waitFor((a) => cardJson(a).includes('Chat ended'));
    expect(await bot.app.bot.capabilities.handoff.handoff.service.queue()).to.deep.equal([]);
  });

  it('never says a person is coming when no staff member is present', async () => {
    const patron = await DirectLineTestClient.start(bot.url);
    const reply = texts(await patron.ask('I want to talk to a person')).join(' ');
    expect(reply).to.contain('No staff member is free to chat right now. Would you like to leave a message?');
    expect(reply).not.to.contain('in line');
  });
});
