import { expect } from 'chai';
import type { HoldsHarness } from '../holds/holdsHarness';
import { withoutFeatures } from '../librarySystem/limitedFeatures';
import { askSignedIn, JORDAN, say, startAccountHarness, trainRecognizerFirst } from './accountHarness';

describe('holds conversation: changing a pickup branch', () => {
  let harness: HoldsHarness;
  trainRecognizerFirst();
  beforeEach(async () => {
    harness = await startAccountHarness();
  });
  afterEach(() => harness.close());

  it('moves a named hold to Oak Hill after a confirmation', async () => {
    const chat = harness.conversation('change-named');
    const asked = await askSignedIn(chat, 'change the pickup for project hail mary to Oak Hill', JORDAN);
    expect(asked).to.include('Pick up Project Hail Mary (Book) at Oak Hill Branch instead of Main Library?');
    const done = await say(chat, 'yes');
    expect(done).to.include('Done: your hold on Project Hail Mary is now for pickup at Oak Hill Branch.');
    expect(await say(chat, 'my holds'))
      .to.include('Project Hail Mary')
      .and.include('for pickup at Oak Hill Branch');
  });

  it('asks which hold by SMS when the message names none, and never offers the one on the shelf', async () => {
    const sms = harness.conversation('change-which-sms', 'sms');
    const asked = await askSignedIn(sms, 'change pickup to oak hill pls', JORDAN);
    expect(asked).to.include('Which hold should go to a different branch?');
    expect(asked).to.include('Project Hail Mary').and.include('Lessons in Chemistry');
    expect(asked).to.not.include('The Midnight Library');
    expect(await say(sms, '1')).to.match(/at Oak Hill Branch instead of/);
    expect(await say(sms, 'no')).to.include('is unchanged');
  });

  it('says where a ready hold waits and until when, instead of moving it', async () => {
    const chat = harness.conversation('change-ready');
    const answer = await askSignedIn(chat, 'move my hold on the midnight library to oak hill', JORDAN);
    expect(answer).to.include('already waiting for you on the hold shelf at Eastside Branch');
    expect(answer).to.include('You can pick it up there until');
  });
});

describe('holds conversation: a library system that cannot change a pickup branch', () => {
  let harness: HoldsHarness;
  trainRecognizerFirst();
  before(async () => {
    harness = await startAccountHarness({ wrap: (system) => withoutFeatures(system, ['changePickup']) });
  });
  after(() => harness.close());

  it('says plainly where to do it, before asking for a card number', async () => {
    const chat = harness.conversation('no-change');
    const answer = await say(chat, 'change the pickup for my hold to Oak Hill');
    expect(answer).to.include("I can't change a hold's pickup branch here in the chat");
    expect(answer).to.include('(555) 010-2000').and.not.include('card number');
  });
});
