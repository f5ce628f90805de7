import { expect } from 'chai';
import { buildStaffSummary } from '../../library/handoff';

describe('handoff: what staff see', () => {
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
        { from: 'patron', text: 'show my holds, card ****7890' },
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
