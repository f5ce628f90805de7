// The account wording without a bot: due dates in words, what the holds list offers per connector,
// and how to pay taken from the library's own fines FAQ answer.
import { expect } from 'chai';
import { dueText, paymentFromFaq, payingPart } from '../../dialogs/account/accountReplies';
import { holdsFooter } from '../../dialogs/holds/holdsReplies';
import { messagesFor } from '../../library/language/catalog';

const en = messagesFor('en');

describe('account wording', () => {
  it("says due dates relative to the library's today", () => {
    expect(dueText(en, { dueDate: '2026-03-06', overdue: true }, '2026-03-10')).to.equal(
      'Overdue: it was due Friday, March 6 (4 days ago)',
    );
    expect(dueText(en, { dueDate: '2026-03-10', overdue: false }, '2026-03-10')).to.equal(
      'Due today, Tuesday, March 10',
    );
    expect(dueText(en, { dueDate: '2026-03-11', overdue: false }, '2026-03-10')).to.equal(
      'Due tomorrow, Wednesday, March 11',
    );
    expect(dueText(en, { dueDate: '2026-03-15', overdue: false }, '2026-03-10')).to.equal(
      'Due Sunday, March 15 (in 5 days)',
    );
    expect(dueText(en, { dueDate: '2026-03-31', overdue: false }, '2026-03-10')).to.equal(
      'Due Tuesday, March 31',
    );
  });

  it('offers in the holds list only what the library system can do', () => {
    expect(holdsFooter(en)).to.equal('You can say "place a hold", "cancel a hold" or "sign out".');
    expect(
      holdsFooter(en, { placeHold: true, cancelHold: true, changePickup: true, suspendHold: true }),
    ).to.equal(
      'You can say "place a hold", "cancel a hold", "change a pickup branch", "pause a hold" or "sign out".',
    );
    expect(holdsFooter(en, { placeHold: false, cancelHold: true, changePickup: false })).to.equal(
      'You can say "cancel a hold" or "sign out".',
    );
  });

  it('takes only the paying sentences of a fines FAQ answer', () => {
    const answer =
      'Riverbend has no overdue fines on most items. Lost items are billed at replacement cost, and you can pay at any branch or online.';
    expect(payingPart(answer)).to.equal('You can pay at any branch or online.');
    expect(payingPart('We charge no fines.')).to.equal(undefined);
    expect(paymentFromFaq({ answer: 'No fines here.', link: 'https://example.org/fines' })).to.deep.equal({
      text: '',
      link: 'https://example.org/fines',
    });
  });
});
