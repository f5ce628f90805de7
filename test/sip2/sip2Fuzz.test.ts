// Property-based fuzzing of the SIP2 reply parser (fast-check, fixed seeds so runs repeat): any
// text either parses or is refused with Sip2FormatError, well-formed replies keep every field in any
// order, and a real connection fed arbitrary bytes answers or fails cleanly, never crashes.
import { expect } from 'chai';
import fc from 'fast-check';
import { createServer, type Server, type Socket } from 'node:net';
import { Sip2Connection, Sip2TransportError } from '../../library/librarySystem/sip2/connection';
import {
  fixedLengths,
  knownFieldIds,
  parseMessage,
  Sip2FormatError,
} from '../../library/librarySystem/sip2/message';

const replyCodes = ['94', '98', '24', '64', '16', '30', '66', '18', '36'];
const fieldIds = [...knownFieldIds].filter((id) => id !== 'AY' && id !== 'AZ');
const seed = 20260310;

const fixedChar = fc.constantFrom(...'0123456789YNU '.split(''));
const valueChar = fc.string({ unit: 'binary', maxLength: 30 }).map((s) => s.replace(/[|\r\n]/g, ''));

function parsesOrRefuses(text: string, pipeInValues = false): void {
  try {
    parseMessage(text, { pipeInValues });
  } catch (error) {
    if (!(error instanceof Sip2FormatError)) throw error;
    // The text may carry a PIN: only its 2-character code may show in the reason.
    if (text.trim().length > 4) expect(error.message).to.not.include(text.trim());
  }
}

describe('SIP2 reply parser under fuzzing', () => {
  it('parses or refuses any text, and never echoes it in the error', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.boolean(), (text, pipe) => {
        parsesOrRefuses(text, pipe);
      }),
      { seed, numRuns: 2000 },
    );
  });

  it('parses or refuses text that starts like a real reply', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...replyCodes),
        fc.string({ unit: 'binary', maxLength: 120 }),
        fc.boolean(),
        (code, rest, pipe) => {
          parsesOrRefuses(code + rest, pipe);
        },
      ),
      { seed, numRuns: 2000 },
    );
  });

  it('keeps every field of a well-formed reply, in any order, with or without AY/AZ', () => {
    const reply = fc.record({
      code: fc.constantFrom(...replyCodes),
      fields: fc.array(fc.record({ id: fc.constantFrom(...fieldIds, 'PA', 'ZZ', 'XI'), value: valueChar }), {
        maxLength: 12,
      }),
      trailer: fc.option(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.stringMatching(/^[0-9A-F]{4}$/))),
      finalBar: fc.boolean(),
    });
    fc.assert(
      fc.property(reply, fc.array(fixedChar, { minLength: 59, maxLength: 59 }), (r, fixedChars) => {
        const fixed = fixedChars.join('').slice(0, fixedLengths[r.code]);
        let text = r.code + fixed + r.fields.map((f) => `${f.id}${f.value}|`).join('');
        if (!r.finalBar && text.endsWith('|') && r.trailer === null) text = text.slice(0, -1);
        if (r.trailer) text += `AY${r.trailer[0]}AZ${r.trailer[1]}`;
        const parsed = parseMessage(text);
        expect(parsed.fixed).to.equal(fixed);
        const all = [...parsed.fields, ...parsed.extra].map((f) => `${f.id}=${f.value}`).sort();
        expect(all).to.deep.equal(r.fields.map((f) => `${f.id}=${f.value}`).sort());
        expect(parsed.sequence).to.equal(r.trailer ? r.trailer[0] : undefined);
      }),
      { seed, numRuns: 1000 },
    );
  });

  it('a connection fed arbitrary replies over TCP answers or fails cleanly', async () => {
    let reply = Buffer.alloc(0);
    const sockets = new Set<Socket>();
    const server: Server = createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('data', () => socket.write(reply));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const outcomes = { answered: 0, failed: 0 };
    try {
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ maxLength: 80 }), fc.boolean(), async (bytes, errorDetection) => {
          reply = Buffer.concat([Buffer.from(bytes), Buffer.from('\r')]);
          const connection = await Sip2Connection.open({
            host: '127.0.0.1',
            port,
            tls: false,
            encoding: 'utf8',
            errorDetection,
            timeoutMs: 150,
            resends: 1,
          });
          try {
            const answer = await connection.send('9900802.00');
            expect(answer.code).to.equal('98');
            outcomes.answered += 1;
          } catch (error) {
            expect(error).to.be.instanceOf(Sip2TransportError);
            outcomes.failed += 1;
          } finally {
            connection.close();
          }
        }),
        { seed, numRuns: 60 },
      );
      // A well-formed ACS status among the inputs proves the happy path runs through the same code.
      reply = Buffer.from(`98YYYYNN030003${'20260310    140000'}2.00AOX|BXYYYYYYYYYYYYYYYY|\r`);
      const connection = await Sip2Connection.open({
        host: '127.0.0.1',
        port,
        tls: false,
        encoding: 'utf8',
        errorDetection: false,
        timeoutMs: 500,
      });
      expect((await connection.send('9900802.00')).code).to.equal('98');
      connection.close();
      expect(outcomes.failed).to.equal(60);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
