// The library-side rules behind issue 13, on the demo library's own configuration and feed: programs
// matched to ages and life stages, topics through the library's words and a stemmer, every occurrence
// checked against its branch's hours, Bookmobile stops, pick-up-by dates on open days, always-a-person
// topics by meaning, and the question inside a frustrated message.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { validateLibraryConfig } from '../../config/libraryConfig';
import { DateTime } from 'luxon';
import { HoursService } from '../../library/hours/hoursService';
import { agesMatch, LIFE_STAGES, programAges, readAgeRange } from '../../library/programs/ages';
import { ProgramCatalog } from '../../library/programs/catalog';
import { feedSources } from '../../library/programs/feeds';
import { checkOpening } from '../../library/programs/openingCheck';
import type { Program } from '../../library/programs/program';
import { findPrograms, titleWordsIn } from '../../library/programs/search';
import { alwaysHumanTopicOf, EscalationRules, questionInside } from '../../library/handoff/escalation';
import { pickUpByReply } from '../../dialogs/holds/holdsReplies';
import { messagesFor } from '../../library/language/catalog';
import type { Hold } from '../../library/librarySystem/librarySystem';
import { createTopicThesaurus } from '../../recognizers/entities/topics';
import { loadDemoLibrary } from '../support/demoLibrary';

const loaded = loadDemoLibrary();
const { config } = loaded;
const zone = config.library.timeZone;
const at = (iso: string) => DateTime.fromISO(iso, { zone });

describe('patron rules: ages', () => {
  it('reads the ranges feeds write, inclusive as written', () => {
    expect(readAgeRange('Ages 1-3')).to.deep.equal({ min: 1, max: 3 });
    expect(readAgeRange('Ages 18+')).to.deep.equal({ min: 18, max: 120 });
    expect(readAgeRange('for children three to five')).to.deep.equal({ min: 3, max: 5 });
    expect(readAgeRange('bounces for babies up to two')).to.deep.equal({ min: 0, max: 2 });
    expect(readAgeRange('Players of every age')).to.equal(undefined);
  });

  it('matches one age inside a range and a life stage by a real share of it', () => {
    const toddlerStorytime = programAges({ ages: { min: 1, max: 3 }, audiences: ['toddlers'] })!;
    const preschool = programAges({ ages: { min: 3, max: 5 }, audiences: ['kids'] })!;
    expect(agesMatch({ min: 10 / 12, max: 10 / 12 }, toddlerStorytime)).to.equal(false);
    expect(agesMatch({ min: 1.5, max: 1.5 }, toddlerStorytime)).to.equal(true);
    expect(agesMatch(LIFE_STAGES.toddlers.ages, toddlerStorytime)).to.equal(true);
    expect(agesMatch(LIFE_STAGES.toddlers.ages, preschool)).to.equal(false);
    expect(agesMatch(LIFE_STAGES.preschoolers.ages, preschool)).to.equal(true);
    expect(programAges({ audiences: ['families'] })).to.equal(undefined);
  });
});

describe('patron rules: programs on the demo feed', function () {
  this.timeout(30_000);
  const hours = new HoursService(config, () => new Date('2026-12-01T10:15:00-06:00'));
  const catalog = new ProgramCatalog({
    sources: feedSources(config.programs.feeds, loaded.directory, { refreshMinutes: 60 }),
    zone,
    branches: config.branches,
  });
  const topicWords = createTopicThesaurus(config.programs.topics);
  let december: Program[];
  before(async () => {
    december = await catalog.between(at('2026-12-01T10:15'), at('2027-03-01T00:00'));
  });
  const titles = (programs: Program[]) => [...new Set(programs.map((p) => p.title))];
  const week = { from: at('2026-12-01T10:15'), to: at('2026-12-08T00:00') };

  it('never offers a program outside the age asked', () => {
    const baby = titles(findPrograms(december, { ...week, ages: { min: 10 / 12, max: 10 / 12 } }));
    expect(baby)
      .to.include('Baby Rhyme Time')
      .and.not.include('Toddler Storytime')
      .and.not.include('Chess Club');
    const four = titles(findPrograms(december, { ...week, age: 4 }));
    expect(four).to.include('Preschool Storytime');
    for (const outside of [
      'Lego Club',
      'Coding Club for Kids',
      'Homework Help',
      'Knitting Circle',
      'Job Search Help',
    ])
      expect(four, outside).to.not.include(outside);
    const toddlers = titles(
      findPrograms(december, { ...week, ages: LIFE_STAGES.toddlers.ages, audience: 'toddlers' }),
    );
    expect(toddlers)
      .to.include('Toddler Storytime')
      .and.not.include('Chess Club')
      .and.not.include('Lego Club');
    const teens = titles(
      findPrograms(december, { ...week, ages: LIFE_STAGES.teens.ages, audience: 'teens' }),
    );
    expect(teens).to.include('Teen Gaming').and.include('Homework Help').and.not.include('Knitting Circle');
  });

  it("finds topics by the library's words and word forms", () => {
    const find = (topics: string[]) => titles(findPrograms(december, { ...week, topics, topicWords }));
    expect(find(['Technology'])).to.include('Tech Help for Seniors');
    expect(find(['Health'])).to.deep.equal(['Medicare Basics']);
    expect(find(['resume help'])).to.deep.equal([]);
    const ahead = { from: week.from, to: at('2027-03-01T00:00'), topicWords };
    expect(titles(findPrograms(december, { ...ahead, topics: ['resume help'] }))).to.deep.equal([
      'Resume Workshop',
    ]);
    expect(titleWordsIn('is the movie matinee on soon', december)).to.deep.equal(['movie', 'matinee']);
    expect(titles(findPrograms(december, { ...ahead, titleWords: ['matinee'] }))).to.deep.equal([
      'Family Movie Matinee',
    ]);
  });

  it('names programs by their titles, or two words of one in a row', () => {
    expect(catalog.namesProgram('holiday card making')).to.equal(true);
    expect(catalog.namesProgram('the teen advisory board meeting')).to.equal(true);
    expect(catalog.namesProgram('winter reading')).to.equal(true);
    expect(catalog.namesProgram('what time do you close')).to.equal(false);
    expect(catalog.namesProgram('teen time')).to.equal(false);
  });

  it("checks every occurrence against its branch's hours that day", async () => {
    const christmasWeek = await catalog.between(at('2026-12-24T00:00'), at('2027-01-01T00:00'));
    const { listed, leftOut } = checkOpening(christmasWeek, (branchId, date) => {
      const day = hours.day(branchId, date);
      return { periods: day.periods, allDay: day.allDay, special: day.note };
    });
    const key = (p: { program: Program }) => `${p.program.title} ${p.program.start.toISODate()}`;
    expect(leftOut.map(key)).to.include.members([
      'Teen Anime Club 2026-12-24',
      'Homework Help 2026-12-24',
      'Family Movie Matinee 2026-12-25',
    ]);
    expect(listed.map(key)).to.not.include('Homework Help 2026-12-24');
    const nye = listed.find((p) => key(p) === 'Homework Help 2026-12-31');
    expect(nye?.note).to.deep.include({ kind: 'closes-early', special: "New Year's Eve" });
    expect(nye?.note && 'closes' in nye.note && nye.note.closes?.toFormat('HH:mm')).to.equal('17:00');
  });

  it('lists a program after its branch regularly closes as after hours', async () => {
    const thursday = await catalog.between(at('2026-12-03T00:00'), at('2026-12-04T00:00'));
    const { listed } = checkOpening(thursday, (branchId, date) => {
      const day = hours.day(branchId, date);
      return { periods: day.periods, allDay: day.allDay, special: day.note };
    });
    expect(listed.find((p) => p.program.title === 'Riverside Book Club')?.note?.kind).to.equal('after-hours');
  });
});

describe('patron rules: hours for stops and pickups', () => {
  const hours = new HoursService(config, () => new Date('2026-12-01T10:15:00-06:00'));

  it("knows each Bookmobile stop's day and its next visit", () => {
    expect(hours.stops('bookmobile').map((s) => `${s.weekday} ${s.place}`)).to.deep.equal([
      'tuesday Pine Street Park',
      'thursday Maple Senior Center',
      'saturday Lakeview Market',
    ]);
    const next = hours.visits('bookmobile', 'Maple Senior Center')[0];
    expect(next.start.toISO()).to.equal('2026-12-03T10:00:00.000-06:00');
  });

  it('moves a pick-up-by date back to a day the branch is open', () => {
    expect(hours.lastOpenDay('eastside', '2026-12-06')).to.equal('2026-12-05');
    expect(hours.lastOpenDay('main', '2026-12-06')).to.equal('2026-12-06');
    expect(hours.lastOpenDay('riverside', '2026-12-07')).to.equal('2026-12-05');
    const hold: Hold = {
      holdId: 'h1',
      recordId: 'r1',
      title: 'The Midnight Library',
      author: 'Matt Haig',
      format: 'book',
      pickupBranchId: 'eastside',
      placedOn: '2026-11-22',
      status: { state: 'ready', pickUpBy: '2026-12-06' },
    };
    const wording = {
      library: { name: 'Riverbend', phone: '(555) 010-2000' },
      branchName: (id: string) => config.branches.find((b) => b.id === id)!.name,
      lastOpenDay: (id: string, date: string) => hours.lastOpenDay(id, date),
    };
    const reply = pickUpByReply(messagesFor('en'), [hold], wording);
    expect(reply).to.deep.equal({
      kind: 'text',
      text: 'The Midnight Library at Eastside Branch: pick it up by Saturday, December 5.',
    });
  });
});

describe('patron rules: a person, by meaning', () => {
  const rules = new EscalationRules(config.escalation);
  const topics = config.escalation.alwaysHumanTopics;

  it('finds an always-a-person topic by its intent or its phrases, with its advice', () => {
    expect(alwaysHumanTopicOf(topics, 'anything', 'person.lost-card')?.advice).to.match(/block/);
    expect(alwaysHumanTopicOf(topics, 'I have a stolen card')?.id).to.equal('lost-card');
    expect(rules.assess({ text: 'my bag went missing', intent: 'person.lost-card' })).to.deep.equal({
      reason: 'always-human',
      mode: 'offer',
      matched: 'lost-card',
    });
  });

  it('reads angry faces as frustration and "fine" or "ok" as nothing of the kind', () => {
    expect(rules.assess({ text: '😡😡😡', intent: 'None' })?.reason).to.equal('frustrated');
    expect(rules.assess({ text: 'fine', intent: 'acknowledge' })).to.equal(undefined);
  });

  it('finds the question inside a frustrated message', () => {
    const words = config.escalation.frustrationWords;
    expect(questionInside('ugh stupid bot when does oak hill close', words)).to.equal(
      'when does oak hill close',
    );
    expect(questionInside('so frustrated. where do i park at main', words)).to.equal(
      'where do i park at main',
    );
    expect(questionInside('this is useless', words)).to.equal(undefined);
  });
});

describe('patron rules: the configuration librarians edit', () => {
  it('takes always-a-person topics as phrases or as topics with examples and advice', () => {
    const raw = parseYaml(readFileSync(loaded.path, 'utf8')) as {
      escalation: { alwaysHumanTopics: unknown[] };
      programs: { topics?: unknown };
    };
    raw.escalation.alwaysHumanTopics = ['broken elevator', { id: 'noise', phrases: ['too loud'] }];
    raw.programs.topics = { Technology: ['computer class'] };
    const checked = validateLibraryConfig(raw, 'library.yaml');
    expect(checked.escalation.alwaysHumanTopics).to.deep.equal([
      { id: 'broken-elevator', phrases: ['broken elevator'], examples: [], advice: undefined },
      { id: 'noise', phrases: ['too loud'], examples: [] },
    ]);
    expect(checked.programs.topics).to.deep.equal({ Technology: ['computer class'] });
    raw.escalation.alwaysHumanTopics = [{ id: 'Bad Id', phrases: [] }];
    expect(() => validateLibraryConfig(raw, 'library.yaml')).to.throw(
      /escalation\.alwaysHumanTopics\[0\]\.id: expected a short lower-case id/,
    );
  });
});
