// The same conversations with the trained recognizer instead of the scripted one: the integration the
// patron actually gets. Kept to the demo's core questions so a model change that breaks them shows here.
import { expect } from 'chai';
import { SMS_PREFERRED_LENGTH } from '../../channels/renderer';
import type { PatronMessageRecognizer } from '../../recognizers/libraryRecognition';
import { demoLibraryRecognizer } from '../support/testBot';
import { startConversation, visibleText } from './conversationHarness';

describe('conversations with the trained recognizer', function () {
  let recognizer: PatronMessageRecognizer;
  before(function () {
    this.timeout(60_000);
    recognizer = demoLibraryRecognizer();
  });

  for (const channelId of ['webchat', 'sms']) {
    it(`hours with follow-ups, a holiday and open now (${channelId})`, async () => {
      const chat = startConversation({ recognizer, channelId });
      const say = async (text: string) => (await chat.say(text)).map(visibleText).join('\n');
      expect(await say('Is the main library open?')).to.equal(
        "Main Library is open now and closes in 40 minutes (at 9:00 PM). Today's hours: 9:00 AM-9:00 PM.",
      );
      expect(await say('and on Sunday?')).to.equal('Main Library on Sunday, Dec 6: 1:00 PM-5:00 PM.');
      expect(await say('what about Eastside?')).to.equal('Eastside Branch is closed on Sunday, Dec 6.');
      const christmasEve = await say('what are the hours on christmas eve');
      expect(christmasEve).to.contain('Main Library: 9:00 AM-2:00 PM').and.contain('Oak Hill Branch: Closed');
      expect(await say('are you open on thanksgiving')).to.contain(
        'Hours on Thanksgiving Day (Thursday, Nov 25, 2027)',
      );
      expect(await say('who is open now')).to.contain('Main Library: Open, closes in 40 min (9:00 PM)');
    });

    it(`programs for a 5 year old, then tomorrow (${channelId})`, async () => {
      const chat = startConversation({ recognizer, channelId });
      const say = async (text: string) => (await chat.say(text)).map(visibleText).join('\n');
      const weekend = await say('something for my 5 year old this weekend');
      // Chess Club is for 6 and up, Lego Club for 6-12.
      expect(weekend)
        .to.contain('Family Storytime')
        .and.not.contain('Chess Club')
        .and.not.contain('Lego Club');
      expect(await say('what about tomorrow?')).to.contain('Bookmobile Storytime');
    });

    it(`"this weekend" asked late on a Sunday: honest about the weekend, then the next ones (${channelId})`, async () => {
      const chat = startConversation({ recognizer, channelId, now: new Date('2026-11-29T18:30:00-06:00') });
      const replies = (await chat.say('anything for my 5 year old this weekend')).map(visibleText);
      expect(replies[0]).to.equal(
        "I couldn't find any programs for a 5-year-old this weekend. The next ones are:",
      );
      const list = replies.slice(1).join('\n');
      expect(list).to.match(/Programs for a 5-year-old Mon, Nov 30 to /);
      expect(list).not.to.contain('Sunday, Nov 29').and.not.contain('Today');
      if (channelId === 'sms')
        replies.forEach((text) => expect(text.length).to.be.at.most(SMS_PREFERRED_LENGTH));
    });

    it(`"hours this week" on a Sunday is the week ahead; "where is it on saturday" follows the bookmobile (${channelId})`, async () => {
      const chat = startConversation({ recognizer, channelId, now: new Date('2026-11-29T12:30:00-06:00') });
      const say = async (text: string) => (await chat.say(text)).map(visibleText).join('\n');
      expect(await say('hours this week')).to.contain('Which branch would you like the hours for?');
      const week = await say('3');
      expect(week).to.contain('Riverside Branch hours for the next 7 days');
      expect(week).to.contain('Sun, Nov 29').and.contain('Sat, Dec 5');
      expect(await say('is the bookmobile coming thursday')).to.equal(
        'The Bookmobile on Thursday, Dec 3: 10:00 AM-noon at Maple Senior Center.',
      );
      expect(await say('where is it on saturday')).to.equal(
        'The Bookmobile on Saturday, Dec 5: 10:00 AM-1:00 PM at Lakeview Market.',
      );
    });

    it(`follow-ups: "and the day after?", "next day?", "on saturday" keeps the age, "get there by bus" keeps the branch (${channelId})`, async () => {
      const chat = startConversation({ recognizer, channelId });
      const say = async (text: string) => (await chat.say(text)).map(visibleText).join('\n');
      await say('closed on thanksgiving?');
      const after = await say('and the day after?');
      expect(after).to.contain('Hours on Friday, Nov 26, 2027, Day after Thanksgiving');
      expect(after).to.contain('Main Library: Closed').and.not.contain('Closed (Day after Thanksgiving)');
      expect(await say('is main open tomorrow')).to.equal(
        'Main Library tomorrow (Tuesday, Dec 1): 9:00 AM-9:00 PM.',
      );
      expect(await say('next day?')).to.equal('Main Library on Wednesday, Dec 2: 9:00 AM-9:00 PM.');
      await say('my kid is 12 anything fun');
      expect(await say('on saturday')).to.match(/^Programs for a 12-year-old on Saturday, Dec 5/);
      await say('where is oak hill');
      expect(await say('how do i get there by bus')).to.contain('route 12');
    });

    it(`each FAQ (${channelId})`, async () => {
      const chat = startConversation({ recognizer, channelId });
      const say = async (text: string) => (await chat.say(text)).map(visibleText).join('\n');
      expect(await say('how do i get a library card'))
        .to.match(/free/i)
        .and.match(/photo ID/);
      expect(await say('do you charge late fees')).to.match(/no overdue fines/i);
      expect(await say('how many times can i renew something')).to.match(/3 times/);
      expect(await say('whats the wifi password')).to.contain('Riverbend-Public');
      expect(await say('where can i park')).to.contain('Main Library');
      expect(await say('2')).to.contain('2200 East Avenue');
    });
  }
});
