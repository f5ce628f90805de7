import { expect } from 'chai';
import { resolve } from 'node:path';
import sinon from 'sinon';
import { loadLibraryConfig, validateLibraryConfig, type LibraryConfig } from '../../config/libraryConfig';
import { describeDayHours, describeStatus, shortStatus } from '../../library/hours/format';
import { HoursService } from '../../library/hours/hoursService';
import { DEMO_REGULAR_WEEK } from '../support/demoWeek';

const demoPath = resolve(__dirname, '../../../config/demo-library.yaml');
const demo = loadLibraryConfig(demoPath).config;

/** A Chicago wall-clock instant, written with its offset so the test never depends on the server zone. */
const chicago = (iso: string) => new Date(iso);

function dayText(service: HoursService, branchId: string, date: string): string {
  return describeDayHours(service.day(branchId, date));
}

describe('hours service', () => {
  let clock: sinon.SinonFakeTimers | undefined;
  afterEach(() => clock?.restore());

  const service = new HoursService(demo);
  const statusAt = (branchId: string, iso: string) => {
    clock?.restore();
    clock = sinon.useFakeTimers(chicago(iso));
    return describeStatus(service.branch(branchId), service.status(branchId));
  };

  describe('the demo week (Mon 9 - Sun 15 November 2026, no holidays)', () => {
    const days = [
      '2026-11-09',
      '2026-11-10',
      '2026-11-11',
      '2026-11-12',
      '2026-11-13',
      '2026-11-14',
      '2026-11-15',
    ];
    const expected = DEMO_REGULAR_WEEK;
    for (const [branchId, hours] of Object.entries(expected)) {
      it(`${branchId}`, () => {
        expect(days.map((d) => dayText(service, branchId, d))).to.deep.equal(hours);
      });
    }

    it('gives this week as seven rows from today', () => {
      clock = sinon.useFakeTimers(chicago('2026-11-11T08:00:00-06:00'));
      const week = service.week('main');
      expect(week.map((d) => d.date)).to.deep.equal([
        '2026-11-11',
        '2026-11-12',
        '2026-11-13',
        '2026-11-14',
        '2026-11-15',
        '2026-11-16',
        '2026-11-17',
      ]);
    });
  });

  describe('holidays by rule', () => {
    const closedEverywhere: [string, string][] = [
      ["New Year's Day", '2027-01-01'],
      ['Martin Luther King Jr. Day', '2026-01-19'],
      ['Memorial Day', '2026-05-25'],
      ['Independence Day', '2026-07-04'],
      ['Labor Day', '2026-09-07'],
      ['Thanksgiving Day', '2026-11-26'],
      ['Day after Thanksgiving', '2026-11-27'],
      ['Christmas Day', '2026-12-25'],
      ['Thanksgiving Day', '2027-11-25'],
      ['Memorial Day', '2027-05-31'],
    ];
    for (const [name, date] of closedEverywhere) {
      it(`${name} ${date} is closed at every location`, () => {
        expect(service.specialDayOn(date)?.name).to.equal(name);
        for (const branch of demo.branches) {
          expect(dayText(service, branch.id, date), branch.id).to.equal(`Closed (${name})`);
        }
      });
    }

    it('Christmas Eve: Main Library 9:00 AM-2:00 PM, everything else closed', () => {
      expect(dayText(service, 'main', '2026-12-24')).to.equal('9:00 AM-2:00 PM (Christmas Eve)');
      for (const id of ['eastside', 'riverside', 'oak-hill', 'bookmobile']) {
        expect(dayText(service, id, '2026-12-24'), id).to.equal('Closed (Christmas Eve)');
      }
      expect(statusAt('main', '2026-12-24T13:20:00-06:00')).to.equal(
        'Main Library is open now and closes in 40 minutes (at 2:00 PM).',
      );
      expect(statusAt('eastside', '2026-12-24T11:00:00-06:00')).to.equal(
        'Eastside Branch is closed today (Christmas Eve). It opens Saturday at 10:00 AM.',
      );
    });

    it("New Year's Eve: every open location closes at 5:00 PM", () => {
      // 31 December 2026 is a Thursday.
      expect(dayText(service, 'main', '2026-12-31')).to.equal("9:00 AM-5:00 PM (New Year's Eve)");
      expect(dayText(service, 'eastside', '2026-12-31')).to.equal("10:00 AM-5:00 PM (New Year's Eve)");
      expect(dayText(service, 'riverside', '2026-12-31')).to.equal("10:00 AM-5:00 PM (New Year's Eve)");
      expect(dayText(service, 'oak-hill', '2026-12-31')).to.equal("10:00 AM-5:00 PM (New Year's Eve)");
      // The bookmobile's Thursday stop ends before 5 PM anyway.
      expect(dayText(service, 'bookmobile', '2026-12-31')).to.equal(
        "10:00 AM-noon at Maple Senior Center (New Year's Eve)",
      );
      expect(statusAt('main', '2026-12-31T17:05:00-06:00')).to.equal(
        'Main Library is closed now. It opens Saturday at 9:00 AM.',
      );
    });

    it('finds a holiday by name or alias and the next date it falls on', () => {
      clock = sinon.useFakeTimers(chicago('2026-11-29T10:00:00-06:00'));
      expect(service.holiday('are you open on thanksgiving')).to.deep.include({ date: '2027-11-25' });
      expect(service.holiday('christmas eve hours')?.day.name).to.equal('Christmas Eve');
      expect(service.holiday('christmas eve hours')?.date).to.equal('2026-12-24');
      expect(service.holiday('hours on christmas')?.day.name).to.equal('Christmas Day');
      expect(service.holiday("New Year's Eve")?.day.name).to.equal("New Year's Eve");
      expect(service.holiday('new year')?.day.name).to.equal("New Year's Day");
      expect(service.holiday('black friday')?.date).to.equal('2027-11-26');
      expect(service.holiday('mlk day')?.date).to.equal('2027-01-18');
      expect(service.holiday('are you open tuesday')).to.equal(undefined);
    });
  });

  describe('open now', () => {
    it('says "closes in 40 minutes" near closing', () => {
      expect(statusAt('main', '2026-11-09T20:20:00-06:00')).to.equal(
        'Main Library is open now and closes in 40 minutes (at 9:00 PM).',
      );
    });

    it('says until when when it is open for a while', () => {
      expect(statusAt('eastside', '2026-11-10T11:00:00-06:00')).to.equal(
        'Eastside Branch is open now until 8:00 PM.',
      );
    });

    it('says "opens tomorrow at 9:00 AM" after closing', () => {
      expect(statusAt('main', '2026-11-09T21:30:00-06:00')).to.equal(
        'Main Library is closed now. It opens tomorrow at 9:00 AM.',
      );
    });

    it('says "opens today" before opening and skips closed days', () => {
      expect(statusAt('main', '2026-11-15T09:00:00-06:00')).to.equal(
        'Main Library is closed now. It opens today at 1:00 PM.',
      );
      expect(statusAt('riverside', '2026-11-15T12:00:00-06:00')).to.equal(
        'Riverside Branch is closed now. It opens Tuesday at 10:00 AM.',
      );
    });

    it('in the all-branches table, opening later today shows until when, opening another day does not', () => {
      statusAt('main', '2026-11-15T09:00:00-06:00');
      expect(shortStatus(service.branch('main'), service.status('main'))).to.equal(
        'Closed; opens today 1:00 PM-5:00 PM',
      );
      expect(shortStatus(service.branch('riverside'), service.status('riverside'))).to.equal(
        'Closed; opens Tuesday 10:00 AM',
      );
    });

    it('skips a holiday weekend to the next real opening', () => {
      expect(statusAt('main', '2026-11-26T10:00:00-06:00')).to.equal(
        'Main Library is closed today (Thanksgiving Day). It opens Saturday at 9:00 AM.',
      );
      clock?.restore();
      clock = sinon.useFakeTimers(chicago('2026-11-26T10:00:00-06:00'));
      expect(service.nextOpening('main')?.start.toISO()).to.equal('2026-11-28T09:00:00.000-06:00');
    });

    it('tells where the bookmobile is and where it stops next', () => {
      expect(statusAt('bookmobile', '2026-11-10T15:30:00-06:00')).to.equal(
        'The Bookmobile is open now at Pine Street Park until 5:00 PM.',
      );
      expect(statusAt('bookmobile', '2026-11-10T18:00:00-06:00')).to.equal(
        'The Bookmobile is closed now. Its next stop is Thursday at 10:00 AM at Maple Senior Center, until noon.',
      );
    });

    it('answers in the library zone whatever the server zone is', () => {
      const saved = process.env.TZ;
      try {
        process.env.TZ = 'Asia/Tokyo';
        expect(statusAt('main', '2026-11-09T20:20:00-06:00')).to.equal(
          'Main Library is open now and closes in 40 minutes (at 9:00 PM).',
        );
        clock?.restore();
        clock = sinon.useFakeTimers(chicago('2026-11-09T23:30:00-06:00'));
        expect(service.today()).to.equal('2026-11-09');
      } finally {
        if (saved === undefined) delete process.env.TZ;
        else process.env.TZ = saved;
      }
    });
  });

  describe('daylight saving time', () => {
    it('spring forward (Sunday 8 March 2026): opening at 1:00 PM CDT is 18:00 UTC', () => {
      clock = sinon.useFakeTimers(chicago('2026-03-08T12:00:00-05:00'));
      const status = service.status('main');
      expect(status.next?.start.toUTC().toISO()).to.equal('2026-03-08T18:00:00.000Z');
      expect(describeStatus(service.branch('main'), status)).to.equal(
        'Main Library is closed now. It opens today at 1:00 PM.',
      );
      // The night before, still on standard time, "tomorrow" is the Sunday.
      expect(statusAt('main', '2026-03-07T20:00:00-06:00')).to.equal(
        'Main Library is closed now. It opens tomorrow at 1:00 PM.',
      );
    });

    it('fall back (Sunday 1 November 2026): opening at 1:00 PM CST is 19:00 UTC', () => {
      clock = sinon.useFakeTimers(chicago('2026-10-31T20:00:00-05:00'));
      const status = service.status('main');
      expect(status.next?.start.toISO()).to.equal('2026-11-01T13:00:00.000-06:00');
      expect(status.next?.start.toUTC().toISO()).to.equal('2026-11-01T19:00:00.000Z');
      expect(statusAt('main', '2026-11-01T16:20:00-06:00')).to.equal(
        'Main Library is open now and closes in 40 minutes (at 5:00 PM).',
      );
    });
  });

  describe('unusual schedules', () => {
    const unusual: LibraryConfig = validateLibraryConfig(
      {
        ...demo,
        branches: [
          ...demo.branches,
          {
            id: 'night',
            name: 'Night Owl Branch',
            address: '1 Late Street',
            hours: {
              friday: [{ opens: '18:00', closes: '02:00' }],
              saturday: [{ opens: '20:00', closes: '04:00' }],
            },
            exceptions: [{ date: '2026-11-20', reason: 'closed for repairs', hours: [] }],
          },
          {
            id: 'allday',
            name: 'Study Commons',
            address: '2 Campus Way',
            hours: {
              wednesday: [{ opens: '00:00', closes: '24:00' }],
              sunday: [{ opens: '00:00', closes: '24:00' }],
            },
          },
        ],
        specialDays: [
          ...demo.specialDays,
          { name: 'Staff Day', rule: { date: '2026-11-18' } },
          { name: 'Inventory Day', rule: { after: 'Staff Day', days: 1 }, all: { closesAt: '12:00' } },
        ],
      },
      'unusual.yaml',
    );
    const night = new HoursService(unusual);
    const nightStatus = (branchId: string, iso: string) => {
      clock?.restore();
      clock = sinon.useFakeTimers(chicago(iso));
      return describeStatus(night.branch(branchId), night.status(branchId));
    };

    it('a past-midnight schedule: open Friday 6 PM until 2 AM Saturday', () => {
      expect(dayText(night, 'night', '2026-11-13')).to.equal('6:00 PM-2:00 AM');
      expect(nightStatus('night', '2026-11-13T23:00:00-06:00')).to.equal(
        'Night Owl Branch is open now until 2:00 AM tomorrow.',
      );
    });

    it('past midnight across the DST changes: 9 real hours in the fall, 7 in the spring', () => {
      const fall = night.day('night', '2026-10-31').periods[0];
      expect(fall.start.toISO()).to.equal('2026-10-31T20:00:00.000-05:00');
      expect(fall.end.toISO()).to.equal('2026-11-01T04:00:00.000-06:00');
      expect(fall.end.diff(fall.start, 'hours').hours).to.equal(9);
      const spring = night.day('night', '2026-03-07').periods[0];
      expect(spring.end.diff(spring.start, 'hours').hours).to.equal(7);
      expect(nightStatus('night', '2026-11-01T03:30:00-06:00')).to.equal(
        'Night Owl Branch is open now and closes in 30 minutes (at 4:00 AM).',
      );
    });

    it('a 24-hour day reads "Open 24 hours", never "12 AM-12 AM"', () => {
      const text = dayText(night, 'allday', '2026-11-11');
      expect(text).to.equal('Open 24 hours');
      expect(text).not.to.match(/12|midnight-midnight/);
      expect(nightStatus('allday', '2026-11-11T12:00:00-06:00')).to.equal(
        'Study Commons is open 24 hours today.',
      );
      expect(nightStatus('allday', '2026-11-11T23:30:00-06:00')).to.equal(
        'Study Commons is open 24 hours today.',
      );
      // The fall-back Sunday is 25 hours long and the spring-forward one 23: both still 24-hour days.
      expect(dayText(night, 'allday', '2026-11-01')).to.equal('Open 24 hours');
      expect(dayText(night, 'allday', '2026-03-08')).to.equal('Open 24 hours');
      expect(dayText(night, 'allday', '2026-11-12')).to.equal('Closed');
    });

    it('a closed day reads "Closed", never "12am-12am"', () => {
      const text = dayText(night, 'night', '2026-11-16');
      expect(text).to.equal('Closed');
      expect(night.day('night', '2026-11-16').closed).to.equal(true);
    });

    it('a branch exception closes one branch on one date', () => {
      expect(dayText(night, 'night', '2026-11-20')).to.equal('Closed (closed for repairs)');
      expect(dayText(night, 'main', '2026-11-20')).to.equal('9:00 AM-6:00 PM');
    });

    it('explicit-date and "after" rules, with an early closing', () => {
      expect(dayText(night, 'main', '2026-11-18')).to.equal('Closed (Staff Day)');
      expect(dayText(night, 'main', '2026-11-19')).to.equal('9:00 AM-noon (Inventory Day)');
      expect(dayText(night, 'oak-hill', '2026-11-19')).to.equal('10:00 AM-noon (Inventory Day)');
      expect(night.specialDayOn('2027-11-18')).to.equal(undefined);
    });
  });
});
