// The SIP2 connector against the server double's fault modes, over real TCP and TLS: what a real
// ILS does on a bad day (bad checksums, resend requests, garbage, slow or dropped connections,
// fields out of order, vendor fields, code-page names) must end in a right answer or a clean
// "unavailable", never a hang, a crash or a PIN in a log.
import { expect } from 'chai';
import { generate } from 'selfsigned';
import { LibrarySystemUnavailableError } from '../../library/librarySystem/errors';
import { guardLibrarySystem } from '../../library/librarySystem/guardedLibrarySystem';
import { Sip2LoginError, type Sip2LibrarySystem } from '../../library/librarySystem/sip2/sip2LibrarySystem';
import { createServer, type AddressInfo } from 'node:net';
import { Sip2Client } from '../../library/librarySystem/sip2/client';
import { Sip2Connection, Sip2TransportError } from '../../library/librarySystem/sip2/connection';
import { Sip2Pool } from '../../library/librarySystem/sip2/pool';
import { rejection } from '../librarySystem/librarySystemContract';
import { Sip2ServerDouble, type Sip2DoubleOptions } from './sip2ServerDouble';
import { sip2Connector, sip2Login, sip2Now } from './sip2World';

const zoe = { card: '23000000000011', pin: '1111' };

describe('SIP2 connector on a bad day', () => {
  let double: Sip2ServerDouble;
  let system: Sip2LibrarySystem;
  let logLines: string[];

  async function start(
    doubleOptions: Sip2DoubleOptions = {},
    connector: Parameters<typeof sip2Connector>[1] = {},
  ): Promise<void> {
    double = await Sip2ServerDouble.start({ now: () => sip2Now, login: sip2Login, ...doubleOptions });
    logLines = [];
    const logger = {
      debug: (fields: Record<string, unknown>, message: string) =>
        logLines.push(`${message} ${JSON.stringify(fields)}`),
      warn: (fields: Record<string, unknown>, message: string) =>
        logLines.push(
          `${message} ${JSON.stringify(fields, (_k, v: unknown) => (v instanceof Error ? `${v.name}: ${v.message}` : v))}`,
        ),
    };
    system = sip2Connector(double, { logger, ...connector });
  }

  afterEach(async () => {
    system?.close();
    await double?.close();
  });

  it('asks again (97) after a bad checksum or garbage, and gets the right answer', async () => {
    await start();
    double.faults.badChecksum = 1;
    expect((await system.verifyPatron(zoe.card, zoe.pin)).name).to.equal('Zoë Núñez');
    expect(double.count('97')).to.equal(1);
    double.faults.garbage = 1;
    expect((await system.listHolds((await system.verifyPatron(zoe.card, zoe.pin)).patronId)).length).to.equal(
      3,
    );
    expect(double.count('97')).to.equal(2);
  });

  it('sends the request again when the server asks (96), and gives up cleanly if it keeps asking', async () => {
    await start();
    double.faults.resend = 2;
    expect((await system.verifyPatron(zoe.card, zoe.pin)).name).to.equal('Zoë Núñez');
    double.faults.resend = 10;
    const error = await rejection(system.verifyPatron(zoe.card, zoe.pin));
    expect(error).to.be.instanceOf(LibrarySystemUnavailableError);
    double.faults.resend = 0;
    expect((await system.verifyPatron(zoe.card, zoe.pin)).name).to.equal('Zoë Núñez');
  });

  it('times a slow server out per request, then carries on with a fresh connection', async () => {
    await start({}, { timeoutMs: 150 });
    await system.verifyPatron(zoe.card, zoe.pin);
    double.faults.delayMs = 400;
    const error = await rejection(system.verifyPatron(zoe.card, zoe.pin));
    expect(error).to.be.instanceOf(LibrarySystemUnavailableError);
    expect((error as LibrarySystemUnavailableError).reason).to.equal('timeout');
    double.faults.delayMs = 0;
    const connectionsBefore = double.stats.connections;
    expect((await system.verifyPatron(zoe.card, zoe.pin)).name).to.equal('Zoë Núñez');
    expect(double.stats.connections).to.be.greaterThan(connectionsBefore);
  });

  it('reconnects and logs in again after the server drops the connection', async () => {
    await start();
    const { patronId } = await system.verifyPatron(zoe.card, zoe.pin);
    expect(double.stats.logins).to.equal(1);
    double.dropConnections();
    // A read on a connection the server closed runs again on a new one.
    expect(await system.listHolds(patronId)).to.have.length(3);
    expect(double.stats.logins).to.be.greaterThan(1);
    // A dropped write is not sent twice: it fails as unavailable.
    double.faults.drop = 1;
    double.faults.dropCode = '15';
    const hold = await rejection(
      system.placeHold((await system.verifyPatron('23000000000012', '2222')).patronId, {
        recordId: '39000000000201',
        pickupBranchId: 'main',
      }),
    );
    expect(hold).to.be.instanceOf(LibrarySystemUnavailableError);
  });

  it('reads replies whose fields come in another order, with vendor fields and a "|" in a name', async () => {
    await start({}, { quirks: { pipeInValues: true } });
    double.faults.fieldsOutOfOrder = true;
    double.faults.vendorFields = true;
    double.faults.pipeInNames = true;
    const profile = await system.verifyPatron(zoe.card, zoe.pin);
    expect(profile).to.include({ name: 'Núñez | Zoë', homeBranchId: 'main' });
    const holds = await system.listHolds(profile.patronId);
    // Reversed fields list the holds in reverse too: the same holds, in the order the server gave.
    expect(holds.map((h) => h.title).sort()).to.deep.equal([
      'Salt and Tide',
      'The Lighthouse Keeper',
      'Winter Orchard',
    ]);
    expect(holds.find((h) => h.title === 'The Lighthouse Keeper')?.status).to.deep.equal({
      state: 'ready',
      pickUpBy: '2026-03-14',
    });
  });

  it('reads names in Windows-1252 when configured so (and garbles them when not)', async () => {
    await start({ encoding: 'cp1252' }, { encoding: 'cp1252' });
    expect((await system.verifyPatron(zoe.card, zoe.pin)).name).to.equal('Zoë Núñez');
    system.close();
    system = sip2Connector(double, { encoding: 'utf8' });
    expect((await system.verifyPatron(zoe.card, zoe.pin)).name).to.not.equal('Zoë Núñez');
  });

  it('works with error detection off (no AY/AZ either way)', async () => {
    await start({}, { errorDetection: false });
    expect((await system.verifyPatron(zoe.card, zoe.pin)).name).to.equal('Zoë Núñez');
    expect(double.received.some((text) => /AY\dAZ/.test(text))).to.equal(false);
  });

  it('speaks TLS to a server with its own certificate, and refuses one it cannot trust', async () => {
    const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
      keySize: 2048,
      extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
    });
    await start(
      { tls: { key: pems.private, cert: pems.cert } },
      { tls: true, tlsOptions: { ca: pems.cert } },
    );
    expect((await system.verifyPatron(zoe.card, zoe.pin)).name).to.equal('Zoë Núñez');
    system.close();
    system = sip2Connector(double, { tls: true });
    expect(await rejection(system.verifyPatron(zoe.card, zoe.pin))).to.be.instanceOf(
      LibrarySystemUnavailableError,
    );
  });

  it('reports a refused login plainly at the start, and as unavailable to patrons', async () => {
    await start({ login: { user: 'bot', password: 'other' } });
    const error = await rejection(system.checkLogin());
    expect(error).to.be.instanceOf(Sip2LoginError);
    expect(error.message).to.equal(`the SIP2 server at 127.0.0.1:${double.port} refused the login`);
    expect(await rejection(system.verifyPatron(zoe.card, zoe.pin))).to.be.instanceOf(
      LibrarySystemUnavailableError,
    );
  });

  it('keeps one request in flight per connection, at most the pool size of connections', async () => {
    await start({}, { poolSize: 3 });
    double.faults.delayMs = 5;
    const results = await Promise.all(
      Array.from({ length: 12 }, () => system.verifyPatron('23000000000012', '2222')),
    );
    expect(results.every((r) => r.name === 'Dev Patel')).to.equal(true);
    expect(double.stats.maxInFlight).to.equal(1);
    expect(double.stats.connections).to.be.at.most(3);
    expect(double.stats.logins).to.equal(double.stats.connections);
  });

  it('sends the PIN only in AD of one patron information request, and logs no PIN or card', async () => {
    await start();
    const { patronId } = await system.verifyPatron(zoe.card, zoe.pin);
    await system.listHolds(patronId);
    await system.listCheckouts(patronId);
    const withPin = double.received.filter((text) => text.includes(`AD${zoe.pin}|`));
    expect(withPin).to.have.length(1);
    expect(withPin[0].startsWith('63')).to.equal(true);
    expect(logLines.length).to.be.greaterThan(10);
    const logText = logLines.join('\n');
    expect(logText).to.include('AA****0011').and.include('AD***').and.include('CO***');
    expect(logText)
      .to.not.include(zoe.card)
      .and.not.include(`AD${zoe.pin}`)
      .and.not.include(sip2Login.password);
    expect(logText).to.not.include('Zoë');
  });

  it('learns from the server’s 98 what it supports, also through the guard', async () => {
    await start({ vendor: 'folio' });
    const guarded = guardLibrarySystem(system, { timeoutMs: 2000 });
    await guarded.checkReachable();
    expect(guarded.features).to.include({
      placeHold: false,
      cancelHold: false,
      renew: false,
      checkouts: true,
      fines: true,
    });
    expect(double.count('99')).to.be.greaterThan(0);
  });

  it('turns a server that never answers into the unavailable error within the time limit', async () => {
    await start({}, { timeoutMs: 100 });
    double.faults.hang = true;
    const started = Date.now();
    expect(await rejection(system.verifyPatron(zoe.card, zoe.pin))).to.be.instanceOf(
      LibrarySystemUnavailableError,
    );
    expect(Date.now() - started).to.be.below(1000);
    expect(await rejection(system.checkReachable())).to.be.instanceOf(LibrarySystemUnavailableError);
  });
});

describe('SIP2 connection pool', () => {
  it('waits longer after each refused connect, up to the most, and starts over after a success', async () => {
    const double = await Sip2ServerDouble.start({ now: () => sip2Now, login: sip2Login });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const sleeps: number[] = [];
    let refusals = 4;
    const pool = new Sip2Pool({
      size: 1,
      connect: async () => {
        const port = refusals-- > 0 ? closedPort : double.port;
        const connection = await Sip2Connection.open({
          host: '127.0.0.1',
          port,
          tls: false,
          encoding: 'utf8',
          errorDetection: true,
          timeoutMs: 1000,
        });
        await Sip2Client.login(connection, sip2Login);
        return connection;
      },
      backoff: { initialMs: 100, maxMs: 300 },
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
    try {
      for (let i = 0; i < 4; i += 1) {
        const error = await rejection(pool.run((c) => c.send('9900802.00')));
        expect(error).to.be.instanceOf(Sip2TransportError);
        expect((error as Sip2TransportError).code).to.equal('ECONNREFUSED');
      }
      expect((await pool.run((c) => c.send('9900802.00'))).code).to.equal('98');
      // Four refusals in a row: the fifth attempt (which succeeds) also waited the most.
      expect(sleeps).to.deep.equal([100, 200, 300, 300]);
      expect((await pool.run((c) => c.send('9900802.00'))).code).to.equal('98');
      expect(sleeps).to.have.length(4);
    } finally {
      pool.close();
      await double.close();
    }
  });
});
