// Issue 13 conversations with exact expectations, on the real composition with the trained recognizer
// and a fixed clock: several requests in one reply (SMS packed), a question back last, corrections,
// frustration answered first, always-a-person advice, small talk that is never a misunderstanding, an
// SMS patron not asked for the number they text from, pick-up-by dates, an honest week of hours.
import { expect } from 'chai';
import type { Activity } from 'botbuilder';
import { SMS_MAX_LENGTH } from '../../channels/renderer';
import { visibleText } from '../dialogs/conversationHarness';
import { startBotHarness, type BotHarness } from '../support/botHarness';
import { demoLibraryRecognizer } from '../support/demoLibrary';

const TUESDAY = new Date('2026-12-01T10:15:00-06:00');

describe('patron conversations (issue 13)', function () {
  this.timeout(60_000);
  let harness: BotHarness;
  let now = TUESDAY;
  before(async () => {
    harness = await startBotHarness({
      recognizer: demoLibraryRecognizer(),
      now: () => now,
      storage: 'memory',
    });
    await harness.bot.capabilities.programs.catalog.prepare(now);
  });
  after(() => harness.close());
  beforeEach(() => (now = TUESDAY));

  let count = 0;
  const chat = (channel = 'webchat', from?: string) => {
    const conversation = harness.conversation(`c13-${++count}`, channel, from ?? `patron-c13-${count}`);
    return async (text: string) => {
      const activities: Partial<Activity>[] = await conversation.say(text);
      return activities.filter((a) => a.type === 'message').map(visibleText);
    };
  };

  it('answers several requests in order, in one reply; on SMS packed into fewer texts', async () => {
    const web = chat();
    const answers = await web('what time does eastside close today and whats the wifi password');
    expect(answers).to.have.length(2);
    expect(answers[0]).to.contain('Eastside Branch').and.contain('8:00 PM');
    expect(answers[1]).to.contain('Riverbend-Public');

    const sms = chat('sms');
    const texts = await sms('main hours today\nwifi pw\nany storytime tmrw');
    const joined = texts.join('\n');
    expect(joined.indexOf('9:00 PM')).to.be.lessThan(joined.indexOf('Riverbend-Public'));
    expect(joined.indexOf('Riverbend-Public')).to.be.lessThan(joined.indexOf('Toddler Storytime'));
    texts.forEach((text) => expect(text.length).to.be.at.most(SMS_MAX_LENGTH));
    // Three answers (hours, Wi-Fi, a list of programs) in fewer texts than they were sent as.
    expect(texts.length).to.be.at.most(3);
  });

  it('answers the other requests before the one that needs a question back', async () => {
    const say = chat();
    const answers = await say('can you put a hold on Educated for me and what time does main close today');
    expect(answers[0]).to.contain('Main Library').and.contain('9:00 PM');
    expect(answers.at(-1)).to.contain('library card number');
  });

  it('changes the one thing a correction names, in hours, programs and holds', async () => {
    const hours = chat('sms');
    expect((await hours('when does riverside open thursday')).join()).to.contain('Riverside Branch');
    const corrected = (await hours('sorry i meant eastside')).join();
    expect(corrected).to.contain('Eastside Branch on Thursday, Dec 3: 10:00 AM-6:00 PM');

    const programs = chat();
    await programs('anything for my 3 year old this weekend');
    const older = (await programs('no, my 9 year old')).join();
    expect(older)
      .to.match(/^Programs for a 9-year-old this weekend/)
      .and.contain('Lego Club');

    const holds = chat();
    await holds('hold the kristin hannah book');
    await holds('21000000000002');
    expect((await holds('1357')).join())
      .to.contain('The Nightingale')
      .and.contain('The Four Winds');
    const chosen = (await holds('no sorry, I meant The Women')).join();
    expect(chosen).to.contain('The Women comes in').and.not.contain('The Nightingale');
  });

  it('after several requests in one message, applies a correction to the one it fits, not the last', async () => {
    const say = chat();
    const answers = await say('hey whens eastside open 2moro and do u have wifi');
    expect(answers[0]).to.contain('Eastside Branch');
    expect(answers.at(-1)).to.contain('Riverbend-Public');
    const corrected = (await say('no, I meant Oak Hill')).join('\n');
    expect(corrected).to.contain('Oak Hill Branch').and.contain('Wednesday, Dec 2');
    expect(corrected).not.to.contain('Riverbend-Public');
    // Then the usual follow-ups carry on from that answer.
    expect((await say('and on saturday?')).join()).to.contain('Oak Hill Branch');
  });

  it("answers a frustrated patron's question first, then says a person is one message away", async () => {
    const say = chat();
    const answers = await say('this is ridiculous, when does oak hill close tomorrow');
    expect(answers[0]).to.contain('Oak Hill Branch').and.contain('8:00 PM');
    expect(answers.at(-1)).to.match(/say "talk to a person"/);
  });

  it('says how to block a stolen card before offering a person', async () => {
    const say = chat();
    const answers = await say('my wallet got nicked and my library card was in it');
    expect(answers[0])
      .to.match(/block it/)
      .and.contain('(555) 010-2000');
    expect(answers[1]).to.match(/Would you like me to bring in a person/);
  });

  it('takes thanks, "ok" and emoji as a librarian would; none of them counts as a misunderstanding', async () => {
    const say = chat('sms');
    expect((await say('asdfgh')).join()).to.match(/didn't understand/);
    expect(await say('ok')).to.deep.equal(['OK. Anything else I can help with?']);
    expect(await say('👍')).to.deep.equal(['OK. Anything else I can help with?']);
    // Still only the first misunderstanding in a row: no offer of a person yet.
    expect((await say('qwertyuiop')).join())
      .to.match(/didn't understand/)
      .and.not.match(/person\?/);
    expect((await say('thank you!')).join()).to.match(/^You're welcome!/);
    expect((await say('📚')).join()).to.match(/title or an author/);
    expect((await say('is anyone there?')).join()).to.match(/^Yes, I'm here!/);
  });

  it('does not ask an SMS patron leaving a message for the number they text from', async () => {
    now = new Date('2026-11-30T20:20:00-06:00');
    const say = chat('sms', '+15550104477');
    expect((await say('talk to a person')).join()).to.match(/leave a message/);
    expect((await say('yes')).join()).to.match(/How should staff get back to you/);
    expect((await say('2')).join()).to.match(/What would you like to ask staff/);
    expect((await say('please call me about a damaged dvd')).join()).to.contain(
      'Staff will reply by text message at +15550104477',
    );
  });

  it('gives a pick-up-by date the branch is open', async () => {
    const say = chat();
    await say('when do i have to pick up my hold by');
    await say('21000000000001');
    // Kept until Sunday, December 6; Eastside Branch is closed on Sundays.
    expect(await say('2468')).to.deep.equal([
      "Thanks, Jordan: you're signed in.",
      'The Midnight Library at Eastside Branch: pick it up by Saturday, December 5.',
    ]);
  });

  it('says a week of hours that starts today as the days it lists', async () => {
    const say = chat();
    const [week] = await say('eastside hours for this week');
    expect(week).to.match(/^Eastside Branch hours through Sun, Dec 6\n/);
    expect(week.split('\n').filter((line) => /^(Tue|Wed|Thu|Fri|Sat|Sun), /.test(line))).to.have.length(6);
  });
});
