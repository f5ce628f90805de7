// The holds dialogs with the library's trained recognizer (as the bot runs them), in the patron's words.
import { expect } from 'chai';
import { demoLibraryRecognizer } from '../support/testBot';
import { startHoldsHarness, type Conversation, type HoldsHarness } from './holdsHarness';

const say = async (chat: Conversation, text: string) => (await chat.say(text)).join('\n');

describe('holds conversation: with the trained recognizer', () => {
  let harness: HoldsHarness;
  before(async () => {
    harness = await startHoldsHarness({ recognizer: demoLibraryRecognizer() });
  });
  after(() => harness.close());

  it('places, lists and cancels from everyday wording, then signs out', async () => {
    const chat = harness.conversation('trained');
    expect(await say(chat, 'can I get the new andy weir book at eastside')).to.include('To place a hold');
    await say(chat, '21000000000002');
    const matches = await say(chat, '1357');
    expect(matches).to.include('The Martian by Andy Weir').and.include('Project Hail Mary by Andy Weir');
    expect(await say(chat, 'The Martian')).to.include('comes in');
    expect(await say(chat, 'book')).to.include('for pickup at Eastside Branch, your home branch?');
    expect(await say(chat, 'yes')).to.include('Done: your hold on The Martian (Book) is placed.');

    expect(await say(chat, 'is my book ready?')).to.include('The Martian');
    const confirm = await say(chat, 'cancel my hold on the martian');
    expect(confirm).to.include('Cancel your hold on The Martian (Book)?');
    expect(await say(chat, 'yes')).to.include('Your hold on The Martian is cancelled.');
    expect(await say(chat, 'put a hold on The Midnight Library by Matt Haig')).to.include(
      'The Midnight Library by Matt Haig',
    );
    expect(await say(chat, 'never mind')).to.match(/stopped/i);
    expect(await say(chat, 'sign out')).to.include("You're signed out");
  });
});
