import { expect } from 'chai';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { DateTime } from 'luxon';
import { loadLibraryConfig } from '../../config/libraryConfig';
import { HoursService } from '../../library/hours/hoursService';
import { ProgramCatalog, ProgramsUnavailableError } from '../../library/programs/catalog';
import { feedSources, FileFeed, HttpFeed } from '../../library/programs/feeds';
import { summarizeProgram } from '../../library/programs/format';
import { FeedFormatError, ProgramCalendar } from '../../library/programs/icalendar';
import { MemoryPreferenceStore, ProgramPreferences } from '../../library/programs/preferences';
import type { Program } from '../../library/programs/program';
import { findPrograms, pageOf } from '../../library/programs/search';

const loaded = loadLibraryConfig(resolve(__dirname, '../../../config/demo-library.yaml'));
const demo = loaded.config;
const zone = demo.library.timeZone;
const at = (iso: string) => DateTime.fromISO(iso, { zone });
const hours = new HoursService(demo);
const catalog = new ProgramCatalog({
  sources: feedSources(demo.programs.feeds, loaded.directory, { refreshMinutes: 60 }),
  zone,
  branches: demo.branches,
  isClosedDay: (branchId, date) => {
    const day = hours.day(branchId, date);
    return day.closed && Boolean(day.note);
  },
});
const titlesAndStarts = (programs: Program[]) =>
  programs.map((p) => `${p.start.toFormat("yyyy-MM-dd'T'HH:mm")} ${p.title}`);

describe('programs', () => {
  describe('the demo feed', () => {
    let year: Program[];
    before(async () => {
      year = await catalog.between(at('2026-11-01T00:00'), at('2027-11-01T00:00'));
    });

    it('has the six named programs and at least 20 more, across branches and audiences', () => {
      const uids = new Set(year.map((p) => p.uid));
      expect(uids.size).to.be.at.least(26);
      const first = (title: string) => year.find((p) => p.title === title)!;
      const facts: [string, string, string, string][] = [
        ['Toddler Storytime', 'main', 'Wednesday', '10:00'],
        ['Teen Gaming', 'eastside', 'Friday', '16:00'],
        ['Tech Help for Seniors', 'oak-hill', 'Tuesday', '14:00'],
        ['Riverside Book Club', 'riverside', 'Thursday', '18:30'],
        ['ESL Conversation Circle', 'main', 'Monday', '18:00'],
        ['Lego Club', 'eastside', 'Saturday', '11:00'],
      ];
      for (const [title, branchId, weekday, time] of facts) {
        const program = first(title);
        expect(program, title).to.not.equal(undefined);
        expect(program.branchId, title).to.equal(branchId);
        expect(program.start.toFormat('cccc HH:mm'), title).to.equal(`${weekday} ${time}`);
        expect(program.registrationUrl, title).to.match(
          /^https:\/\/riverbend-library\.example\.org\/events\//,
        );
        expect(program.description, title).to.not.equal('');
      }
      expect(first('Toddler Storytime').ages).to.deep.equal({ min: 1, max: 3 });
      expect(new Set(year.map((p) => p.branchId))).to.have.keys(
        'main',
        'eastside',
        'riverside',
        'oak-hill',
        'bookmobile',
      );
      expect(new Set(year.flatMap((p) => p.audiences))).to.have.keys(
        'toddlers',
        'kids',
        'teens',
        'adults',
        'seniors',
        'families',
      );
    });

    it('Riverside Book Club is on the first Thursday of each month', () => {
      const club = year.filter((p) => p.title === 'Riverside Book Club').slice(0, 3);
      expect(club.map((p) => p.start.toISODate())).to.deep.equal(['2026-11-05', '2026-12-03', '2027-01-07']);
    });

    it('leaves out EXDATE occurrences (Toddler Storytime over the holidays)', async () => {
      const programs = await catalog.between(at('2026-12-14T00:00'), at('2027-01-10T00:00'));
      expect(
        programs.filter((p) => p.title === 'Toddler Storytime').map((p) => p.start.toISODate()),
      ).to.deep.equal(['2026-12-16', '2027-01-06']);
    });

    it('moves an occurrence with RECURRENCE-ID (Teen Gaming to Saturday after Thanksgiving)', async () => {
      const week = await catalog.between(at('2026-11-23T00:00'), at('2026-11-30T00:00'));
      const gaming = week.filter((p) => p.uid.startsWith('teen-gaming'));
      expect(titlesAndStarts(gaming)).to.deep.equal(['2026-11-28T14:00 Teen Gaming (moved to Saturday)']);
      expect(gaming[0].end.toFormat('HH:mm')).to.equal('15:30');
    });

    it('drops programs on days their branch is closed for a holiday', async () => {
      const thanksgiving = await catalog.between(at('2026-11-26T00:00'), at('2026-11-27T00:00'));
      expect(thanksgiving).to.deep.equal([]);
      const ordinaryThursday = await catalog.between(at('2026-11-19T00:00'), at('2026-11-20T00:00'));
      expect(ordinaryThursday.map((p) => p.title)).to.include('Baby Rhyme Time');
    });

    it('keeps local times right on both sides of DST', async () => {
      const summer = await catalog.between(at('2026-07-01T00:00'), at('2026-07-02T00:00'));
      const winter = await catalog.between(at('2026-12-02T00:00'), at('2026-12-03T00:00'));
      const storytime = (list: Program[]) => list.find((p) => p.title === 'Toddler Storytime')!;
      expect(storytime(summer).start.toUTC().toISO()).to.equal('2026-07-01T15:00:00.000Z');
      expect(storytime(winter).start.toUTC().toISO()).to.equal('2026-12-02T16:00:00.000Z');
      // The week the clocks go back: Tuesday after is still 2 PM local.
      const fallWeek = await catalog.between(at('2026-10-27T00:00'), at('2026-11-04T00:00'));
      const tech = fallWeek.filter((p) => p.title === 'Tech Help for Seniors').map((p) => p.start.toISO());
      expect(tech).to.deep.equal(['2026-10-27T14:00:00.000-05:00', '2026-11-03T14:00:00.000-06:00']);
    });

    it('summarizes an occurrence with day, time, place, audience and link', () => {
      const storytime = year.find(
        (p) => p.title === 'Toddler Storytime' && p.start.toISODate() === '2026-12-02',
      )!;
      expect(summarizeProgram(storytime, at('2026-11-30T09:00'), demo.branches)).to.deep.equal({
        title: 'Toddler Storytime',
        when: 'Wednesday, Dec 2, 10:00-10:30 AM',
        place: 'Main Library',
        audience: 'For toddlers, ages 1-3',
        description: 'Songs, rhymes and picture books for toddlers and their grown-ups.',
        registrationUrl: 'https://riverbend-library.example.org/events/toddler-storytime',
      });
      expect(summarizeProgram(storytime, at('2026-12-02T08:00'), demo.branches).when).to.equal(
        'Today, 10:00-10:30 AM',
      );
    });
  });

  describe('other feeds', () => {
    const wrap = (body: string) =>
      ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:test', body, 'END:VCALENDAR'].join('\r\n');

    it('reads UTC, floating and non-IANA TZID times', () => {
      const calendar = new ProgramCalendar(
        wrap(
          [
            'BEGIN:VTIMEZONE',
            'TZID:Central Standard Time',
            'BEGIN:STANDARD',
            'DTSTART:16010101T020000',
            'TZOFFSETFROM:-0500',
            'TZOFFSETTO:-0600',
            'RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU',
            'END:STANDARD',
            'BEGIN:DAYLIGHT',
            'DTSTART:16010101T020000',
            'TZOFFSETFROM:-0600',
            'TZOFFSETTO:-0500',
            'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU',
            'END:DAYLIGHT',
            'END:VTIMEZONE',
            'BEGIN:VEVENT',
            'UID:utc',
            'DTSTAMP:20260101T000000Z',
            'DTSTART:20261210T170000Z',
            'SUMMARY:UTC event',
            'END:VEVENT',
            'BEGIN:VEVENT',
            'UID:floating',
            'DTSTAMP:20260101T000000Z',
            'DTSTART:20261210T120000',
            'SUMMARY:Floating event',
            'END:VEVENT',
            'BEGIN:VEVENT',
            'UID:windows',
            'DTSTAMP:20260101T000000Z',
            'DTSTART;TZID=Central Standard Time:20260710T120000',
            'SUMMARY:Windows zone event',
            'END:VEVENT',
          ].join('\r\n'),
        ),
        zone,
        demo.branches,
      );
      const list = calendar.occurrences(at('2026-01-01T00:00'), at('2027-01-01T00:00'));
      expect(list.map((p) => `${p.title} ${p.start.toISO()}`)).to.deep.equal([
        'Windows zone event 2026-07-10T12:00:00.000-05:00',
        'UTC event 2026-12-10T11:00:00.000-06:00',
        'Floating event 2026-12-10T12:00:00.000-06:00',
      ]);
    });

    it('rejects text that is not a calendar with a clear error', () => {
      expect(() => new ProgramCalendar('hello', zone, demo.branches)).to.throw(FeedFormatError, /iCalendar/);
    });

    it('resolves file: feeds against the configuration folder', () => {
      const [source] = feedSources(['file:demo-programs.ics'], '/etc/riverbend', { refreshMinutes: 5 });
      expect(source).to.be.instanceOf(FileFeed);
      expect(source.name).to.equal('/etc/riverbend/demo-programs.ics');
    });
  });

  describe('HTTP feeds', () => {
    let server: Server;
    let url: string;
    let requests: { ifNoneMatch?: string; ifModifiedSince?: string }[];
    let version: number;
    let down: boolean;
    const feed = (n: number) =>
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:test',
        'BEGIN:VEVENT',
        `UID:e${n}`,
        'DTSTAMP:20260101T000000Z',
        'DTSTART;TZID=America/Chicago:20261210T120000',
        `SUMMARY:Version ${n}`,
        'END:VEVENT',
        'END:VCALENDAR',
      ].join('\r\n');

    before(async () => {
      server = createServer((req, res) => {
        requests.push({
          ifNoneMatch: req.headers['if-none-match'],
          ifModifiedSince: req.headers['if-modified-since'],
        });
        if (down) {
          // restify (loaded by other tests) patches writeHead so that it does not return the response.
          res.writeHead(503);
          res.end();
          return;
        }
        const etag = `"v${version}"`;
        if (req.headers['if-none-match'] === etag) {
          res.writeHead(304);
          res.end();
          return;
        }
        res.writeHead(200, {
          'content-type': 'text/calendar',
          etag,
          'last-modified': 'Tue, 01 Dec 2026 12:00:00 GMT',
        });
        res.end(feed(version));
      });
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/events.ics`;
    });
    after(() => new Promise<void>((done) => server.close(() => done())));
    beforeEach(() => {
      requests = [];
      version = 1;
      down = false;
    });

    it('caches, refreshes with a conditional GET after the interval, and keeps the copy when the feed is down', async () => {
      let now = 0;
      const source = new HttpFeed(url, { refreshMs: 60_000, clock: () => now });
      const catalogOverHttp = new ProgramCatalog({ sources: [source], zone, branches: demo.branches });
      const titles = async () =>
        (await catalogOverHttp.between(at('2026-12-01T00:00'), at('2026-12-31T00:00'))).map((p) => p.title);

      expect(await titles()).to.deep.equal(['Version 1']);
      now = 30_000;
      expect(await titles()).to.deep.equal(['Version 1']);
      expect(requests).to.have.length(1);

      now = 61_000;
      expect(await titles()).to.deep.equal(['Version 1']);
      expect(requests).to.have.length(2);
      expect(requests[1]).to.deep.equal({
        ifNoneMatch: '"v1"',
        ifModifiedSince: 'Tue, 01 Dec 2026 12:00:00 GMT',
      });

      version = 2;
      now = 122_000;
      expect(await titles()).to.deep.equal(['Version 2']);

      down = true;
      now = 183_000;
      expect(await titles()).to.deep.equal(['Version 2']);
      expect(requests).to.have.length(4);
    });

    it('says which feed failed when there is no copy yet', async () => {
      down = true;
      const errors: string[] = [];
      let now = 0;
      const source = new HttpFeed(url, { refreshMs: 60_000, clock: () => now });
      const failing = new ProgramCatalog({
        sources: [source],
        zone,
        branches: demo.branches,
        onFeedError: (name, error) => errors.push(`${name}: ${error.message}`),
      });
      let thrown: unknown;
      await failing
        .between(at('2026-12-01T00:00'), at('2026-12-31T00:00'))
        .catch((error) => (thrown = error));
      expect(thrown).to.be.instanceOf(ProgramsUnavailableError);
      expect(errors).to.have.length(1);
      expect(errors[0]).to.contain(url).and.contain('HTTP 503');
      // The startup warm-up does not throw; it reports the feed again, without asking it again so soon.
      await failing.prepare(new Date('2026-12-01T12:00:00-06:00'));
      expect(errors).to.have.length(2);
      expect(requests).to.have.length(1);
      // A minute later it is asked again, and a feed that is back is used.
      down = false;
      now = 61_000;
      expect(
        (await failing.between(at('2026-12-01T00:00'), at('2026-12-31T00:00'))).map((p) => p.title),
      ).to.deep.equal(['Version 1']);
      expect(requests).to.have.length(2);
    });
  });

  describe('filters and ranking', () => {
    let week: Program[];
    const monday = at('2026-11-30T00:00');
    before(async () => {
      week = await catalog.between(monday, monday.plus({ days: 7 }));
    });
    const find = (
      query: Partial<Parameters<typeof findPrograms>[1]>,
      prefs?: Parameters<typeof findPrograms>[2],
    ) => findPrograms(week, { from: monday, to: monday.plus({ days: 7 }), ...query }, prefs);

    it('prepare() reads and expands the feeds ahead of the first question', async () => {
      const fresh = new ProgramCatalog({
        sources: feedSources(demo.programs.feeds, loaded.directory, { refreshMinutes: 60 }),
        zone,
        branches: demo.branches,
      });
      await fresh.prepare(new Date('2026-11-30T12:00:00-06:00'));
      const prepared = await fresh.between(monday, monday.plus({ days: 7 }));
      expect(titlesAndStarts(prepared)).to.deep.equal(titlesAndStarts(week));
    });

    it('"something for my 5 year old" finds programs whose ages or audience fit', () => {
      const titles = new Set(find({ age: 5, audience: 'kids' }).map((p) => p.title));
      expect(titles).to.include.keys(
        'Preschool Storytime',
        'Craft Afternoon for Kids',
        'Family Storytime',
        'Bookmobile Storytime',
      );
      expect(titles).to.not.include.keys('Lego Club', 'Toddler Storytime', 'Teen Gaming', 'Knitting Circle');
    });

    it('matches a topic whose words are all in the title ("toddler time" is Toddler Storytime)', () => {
      expect(find({ topics: ['toddler time'] }).map((p) => p.title)).to.include('Toddler Storytime');
      expect(find({ topics: ['toddler gaming'] })).to.deep.equal([]);
    });

    it('shows each program once before its repeats, so a weekly program does not fill a page', () => {
      const teens = find({ audience: 'teens' }).map((p) => `${p.title}@${p.branchId}`);
      const firstRepeat = teens.findIndex((key, i) => teens.indexOf(key) !== i);
      expect(firstRepeat).to.be.greaterThan(0);
      expect(new Set(teens.slice(0, firstRepeat)).size).to.equal(firstRepeat);
      expect(new Set(teens.slice(firstRepeat))).to.satisfy((later: Set<string>) =>
        [...later].every((key) => teens.slice(0, firstRepeat).includes(key)),
      );
    });

    it('filters by audience, topic, branch and date range', () => {
      expect(new Set(find({ audience: 'teens' }).map((p) => p.title))).to.include.keys(
        'Teen Gaming',
        'Homework Help',
      );
      expect(find({ topics: ['book clubs'] }).map((p) => p.title)).to.deep.equal(['Riverside Book Club']);
      expect(find({ branchId: 'oak-hill' }).every((p) => p.branchId === 'oak-hill')).to.equal(true);
      const saturday = find({
        from: at('2026-12-05T00:00'),
        to: at('2026-12-06T00:00'),
        branchId: 'eastside',
      });
      expect(titlesAndStarts(saturday)).to.deep.equal([
        '2026-12-05T11:00 Lego Club',
        '2026-12-05T13:00 Gardening Workshop',
      ]);
      expect(find({ topics: ['underwater basket weaving'] })).to.deep.equal([]);
    });

    it('ranks what was asked first, then remembered interests and home branch, then date', () => {
      const asked = find({ topics: ['storytime'] });
      expect(asked.every((p) => p.topics.includes('Storytime'))).to.equal(true);
      const starts = asked.map((p) => p.start.toMillis());
      expect(starts).to.deep.equal([...starts].sort((a, b) => a - b));

      const plain = find({});
      expect(plain[0].start <= plain[1].start).to.equal(true);
      const liked = find({}, { interests: ['chess'], homeBranchId: 'riverside' });
      expect(liked[0].title).to.equal('Chess Club');
      expect(liked[1].branchId).to.equal('riverside');

      const askedWithInterests = find(
        { topics: ['technology'] },
        { interests: ['coding'], homeBranchId: 'main' },
      );
      expect(askedWithInterests[0].title).to.equal('Coding Club for Kids');
      expect(askedWithInterests.every((p) => p.topics.includes('Technology'))).to.equal(true);
    });

    it('pages three at a time', () => {
      const all = find({});
      const first = pageOf(all, 0);
      const second = pageOf(all, 1);
      expect(first.items).to.have.length(3);
      expect(first.more).to.equal(true);
      expect(second.items[0]).to.equal(all[3]);
      expect(pageOf(all.slice(0, 4), 1)).to.deep.equal({ items: [all[3]], more: false });
    });
  });

  describe('remembered preferences', () => {
    it('keeps nothing without consent', async () => {
      const store = new MemoryPreferenceStore();
      const prefs = new ProgramPreferences(store, 'with-consent');
      expect(await prefs.remember({ interests: ['chess'] }, false)).to.equal(false);
      expect(store.value).to.equal(undefined);
    });

    it('keeps interests and home branch after consent, and "forget me" deletes them', async () => {
      const store = new MemoryPreferenceStore();
      const prefs = new ProgramPreferences(store, 'with-consent', () => new Date('2026-12-01T12:00:00Z'));
      expect(
        await prefs.remember({ interests: ['Chess', 'crafts'], homeBranchId: 'oak-hill' }, true),
      ).to.equal(true);
      // Later additions need no new consent and do not duplicate.
      expect(await prefs.remember({ interests: ['chess', 'coding'] }, false)).to.equal(true);
      expect(await prefs.get()).to.deep.equal({
        interests: ['chess', 'crafts', 'coding'],
        homeBranchId: 'oak-hill',
        consentedAt: '2026-12-01T12:00:00.000Z',
      });
      await prefs.forget();
      expect(store.value).to.equal(undefined);
      expect(await prefs.hasConsent()).to.equal(false);
      expect(await prefs.remember({ interests: ['chess'] }, false)).to.equal(false);
    });

    it('keeps nothing when the library says never', async () => {
      const store = new MemoryPreferenceStore();
      const prefs = new ProgramPreferences(store, 'never');
      expect(prefs.mayOffer).to.equal(false);
      expect(await prefs.remember({ interests: ['chess'] }, true)).to.equal(false);
      expect(store.value).to.equal(undefined);
    });
  });
});
