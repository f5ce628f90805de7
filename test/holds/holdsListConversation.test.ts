import { expect } from 'chai';
import { startHoldsHarness, type HoldsHarness } from './holdsHarness';

describe('holds conversation: listing', () => {
  let harness: HoldsHarness;
  beforeEach(async () => {
    harness = await startHoldsHarness();
  });
  afterEach(() => harness.close());

  it('signs in with card then PIN and lists the three holds (Web Chat card)', async () => {
    const chat = harness.conversation('list-1');
    const askCard = await chat.say('show my holds');
    expect(askCard.join('\n')).to.include('To see your holds').and.include('library card number');
    const askPin = await chat.sayRaw('21000000000001');
    expect(askPin.map((a) => a.text).join('\n')).to.include('PIN');
    expect(askPin[askPin.length - 1].channelData).to.deep.equal({ libraryBot: { sensitiveInput: 'pin' } });
    const listed = (await chat.say('2468')).join('\n');
    console.log(listed);
  });
});
