import { expect } from 'chai';
import { DateTime, IANAZone } from 'luxon';
import { LibraryTimeZone } from '../../library/hours/libraryTimeZone';

describe('library time zone (offsets kept per quarter hour)', () => {
  const zones = [
    'America/Chicago',
    'America/New_York',
    'Europe/London',
    'Australia/Lord_Howe',
    'Asia/Kathmandu',
  ];

  it('gives the same offset as Intl all through 2026 (every change of these zones)', () => {
    for (const name of zones) {
      const kept = new LibraryTimeZone(name);
      const iana = IANAZone.create(name);
      // Every 37 min 11 s (lands on every minute of the quarter hours in turn), twice to use the kept values.
      for (let round = 0; round < 2; round++) {
        for (let ts = Date.UTC(2026, 0, 1); ts < Date.UTC(2027, 0, 1); ts += 37 * 60 * 1000 + 11_000) {
          const offset = kept.offset(ts);
          if (offset !== iana.offset(ts)) expect.fail(`${name} at ${new Date(ts).toISOString()}: ${offset}`);
        }
      }
    }
  });

  it('one second either side of a change (Chicago, 2026-03-08 02:00 local)', () => {
    const kept = new LibraryTimeZone('America/Chicago');
    const change = Date.UTC(2026, 2, 8, 8, 0, 0);
    expect(kept.offset(change - 1000)).to.equal(-360);
    expect(kept.offset(change)).to.equal(-300);
    expect(kept.offset(change + 1000)).to.equal(-300);
  });

  it('works as a luxon zone: same wall time, same zone name, equal to the plain zone', () => {
    const kept = new LibraryTimeZone('America/Chicago');
    const at = new Date('2026-07-04T15:30:00Z');
    const mine = DateTime.fromJSDate(at, { zone: kept });
    const plain = DateTime.fromJSDate(at, { zone: 'America/Chicago' });
    expect(mine.toISO()).to.equal(plain.toISO());
    expect(mine.zoneName).to.equal('America/Chicago');
    expect(mine.plus({ days: 200 }).toISO()).to.equal(plain.plus({ days: 200 }).toISO());
    expect(mine.startOf('day').toISO()).to.equal(plain.startOf('day').toISO());
    expect(mine.hasSame(plain, 'day')).to.equal(true);
    expect(kept.equals(IANAZone.create('America/Chicago'))).to.equal(true);
    expect(mine.offsetNameShort).to.equal('CDT');
  });
});
