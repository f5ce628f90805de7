// The account conversations over a real library-system protocol: the whole bot with the SIP2
// connector talking to the SIP2 server double over TCP (63/64 patron information with charged,
// overdue and fine items, 29/30 renew, 65/66 renew all), on Web Chat and SMS.
import { expect } from 'chai';
import type { Sip2LibrarySystem } from '../../library/librarySystem/sip2/sip2LibrarySystem';
import type { HoldsHarness } from '../holds/holdsHarness';
import { Sip2ServerDouble } from '../sip2/sip2ServerDouble';
import { sip2Connector, sip2Login, sip2Now } from '../sip2/sip2World';
import { askSignedIn, trainRecognizerFirst } from './accountHarness';
import { startHoldsHarness } from '../holds/holdsHarness';
import { demoLibraryRecognizer } from '../support/demoLibrary';

/** The double's patron with four loans (one overdue, one at its renewal limit) and a $2.00 fee. */
const RIVERA = { card: '23000000000015', pin: '5555' };
/** The double's patron the ILS restricts for fines. */
const KOWALSKI = { card: '23000000000013', pin: '3333' };

describe('account conversation over SIP2 (the server double over TCP)', () => {
  let double: Sip2ServerDouble;
  let connector: Sip2LibrarySystem;
  let harness: HoldsHarness;
  trainRecognizerFirst();
  beforeEach(async () => {
    double = await Sip2ServerDouble.start({ now: () => sip2Now, login: sip2Login });
    connector = sip2Connector(double);
    harness = await startHoldsHarness({
      recognizer: demoLibraryRecognizer(),
      now: () => sip2Now,
      wrap: () => connector,
    });
  });
  afterEach(async () => {
    await harness.close();
    connector.close();
    await double.close();
  });

  it('lists checkouts with due dates, overdue first', async () => {
    const chat = harness.conversation('sip2-checkouts');
    const answer = await askSignedIn(chat, 'what do i have checked out', RIVERA);
    expect(answer).to.include('You have 4 items checked out, and 1 is overdue: The Quiet Cartographer');
    for (const title of ['The Quiet Cartographer', 'Burning Season', 'Hidden Garden', 'Golden Bridge'])
      expect(answer).to.include(title);
  });

  it('renews them all by SMS and says each result: until when, or why not', async () => {
    const sms = harness.conversation('sip2-renew-all', 'sms');
    const answer = await askSignedIn(sms, 'renew em all plz', RIVERA);
    expect(answer).to.include('I renewed 2 of your 4 items.');
    expect(answer).to.include('The Quiet Cartographer\nRenewed: now due Tuesday, March 24');
    expect(answer).to.include(
      'Burning Season\nNot renewed: it has been renewed the most times allowed. Please return it by Wednesday, March 11.',
    );
    expect(answer).to.include(
      'Hidden Garden\nNot renewed: another patron is waiting for it. Please return it by Saturday, March 14.',
    );
    expect(answer).to.include('Golden Bridge\nRenewed: now due Tuesday, March 24');
  });

  it("tells a restricted patron what they owe and why they can't place holds", async () => {
    const chat = harness.conversation('sip2-fines');
    const answer = await askSignedIn(chat, 'why cant i place holds', KOWALSKI);
    expect(answer).to.include('You owe $18.75.');
    expect(answer).to.include('Your account is blocked because of');
  });
});
