// The one privacy module: what counts as a card number or a PIN in free text, and how each is hidden.
import { expect } from 'chai';
import {
  cardKey,
  cardNumberIn,
  containsSecrets,
  credentialsIn,
  keyedHash,
  looksLikeCardNumber,
  looksLikePin,
  maskCardNumber,
  maskNumbersIn,
  maskSensitiveText,
  normalizeCardNumber,
  pinIn,
} from '../../library/privacy';

/** [typed, what logs, staff, transcripts and history may keep] */
const masking: [string, string][] = [
  ['my card is 21000000000001', 'my card is ****0001'],
  ['my card is 2100 0000 0000 01', 'my card is ****0001'],
  ['card 2100-0000-0000-01', 'card ****0001'],
  ['card 2 1234 0005 6789 0', 'card ****7890'],
  ['21000000000001', '****0001'],
  ['library card: 21000000000001.', 'library card: ****0001.'],
  ['pin 2468', 'pin [PIN withheld]'],
  ['my pin is 2468', 'my pin is [PIN withheld]'],
  ['PIN: 1 3 5 7', 'PIN: [PIN withheld]'],
  ['PIN:1357', 'PIN:[PIN withheld]'],
  ['pin number is 2468', 'pin number is [PIN withheld]'],
  ['my PIN was Kx7canary93', 'my PIN was [PIN withheld]'],
  ['password = 9999', 'password = [PIN withheld]'],
  ['PIN: 987654 card 21234000567890', 'PIN: [PIN withheld] card ****7890'],
  [
    'my card is 21000000000001 and pin 2468 whats on hold',
    'my card is ****0001 and pin [PIN withheld] whats on hold',
  ],
  // A short number beside a card number is taken for its PIN, never shown as the card's last four.
  ['21000000000001 2468', '****0001 [PIN withheld]'],
  ['2100 0000 0000 01 2468', '****0001 [PIN withheld]'],
  ['21000000000001, 1357', '****0001, [PIN withheld]'],
  // Left alone.
  ['I have 3 holds', 'I have 3 holds'],
  ['card 21000000000003, PIN attempt 3 of 5', 'card ****0003, PIN attempt 3 of 5'],
  ['is my pin required?', 'is my pin required?'],
  ['call (555) 010-2000 about hold 3', 'call (555) 010-2000 about hold 3'],
  ['text me at 555-010-2000 or 1 555 010 2000', 'text me at 555-010-2000 or 1 555 010 2000'],
  ['opens at 9:00 on 2026-11-30', 'opens at 9:00 on 2026-11-30'],
  ['at 2026-11-30T16:00:00.000Z', 'at 2026-11-30T16:00:00.000Z'],
  ['case 0b7f3c1e-2d4a-4f6b-9c1d-123456789012', 'case 0b7f3c1e-2d4a-4f6b-9c1d-123456789012'],
  ['conversation dl_a1B2c3D4e5 turn 0000012', 'conversation dl_a1B2c3D4e5 turn 0000012'],
  ['2468', '2468'],
  ['the year 1984', 'the year 1984'],
];

describe('privacy: card numbers and PINs in free text', () => {
  for (const [typed, kept] of masking) {
    it(`${JSON.stringify(typed)} -> ${JSON.stringify(kept)}`, () => {
      expect(maskSensitiveText(typed)).to.equal(kept);
      expect(containsSecrets(typed)).to.equal(kept !== typed);
    });
  }

  it('masks every other long number in text kept to be read again (dialog state)', () => {
    expect(maskNumbersIn('2468 is what I typed')).to.equal('[number] is what I typed');
    expect(maskNumbersIn('1 3 5 7 then 21000000000001')).to.equal('[number] then ****0001');
    expect(maskNumbersIn('3 holds at 9')).to.equal('3 holds at 9');
  });

  it('reads the card number and PIN out of one message', () => {
    expect(credentialsIn('21000000000001 2468')).to.deep.equal({ cardNumber: '21000000000001', pin: '2468' });
    expect(credentialsIn('D2000012345 Kx7canary93')).to.deep.equal({
      cardNumber: 'D2000012345',
      pin: 'Kx7canary93',
    });
    expect(credentialsIn('my card is 2100 0000 0000 01 and pin 1 3 5 7 whats on hold')).to.deep.equal({
      cardNumber: '21000000000001',
      pin: '1357',
    });
    expect(credentialsIn('my card is 21000000000001')).to.deep.equal({ cardNumber: '21000000000001' });
    expect(credentialsIn('what time do you close')).to.deep.equal({});
  });

  it('reads a PIN answer however it is typed', () => {
    expect(pinIn('2468')).to.equal('2468');
    expect(pinIn(' 1 3 5 7 ')).to.equal('1357');
    expect(pinIn('Kx7canary93')).to.equal('Kx7canary93');
    expect(pinIn("it's 2468")).to.equal('2468');
    expect(pinIn('my pin is 1 3 5 7')).to.equal('1357');
    expect(pinIn('never mind')).to.equal(undefined);
    expect(looksLikePin('1 3 5 7')).to.equal(true);
    expect(looksLikePin('24-68')).to.equal(true);
    expect(looksLikePin('hello')).to.equal(false);
    expect(looksLikePin('12')).to.equal(false);
  });

  it('reads a card number answer: the whole answer, or the one card number in it', () => {
    expect(cardNumberIn(' 2100 0000 0000 01 ')).to.equal('21000000000001');
    expect(cardNumberIn('it is 21000000000001 thanks')).to.equal('21000000000001');
    expect(cardNumberIn('1234')).to.equal(undefined);
  });
});

describe('privacy: card number helpers', () => {
  it('normalizes and masks to the last four digits', () => {
    expect(normalizeCardNumber('2100 0000-0000 01')).to.equal('21000000000001');
    expect(maskCardNumber('21000000000001')).to.equal('****0001');
    expect(maskCardNumber('2100 0000 0000 01')).to.equal('****0001');
  });

  it('keys a card number with a secret: stable, spacing-insensitive, secret-dependent', () => {
    expect(cardKey('21000000000001', 's1')).to.equal(cardKey('2100 0000 0000 01', 's1'));
    expect(cardKey('21000000000001', 's1')).to.not.equal(cardKey('21000000000001', 's2'));
    expect(cardKey('21000000000001', 's1')).to.not.include('0001');
    expect(keyedHash('sms:+15550102000', 's1')).to.match(/^[0-9a-f]{32}$/);
  });

  it('recognises what looks like a card number', () => {
    expect(looksLikeCardNumber('21000000000001')).to.equal(true);
    expect(looksLikeCardNumber(' 2100 0000 0000 01 ')).to.equal(true);
    expect(looksLikeCardNumber('is my book ready?')).to.equal(false);
    expect(looksLikeCardNumber('12')).to.equal(false);
    expect(looksLikeCardNumber('D2000012345')).to.equal(true);
    // A PIN typed again at the card question is not a card number.
    expect(looksLikeCardNumber('246813')).to.equal(false);
    expect(looksLikeCardNumber('Kx7canary93')).to.equal(false);
  });
});
