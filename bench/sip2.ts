// SIP2 round trips against the SIP2 server double over loopback TCP (error detection on):
// `node dist/bench/sip2.js` prints the median and p99 per message type, then the connection pool
// under 50 concurrent patrons (each signing in, listing holds and checkouts) for several pool sizes.
// For the round trips the double answers at once, so they are the client's own costs plus loopback
// TCP; for the pool it takes 5 ms per message, so the figures show what more connections buy. Wall time on a shared machine includes waits for a core.
import { Sip2Client } from '../library/librarySystem/sip2/client';
import { Sip2Connection } from '../library/librarySystem/sip2/connection';
import { Sip2Pool } from '../library/librarySystem/sip2/pool';
import { percentile } from '../recognizers/evaluation';
import { Sip2ServerDouble } from '../test/sip2/sip2ServerDouble';
import { sip2Connector, sip2Login } from '../test/sip2/sip2World';

const connectionOptions = (port: number) => ({
  host: '127.0.0.1',
  port,
  tls: false,
  encoding: 'utf8' as const,
  errorDetection: true,
  timeoutMs: 5000,
});

function report(label: string, samples: number[]): void {
  const f = (q: number) => percentile(samples, q).toFixed(3);
  console.log(
    `${label.padEnd(34)} n=${String(samples.length).padStart(5)}  median_ms=${f(0.5)}  p99_ms=${f(0.99)}`,
  );
}

async function timed(runs: number, work: (i: number) => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 50; i += 1) await work(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = process.hrtime.bigint();
    await work(i);
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return samples;
}

async function roundTrips(double: Sip2ServerDouble): Promise<void> {
  const pool = new Sip2Pool({
    size: 1,
    connect: async () => {
      const connection = await Sip2Connection.open(connectionOptions(double.port));
      await Sip2Client.login(connection, sip2Login);
      return connection;
    },
  });
  const client = new Sip2Client(pool, { institution: 'RIVERBEND', timeZone: 'America/Chicago' });
  const runs = 1000;
  console.log('Round trips per message type (one connection, one request at a time):');
  report(
    '93/94 login (new TCP connection)',
    await timed(200, async () => {
      const connection = await Sip2Connection.open(connectionOptions(double.port));
      await Sip2Client.login(connection, sip2Login);
      connection.close();
    }),
  );
  report('99/98 SC status', await timed(runs, () => client.scStatus()));
  report(
    '63/64 patron information',
    await timed(runs, () => client.patronInformation('23000000000011', { pin: '1111' })),
  );
  report(
    '63/64 with hold items (AS)',
    await timed(runs, () => client.patronInformation('23000000000011', { list: 'hold' })),
  );
  report('17/18 item information', await timed(runs, () => client.itemInformation('39000000000102')));
  report(
    '15/16 hold (+ then -, one each)',
    await timed(runs, async (i) => {
      await client.hold(i % 2 === 0 ? '+' : '-', '23000000000012', {
        itemId: '39000000000201',
        pickupLocation: 'MAIN',
      });
    }),
  );
  report(
    '29/30 renew (refused at the limit)',
    await timed(runs, () => client.renew('23000000000015', '39000000000402')),
  );
  report('65/66 renew all', await timed(runs, () => client.renewAll('23000000000013')));
  report('35/36 end patron session', await timed(runs, () => client.endSession('23000000000011')));
  pool.close();
}

async function concurrentPatrons(double: Sip2ServerDouble, poolSize: number): Promise<void> {
  const system = sip2Connector(double, { poolSize, now: () => new Date('2026-03-10T20:00:00Z') });
  const patrons = [
    { card: '23000000000011', pin: '1111' },
    { card: '23000000000012', pin: '2222' },
    { card: '23000000000014', pin: '4444' },
    { card: '23000000000015', pin: '5555' },
  ];
  const rounds = 10;
  const signIns: number[] = [];
  const holdLists: number[] = [];
  const checkoutLists: number[] = [];
  const requestsBefore = [...double.stats.requests.values()].reduce((a, b) => a + b, 0);
  const t0 = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: 50 }, async (_, n) => {
      const patron = patrons[n % patrons.length];
      for (let round = 0; round < rounds; round += 1) {
        let t = process.hrtime.bigint();
        const { patronId } = await system.verifyPatron(patron.card, patron.pin);
        signIns.push(Number(process.hrtime.bigint() - t) / 1e6);
        t = process.hrtime.bigint();
        await system.listHolds(patronId);
        holdLists.push(Number(process.hrtime.bigint() - t) / 1e6);
        t = process.hrtime.bigint();
        await system.listCheckouts(patronId);
        checkoutLists.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const requests = [...double.stats.requests.values()].reduce((a, b) => a + b, 0) - requestsBefore;
  console.log(
    `\nPool of ${poolSize} under 50 concurrent patrons, ILS answering in ${ilsDelayMs} ms ` +
      `(${rounds} rounds each: sign in, list holds, list checkouts):`,
  );
  report('  verifyPatron (63 + 35)', signIns);
  report('  listHolds (2 x 63 + 17 per hold)', holdLists);
  report('  listCheckouts (3 x 63 + 17 per item)', checkoutLists);
  console.log(
    `  ${requests} SIP2 requests in ${seconds.toFixed(2)} s = ${(requests / seconds).toFixed(0)} requests/s; ` +
      `most requests in flight on one connection: ${double.stats.maxInFlight}`,
  );
  system.close();
}

const ilsDelayMs = 5;

async function main(): Promise<void> {
  const double = await Sip2ServerDouble.start({
    login: sip2Login,
    now: () => new Date('2026-03-10T20:00:00Z'),
  });
  try {
    await roundTrips(double);
    // For the pool, the double takes 5 ms per message, as an ILS does at best: waiting on the ILS,
    // not the client's CPU, is what more connections buy back.
    double.faults.delayMs = ilsDelayMs;
    for (const size of [1, 3, 8]) await concurrentPatrons(double, size);
  } finally {
    await double.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
