import { expect } from 'chai';
import { type GateEntry, SensitiveInputGate } from '../../library/patronSessions/sensitiveInput';
import { CARD_ANSWER_MASK, PIN_MASK } from '../../library/privacy';

describe('sensitive input gate', () => {
  // The bot keeps each conversation's entry in conversation state; here a map stands for it.
  let entries: Map<string, GateEntry | undefined>;
  beforeEach(() => {
    entries = new Map();
  });
  const screen = (gate: SensitiveInputGate, key: string, text: string) => gate.screen(entries.get(key), text);
  const expectIn = (gate: SensitiveInputGate, key: string, kind: 'card' | 'pin') =>
    entries.set(key, gate.asked(kind));
  const clearIn = (gate: SensitiveInputGate, key: string) => entries.set(key, gate.closed(entries.get(key)));
  const forgetIn = (key: string) => entries.delete(key);
  const expectedIn = (gate: SensitiveInputGate, key: string) => gate.current(entries.get(key))?.open;

  it('passes messages through untouched when nothing sensitive is expected or typed', () => {
    const gate = new SensitiveInputGate();
    expect(screen(gate, 'webchat:A', '2468')).to.deep.equal({ visibleText: '2468' });
    expect(screen(gate, 'webchat:A', 'what time do you close?')).to.deep.equal({
      visibleText: 'what time do you close?',
    });
  });

  it('withholds the PIN turn of the conversation that was asked for it, and only that one', () => {
    const gate = new SensitiveInputGate();
    expectIn(gate, 'webchat:A', 'pin');
    expect(screen(gate, 'webchat:B', '2468')).to.deep.equal({ visibleText: '2468' });
    expect(screen(gate, 'webchat:A', ' 2468 ')).to.deep.equal({
      visibleText: PIN_MASK,
      withheld: { kind: 'pin', raw: '2468' },
    });
  });

  it('withholds a PIN typed spaced or dashed ("1 3 5 7")', () => {
    const gate = new SensitiveInputGate();
    expectIn(gate, 'webchat:A', 'pin');
    for (const typed of ['1 3 5 7', '13 57', '1-3-5-7']) {
      expect(screen(gate, 'webchat:A', typed)).to.deep.equal({
        visibleText: PIN_MASK,
        withheld: { kind: 'pin', raw: typed },
      });
    }
  });

  it('lets a sentence through when a PIN was expected, so the patron can change their mind', () => {
    const gate = new SensitiveInputGate();
    expectIn(gate, 'webchat:A', 'pin');
    expect(screen(gate, 'webchat:A', 'never mind')).to.deep.equal({ visibleText: 'never mind' });
  });

  it('withholds a card number turn but hands the dialog the raw number', () => {
    const gate = new SensitiveInputGate();
    expectIn(gate, 'sms:A', 'card');
    expect(screen(gate, 'sms:A', '2100 0000 0000 01')).to.deep.equal({
      visibleText: CARD_ANSWER_MASK,
      withheld: { kind: 'card', raw: '2100 0000 0000 01' },
    });
    expect(screen(gate, 'sms:A', 'it is 21000000000001 thanks').visibleText).to.equal(CARD_ANSWER_MASK);
    // Card and PIN in one message: nothing of either is shown, not even a "last four".
    expect(screen(gate, 'sms:A', '21000000000001 2468').visibleText).to.equal(CARD_ANSWER_MASK);
  });

  it('at the card question, withholds one word (a PIN typed again) or digits, and lets a question through', () => {
    const gate = new SensitiveInputGate();
    expectIn(gate, 'webchat:A', 'card');
    for (const retyped of ['2468', 'Kx7canary93']) {
      expect(screen(gate, 'webchat:A', retyped)).to.deep.equal({
        visibleText: CARD_ANSWER_MASK,
        withheld: { kind: 'card', raw: retyped },
      });
    }
    for (const question of ['what time do you close', 'cancel my hold on project hail mary']) {
      expect(screen(gate, 'webchat:A', question)).to.deep.equal({ visibleText: question });
    }
    expectIn(gate, 'webchat:A', 'pin');
    expect(screen(gate, 'webchat:A', 'my pin is 2468')).to.deep.equal({
      visibleText: PIN_MASK,
      withheld: { kind: 'pin', raw: 'my pin is 2468' },
    });
  });

  it('masks a card number and PIN typed in a message of its own, with no question open', () => {
    const gate = new SensitiveInputGate();
    const text = 'my card is 21000000000001 and pin 2468 whats on hold';
    expect(screen(gate, 'webchat:A', text)).to.deep.equal({
      visibleText: 'my card is ****0001 and pin [PIN withheld] whats on hold',
      withheld: { kind: 'message', raw: text },
    });
  });

  it('after the question closes without a sign-in, still withholds a PIN typed again for a while', () => {
    let now = 0;
    const gate = new SensitiveInputGate({ now: () => now, afterSignInMs: 600_000 });
    expectIn(gate, 'webchat:A', 'pin');
    clearIn(gate, 'webchat:A'); // a lock, or a new topic at the PIN question
    expect(screen(gate, 'webchat:A', '2468')).to.deep.equal({
      visibleText: PIN_MASK,
      withheld: { kind: 'pin', raw: '2468', unasked: true },
    });
    expect(screen(gate, 'webchat:A', '1 3 5 7').visibleText).to.equal(PIN_MASK);
    expect(screen(gate, 'webchat:A', '21000000000001').visibleText).to.equal(CARD_ANSWER_MASK);
    // Words are not PINs; nor is anything once the patron signed in, or after the while.
    expect(screen(gate, 'webchat:A', 'hello')).to.deep.equal({ visibleText: 'hello' });
    now = 600_001;
    expect(screen(gate, 'webchat:A', '2468')).to.deep.equal({ visibleText: '2468' });
    expectIn(gate, 'webchat:B', 'pin');
    forgetIn('webchat:B');
    expect(screen(gate, 'webchat:B', '2468')).to.deep.equal({ visibleText: '2468' });
  });

  it('forgets an armed gate after its time to live, and on clear', () => {
    let now = 0;
    const gate = new SensitiveInputGate({ ttlMs: 1000, now: () => now });
    expectIn(gate, 'webchat:A', 'pin');
    expectIn(gate, 'webchat:B', 'pin');
    clearIn(gate, 'webchat:B');
    expect(expectedIn(gate, 'webchat:B')).to.equal(undefined);
    now = 1001;
    expect(expectedIn(gate, 'webchat:A')).to.equal(undefined);
  });
});
