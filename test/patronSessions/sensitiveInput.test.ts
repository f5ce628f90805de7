import { expect } from 'chai';
import {
  SensitiveInputGate,
  withheldCardText,
  withheldPinText,
} from '../../library/patronSessions/sensitiveInput';

describe('sensitive input gate', () => {
  it('passes messages through untouched when nothing sensitive is expected', () => {
    const gate = new SensitiveInputGate();
    expect(gate.screen('webchat:A', '2468')).to.deep.equal({ visibleText: '2468' });
  });

  it('withholds the PIN turn of the conversation that was asked for it, and only that one', () => {
    const gate = new SensitiveInputGate();
    gate.expect('webchat:A', 'pin');
    expect(gate.screen('webchat:B', '2468')).to.deep.equal({ visibleText: '2468' });
    expect(gate.screen('webchat:A', ' 2468 ')).to.deep.equal({
      visibleText: withheldPinText,
      withheld: { kind: 'pin', raw: '2468' },
    });
  });

  it('lets a sentence through when a PIN was expected, so the patron can change their mind', () => {
    const gate = new SensitiveInputGate();
    gate.expect('webchat:A', 'pin');
    expect(gate.screen('webchat:A', 'never mind')).to.deep.equal({ visibleText: 'never mind' });
  });

  it('withholds a card number turn but hands the dialog the raw number', () => {
    const gate = new SensitiveInputGate();
    gate.expect('sms:A', 'card');
    expect(gate.screen('sms:A', '2100 0000 0000 01')).to.deep.equal({
      visibleText: withheldCardText,
      withheld: { kind: 'card', raw: '2100 0000 0000 01' },
    });
    expect(gate.screen('sms:A', 'it is 21000000000001 thanks').visibleText).to.equal(withheldCardText);
    // Card and PIN in one message: nothing of either is shown, not even a "last four".
    expect(gate.screen('sms:A', '21000000000001 2468').visibleText).to.equal(withheldCardText);
  });

  it('at the card question, withholds one word (a PIN typed again) or digits, and lets a question through', () => {
    const gate = new SensitiveInputGate();
    gate.expect('webchat:A', 'card');
    for (const retyped of ['2468', 'Kx7canary93']) {
      expect(gate.screen('webchat:A', retyped)).to.deep.equal({
        visibleText: withheldCardText,
        withheld: { kind: 'card', raw: retyped },
      });
    }
    for (const question of ['what time do you close', 'cancel my hold on project hail mary']) {
      expect(gate.screen('webchat:A', question)).to.deep.equal({ visibleText: question });
    }
    gate.expect('webchat:A', 'pin');
    expect(gate.screen('webchat:A', 'my pin is 2468')).to.deep.equal({
      visibleText: withheldPinText,
      withheld: { kind: 'pin', raw: 'my pin is 2468' },
    });
  });

  it('forgets an armed gate after its time to live, and on clear', () => {
    let now = 0;
    const gate = new SensitiveInputGate({ ttlMs: 1000, now: () => now });
    gate.expect('webchat:A', 'pin');
    gate.expect('webchat:B', 'pin');
    gate.clear('webchat:B');
    expect(gate.expected('webchat:B')).to.equal(undefined);
    now = 1001;
    expect(gate.expected('webchat:A')).to.equal(undefined);
  });
});
