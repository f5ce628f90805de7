import { expect } from 'chai';
import { EscalationRules, isExplicitRequestForPerson } from '../../library/handoff';
import { demoConfig } from './support';

describe('handoff: when to escalate', () => {
  const rules = new EscalationRules(demoConfig().escalation);

  it('hands off at once when the patron asks for a person, in many wordings', () => {
    for (const text of [
      'Can I talk to a real person?',
      'speak with a librarian please',
      'human',
      'Agent please!',
      'I want a human',
      'I need to talk to a person',
      'is there a live person there',
      'connect me to someone',
    ]) {
      expect(isExplicitRequestForPerson(text), text).to.equal(true);
      expect(rules.assess({ text }), text).to.deep.equal({ reason: 'explicit', mode: 'handoff' });
    }
  });

  it('treats the recognizer’s "human" intent as an explicit request, unless the message is frustration', () => {
    expect(rules.assess({ text: 'get me someone who knows', intent: 'human' })?.mode).to.equal('handoff');
    expect(rules.assess({ text: 'this is useless', intent: 'human' })).to.deep.equal({
      reason: 'frustrated',
      mode: 'offer',
      matched: 'useless',
    });
  });

  it('does not hear a request for a person in ordinary questions', () => {
    for (const text of [
      'what are your hours today',
      'is the person who runs story time there on friday',
      'I need to renew my books',
      'human anatomy books',
    ]) {
      expect(isExplicitRequestForPerson(text), text).to.equal(false);
      expect(rules.assess({ text, misunderstoodInARow: 0 }), text).to.equal(undefined);
    }
  });

  it('offers a person for always-human topics, naming the topic', () => {
    expect(rules.assess({ text: 'I want to make a complaint about the parking' })).to.deep.equal({
      reason: 'always-human',
      mode: 'offer',
      matched: 'complaint',
    });
    expect(rules.assess({ text: 'someone stole my wallet, I think I have a stolen card' })?.matched).to.equal(
      'lost-card',
    );
  });

  it('offers a person on frustration words and on strongly negative sentiment', () => {
    expect(rules.assess({ text: 'this is a waste of time' })).to.deep.equal({
      reason: 'frustrated',
      mode: 'offer',
      matched: 'waste of time',
    });
    expect(rules.sentimentOf('terrible awful horrible')).to.be.below(-0.5);
    expect(rules.assess({ text: 'terrible awful horrible' })).to.deep.equal({
      reason: 'frustrated',
      mode: 'offer',
    });
    expect(rules.sentimentOf('thank you, that is great')).to.be.above(0);
    expect(rules.assess({ text: 'thank you, that is great' })).to.equal(undefined);
  });

  it('does not take a negative-sounding library question for frustration', () => {
    for (const [text, intent] of [
      ['what if i lose a book', 'faq.fines'],
      ['my book is damaged', 'faq.fines'],
      ['do u have fines', 'faq.fines'],
      ['i lost my hold slip, is my book ready', 'holds.list'],
    ]) {
      expect(rules.assess({ text, intent }), text).to.equal(undefined);
    }
    expect(rules.assess({ text: 'terrible awful horrible', intent: 'None' })).to.deep.equal({
      reason: 'frustrated',
      mode: 'offer',
    });
  });

  it('offers a person after the configured number of misunderstood messages in a row', () => {
    expect(rules.assess({ text: 'blorf', misunderstoodInARow: 1 })).to.equal(undefined);
    expect(rules.assess({ text: 'zzzq', misunderstoodInARow: 2 })).to.deep.equal({
      reason: 'misunderstood',
      mode: 'offer',
    });
  });

  it('offers a person when the bot hit a failure it cannot recover from', () => {
    expect(rules.assess({ text: 'show my holds', unrecoverableFailure: true })).to.deep.equal({
      reason: 'failure',
      mode: 'offer',
    });
  });
});
