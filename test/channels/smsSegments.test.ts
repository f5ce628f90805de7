// SMS segment counting: GSM-7 (160 / 153) unless a character is outside its alphabet, then UCS-2
// (70 / 67); packing keeps each message within the budget of 320 GSM characters (three segments).
import { expect } from 'chai';
import { packForSms, renderSmsText, SMS_PREFERRED_SEGMENTS } from '../../channels/renderer';
import { smsCost, smsEncoding, smsSegments } from '../../channels/smsSegments';
import { es } from '../../library/language/catalogs/es';

describe('SMS segments', () => {
  it('keeps ñ, ¿, ¡, é and ü in GSM-7 and sends á, í, ó, ú or an emoji as UCS-2', () => {
    expect(smsEncoding('¿Año nuevo? ¡Sí! Está abierta')).to.equal('UCS-2');
    expect(smsEncoding('¿Año nuevo? ¡Claro! Es el 1 de enero')).to.equal('GSM-7');
    expect(smsEncoding('niño, pingüino, café')).to.equal('GSM-7');
    for (const char of ['á', 'í', 'ó', 'ú', 'Á', '📚', 'ç'])
      expect(smsEncoding(`x${char}`), char).to.equal('UCS-2');
  });

  it('counts 160 / 153 septets for GSM-7, with the extension characters counting twice', () => {
    expect(smsCost('a'.repeat(160))).to.deep.equal({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(smsSegments('a'.repeat(161))).to.equal(2);
    expect(smsSegments('a'.repeat(306))).to.equal(2);
    expect(smsSegments('a'.repeat(307))).to.equal(3);
    expect(smsCost('€'.repeat(80))).to.deep.equal({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(smsSegments('€'.repeat(81))).to.equal(2);
  });

  it('counts 70 / 67 units for UCS-2 (an emoji is two)', () => {
    expect(smsCost('á'.repeat(70))).to.deep.equal({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(smsSegments('á'.repeat(71))).to.equal(2);
    expect(smsSegments('á'.repeat(134))).to.equal(2);
    expect(smsSegments('á'.repeat(135))).to.equal(3);
    expect(smsCost('📚'.repeat(35)).units).to.equal(70);
  });

  it('packs Spanish replies into messages of at most three segments, GSM or UCS-2', () => {
    expect(SMS_PREFERRED_SEGMENTS).to.equal(3);
    const parts = Array.from(
      { length: 8 },
      (_, i) => `${i + 1}. Hora del cuento en español, sábado a las 10:30 a. m.`,
    );
    const packed = packForSms(parts);
    expect(packed.join('\n\n')).to.equal(parts.join('\n\n'));
    for (const text of packed) expect(smsSegments(text), text).to.be.at.most(3);
    expect(packed).to.have.length(3);
    // Without the accent the same parts are GSM-7: 320 characters a message, so two messages.
    const plain = packForSms(parts.map((part) => part.replace('á', 'a')));
    expect(plain).to.have.length(2);
  });

  it('says "Responda 1 o 2." in a Spanish confirm', () => {
    const [text] = renderSmsText({ kind: 'confirm', prompt: '¿Quiere hablar con una persona?' }, es);
    expect(text).to.equal('¿Quiere hablar con una persona?\n1. Sí\n2. No\nResponda 1 o 2.');
  });
});
