import { expect } from 'chai';
import { resolve } from 'node:path';
import { loadLibraryConfig } from '../../config/libraryConfig';
import { findAudience } from '../../recognizers/entities/audience';
import { createBranchMatcher } from '../../recognizers/entities/branch';
import { createDateExtractor } from '../../recognizers/entities/dates';
import { findHoldItem } from '../../recognizers/entities/holdItem';
import { findNumber } from '../../recognizers/entities/number';
import { createTopicMatcher } from '../../recognizers/entities/topics';
import { normalizeText } from '../../recognizers/normalize';

const { config } = loadLibraryConfig(resolve(__dirname, '../../../config/demo-library.yaml'));

describe('recognizers: entities', () => {
  describe('branch', () => {
    const branch = createBranchMatcher(config.branches);
    const find = (text: string) => branch(normalizeText(text).tokens)?.branchId;

    it('finds configured names and aliases', () => {
      expect(find('is the Eastside Branch open')).to.equal('eastside');
      expect(find('hours downtown')).to.equal('main');
      expect(find('the oak hill one')).to.equal('oak-hill');
      expect(find('where does the book bus stop')).to.equal('bookmobile');
    });

    it('tolerates typos, run-together and split words', () => {
      expect(find('is eastsde open')).to.equal('eastside');
      expect(find('oakhil hours')).to.equal('oak-hill');
      expect(find('river side branch')).to.equal('riverside');
      expect(find('riversdie')).to.equal('riverside');
    });

    it('does not invent a branch', () => {
      expect(find('what time do you close')).to.equal(undefined);
      expect(find('at least tell me the hours')).to.equal(undefined);
      expect(find('riverbend public library')).to.equal(undefined);
    });
  });

  describe('date, in the library time zone (America/Chicago)', () => {
    const dates = createDateExtractor(config.library.timeZone, config.specialDays);
    // Friday 27 November 2026, 10:00 in Riverbend.
    const friday = new Date('2026-11-27T16:00:00Z');
    const at = (text: string, now = friday) => dates(normalizeText(text).text, now);

    it('reads today, tomorrow and tonight', () => {
      expect(at('are you open today')).to.include({ start: '2026-11-27', end: '2026-11-27' });
      expect(at('r u open tmrw')).to.include({ start: '2026-11-28', end: '2026-11-28' });
      expect(at('when do you close tonight')).to.include({ start: '2026-11-27', time: '20:00' });
    });

    it('says "tonight" is still today at 23:30 library time, when UTC is already tomorrow', () => {
      const lateNight = new Date('2026-11-28T05:30:00Z');
      expect(lateNight.toISOString().slice(0, 10)).to.equal('2026-11-28');
      expect(at('are you open tonight', lateNight)).to.include({ start: '2026-11-27', end: '2026-11-27' });
      expect(at('what about tomorrow', lateNight)).to.include({ start: '2026-11-28' });
    });

    it('reads weekdays, next weekday, this weekend and next week', () => {
      expect(at('open saturday?')).to.include({ start: '2026-11-28' });
      expect(at('is it open on sunday')).to.include({ start: '2026-11-29' });
      expect(at('what about friday')).to.include({ start: '2026-11-27' });
      expect(at('next friday')).to.include({ start: '2026-12-04' });
      expect(at('anything this weekend')).to.include({ start: '2026-11-28', end: '2026-11-29' });
      expect(at('hours next week')).to.include({ start: '2026-11-30', end: '2026-12-06' });
    });

    it('reads "this week" on a weekend as the week ahead, not one day', () => {
      const sunday = new Date('2026-11-29T18:00:00Z');
      expect(at('what is on for teens this week', sunday)).to.include({
        start: '2026-11-29',
        end: '2026-12-05',
      });
      const wednesday = new Date('2026-11-25T18:00:00Z');
      expect(at('what is on this week', wednesday)).to.include({ start: '2026-11-25', end: '2026-11-29' });
    });

    it('reads calendar dates with the recognizer, choosing the next one', () => {
      expect(at('are you open dec 24')).to.include({ start: '2026-12-24', end: '2026-12-24' });
      expect(at('hours on January 2', friday)).to.include({ start: '2027-01-02' });
    });

    it('reads holidays by their configured names and aliases', () => {
      const early = new Date('2026-11-02T16:00:00Z');
      expect(at('are you open on thanksgiving', early)).to.include({
        start: '2026-11-26',
        holiday: 'Thanksgiving Day',
      });
      expect(at('open black friday?', early)).to.include({
        start: '2026-11-27',
        holiday: 'Day after Thanksgiving',
      });
      expect(at('hours on xmas eve', early)).to.include({ start: '2026-12-24', holiday: 'Christmas Eve' });
    });

    it('reads a time of day', () => {
      expect(at('will you be open at 6pm tomorrow')).to.include({ start: '2026-11-28', time: '18:00' });
      expect(at('are you open right now')).to.include({ start: '2026-11-27', time: '10:00' });
    });

    it('finds no date where there is none', () => {
      expect(at('how do i renew my books')).to.equal(undefined);
    });

    // Microsoft's recognizer threw a TypeError on these, and the patron's turn failed.
    it('reads an open-ended mention it cannot resolve by its date ("after easter in early april")', () => {
      expect(at('are you open after easter in early april')).to.include({
        start: '2027-04-01',
        end: '2027-04-15',
      });
      expect(at('any programs for kids after easter in april?')).to.include({
        start: '2027-04-01',
        end: '2027-04-30',
      });
    });

    it('gives no date for one that does not exist (February 29 in 2027) rather than "not resolved"', () => {
      expect(at('are you open february 29th')).to.equal(undefined);
      expect(at('are you open february 28th')).to.include({ start: '2027-02-28' });
    });
  });

  describe('audience', () => {
    it('reads ages and maps them to an audience', () => {
      expect(findAudience(normalizeText('anything for my 5 year old').text)).to.deep.include({
        audience: 'kids',
        age: 5,
      });
      expect(findAudience(normalizeText('my 2yo loves music').text)).to.deep.include({
        audience: 'toddlers',
        age: 2,
      });
      expect(findAudience(normalizeText('my daughter is 14').text)).to.deep.include({
        audience: 'teens',
        age: 14,
      });
    });

    it('reads audience words', () => {
      expect(findAudience('programs for toddlers')?.audience).to.equal('toddlers');
      expect(findAudience('anything for teenagers')?.audience).to.equal('teens');
      expect(findAudience('chair yoga for seniors')?.audience).to.equal('seniors');
      expect(findAudience('family movie night')?.audience).to.equal('families');
      expect(findAudience('adult book club')?.audience).to.equal('adults');
      expect(findAudience('what are your hours')).to.equal(undefined);
    });
  });

  it('finds program topics, longest phrase first', () => {
    const topics = createTopicMatcher();
    expect(topics(normalizeText('is there baby storytime or lego club this week').text)).to.deep.equal([
      'baby storytime',
      'lego',
    ]);
    expect(topics('any coding classes')).to.deep.equal(['coding']);
    expect(topics('what are your hours')).to.deep.equal([]);
  });

  describe('title and author for holds', () => {
    it('splits "Title by Author"', () => {
      expect(findHoldItem('put The Midnight Library by Matt Haig on hold')).to.deep.equal({
        title: 'The Midnight Library',
        author: 'Matt Haig',
      });
    });

    it('reads quoted titles', () => {
      expect(findHoldItem('reserve "Educated" please')).to.deep.equal({ title: 'Educated' });
      expect(findHoldItem("I'd like to reserve 'Becoming' by Michelle Obama")).to.deep.equal({
        title: 'Becoming',
        author: 'Michelle Obama',
      });
    });

    it('reads titles around request words', () => {
      expect(findHoldItem('can you hold Dog Man for me?').title).to.equal('Dog Man');
      expect(findHoldItem('cancel my hold on Fourth Wing').title).to.equal('Fourth Wing');
      expect(findHoldItem('is Lessons in Chemistry ready').title).to.equal('Lessons in Chemistry');
      expect(findHoldItem('put a hold on the new Stephen King book')).to.deep.equal({
        author: 'Stephen King',
      });
    });

    it('finds no title in a bare request', () => {
      expect(findHoldItem('i want to place a hold')).to.deep.equal({});
      expect(findHoldItem('cancel my hold')).to.deep.equal({});
    });
  });

  it('reads a bare number or ordinal choice', () => {
    expect(findNumber(['2'])).to.equal(2);
    expect(findNumber(normalizeText('number 3').tokens)).to.equal(3);
    expect(findNumber(normalizeText('#1').tokens)).to.equal(1);
    expect(findNumber(normalizeText('the second one').tokens)).to.equal(2);
    expect(findNumber(normalizeText('my 5 year old loves lego').tokens)).to.equal(undefined);
  });
});
