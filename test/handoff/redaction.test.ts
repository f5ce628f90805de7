import { expect } from 'chai';
import { buildStaffSummary, maskCardNumbers, redactForStaff } from '../../library/handoff';

describe('handoff: what staff see', () => {
  it('masks card numbers, keeping the last four digits', () => {
    expect(maskCardNumbers('my card is 21234000567890')).to.equal('my card is ••••7890');
    expect(maskCardNumbers('card 2 1234 0005 6789 0')).to.equal('card ••••7890');
    expect(maskCardNumbers('I have 3 holds')).to.equal('I have 3 holds');
  });

  it('removes a PIN typed in a message', () => {
    expect(redactForStaff('my pin is 4321')).to.equal('my pin is [removed]');
    expect(redactForStaff('PIN: 987654 card 21234000567890')).to.equal('PIN: [removed] card ••••7890');
  });

  it('builds a short summary without the PIN turn, with intent, branch and sign-in state', () => {
    const summary = buildStaffSummary({
      turns: [
        { from: 'patron', text: 'hi' },
        { from: 'bot', text: 'Hello! How can I help?' },
        { from: 'patron', text: 'show my holds, card 21234000567890' },
        { from: 'bot', text: 'Please type your PIN.' },
        { from: 'patron', text: '4321', sensitive: true },
        { from: 'patron', text: 'it is not working' },
        { from: 'bot', text: 'Sorry, something went wrong.' },
        { from: 'patron', text: 'can I talk to a person' },
      ],
      intent: 'holds.list',
      branch: 'Eastside Branch',
      signedIn: true,
      reason: 'explicit',
      maxTurns: 5,
    });
    expect(summary).to.deep.equal({
      recentTurns: [
        { from: 'patron', text: 'show my holds, card ••••7890' },
        { from: 'bot', text: 'Please type your PIN.' },
        { from: 'patron', text: 'it is not working' },
        { from: 'bot', text: 'Sorry, something went wrong.' },
        { from: 'patron', text: 'can I talk to a person' },
      ],
      intent: 'holds.list',
      branch: 'Eastside Branch',
      signedIn: true,
      reason: 'explicit',
    });
    expect(JSON.stringify(summary)).not.to.match(/4321|21234000567890/);
  });
});
