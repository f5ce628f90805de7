// The library's recognizer: trained at startup from the corpus and the configured FAQ entries, it
// answers every patron message with an intent, calibrated scores for all intents, and entities.
// Plain TypeScript: the Bot Framework adapter is botRecognizer.ts.
import { cachedIntentClassifier } from './modelCache';
import type { LibraryConfig } from '../config/libraryConfig';
import { join } from 'node:path';
import { CATALOGS } from '../library/language/catalog';
import { readLanguage } from '../library/language/detectLanguage';
import { DEFAULT_CORPUS_DIRECTORY, buildLibraryTrainingSet, corpusLanguages, readShorthand } from './corpus';
import { findAudience } from './entities/audience';
import { createBranchMatcher, type BranchMatcher } from './entities/branch';
import { createDateExtractor, dateTimeModel, type DateExtractor } from './entities/dates';
import { findHoldItem } from './entities/holdItem';
import { findNumber } from './entities/number';
import { createPlaceMatcher, type PlaceMatcher } from './entities/place';
import { DEFAULT_TOPICS, createTopicMatcher, type TopicMatcher } from './entities/topics';
import {
  IntentClassifier,
  NONE,
  defaultIntentClassifierOptions,
  type IntentClassifierOptions,
} from './intentClassifier';
import type {
  LibraryEntities,
  LibraryIntent,
  LibraryRecognition,
  PatronMessageRecognizer,
} from './libraryRecognition';
import { type LanguageNormalization, normalizeText } from './normalize';
import { type EntityWords, loadEntityWords } from './entities/entityWords';

export interface LibraryRecognizerOptions {
  /** Where the `<intent>.txt` training files are (default: recognizers/corpus in this repository). */
  corpusDirectory?: string;
  /** Program topics to recognise (default: a broad list of public-library programs). */
  topics?: string[];
  classifier?: IntentClassifierOptions;
  /** Keep the trained model in this folder and reuse it while nothing that decides it changed. */
  modelCacheDirectory?: string;
  /** Load Microsoft's date model at startup (about 0.5 s) rather than on the first unusual date. */
  preloadDateModel?: boolean;
}

/** Settings for the library model: spelling correction on, since patrons type on phones. */
export const libraryClassifierOptions: IntentClassifierOptions = {
  ...defaultIntentClassifierOptions,
  spelling: true,
  // Every tuning message counts the same: the balanced objective let one rejected out-of-scope message
  // outweigh eight wrongly rejected patron questions, and a refusal is a bad answer too.
  thresholdObjective: 'accuracy',
  model: { ...defaultIntentClassifierOptions.model, epochs: 10 },
  // The corpus is small: a character n-gram seen once can still be the one that matters.
  features: { ...defaultIntentClassifierOptions.features, minDf: 1 },
};

const HOLD_INTENTS = new Set(['holds.place', 'holds.cancel', 'holds.list']);

export class LibraryRecognizer implements PatronMessageRecognizer {
  readonly intents: string[];
  private readonly branches: BranchMatcher;
  private readonly dates: DateExtractor;
  private readonly topics: TopicMatcher;
  private readonly places: PlaceMatcher;

  constructor(
    config: LibraryConfig,
    private readonly classifier: IntentClassifier,
    topics: string[] = DEFAULT_TOPICS,
    /** Other languages' words for dates, ages and topics (corpus/<language>/entities.words). */
    private readonly entityWords: EntityWords = (text) => text,
    /** The models of the corpus's language folders, by language: a message in one goes to its model. */
    private readonly languages: ReadonlyMap<string, LibraryRecognizer> = new Map(),
  ) {
    this.intents = classifier.intents;
    this.branches = createBranchMatcher(config.branches);
    this.dates = createDateExtractor(config.library.timeZone, config.specialDays);
    this.topics = createTopicMatcher(topics, config.programs.topics);
    this.places = createPlaceMatcher(config.branches);
  }

  /**
   * `language`: the conversation's language as the language hook read it for this turn; the message
   * then goes to that language's model without being read again. Without it (no conversation), the
   * message alone says its language, and only a clear lead leaves English.
   */
  recognize(text: string, now: Date = new Date(), language?: string): LibraryRecognition {
    const intents: Record<string, number> = {};
    for (const intent of this.intents) intents[intent] = 0;
    if (!text || !text.trim()) {
      return {
        text,
        normalizedText: '',
        intent: NONE,
        score: 1,
        intents: { ...intents, [NONE]: 1 },
        entities: {},
      };
    }
    if (this.languages.size > 0) {
      // "ok", "2" and a title read alone stay with this (English) model.
      const catalogs = Object.values(CATALOGS);
      const model = this.languages.get(
        language ?? readLanguage(text, { catalogs, previous: catalogs[0].language }).language,
      );
      if (model) return model.recognize(text, now);
    }
    const result = this.classifier.classify(text);
    // Dates, audiences and topics read the spelling-corrected text ("storytyme"); branches match typos
    // themselves and read the patron's own words.
    const plain = normalizeText(text);
    return {
      text,
      normalizedText: result.normalizedText,
      intent: result.intent as LibraryIntent,
      score: result.score,
      intents: { ...intents, ...result.scores },
      entities: this.entities(text, result.normalizedText, plain.tokens, result.intent, now),
    };
  }

  private entities(
    text: string,
    normalizedText: string,
    tokens: string[],
    intent: string,
    now: Date,
  ): LibraryEntities {
    const entities: LibraryEntities = {};
    const branch = this.branches(tokens);
    if (branch) entities.branch = branch;
    const place = this.places(normalizedText);
    if (place) {
      entities.place = place;
      entities.branch ??= { branchId: place.branchId, text: place.text };
    }
    // "12/31": normalisation splits it into two words for the classifier; the date reader needs it whole.
    const slashed = /\b\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\b/.exec(text)?.[0];
    // "mañana", "mi hijo de 4 años": other languages' words as the readers know them.
    const read = this.entityWords(normalizedText);
    const date = this.dates(read, now) ?? (slashed ? this.dates(slashed, now) : undefined);
    if (date) entities.date = date;
    const audience = findAudience(read, read === normalizedText ? text : read);
    if (audience) entities.audience = audience;
    const topics = this.topics(read);
    if (topics.length) entities.topics = topics;
    if (HOLD_INTENTS.has(intent) || /["\u201c]/.test(text)) {
      const item = findHoldItem(text);
      if (item.title) entities.title = item.title;
      if (item.author) entities.author = item.author;
    }
    const number = findNumber(tokens);
    if (number !== undefined) entities.number = number;
    return entities;
  }
}

/**
 * Trains the library's recognizer from the corpus and the configuration's FAQ entries (about a
 * second on this machine). index.ts calls this once at startup and hands the result to the dialogs.
 */
export function createLibraryRecognizer(
  config: LibraryConfig,
  options: LibraryRecognizerOptions = {},
): LibraryRecognizer {
  const directory = options.corpusDirectory ?? DEFAULT_CORPUS_DIRECTORY;
  const classifierOptions = options.classifier ?? libraryClassifierOptions;
  const train = (folder: string, name: string, normalization?: LanguageNormalization) => {
    const examples = buildLibraryTrainingSet(config, folder, { topics: options.topics }).train;
    // Another language's model reads messages with that language's stemmer and texting shorthand.
    const settings = normalization
      ? { ...classifierOptions, features: { ...classifierOptions.features, normalization } }
      : classifierOptions;
    return options.modelCacheDirectory
      ? cachedIntentClassifier(examples, settings, options.modelCacheDirectory, name)
      : IntentClassifier.train(examples, settings);
  };
  // One model per language folder (corpus/es/ ...), each with its own words for dates and ages.
  const languages = new Map<string, LibraryRecognizer>();
  for (const language of corpusLanguages(directory)) {
    const folder = join(directory, language);
    const words = loadEntityWords(join(folder, 'entities.words'));
    const normalization = { language, shorthand: readShorthand(join(folder, 'shorthand.words')) };
    languages.set(
      language,
      new LibraryRecognizer(config, train(folder, language, normalization), options.topics, words),
    );
  }
  if (options.preloadDateModel ?? true) dateTimeModel();
  return new LibraryRecognizer(config, train(directory, 'en'), options.topics, undefined, languages);
}
