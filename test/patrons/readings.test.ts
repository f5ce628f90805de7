// How patrons' words are read (issue 13): ages in months and years and life stages, date ranges,
// corrections, Bookmobile stops, several requests in one message, and topic words from the library's
// configuration. Entity readers on their own; the splitter with the trained recognizer.
import { expect } from 'chai';
import { loadDemoLibrary, demoLibraryRecognizer } from '../support/demoLibrary';
import { findAudience } from '../../recognizers/entities/audience';
import { createDateExtractor } from '../../recognizers/entities/dates';
import { createPlaceMatcher } from '../../recognizers/entities/place';
import { createTopicMatcher, createTopicThesaurus } from '../../recognizers/entities/topics';
import { findHoldItem } from '../../recognizers/entities/holdItem';
import { readCorrection } from '../../recognizers/corrections';
import { normalizeText } from '../../recognizers/normalize';
import { splitRequests } from '../../recognizers/requests';

const { config } = loadDemoLibrary();
const tuesday = new Date('2026-12-01T10:15:00-06:00');
const audience = (text: string) => findAudience(normalizeText(text).text, text);

describe('patron readings: ages', () => {
  it('reads months as months, not years ("my baby is 8 months old" is not an 8-year-old)', () => {
    expect(audience('my baby is 8 months old')).to.deep.include({
      label: 'an 8-month-old',
      audience: 'toddlers',
    });
    expect(audience('my baby is 8 months old')?.ages?.min).to.be.closeTo(0.667, 0.001);
    expect(audience('my daughter is 20 months')?.ages?.min).to.be.closeTo(1.667, 0.001);
    expect(audience('programs for an 18 month old')?.label).to.equal('an 18-month-old');
  });

  it('reads years however they are typed: "4 yr old", "3yo", "7yo", "is 10", a grade', () => {
    expect(audience('anything for my 4 yr old')).to.deep.include({ age: 4, label: 'a 4-year-old' });
    expect(audience('stuff 4 my 3yo')?.age).to.equal(3);
    expect(audience('art for my 6yo')?.age).to.equal(6);
    expect(audience('my son is 10 whats there for him')?.age).to.equal(10);
    expect(audience('homework help for my 3rd grader')?.age).to.equal(8);
    expect(audience('my 14 year old likes drawing')?.ages).to.deep.equal({ min: 14, max: 14 });
  });

  it('reads life stages as age spans', () => {
    expect(audience('programs for toddlers')).to.deep.include({
      label: 'toddlers',
      ages: { min: 1, max: 3 },
    });
    expect(audience('anything for preschoolers')?.label).to.equal('preschoolers');
    expect(audience('activities for tweens')?.label).to.equal('tweens');
    expect(audience('what is there to do for a preteen')?.label).to.equal('tweens');
    expect(audience('classes for senior citizens')?.label).to.equal('seniors');
    expect(audience('tablet class for my grandpa')?.audience).to.equal('seniors');
    expect(audience('programs for the whole family')).to.deep.include({ audience: 'families' });
    expect(audience('is eastside open in 2 months')).to.equal(undefined);
  });
});

describe('patron readings: dates', () => {
  const dates = createDateExtractor(config.library.timeZone, config.specialDays);
  const read = (text: string) => dates(normalizeText(text).text, tuesday);

  it('reads month ranges, the holiday season, "before christmas" and "the 12th"', () => {
    expect(read('chess this month')).to.deep.include({ start: '2026-12-01', end: '2026-12-31' });
    expect(read('storytime next month')).to.deep.include({ start: '2027-01-01', end: '2027-01-31' });
    expect(read('kids events over winter break')).to.deep.include({ start: '2026-12-20', end: '2027-01-03' });
    expect(read('lego before christmas')).to.deep.include({
      start: '2026-12-01',
      end: '2026-12-24',
    });
    expect(read('what about the 12th')).to.deep.include({ start: '2026-12-12', end: '2026-12-12' });
    // Normalisation splits "12/31" for the classifier; the recognizer gives the date reader it whole.
    expect(dates('12/31', tuesday)).to.deep.include({ start: '2026-12-31' });
    expect(demoLibraryRecognizer().recognize('hours 12/31', tuesday).entities.date).to.deep.include({
      start: '2026-12-31',
    });
  });

  it('keeps "until 5pm" a time and Christmas Day a day', () => {
    expect(read('open before 5pm')?.time).to.equal('17:00');
    expect(read('are you open christmas day')).to.deep.include({
      start: '2026-12-25',
      holiday: 'Christmas Day',
    });
  });
});

describe('patron readings: corrections, stops, topics, hold items', () => {
  it('reads a correction and what it changes to; an answer or a closing is no correction', () => {
    expect(readCorrection('sorry i meant riverside')).to.deep.equal({ said: 'riverside' });
    expect(readCorrection('no, Eastside')).to.deep.equal({ said: 'Eastside' });
    expect(readCorrection('no wait I meant The Martian')).to.deep.equal({ said: 'The Martian' });
    expect(readCorrection('I meant sunday')).to.deep.equal({ said: 'sunday' });
    expect(readCorrection('actually what about oak hill')).to.deep.equal({ said: 'what about oak hill' });
    for (const text of ['no', 'no thanks', 'nope that is all', 'sorry', 'ok'])
      expect(readCorrection(text), text).to.equal(undefined);
  });

  it('finds a Bookmobile stop by part of its name, never "park" as a verb', () => {
    const places = createPlaceMatcher(config.branches);
    expect(places('book bus times at the senior center')).to.deep.include({
      branchId: 'bookmobile',
      place: 'Maple Senior Center',
    });
    expect(places('and the park')?.place).to.equal('Pine Street Park');
    expect(places('bookmobile at pine st park')?.place).to.equal('Pine Street Park');
    expect(places('lakeview')?.place).to.equal('Lakeview Market');
    expect(places('where can i park')).to.equal(undefined);
  });

  it("puts the library's topic words first and links them both ways", () => {
    const topics = createTopicMatcher(undefined, config.programs.topics);
    expect(topics('computer class for seniors')).to.deep.equal(['Technology']);
    expect(topics('medicare seminar')).to.deep.equal(['Health']);
    expect(topics('lego club')).to.deep.equal(['lego']);
    const words = createTopicThesaurus(config.programs.topics);
    expect(words('Technology')).to.include('smartphone');
    expect(words('smartphone')).to.include('Technology');
    expect(words('resume help')).to.include('resume workshop');
  });

  it('reads "the andy weir book" as an author', () => {
    expect(findHoldItem('could you hold the kristin hannah book')).to.deep.equal({
      author: 'kristin hannah',
    });
    expect(findHoldItem('put a matt haig book on hold')).to.deep.equal({ author: 'matt haig' });
    expect(findHoldItem('put The Midnight Library by Matt Haig on hold')).to.deep.equal({
      title: 'The Midnight Library',
      author: 'Matt Haig',
    });
  });
});

describe('patron readings: several requests in one message', function () {
  this.timeout(60_000);
  const recognizer = demoLibraryRecognizer();
  const split = (text: string) =>
    splitRequests(text, (t) => recognizer.recognize(t, tuesday), { minScore: 0.5 })?.map((p) => ({
      text: p.text,
      intent: p.recognition.intent,
      branch: p.branch?.branchId,
    }));

  it('cuts at "and", question marks, lines, numbers and "also", keeping the order', () => {
    expect(split('when does Oak Hill close friday and is there parking')).to.deep.equal([
      { text: 'when does Oak Hill close friday', intent: 'hours', branch: undefined },
      { text: 'is there parking', intent: 'faq.location', branch: 'oak-hill' },
    ]);
    expect(
      split('hello 1) hours on new years eve 2) can i renew online 3) wifi name?')?.map((p) => p.intent),
    ).to.deep.equal(['hours', 'faq.renew', 'faq.computers']);
    expect(
      split('how do i get a library card? also do you have late fees')?.map((p) => p.intent),
    ).to.deep.equal(['faq.card', 'faq.fines']);
    expect(split('main hours today\nwifi pw\nstorytime tmrw')?.map((p) => p.intent)).to.deep.equal([
      'hours',
      'faq.computers',
      'programs',
    ]);
  });

  it('keeps one request whole: titles with "and", "saturday and sunday" as two days of one question', () => {
    expect(split('put Pride and Prejudice on hold')).to.equal(undefined);
    expect(split('kids and teens programs')).to.equal(undefined);
    expect(split('what are your hours')).to.equal(undefined);
    expect(
      split('put Pride and Prejudice on hold and what time do you close')?.map((p) => p.text),
    ).to.deep.equal(['put Pride and Prejudice on hold', 'what time do you close']);
    expect(split('is main open saturday and sunday')?.map((p) => p.intent)).to.deep.equal(['hours', 'hours']);
  });

  it('cuts Spanish messages at "y" and "además", and keeps one Spanish request whole', () => {
    expect(split('¿a qué hora abre eastside mañana y tienen wifi?')).to.deep.equal([
      { text: '¿a qué hora abre eastside mañana', intent: 'hours', branch: undefined },
      { text: 'tienen wifi?', intent: 'faq.computers', branch: 'eastside' },
    ]);
    expect(
      split('¿cómo saco una tarjeta de la biblioteca? además, ¿cobran multas?')?.map((p) => p.intent),
    ).to.deep.equal(['faq.card', 'faq.fines']);
    expect(split('¿tienen libros y películas?')).to.equal(undefined);
    expect(split('actividades para niños y adolescentes')).to.equal(undefined);
  });

  it('carries a branch named earlier to "it" and "there"', () => {
    expect(split('where is eastside and when does it close tonight')?.[1]).to.deep.include({
      intent: 'hours',
      branch: 'eastside',
    });
  });
});

describe('patron readings: programs asked twice in one message', function () {
  this.timeout(60_000);
  const recognizer = demoLibraryRecognizer();
  const split = (text: string) =>
    splitRequests(text, (t) => recognizer.recognize(t, tuesday), { minScore: 0.5 })?.map((p) => p.text);

  it('searches once when the second part adds to the first, twice after "also"', () => {
    expect(split('my daughter is 3, anything for her this saturday?')).to.equal(undefined);
    expect(split('kids events this week and also chess club')).to.deep.equal([
      'kids events this week',
      'chess club',
    ]);
  });
});
