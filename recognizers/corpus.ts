// Reads the librarian-editable training corpus (one file per intent, one message per line) and the
// FAQ examples from the library's configuration, and fills placeholders such as {branch} from it.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { LibraryConfig } from '../config/libraryConfig';
import type { LabelledExample } from './intentClassifier';
import { seededRandom } from '../library/seededRandom';
import { DEFAULT_TOPICS } from './entities/topics';

/** Where the corpus lives in the repository (this file runs from dist/recognizers/). */
export const DEFAULT_CORPUS_DIRECTORY = resolve(__dirname, '../../recognizers/corpus');

/** The intents every library has; FAQ intents come from configuration. */
export const CORE_INTENTS = [
  'greeting',
  'help',
  'goodbye',
  'hours',
  'holds.list',
  'holds.place',
  'holds.cancel',
  'holds.change',
  'account.checkouts',
  'account.renew',
  'account.fines',
  'programs',
  'human',
  'acknowledge',
  'smalltalk',
  'library.other',
  'None',
] as const;

/** The labels the library's held-out figures count as out of scope: None, and library questions declined. */
export const LIBRARY_OUT_OF_SCOPE: ReadonlySet<string> = new Set(['None', 'library.other']);

/** Lines of one corpus file without comments and blanks. */
export function readCorpusFile(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** Every `<intent>.txt` in a directory, as intent -> lines. */
export function readCorpusDirectory(directory: string): Map<string, string[]> {
  const corpus = new Map<string, string[]>();
  if (!existsSync(directory)) return corpus;
  for (const file of readdirSync(directory).sort()) {
    if (!file.endsWith('.txt')) continue;
    corpus.set(file.slice(0, -4), readCorpusFile(join(directory, file)));
  }
  return corpus;
}

/**
 * The language folders of a corpus (`es/`, and any other two-letter folder): each holds the same
 * `<intent>.txt` files in that language, its own `heldout/` and `entities.words`. Each language gets
 * its own model (one shared model corrected English typos into Spanish words), so adding a language
 * is a folder, not code.
 */
export function corpusLanguages(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^[a-z]{2}$/.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

/**
 * A language folder's `shorthand.words` ("typed = plain words", one typed word per line) as the
 * normalisation its model reads messages with; none when the folder has no such file.
 */
export function readShorthand(path: string): Record<string, string> {
  const table: Record<string, string> = {};
  if (!existsSync(path)) return table;
  for (const line of readCorpusFile(path)) {
    const [typed, plain] = line.split('=').map((part) => part.trim().toLowerCase());
    if (typed && plain && !/\s/.test(typed)) table[typed] = plain;
  }
  return table;
}

const SAMPLE_TITLES = [
  'The Midnight Library',
  'Where the Crawdads Sing',
  'Lessons in Chemistry',
  'the hunger games',
  'Dog Man',
  'Educated',
  'the very hungry caterpillar',
  'Fourth Wing',
  'a court of thorns and roses',
  'Becoming',
  'The Seven Husbands of Evelyn Hugo',
  'diary of a wimpy kid',
  'Project Hail Mary',
  'the light we lost',
  'Harry Potter and the Goblet of Fire',
  'Atomic Habits',
  'It Ends with Us',
  'the women',
  'Tomorrow and Tomorrow and Tomorrow',
  'lonesome dove',
  'Frozen 2',
  'the great gatsby',
];
const SAMPLE_AUTHORS = [
  'Matt Haig',
  'Delia Owens',
  'Bonnie Garmus',
  'suzanne collins',
  'Dav Pilkey',
  'Tara Westover',
  'Rebecca Yarros',
  'Michelle Obama',
  'Taylor Jenkins Reid',
  'jeff kinney',
  'Andy Weir',
  'James Clear',
  'Colleen Hoover',
  'kristin hannah',
  'Stephen King',
  'john grisham',
  'Louise Penny',
];
const DAYS = [
  'today',
  'tonight',
  'tomorrow',
  'this weekend',
  'saturday',
  'sunday',
  'monday',
  'on friday',
  'next tuesday',
  'this week',
  'next week',
  'tmrw',
  '2day',
  'dec 24',
  'this afternoon',
  'thursday evening',
];
const AUDIENCES = [
  'kids',
  'teens',
  'toddlers',
  'adults',
  'seniors',
  'families',
  'babies',
  'children',
  'tweens',
];

export interface Fillers {
  branch: string[];
  day: string[];
  holiday: string[];
  title: string[];
  author: string[];
  topic: string[];
  audience: string[];
  age: string[];
}

export function fillersFor(config: LibraryConfig, topics: string[] = DEFAULT_TOPICS): Fillers {
  const branch = config.branches.flatMap((b) => [b.name, ...b.aliases]);
  const holiday = config.specialDays.flatMap((d) => [d.name, ...d.aliases]);
  return {
    branch: branch.length ? branch : ['main'],
    day: DAYS,
    holiday: holiday.length ? holiday : ['the holiday'],
    title: SAMPLE_TITLES,
    author: SAMPLE_AUTHORS,
    topic: topics,
    audience: AUDIENCES,
    age: ['2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15', '16'],
  };
}

/**
 * Fills `{placeholder}`s: a line with placeholders becomes `variants` messages with seeded choices,
 * so the same corpus and configuration always give the same training set.
 */
export function expandTemplates(lines: string[], fillers: Fillers, variants: number, seed: number): string[] {
  return expandTemplateLines(lines, fillers, variants, seed).map((e) => e.text);
}

/** As expandTemplates, remembering which line each message came from. */
export function expandTemplateLines(
  lines: string[],
  fillers: Fillers,
  variants: number,
  seed: number,
): { text: string; line: number }[] {
  const random = seededRandom(seed);
  const out: { text: string; line: number }[] = [];
  for (const [index, line] of lines.entries()) {
    if (!line.includes('{')) {
      out.push({ text: line, line: index });
      continue;
    }
    const seen = new Set<string>();
    for (let v = 0; v < variants; v++) {
      const text = line.replace(/\{(\w+)\}/g, (whole, name: string) => {
        const options = (fillers as unknown as Record<string, string[] | undefined>)[name];
        return options && options.length ? options[Math.floor(random() * options.length)] : whole;
      });
      if (!seen.has(text)) {
        seen.add(text);
        out.push({ text, line: index });
      }
    }
  }
  return out;
}

export interface LibraryTrainingSet {
  train: LabelledExample[];
  intents: string[];
}

/** The intents a library's configuration adds: each FAQ entry and each always-a-person topic learnt by meaning. */
export function configuredIntents(config: LibraryConfig): { intent: string; examples: string[] }[] {
  return [
    ...config.faq.map((entry) => ({ intent: `faq.${entry.id}`, examples: entry.examples })),
    ...config.escalation.alwaysHumanTopics
      .filter((topic) => topic.examples.length > 0)
      .map((topic) => ({ intent: `person.${topic.id}`, examples: topic.examples })),
  ];
}

/**
 * Core intents from the corpus files, each configured FAQ entry and always-a-person topic from its
 * YAML examples plus `faq.<id>.txt` / `person.<id>.txt` when present. Corpus files for ids the
 * library does not configure are ignored.
 */
export function buildLibraryTrainingSet(
  config: LibraryConfig,
  corpusDirectory: string = DEFAULT_CORPUS_DIRECTORY,
  options: { variants?: number; seed?: number; topics?: string[] } = {},
): LibraryTrainingSet {
  const corpus = readCorpusDirectory(corpusDirectory);
  const fillers = fillersFor(config, options.topics);
  const variants = options.variants ?? 3;
  const seed = options.seed ?? 7;
  const train: LabelledExample[] = [];
  const intents: string[] = [];
  const add = (intent: string, lines: string[]) => {
    intents.push(intent);
    for (const { text, line } of expandTemplateLines(lines, fillers, variants, seed + intents.length)) {
      train.push({ text, intent, group: `${intent}:${line}` });
    }
  };
  for (const intent of CORE_INTENTS) {
    const lines = corpus.get(intent);
    if (!lines || lines.length === 0)
      throw new Error(`the corpus has no examples for "${intent}" in ${corpusDirectory}`);
    add(intent, lines);
  }
  for (const { intent, examples } of configuredIntents(config))
    add(intent, [...examples, ...(corpus.get(intent) ?? [])]);
  return { train, intents };
}

/**
 * The held-out splits of a language folder (or of the English corpus without `language`): `heldout/`
 * and any later `heldout-<name>/` (a second split written by someone who had not seen the errors).
 */
export function heldOutSplits(
  corpusDirectory: string = DEFAULT_CORPUS_DIRECTORY,
  language?: string,
): string[] {
  const folder = language ? join(corpusDirectory, language) : corpusDirectory;
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^heldout(-[a-z0-9-]+)?$/.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

/**
 * The held-out messages (`heldout/<intent>.txt`) for intents this library has; with `language`, that
 * language folder's (`es/heldout/`).
 */
export function readHeldOut(
  config: LibraryConfig,
  corpusDirectory: string = DEFAULT_CORPUS_DIRECTORY,
  language?: string,
  split = 'heldout',
): LabelledExample[] {
  const known = new Set<string>([...CORE_INTENTS, ...configuredIntents(config).map((c) => c.intent)]);
  const examples: LabelledExample[] = [];
  const folder = language ? join(corpusDirectory, language, split) : join(corpusDirectory, split);
  for (const [intent, lines] of readCorpusDirectory(folder)) {
    if (!known.has(intent)) continue;
    for (const text of lines) examples.push({ text, intent });
  }
  return examples;
}
