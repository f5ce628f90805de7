import { expect } from 'chai';
import type { Activity } from 'botbuilder';
import { SMS_MAX_LENGTH, SMS_PREFERRED_LENGTH } from '../../channels/renderer';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { sendReply } from '../../channels/renderer';
import { SENSITIVE_INPUT } from '../../dialogs/turnState';
import {
  conversationStateText,
  demo,
  startConversation,
  userStateText,
  visibleText,
  type Conversation,
} from './conversationHarness';

/** Stands in for the holds engineer's sign-in step: asks for a PIN and marks the answer as sensitive. */
class PinQuestionStub extends Dialog {
  constructor() {
    super('pinQuestionStub');
  }
  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    (dc.activeDialog!.state as Record<string, unknown>)[SENSITIVE_INPUT] = true;
    await sendReply(dc.context, 'Please type your PIN.');
    return Dialog.EndOfTurn;
  }
  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    await sendReply(dc.context, 'Thanks, checking.');
    return dc.endDialog({ kind: 'answered' });
  }
}

const joined = (activities: Partial<Activity>[]) => activities.map(visibleText).join('\n');

describe('conversations: hours, programs and FAQs (Web Chat)', () => {
  let chat: Conversation;
  beforeEach(() => {
    chat = startConversation();
  });

  describe('hours', () => {
    it('open now, then "and on Sunday?" keeps the branch and "what about Eastside?" keeps the day', async () => {
      expect(await chat.sayText('Is the main library open?')).to.deep.equal([
        "Main Library is open now and closes in 40 minutes (at 9:00 PM). Today's hours: 9:00 AM-9:00 PM.",
      ]);
      expect(await chat.sayText('and on Sunday?')).to.deep.equal([
        'Main Library on Sunday, Dec 6: 1:00 PM-5:00 PM.',
      ]);
      expect(await chat.sayText('what about Eastside?')).to.deep.equal([
        'Eastside Branch is closed on Sunday, Dec 6.',
      ]);
      expect(await chat.sayText('and tomorrow?')).to.deep.equal([
        'Eastside Branch tomorrow (Tuesday, Dec 1): 10:00 AM-8:00 PM.',
      ]);
    });

    it('Christmas Eve for every branch as a table', async () => {
      const [reply] = await chat.say('what are the hours on christmas eve');
      expect(reply.attachments?.[0].contentType).to.equal('application/vnd.microsoft.card.adaptive');
      const text = visibleText(reply);
      expect(text).to.contain('Hours on Christmas Eve (Thursday, Dec 24)');
      expect(text).to.contain('Main Library: 9:00 AM-2:00 PM');
      for (const name of ['Eastside Branch', 'Riverside Branch', 'Oak Hill Branch', 'Bookmobile']) {
        expect(text).to.contain(`${name}: Closed`);
      }
    });

    it('a holiday by name, for one branch', async () => {
      expect(await chat.sayText('is eastside open on thanksgiving?')).to.deep.equal([
        'Eastside Branch is closed on Thanksgiving Day (Thursday, Nov 25, 2027).',
      ]);
      expect(await chat.sayText('what about main on christmas eve?')).to.deep.equal([
        'Main Library on Christmas Eve (Thursday, Dec 24): 9:00 AM-2:00 PM.',
      ]);
    });

    it('today for every branch as a table', async () => {
      const text = joined(await chat.say('what are the hours today'));
      expect(text).to.contain('Hours today (Mon, Nov 30)');
      expect(text).to.contain('Main Library: 9:00 AM-9:00 PM');
      expect(text).to.contain('Riverside Branch: Closed');
      expect(text).to.contain('Oak Hill Branch: noon-8:00 PM');
    });

    it('who is open now, for every branch', async () => {
      const text = joined(await chat.say('who is open now'));
      expect(text).to.contain('Main Library: Open, closes in 40 min (9:00 PM)');
      expect(text).to.contain('Riverside Branch: Closed; opens tomorrow 10:00 AM');
      expect(text).to.contain('Bookmobile: Closed; next stop tomorrow 3:00 PM, Pine Street Park');
    });

    it('a week asks which branch and accepts a name; help in between keeps the question', async () => {
      const [question] = await chat.say('what are the hours this week');
      expect(question.text).to.equal('Which branch would you like the hours for?');
      expect(question.suggestedActions?.actions.map((a) => a.title)).to.deep.equal([
        'Main Library',
        'Eastside Branch',
        'Riverside Branch',
        'Oak Hill Branch',
        'Bookmobile',
      ]);
      const help = await chat.sayText('help');
      expect(help[0]).to.contain('Here is what I can help with.');
      expect(help[1]).to.equal('You can also answer my last question, or say "start over".');
      const week = joined(await chat.say('oak hill'));
      expect(week).to.contain('Oak Hill Branch hours for the next 7 days');
      expect(week).to.contain('Mon, Nov 30: noon-8:00 PM');
      expect(week).to.contain('Tue, Dec 1: 10:00 AM-6:00 PM');
      expect(week).to.contain('Sun, Dec 6: Closed');
    });
  });

  describe('programs', () => {
    it('"something for my 5 year old this weekend"', async () => {
      const replies = await chat.say('something for my 5 year old this weekend');
      expect(replies).to.have.length(1);
      const text = visibleText(replies[0]);
      expect(text).to.contain('Programs for a 5-year-old this weekend\n');
      expect(text).to.contain(
        'Family Storytime\nSaturday, Dec 5, 10:30-11:15 AM\nRiverside Branch\nFor families',
      );
      expect(text).to.contain('[Details and registration]');
      // Lego Club is for ages 6-12 and Chess Club for 6 and up.
      expect(text).not.to.contain('Lego Club').and.not.to.contain('Chess Club');
    });

    it('with nothing on the asked days, says so and shows the next ones, with the year when it changes', async () => {
      const friday = startConversation({ now: new Date('2026-12-04T19:00:00-06:00') });
      const replies = (await friday.say('any book club events this weekend?')).map(visibleText);
      expect(replies[0]).to.equal(
        "I couldn't find any programs about book club this weekend. The next ones are:",
      );
      expect(replies[1]).to.match(/^Programs about book club Mon, Dec 7 to Sat, Mar 6, 2027 /);
      expect(replies[1]).to.contain('Riverside Book Club\nThursday, Jan 7, 2027, 6:30');
    });

    it('a topic without dates looks ahead for the next ones (a monthly club is not "none this week")', async () => {
      const friday = startConversation({ now: new Date('2026-12-04T19:00:00-06:00') });
      const [list] = (await friday.say('any book club events?')).map(visibleText);
      expect(list).to.match(/^Programs about book club coming up/);
      expect(list).to.contain('Mystery Book Club\nTuesday, Dec 15, 7:00-8:00 PM\nMain Library');
    });

    it('an age with "an", and no "(1-1 of 1)" count when everything fits on one page', async () => {
      const [text] = (await chat.say('something for my 80 year old this weekend')).map(visibleText);
      expect(text).to.match(/^Programs for an 80-year-old this weekend\n/);
      const [lego] = (await chat.say('lego events this weekend')).map(visibleText);
      expect(lego).to.match(/^Programs about lego this weekend\n/);
    });

    it('"more" with nothing more keeps the question about remembering open', async () => {
      const [, offer] = await chat.sayText('lego events this weekend');
      expect(offer).to.match(/^Would you like me to remember that you're interested in lego/);
      expect(await chat.sayText('more')).to.deep.equal(["That's all I found.", offer]);
      expect(await chat.sayText('no')).to.deep.equal(["No problem, I won't remember it."]);
    });

    it('"more" after the last page says that was all, not the help menu', async () => {
      await chat.say('lego events this weekend');
      await chat.say('no');
      expect(await chat.sayText('more')).to.deep.equal([
        "That's all I found. Ask about another day, age or topic.",
      ]);
    });

    it('"what about tomorrow?" keeps the age and changes the day', async () => {
      await chat.say('something for my 5 year old this weekend');
      const text = visibleText((await chat.say('what about tomorrow?'))[0]);
      expect(text).to.match(/^Programs for a 5-year-old tomorrow\n/);
      expect(text).to.contain('Bookmobile Storytime\nTomorrow, 3:30-4:00 PM\nBookmobile at Pine Street Park');
      expect(text).not.to.contain('Homework Help');
    });

    it('says so when the events calendar cannot be read, rather than "no programs"', async () => {
      const broken = startConversation({ programFeeds: ['file:missing-feed.ics'] });
      expect((await broken.sayText('storytime'))[0]).to.match(
        /^Sorry, I can't reach our events calendar right now/,
      );
    });

    it('asks what kind when nothing was said, then shows three at a time with "more"', async () => {
      const [question] = await chat.say("what's on");
      expect(question.text).to.match(/^What kind of program are you looking for\?/);
      const first = visibleText((await chat.say('Kids and families'))[0]);
      const total = /\(1-3 of (\d+)\)/.exec(first);
      expect(total, first).to.not.equal(null);
      expect(Number(total![1])).to.be.greaterThan(3);
      expect(first).to.contain('[More]');
      const second = visibleText((await chat.say('more'))[0]);
      expect(second).to.contain(`(4-6 of ${total![1]})`);
    });

    it('remembers interests and home branch only with consent, ranks by them, and "forget me" deletes them', async () => {
      const replies = await chat.say('storytime at main library');
      expect(visibleText(replies[0])).to.contain(
        'Toddler Storytime\nWednesday, Dec 2, 10:00-10:30 AM\nMain Library',
      );
      expect(replies[1].text).to.match(
        /remember that you're interested in storytime and that your home branch is Main Library,/,
      );
      expect(await userStateText(chat)).to.not.contain('storytime');

      expect(await chat.sayText('yes')).to.deep.equal([
        'Done: I will use that to suggest programs next time. Say "forget me" at any time and I will delete it.',
      ]);
      const stored = await userStateText(chat);
      expect(stored).to.contain('"interests":["storytime"]').and.contain('"homeBranchId":"main"');

      // Tomorrow (Tuesday): storytime first, then the home branch, then the rest by time.
      const ranked = visibleText((await chat.say("what's on tomorrow"))[0]);
      const titles = [
        ...ranked.matchAll(/^(Bookmobile Storytime|Homework Help|Knitting Circle|Tech Help for Seniors)$/gm),
      ].map((m) => m[1]);
      expect(titles.slice(0, 2)).to.deep.equal(['Bookmobile Storytime', 'Homework Help']);

      expect(await chat.sayText('forget me')).to.deep.equal([
        "Done: I've deleted the interests and home branch I remembered for you.",
      ]);
      expect(await userStateText(chat))
        .to.not.contain('storytime')
        .and.not.contain('homeBranchId');
      const plain = visibleText((await chat.say("what's on tomorrow"))[0]);
      // By time again: storytime at 3:30 PM drops to the second page.
      expect(plain)
        .to.contain('Knitting Circle')
        .and.contain('Tech Help for Seniors')
        .and.not.contain('Bookmobile');
    });

    it('keeps nothing when the patron says no, and does not ask again in the same conversation', async () => {
      await chat.say('storytime at main library');
      expect(await chat.sayText('no')).to.deep.equal(["No problem, I won't remember it."]);
      expect(await userStateText(chat)).to.not.contain('storytime');
      await chat.say('is the main library open?');
      const again = await chat.sayText('lego events at eastside');
      expect(again).to.have.length(1);
      expect(again[0]).to.contain('Lego Club');
    });
  });

  describe('FAQs', () => {
    const facts: [string, RegExp[], string][] = [
      [
        'how do i get a library card',
        [/free for anyone who lives in Riverbend/, /photo ID and proof of address/, /replace it for \$2/],
        'https://riverbend-library.example.org/card',
      ],
      [
        'do you charge late fines',
        [/no overdue fines/, /lost or damaged/],
        'https://riverbend-library.example.org/fines',
      ],
      [
        'how do i renew my books',
        [/up to 3 times/, /placed a hold/],
        'https://riverbend-library.example.org/renew',
      ],
      [
        'what is the wifi password',
        [/"Riverbend-Public", no password/, /10 cents a page/, /scanning is free/],
        'https://riverbend-library.example.org/computers',
      ],
    ];
    for (const [question, patterns, link] of facts) {
      it(question, async () => {
        const replies = await chat.sayText(question);
        expect(replies).to.have.length(1);
        for (const pattern of patterns) expect(replies[0]).to.match(pattern);
        expect(replies[0]).to.contain(`More: ${link}`);
      });
    }

    it('locations: every branch, then one branch by choice, then "what about Oak Hill?"', async () => {
      const [general, choice] = await chat.sayText('where is the library');
      expect(general)
        .to.contain('Main Library (100 River Street)')
        .and.contain('Oak Hill Branch (9 Summit Drive)');
      expect(choice).to.contain('Want the details for one branch?');
      const [eastside] = await chat.sayText('Eastside Branch');
      expect(eastside).to.match(
        /^Eastside Branch is at 2200 East Avenue\. Parking: free lot behind the building\./,
      );
      expect(eastside).to.contain('route 7');
      const [oakHill] = await chat.sayText('what about oak hill?');
      expect(oakHill)
        .to.match(/^Oak Hill Branch is at 9 Summit Drive\./)
        .and.contain('route 12');
    });
  });

  describe('conversation manners', () => {
    it('"cancel" stops a question at any point and the next message is handled afresh', async () => {
      await chat.say('what are the hours this week');
      expect(await chat.sayText('cancel')).to.deep.equal([
        "Okay, I've stopped that. What else can I help you with?",
      ]);
      expect((await chat.sayText('Main Library'))[0]).to.match(/^Sorry, I didn't understand that/);
      expect(await chat.sayText('start over')).to.deep.equal([
        "Okay, let's start over. What can I help you with?",
      ]);
    });

    it('"talk to a person" interrupts a question and goes to the person route', async () => {
      await chat.say('what are the hours this week');
      // Monday 8:20 PM is outside staffed chat hours: the real handoff says so and offers a message.
      const [handoff] = await chat.sayText('can I talk to a person');
      expect(handoff).to.match(/^Library staff aren't available to chat right now\./);
      expect(handoff).to.contain('Would you like to leave a message?');
    });

    it('"forget me" in the middle of a question keeps the question open', async () => {
      await chat.say('what are the hours this week');
      expect((await chat.sayText('forget me'))[0]).to.match(/^Done: I've deleted/);
      expect(joined(await chat.say('Riverside Branch'))).to.contain(
        'Riverside Branch hours for the next 7 days',
      );
    });

    it('asks which one when two intents are close', async () => {
      const [question] = await chat.say('storytime hours');
      expect(question.text).to.equal('I want to get this right. Which do you mean?');
      expect(question.suggestedActions?.actions.map((a) => a.title)).to.deep.equal([
        'Opening hours',
        'Programs and events',
      ]);
      const programs = visibleText((await chat.say('Programs and events'))[0]);
      expect(programs).to.contain('Programs about storytime coming up');
    });

    it('asks which one when the recognizer answers None between two close intents', async () => {
      const [question] = await chat.say('hours or events?');
      expect(question.text).to.equal('I want to get this right. Which do you mean?');
      expect(question.suggestedActions?.actions.map((a) => a.title)).to.deep.equal([
        'Opening hours',
        'Programs and events',
      ]);
      expect(joined(await chat.say('Opening hours'))).to.contain('Open now? (Mon 8:20 PM)');
    });

    it('asks "did you mean" when the recognizer leans one way, and accepts "something else"', async () => {
      const [question] = await chat.say("what's happening?");
      expect(question.text).to.equal('Did you mean programs and events?');
      expect(question.suggestedActions?.actions.map((a) => a.title)).to.deep.equal([
        'Programs and events',
        'Something else',
      ]);
      expect((await chat.say('Programs and events'))[0].text).to.match(/^What kind of program/);
      await chat.say('start over');
      await chat.say("what's happening?");
      expect(await chat.sayText('something else')).to.deep.equal([
        'Okay. Tell me in other words what you are looking for.',
      ]);
    });

    it('welcome and help offer what this library routes, with its FAQ titles', async () => {
      const [hello] = await chat.sayText('hello');
      expect(hello).to.match(
        /^Hi! I'm the Riverbend Public Library help bot\. I can help with: opening hours;/,
      );
      expect(hello).to.contain('getting a library card; fines and fees');
      // The whole bot routes holds and a person: both are offered.
      expect(hello).to.contain('[Opening hours]').and.contain('[Talk to a person]');
      expect(hello).to.contain('[My holds]').and.contain('your holds');
    });

    it("says what this library's bot can do when it does not understand, from the configuration", async () => {
      const [sorry] = await chat.sayText('xyzzy');
      // The bot routes hours, programs, holds, the FAQs and a person.
      expect(sorry).to.equal(
        "Sorry, I didn't understand that, or it's not something I can do here. I can help with: " +
          'opening hours; programs and events; your holds; your checkouts, renewals and fines; ' +
          `${demo.faq.map((entry) => entry.title.charAt(0).toLowerCase() + entry.title.slice(1)).join('; ')}. ` +
          'Please ask in your own words.',
      );
      expect(sorry).to.contain('getting a library card; fines and fees');
    });

    it('answers thanks with "you\'re welcome" and bye with goodbye', async () => {
      expect((await chat.sayText('thanks'))[0]).to.match(/^You're welcome! Thanks for contacting the /);
      expect((await chat.sayText('bye'))[0]).to.match(/^Goodbye! Thanks for contacting the /);
    });

    it('offers a person after two misunderstood messages in a row, not after one', async () => {
      expect((await chat.sayText('xyzzy'))[0]).to.match(/^Sorry, I didn't understand that/);
      const [offer] = await chat.say('qwerty');
      expect(offer.text).to.equal(
        "Sorry, I'm still not sure what you mean. Would you like to talk to a person?",
      );
      expect((await chat.sayText('no'))[0]).to.match(/^Okay\. Try asking in other words/);
      // The count starts again after the answer.
      expect((await chat.sayText('zzz'))[0]).to.match(/^Sorry, I didn't understand that/);
      await chat.say('hmm hmm');
      expect((await chat.sayText('yes'))[0]).to.match(/^Library staff aren't available to chat right now\./);
    });

    it('never keeps a card number typed by mistake in conversation state', async () => {
      await chat.say('21234000123456');
      const [offer] = await chat.say('my card is 21234000123456');
      expect(offer.text).to.match(/talk to a person\?$/);
      expect(conversationStateText(chat)).to.not.contain('21234000123456').and.not.contain('1234000');
    });

    it('a dialog waiting for a PIN gets the next message untouched: no recognizer, no help', async () => {
      const pinChat = startConversation({
        routes: [{ intents: ['holds.list'], dialog: new PinQuestionStub() }],
      });
      expect(await pinChat.sayText('show my holds')).to.deep.equal(['Please type your PIN.']);
      const seenBefore = pinChat.recognizer.seen.length;
      expect(await pinChat.sayText('help')).to.deep.equal(['Thanks, checking.']);
      expect(pinChat.recognizer.seen).to.have.length(seenBefore);
      // A whole-message "cancel" still stops it.
      await pinChat.say('show my holds');
      expect(await pinChat.sayText('cancel')).to.deep.equal([
        "Okay, I've stopped that. What else can I help you with?",
      ]);
    });

    it('an understood message in between resets the count', async () => {
      await chat.say('xyzzy');
      await chat.say('is the main library open?');
      expect((await chat.sayText('qwerty'))[0]).to.match(/^Sorry, I didn't understand that/);
    });
  });
});

describe('conversations over SMS', () => {
  let sms: Conversation;
  beforeEach(() => {
    sms = startConversation({ channelId: 'sms' });
  });
  afterEach(async () => {
    // Every SMS reply is plain text within Twilio's limit: no cards, no buttons.
    for (const text of sent) expect(text.length, text).to.be.at.most(SMS_MAX_LENGTH);
    sent = [];
  });
  let sent: string[] = [];
  const text = async (message: string) => {
    const activities = await sms.say(message);
    for (const activity of activities) {
      expect(activity.attachments ?? [], message).to.have.length(0);
      expect(activity.suggestedActions, message).to.equal(undefined);
      sent.push(activity.text ?? '');
    }
    return activities.map((a) => a.text ?? '');
  };
  const short = (messages: string[]) => {
    for (const message of messages) expect(message.length, message).to.be.at.most(SMS_PREFERRED_LENGTH);
    return messages;
  };

  it('hours: open now, follow-ups and a numbered branch choice answered with "2"', async () => {
    short(await text('Is the main library open?'));
    expect(short(await text('and on Sunday?'))).to.deep.equal([
      'Main Library on Sunday, Dec 6: 1:00 PM-5:00 PM.',
    ]);
    const [question] = short(await text('what are the hours this week'));
    expect(question)
      .to.contain('1. Main Library\n2. Eastside Branch')
      .and.contain('Reply a number from 1 to 5.');
    const [week] = short(await text('2'));
    expect(week).to.match(
      /^Eastside Branch hours for the next 7 days\nMon, Nov 30: 10:00 AM-6:00 PM\nTue, Dec 1: 10:00 AM-8:00 PM/,
    );
    const [christmasEve] = short(await text('what are the hours on christmas eve'));
    expect(christmasEve).to.contain('Main Library: 9:00 AM-2:00 PM').and.contain('Eastside Branch: Closed');
    short(await text('who is open now'));
  });

  it('interruptions and follow-ups work the same by text message', async () => {
    short(await text('what are the hours this week'));
    expect(await text('cancel')).to.deep.equal(["Okay, I've stopped that. What else can I help you with?"]);
    short(await text('what are the hours this week'));
    expect(short(await text('talk to a person'))[0]).to.match(
      /^Library staff aren't available to chat right now\..*\n1\. Leave a message\n2\. No thanks/s,
    );
    expect(short(await text('no thanks'))[0]).to.match(/^All right\. You can also call us at/);
    short(await text('is the main library open tomorrow?'));
    expect(short(await text('what about Eastside?'))).to.deep.equal([
      'Eastside Branch tomorrow (Tuesday, Dec 1): 10:00 AM-8:00 PM.',
    ]);
  });

  it('programs: numbered list, "more", and consent answered with "1"', async () => {
    const replies = await text('storytime');
    replies.forEach((reply) => expect(reply.length).to.be.at.most(SMS_PREFERRED_LENGTH));
    const offer = replies.pop()!;
    const list = replies.join('\n');
    expect(list).to.match(/^Programs about storytime coming up \(1-3 of \d+\)/);
    expect(list).to.contain('1. Bookmobile Storytime').and.contain('Reply "more" for more.');
    expect(short([offer])[0]).to.contain('1. Yes, remember\n2. No thanks');
    expect(await text('1')).to.deep.equal(['Saved. Text "forget me" at any time to delete it.']);
    expect(await userStateText(sms)).to.contain('"interests":["storytime"]');
    short(await text('forget me'));
    expect(await userStateText(sms)).to.not.contain('storytime');
  });

  it('after "hi", replying "2" to the numbered menu asks about programs', async () => {
    const [menu] = await text('hi');
    expect(menu).to.contain('2. Programs and events').and.contain('Reply a number from 1 to');
    expect((await text('2'))[0]).to.match(/^What kind of program\?/);
  });

  it('open now on a holiday names it once in the title and fits one message', async () => {
    const holiday = startConversation({ channelId: 'sms', now: new Date('2027-01-18T09:00:00-06:00') });
    const replies = (await holiday.say('are you open')).map(visibleText);
    expect(replies).to.have.length(1);
    expect(replies[0]).to.match(/^Open now\? \(Mon 9:00 AM, Martin Luther King Jr\. Day\)\n/);
    expect(replies[0]).to.contain('Main Library: Closed; opens tomorrow 9:00 AM');
    expect(replies[0]).not.to.contain('Closed (Martin');
    expect(replies[0].length).to.be.at.most(SMS_PREFERRED_LENGTH);
  });

  it('programs: the second page numbers on from 4, matching its "(4-6 of N)" title', async () => {
    await text('storytime');
    const page = (await text('more')).join('\n');
    expect(page).to.match(/^Programs about storytime coming up \(4-\d of \d+\)/);
    expect(page)
      .to.match(/\n4\. /)
      .and.not.match(/\n1\. /);
  });

  it('each FAQ in its SMS wording, and a branch chosen with "4"', async () => {
    for (const question of ['how do i get a library card', 'late fines', 'renew', 'wifi']) {
      const replies = short(await text(question));
      expect(replies).to.have.length(1);
      expect(replies[0]).to.contain('More: https://riverbend-library.example.org/');
    }
    expect((await text('how do i get a library card'))[0]).to.match(
      /^Cards are free for Riverbend residents/,
    );
    const [, choice] = short(await text('where is the library'));
    expect(choice).to.contain('4. Oak Hill Branch');
    expect(short(await text('4'))[0]).to.match(/^Oak Hill Branch is at 9 Summit Drive/);
  });

  it('"which one" answered with "1", and the person offer answered with "1"', async () => {
    const [which] = short(await text('storytime hours'));
    expect(which).to.contain('1. Opening hours\n2. Programs and events');
    expect(short(await text('1'))[0]).to.match(/^Open now\? \(Mon 8:20 PM\)/);
    await text('xyzzy');
    const [offer] = short(await text('qwerty'));
    expect(offer).to.contain('1. Yes, a person\n2. No, keep trying');
    expect(short(await text('1'))[0]).to.match(/^Library staff aren't available to chat right now\./);
  });
});

describe('conversations saved while the main loop was a waterfall', () => {
  /**
   * Rewrites the stored main loop the way botbuilder's WaterfallDialog kept it (an instance id beside
   * the memory, the step it stopped at), as conversations saved before the loop became a dialog of
   * its own have it.
   */
  async function asSavedByTheWaterfall(chat: Conversation, stepIndex: number): Promise<void> {
    const memory = (chat.storage as unknown as { memory: Record<string, string> }).memory;
    const key = Object.keys(memory).find((k) => k.includes('/conversations/')) as string;
    const document = JSON.parse(memory[key]) as {
      dialogState: {
        dialogStack: { state: { dialogs: { dialogStack: { id: string; state: unknown }[] } } }[];
      };
    };
    const inner = document.dialogState.dialogStack[0].state.dialogs.dialogStack;
    expect(inner[0].id).to.equal('mainLoop');
    const loop = inner[0].state as { options: object; values: { memory: object }; stepIndex: number };
    inner[0].state = {
      options: loop.options,
      values: { memory: loop.values.memory, instanceId: 'a1b2c3d4' },
      stepIndex,
    };
    memory[key] = JSON.stringify(document);
  }

  it('resumes one waiting for a message, and one waiting inside a dialog it began', async () => {
    const chat = startConversation();
    await chat.say('who is open now');
    await asSavedByTheWaterfall(chat, 0);
    const now = (await chat.sayText('is eastside open now')).join('\n');
    expect(now).to.contain('Eastside Branch');

    const [question] = await chat.say('what are the hours this week');
    expect(question.text).to.equal('Which branch would you like the hours for?');
    await asSavedByTheWaterfall(chat, 1);
    const week = (await chat.sayText('oak hill')).join('\n');
    expect(week).to.contain('Oak Hill Branch hours for the next 7 days');
    // Back at the loop, waiting: the next question is routed as usual.
    expect((await chat.sayText('help')).join('\n')).to.contain('Here is what I can help with.');
  });
});

describe('asking for a person while a dialog waits for an answer', () => {
  it('keeps what the main loop remembered (the last answer) instead of starting from nothing', async () => {
    const chat = startConversation();
    await chat.say('is eastside open tomorrow');
    const [question] = await chat.say('what are the hours this week');
    expect(question.text).to.equal('Which branch would you like the hours for?');
    await chat.say('can i talk to a person');
    const stored = conversationStateText(chat);
    expect(stored).to.contain('"last":{"topic":"hours"');
    expect(stored).to.contain('"branchId":"eastside"');
  });
});
