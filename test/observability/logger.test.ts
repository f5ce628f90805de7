import { expect } from 'chai';
import { Writable } from 'node:stream';
import { createLogger, scrubText } from '../../observability/logger';

function capture(format: 'json' | 'pretty') {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(chunk.toString());
      callback();
    },
  });
  return { logger: createLogger({ level: 'info', format, destination }), text: () => lines.join('') };
}

describe('Logger redaction', () => {
  for (const format of ['json', 'pretty'] as const) {
    it(`removes PINs, card numbers, tokens and secrets before writing (${format})`, () => {
      const { logger, text } = capture(format);
      logger.info(
        {
          conversationId: 'c-1',
          pin: '2468',
          cardNumber: '21000000000001',
          headers: { authorization: 'Bearer abc.def.ghi' },
          nested: { note: 'patron 21000000000001 asked', secret: 's3cret' },
        },
        'signed in 21000000000002 with Bearer xyz',
      );
      const written = text();
      expect(written).to.include('c-1');
      for (const leaked of ['2468', '21000000000001', '21000000000002', 'abc.def.ghi', 's3cret', 'xyz']) {
        expect(written, leaked).to.not.include(leaked);
      }
      expect(written).to.include('****0001');
    });
  }

  it('writes one JSON object per line in json format', () => {
    const { logger, text } = capture('json');
    logger.warn({ conversationId: 'c-2' }, 'hello');
    const parsed = JSON.parse(text().trim()) as Record<string, unknown>;
    expect(parsed).to.include({ conversationId: 'c-2', msg: 'hello', level: 40 });
  });

  it('masks card-like digit runs but leaves short numbers alone', () => {
    expect(scrubText('card 21000000000003, PIN attempt 3 of 5')).to.equal(
      'card ****0003, PIN attempt 3 of 5',
    );
  });
});
