// The handoff's questions (leave a message?, how should staff reply?, would you like a person?, and
// the offer after nobody claimed the chat) accept their buttons' labels typed out and list numbers.
import { expect } from 'chai';
import type { Activity } from 'botbuilder';
import { DirectLineTestClient } from '../support/directLineClient';
import { startTestBot, type TestBot } from '../support/testBot';
import { WorkspaceTestClient } from './workspaceClient';

const texts = (activities: Activity[]) => activities.map((a) => a.text ?? '').join('\n');
const textStarting = (start: string) => (a: Activity) =>
  a.type === 'message' && typeof a.text === 'string' && a.text.startsWith(start);

describe('handoff: typed button labels and list numbers at every handoff question', function () {
  this.timeout(20000);
  let bot: TestBot;
  let now: Date;

  beforeEach(async () => {
    now = new Date('2026-12-01T03:30:00Z'); // Monday 21:30 in Riverbend: chat closed
    bot = await startTestBot({ now: () => now });
  });
  afterEach(async () => bot.stop());

  it('after hours: "Leave a message" and "Reply in this chat" typed take the message', async () => {
    const patron = await DirectLineTestClient.start(bot.url);
    expect(texts(await patron.ask('I need to speak with a person'))).to.contain(
      'Would you like to leave a message?',
    );
    expect(texts(await patron.ask('Leave a message'))).to.contain('How should staff get back to you?');
    expect(texts(await patron.ask('Reply in this chat'))).to.contain('What would you like to ask staff?');
    expect(texts(await patron.ask('Do you have a scanner?'))).to.contain('Thanks, your message is saved.');
  });

  it('after hours: a phone number typed as ten plain digits is taken as the contact, not withheld as a card', async () => {
    const patron = await DirectLineTestClient.start(bot.url);
    await patron.ask('I need to speak with a person');
    await patron.ask('1');
    expect(texts(await patron.ask('2'))).to.contain('What phone number should staff use?');
    expect(texts(await patron.ask('5550102000'))).to.contain('What would you like to ask staff?');
    expect(texts(await patron.ask('Do you have a scanner?'))).to.contain(
      'Staff will reply by text message at 5550102000',
    );
  });

  it('after hours: "2" declines leaving a message, and "no idea" is not taken for a no', async () => {
    const patron = await DirectLineTestClient.start(bot.url);
    await patron.ask('I need to speak with a person');
    expect(texts(await patron.ask('no idea'))).to.contain('Sorry, was that a yes or a no?');
    expect(texts(await patron.ask('2'))).to.contain('All right. You can also call us at');
  });

  it('the offer of a person answered "1", and the offer after nobody claimed answered "1"', async () => {
    now = new Date('2026-11-30T16:00:00Z'); // Monday 10:00: staffed
    const sam = await WorkspaceTestClient.open(bot.url, 'Sam');
    const patron = await DirectLineTestClient.start(bot.url);
    expect(texts(await patron.ask('this is useless'))).to.contain('Would you like me to bring in a person');
    expect(texts(await patron.ask('1'))).to.contain("You're number 1 in line");

    now = new Date(now.getTime() + 121_000);
    await sam.event('staff.presence', { status: 'available' });
    await bot.app.bot.capabilities.handoff.coordinator.sweep();
    await patron.waitFor(textStarting("I'm sorry, nobody has been able to pick up your chat."));
    expect(JSON.stringify(await patron.ask('1'))).to.contain('How should staff get back to you?');
  });
});
