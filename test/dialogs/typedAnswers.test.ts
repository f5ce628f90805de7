// The main dialog's and the programs, hours and FAQ questions accept their buttons' labels typed out
// (Web Chat) and their list numbers and ordinals (SMS), as well as plain yes and no.
import { expect } from 'chai';
import { startConversation, userStateText, visibleText } from './conversationHarness';

describe('conversations: typed button labels and SMS numbers', () => {
  it('the offer to remember interests: "Yes, remember" typed keeps them, "No thanks" typed keeps nothing', async () => {
    const chat = startConversation();
    const offer = await chat.say('storytime at main library');
    expect(offer.map(visibleText).join('\n')).to.contain('[Yes, remember]');
    expect(await chat.sayText('Yes, remember')).to.deep.equal([
      'Done: I will use that to suggest programs next time. Say "forget me" at any time and I will delete it.',
    ]);
    expect(await userStateText(chat)).to.contain('"interests":["storytime"]');

    const other = startConversation();
    await other.say('storytime at main library');
    expect(await other.sayText('No thanks')).to.deep.equal(["No problem, I won't remember it."]);
    expect(await userStateText(other)).to.not.contain('storytime');
  });

  it('the offer to remember interests by SMS: "2" declines', async () => {
    const sms = startConversation({ channelId: 'sms' });
    await sms.say('storytime');
    expect(await sms.sayText('2')).to.deep.equal(["No problem, I won't remember it."]);
    expect(await userStateText(sms)).to.not.contain('storytime');
  });

  it('which branch: its label typed, and an ordinal by SMS', async () => {
    const chat = startConversation();
    expect((await chat.sayText('what are the hours this week')).join('\n')).to.contain(
      'Which branch would you like the hours for?',
    );
    expect((await chat.sayText('Eastside Branch')).join('\n')).to.contain(
      'Eastside Branch hours for the next 7 days',
    );
    const sms = startConversation({ channelId: 'sms' });
    await sms.say('what are the hours this week');
    expect((await sms.sayText('the 2nd one')).join('\n')).to.contain(
      'Eastside Branch hours for the next 7 days',
    );
  });

  it('the offer of a person: "Yes, a person" and "No, keep trying" typed, "2" by SMS', async () => {
    const chat = startConversation();
    await chat.say('xyzzy');
    expect((await chat.sayText('qwerty')).join('\n')).to.contain('Would you like to talk to a person?');
    // Monday 8:20 PM is outside staffed chat hours: the real handoff answers.
    expect((await chat.sayText('Yes, a person'))[0]).to.match(
      /^Library staff aren't available to chat right now\./,
    );
    await chat.say('No thanks');

    await chat.say('xyzzy');
    await chat.say('qwerty');
    expect((await chat.sayText('No, keep trying')).join('\n')).to.contain('Try asking in other words');

    const sms = startConversation({ channelId: 'sms' });
    await sms.say('xyzzy');
    expect((await sms.sayText('qwerty')).join('\n')).to.contain('1. Yes, a person\n2. No, keep trying');
    expect((await sms.sayText('2')).join('\n')).to.contain('Try asking in other words');
  });

  it('which FAQ branch: the label typed, and the last one by SMS', async () => {
    const chat = startConversation();
    await chat.say('where is the library');
    expect((await chat.sayText('Oak Hill Branch')).join('\n')).to.match(
      /^Oak Hill Branch is at 9 Summit Drive/,
    );
    const sms = startConversation({ channelId: 'sms' });
    const [, choice] = (await sms.say('where is the library')).map(visibleText);
    const last = /(\d+)\. ([^\n]+)\nReply a number/.exec(choice);
    expect(last, choice).to.not.equal(null);
    expect((await sms.sayText('the last one')).join('\n')).to.match(/^The Bookmobile stops at/);
    expect(last![2]).to.equal('Bookmobile');
  });
});
