import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { TurnContext, type Activity } from 'botbuilder';
import { TestAdapter } from 'botbuilder-core';
import { loadLibraryConfig, type LibraryConfig } from '../../config/libraryConfig';
import { LibraryBotRecognizer, libraryRecognitionOf } from '../../recognizers/botRecognizer';
import {
  CORE_INTENTS,
  LIBRARY_OUT_OF_SCOPE,
  buildLibraryTrainingSet,
  readHeldOut,
} from '../../recognizers/corpus';
import { evaluate } from '../../recognizers/evaluation';
import { createLibraryRecognizer, type LibraryRecognizer } from '../../recognizers/libraryRecognizer';
import { TEST_MODEL_CACHE } from '../support/demoLibrary';

const { config } = loadLibraryConfig(resolve(__dirname, '../../../config/demo-library.yaml'));

describe('recognizers: library recognizer', () => {
  let recognizer: LibraryRecognizer;
  // Friday 27 November 2026, 10:00 in Riverbend.
  const now = new Date('2026-11-27T16:00:00Z');

  before(function () {
    // Training both languages' models with a cold cache takes a while on a busy machine.
    this.timeout(120_000);
    recognizer = createLibraryRecognizer(config, {
      preloadDateModel: false,
      modelCacheDirectory: TEST_MODEL_CACHE,
    });
  });

  it('answers with exactly the contract intents, FAQ intents from configuration', () => {
    expect([...recognizer.intents].sort()).to.deep.equal(
      [
        ...CORE_INTENTS,
        'faq.card',
        'faq.fines',
        'faq.renew',
        'faq.location',
        'faq.computers',
        'person.lost-card',
        'person.complaint',
        'person.safety',
        'person.legal',
      ].sort(),
    );
  });

  it('meets its targets on the held-out split (in-scope >= 95%, out-of-scope recall >= 90%)', () => {
    const heldOut = readHeldOut(config);
    expect(heldOut.length).to.be.greaterThan(200);
    const report = evaluate((text) => recognizer.recognize(text, now).intent, heldOut, {
      outOfScope: LIBRARY_OUT_OF_SCOPE,
    });
    expect(report.accuracy, 'in-scope accuracy').to.be.at.least(0.95);
    expect(report.oosRecall, 'out-of-scope recall').to.be.at.least(0.9);
  });

  it('routes the messages patrons really type, with their entities', () => {
    const hours = recognizer.recognize('hi, my son has a project due, when do you close tonight?', now);
    expect(hours.intent).to.equal('hours');
    expect(hours.entities.date).to.include({ start: '2026-11-27' });
    const sms = recognizer.recognize('r u open tmrw at eastsde', now);
    expect(sms.intent).to.equal('hours');
    expect(sms.entities.branch?.branchId).to.equal('eastside');
    expect(sms.entities.date?.start).to.equal('2026-11-28');
    const hold = recognizer.recognize('put The Midnight Library by Matt Haig on hold', now);
    expect(hold.intent).to.equal('holds.place');
    expect(hold.entities).to.include({ title: 'The Midnight Library', author: 'Matt Haig' });
    const program = recognizer.recognize('any storytime for my 5 year old this weekend?', now);
    expect(program.intent).to.equal('programs');
    expect(program.entities.audience).to.deep.include({ audience: 'kids', age: 5 });
    expect(program.entities.topics).to.deep.equal(['storytime']);
    // A library question the chat cannot answer: declined honestly, with the next step.
    expect(recognizer.recognize('can i book a study room', now).intent).to.equal('library.other');
    expect(recognizer.recognize('what is the weather tomorrow', now).intent).to.equal('None');
    const typo = recognizer.recognize('whens storytyme at eastsde', now);
    expect(typo.intent).to.equal('programs');
    expect(typo.entities.topics).to.deep.equal(['storytime']);
    expect(typo.entities.branch?.branchId).to.equal('eastside');
  });

  it('gives every intent a score and the normalised text', () => {
    const result = recognizer.recognize('wat time u open 2day', now);
    expect(result.normalizedText).to.equal('what time you open today');
    expect(Object.keys(result.intents)).to.have.length(recognizer.intents.length);
    const total = Object.values(result.intents).reduce((a, b) => a + b, 0);
    expect(total).to.be.closeTo(1, 1e-6);
    expect(recognizer.recognize('   ', now)).to.include({ intent: 'None', score: 1 });
  });

  it('returns a RecognizerResult through the Bot Framework adapter', async () => {
    const bot = new LibraryBotRecognizer(recognizer, () => now);
    const activity: Partial<Activity> = { type: 'message', text: 'is my book ready?' };
    const context = new TurnContext(new TestAdapter(), activity);
    const result = await bot.recognizeTurn(context);
    expect(result.text).to.equal('is my book ready?');
    expect(result.alteredText).to.equal('is my book ready');
    expect(Object.keys(result.intents)).to.have.length(recognizer.intents.length);
    const top = Object.entries(result.intents).sort((a, b) => b[1].score! - a[1].score!)[0][0];
    expect(top).to.equal('holds.list');
    expect(libraryRecognitionOf(result)?.intent).to.equal('holds.list');
  });

  it('learns a FAQ entry added to the configuration, without code', () => {
    const directory = mkdtempSync(join(tmpdir(), 'corpus-'));
    try {
      // A tiny corpus keeps this fast; the new entry has no corpus file, only its YAML examples.
      for (const intent of CORE_INTENTS)
        writeFileSync(join(directory, `${intent}.txt`), small[intent].join('\n'));
      const withPasses: LibraryConfig = {
        ...config,
        faq: [
          ...config.faq,
          {
            id: 'museum-passes',
            title: 'Museum passes',
            answer: 'Borrow a free museum pass at any branch.',
            branchVariants: {},
            examples: [
              'can i borrow a museum pass',
              'do you have zoo passes',
              'free passes to the art museum',
              'how do museum passes work',
              'can i check out a pass for the science center',
            ],
          },
        ],
      };
      const custom = createLibraryRecognizer(withPasses, {
        corpusDirectory: directory,
        preloadDateModel: false,
      });
      expect(custom.intents).to.include('faq.museum-passes');
      expect(custom.recognize('can i get a museum pass', now).intent).to.equal('faq.museum-passes');
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

const small: Record<(typeof CORE_INTENTS)[number], string[]> = {
  greeting: ['hi', 'hello', 'good morning', 'hey there', 'howdy'],
  help: ['help', 'what can you do', 'i need help', 'menu', 'how does this work'],
  goodbye: ['bye', 'thanks', 'thank you so much', 'see you', 'that is all'],
  hours: [
    'what are your hours',
    'when do you open',
    'are you open {day}',
    'what time do you close',
    'is {branch} open',
  ],
  'holds.list': [
    'is my book ready',
    'my holds',
    'where am i in line',
    'did my hold come in',
    'check my holds',
  ],
  'holds.place': [
    'put {title} on hold',
    'reserve a book',
    'place a hold',
    'hold {title}',
    'i want to request a book',
  ],
  'holds.cancel': [
    'cancel my hold',
    'remove my hold',
    'cancel {title}',
    'i no longer need my hold',
    'drop my hold',
  ],
  'holds.change': [
    'change my pickup to {branch}',
    'move my hold to {branch}',
    'pause my hold',
    'resume my hold',
    'switch pickup branch',
  ],
  'account.checkouts': [
    'what do i have checked out',
    'when are my books due',
    'my checkouts',
    'is anything overdue',
    'my due dates',
  ],
  'account.renew': [
    'renew my books',
    'renew {title}',
    'renew all',
    'please renew everything',
    'extend my loans',
  ],
  'account.fines': [
    'how much do i owe',
    'my balance',
    'why is my account blocked',
    'do i have fines',
    'what are my charges',
  ],
  programs: ['storytime', 'events {day}', 'programs for kids', 'book club', 'what classes do you have'],
  human: ['talk to a person', 'human', 'librarian please', 'this bot is useless', 'call me back'],
  acknowledge: ['ok', 'got it', 'cool', 'sounds good', 'alright'],
  smalltalk: ['are you a bot', 'lol', 'you are awesome', 'who made you', 'books'],
  'library.other': [
    'book a study room',
    'donate books',
    'volunteer',
    'recommend a book',
    'interlibrary loan',
  ],
  None: ['weather', 'tell me a joke', 'order pizza', 'asdf', 'who is the mayor'],
};

describe('recognizers: held-out split', () => {
  it('is never part of training', () => {
    const heldOut = readHeldOut(config).map((e) => e.text.toLowerCase());
    const training = new Set(buildLibraryTrainingSet(config).train.map((e) => e.text.toLowerCase()));
    expect(heldOut.filter((text) => training.has(text))).to.deep.equal([]);
  });
});
