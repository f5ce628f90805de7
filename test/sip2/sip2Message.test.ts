import { expect } from 'chai';
import { decodeText, encodeText } from '../../library/librarySystem/sip2/encoding';
import {
  checksum,
  field,
  fields,
  formatMessage,
  parseMessage,
  parseSip2Date,
  Sip2FormatError,
} from '../../library/librarySystem/sip2/message';
import { maskSip2 } from '../../library/librarySystem/sip2/traffic';

const date = '20260310    140000';

describe('SIP2 message codec', () => {
  it('reads the fixed part and variable fields in any order, keeping repeats in order', () => {
    const reply = parseMessage(
      `64              001${date}000200000003000000000001AOINST|AA21000000000001|AEJordan Ellis|BLY|CQY|AS39001|AS39002|CD39003|`,
    );
    expect(reply.code).to.equal('64');
    expect(reply.fixed).to.have.length(59);
    expect(field(reply, 'AE')).to.equal('Jordan Ellis');
    expect(fields(reply, 'AS')).to.deep.equal(['39001', '39002']);
    const reversed = parseMessage(`161N${date}AOINST|AB39001|BR2|AA21000000000001|`);
    expect(field(reversed, 'AA')).to.equal('21000000000001');
    expect(field(reversed, 'BR')).to.equal('2');
  });

  it('keeps fields the spec does not name aside, and reads empty fields as empty', () => {
    const reply = parseMessage(`300NUN${date}AA21000000000001|ABitem|AJ|AH|PAvendor|ZZlocal|XI42|AO|`);
    expect(field(reply, 'AJ')).to.equal('');
    expect(field(reply, 'AH')).to.equal('');
    expect(field(reply, 'AO')).to.equal('');
    expect(field(reply, 'AF')).to.equal(undefined);
    expect(reply.extra).to.deep.equal([
      { id: 'PA', value: 'vendor' },
      { id: 'ZZ', value: 'local' },
      { id: 'XI', value: '42' },
    ]);
    expect(reply.fields.map((f) => f.id)).to.deep.equal(['AA', 'AB', 'AJ', 'AH', 'AO']);
  });

  it('accepts a missing final "|" and a message with no variable fields', () => {
    expect(field(parseMessage(`36Y${date}AOINST|AA123`), 'AA')).to.equal('123');
    expect(parseMessage('941').fixed).to.equal('1');
  });

  it('reads a "|" inside a value only where the vendor quirk says so', () => {
    const text = `18030001${date}AB39001|AJSalt | Tide: a novel|AQMAIN|`;
    expect(field(parseMessage(text, { pipeInValues: true }), 'AJ')).to.equal('Salt | Tide: a novel');
    expect(() => parseMessage(text)).to.throw(Sip2FormatError);
  });

  it('reads AY/AZ and checks nothing else into the fields', () => {
    const reply = parseMessage(`941AY3AZFDFC`);
    expect(reply).to.include({ code: '94', fixed: '1', sequence: 3, checksum: 'FDFC' });
    expect(reply.fields).to.deep.equal([]);
    const withFields = parseMessage(`36Y${date}AOINST|AA1|AY0AZABCD`);
    expect(withFields.sequence).to.equal(0);
    expect(withFields.fields.map((f) => f.id)).to.deep.equal(['AO', 'AA']);
  });

  it('computes the checksum as the two’s complement of the byte sum', () => {
    // Worked out independently (Python: '%04X' % (-sum(b'...') & 0xFFFF)).
    expect(checksum(Buffer.from('9300CNuser|COpass|CPBOT|AY1AZ'))).to.equal('F649');
    expect(checksum(Buffer.from(''))).to.equal('0000');
  });

  it('refuses what is not SIP2 without echoing it', () => {
    for (const text of ['', 'hello', '64short', '12345678', `64${' '.repeat(59)}A|`, `63xx`]) {
      let error: unknown;
      try {
        parseMessage(text);
      } catch (caught) {
        error = caught;
      }
      expect(error, JSON.stringify(text)).to.be.instanceOf(Sip2FormatError);
      if (text.length > 3) expect((error as Error).message).to.not.include(text);
    }
  });

  it('writes requests with the right fixed length and no stray separators in values', () => {
    expect(formatMessage('17', date, [{ id: 'AB', value: 'a|b\rc' }])).to.equal(`17${date}ABa b c|`);
    expect(() => formatMessage('17', 'short', [])).to.throw(/18 characters/);
  });

  it('reads 18-character dates with blanks, "0000" or UTC in the zone slot, and bare dates', () => {
    expect(parseSip2Date('20260310    235900')).to.deep.equal({
      date: '2026-03-10',
      time: '23:59:00',
      zone: '',
    });
    expect(parseSip2Date('202603100000235900')).to.deep.equal({
      date: '2026-03-10',
      time: '23:59:00',
      zone: '',
    });
    expect(parseSip2Date('20260311   Z045900')).to.deep.equal({
      date: '2026-03-11',
      time: '04:59:00',
      zone: 'Z',
    });
    expect(parseSip2Date('2026-03-10')).to.deep.equal({ date: '2026-03-10', time: '', zone: '' });
    expect(parseSip2Date('')).to.equal(undefined);
    expect(parseSip2Date('next Tuesday')).to.equal(undefined);
  });
});

describe('SIP2 text encodings', () => {
  it('writes names with accents as Windows-1252 and IBM 850 bytes, and reads them back', () => {
    // Expected bytes from Python's codecs ('...'.encode('cp1252') / .encode('cp850')).
    expect(encodeText('Zoë Ñúñez café €', 'cp1252').toString('hex')).to.equal(
      '5a6feb20d1faf1657a20636166e92080',
    );
    expect(encodeText('Zoë Ñúñez café', 'cp850').toString('hex')).to.equal('5a6f8920a5a3a4657a2063616682');
    for (const encoding of ['cp1252', 'cp850', 'utf8'] as const) {
      expect(decodeText(encodeText('Zoë Ñúñez, Ålesund', encoding), encoding)).to.equal('Zoë Ñúñez, Ålesund');
    }
  });

  it('maps every high byte of both code pages to one character and back', () => {
    for (const encoding of ['cp1252', 'cp850'] as const) {
      const bytes = Buffer.from(Array.from({ length: 128 }, (_, i) => 0x80 + i));
      const text = decodeText(bytes, encoding);
      expect([...text]).to.have.length(128);
      expect(encodeText(text, encoding).equals(bytes), encoding).to.equal(true);
    }
    expect(decodeText(Buffer.from([0x80, 0x9f, 0xe1]), 'cp850')).to.equal('Çƒß');
  });

  it('writes "?" for a character the code page cannot carry', () => {
    expect(encodeText('日本', 'cp1252').toString()).to.equal('??');
  });
});

describe('SIP2 traffic masking', () => {
  it('masks PINs, passwords and the terminal password, and keeps only the card’s last four digits', () => {
    expect(maskSip2('9300CNbot|COsecret|CPBOT|AY1AZF649')).to.equal('9300CNbot|CO***|CPBOT|AY1AZF649');
    const masked = maskSip2(`63001${date}          AORIVERBEND|AA21000000000001|ACterminal|AD2468|`);
    expect(masked).to.include('AA****0001').and.include('AD***').and.include('AC***');
    expect(masked).to.not.include('2468').and.not.include('21000000000001').and.not.include('terminal');
  });

  it('masks a card number even when it is the first field after the fixed part', () => {
    const masked = maskSip2(`161N${date}AA21000000000001|AEJordan Ellis|BEjordan@example.org|AOINST|`);
    expect(masked).to.include('AA****0001').and.include('AE***').and.include('BE***');
    expect(masked).to.not.include('Jordan').and.not.include('example.org');
  });

  it('never logs text that is not a SIP2 message', () => {
    expect(maskSip2('21000000000001 2468')).to.equal('<19 characters that are not a SIP2 message>');
  });
});
