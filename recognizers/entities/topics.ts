import { normalizeText } from '../normalize';

// Program topics patrons ask about. A topic is a canonical name plus the words that mean it, so
// "legos", "lego club" and "building with lego" all give "lego".

/** Canonical topic names; the corpus also uses them to fill {topic}. */
export const DEFAULT_TOPICS = [
  'storytime',
  'baby storytime',
  'toddler time',
  'lego',
  'coding',
  'crafts',
  'book club',
  'knitting',
  'chess',
  'board games',
  'video games',
  'movies',
  'music',
  'art',
  'yoga',
  'tai chi',
  'gardening',
  'cooking',
  'maker space',
  '3d printing',
  'robotics',
  'science',
  'stem',
  'esl',
  'citizenship',
  'ged',
  'job help',
  'resume help',
  'tax help',
  'genealogy',
  'author talk',
  'writing',
  'poetry',
  'dungeons and dragons',
  'anime',
  'reading to dogs',
  'puppet show',
  'magic show',
  'homework help',
  'summer reading',
  'tech help',
  'computer classes',
];

/** Other words for a topic (normalised text, matched as whole words). */
const TOPIC_SYNONYMS: Record<string, string[]> = {
  storytime: [
    'story time',
    'storytimes',
    'story hour',
    'stories',
    'storytme',
    'stroytime',
    'lapsit',
    'lap sit',
  ],
  'baby storytime': ['baby story time', 'baby lapsit', 'babies storytime'],
  'toddler time': ['toddler storytime', 'toddler story time'],
  lego: ['legos', 'lego club', 'lego building', 'duplo'],
  coding: ['code', 'programming', 'scratch', 'python', 'coding club', 'coding class'],
  crafts: ['craft', 'crafting', 'craft night', 'diy'],
  'book club': ['book clubs', 'reading group', 'book discussion', 'bookclub'],
  knitting: ['knit', 'crochet', 'crocheting', 'knitting group', 'yarn'],
  chess: ['chess club'],
  'board games': ['board game', 'game night', 'games night', 'tabletop games'],
  'video games': [
    'video game',
    'gaming',
    'minecraft',
    'nintendo',
    'switch tournament',
    'video game tournament',
  ],
  movies: ['movie', 'movie night', 'film', 'films', 'film screening'],
  music: ['concert', 'concerts', 'sing along', 'singalong', 'music time', 'live music'],
  art: ['painting', 'drawing', 'art class', 'arts'],
  yoga: ['chair yoga', 'kids yoga'],
  'tai chi': ['taichi'],
  gardening: ['garden', 'seed library', 'plants'],
  cooking: ['cook', 'baking', 'cooking demo'],
  'maker space': ['makerspace', 'maker', 'makers'],
  '3d printing': ['3d printer', '3-d printing'],
  robotics: ['robots', 'robot', 'robotics club'],
  science: ['science experiments', 'experiments'],
  stem: ['steam', 'stem activities'],
  esl: ['english conversation', 'english class', 'english classes', 'learn english'],
  citizenship: ['citizenship class', 'citizenship test'],
  ged: ['hiset', 'high school equivalency'],
  'job help': ['job search', 'job fair', 'career help', 'career'],
  'resume help': ['resume', 'resumes', 'cv', 'resume workshop'],
  'tax help': ['taxes', 'tax prep', 'tax preparation'],
  genealogy: ['family history', 'family tree'],
  'author talk': ['author visit', 'author visits', 'author event', 'book signing', 'author'],
  writing: ['writers group', 'writing group', 'creative writing', 'writers'],
  poetry: ['poetry night', 'open mic', 'poems'],
  'dungeons and dragons': ['dnd', 'd&d', 'dungeons & dragons', 'tabletop rpg'],
  anime: ['anime club', 'manga', 'manga club'],
  'reading to dogs': ['read to a dog', 'read to dogs', 'therapy dogs', 'reading dogs'],
  'puppet show': ['puppets', 'puppet'],
  'magic show': ['magician', 'magic'],
  'homework help': ['homework club', 'tutoring', 'homework'],
  'summer reading': ['summer reading program', 'summer reading challenge', 'reading challenge'],
  'tech help': ['technology help', 'computer help', 'tech class', 'device help', 'tech classes'],
  'computer classes': ['computer class', 'computer basics', 'computer skills'],
};

export interface TopicMatcher {
  (normalizedText: string): string[];
}

/**
 * Finds topics in normalised text, longest phrase first, each topic once, in order of appearance.
 * `configured` are the library's own topics and their everyday words (`programs.topics` in the YAML);
 * they come first, so "computer class" gives the library's "Technology" rather than a built-in name.
 */
export function createTopicMatcher(
  topics: string[] = DEFAULT_TOPICS,
  configured: Readonly<Record<string, readonly string[]>> = {},
): TopicMatcher {
  const topicOf = new Map<string, string>();
  const add = (phrase: string, topic: string) => {
    const said = normalizeText(phrase).text;
    if (said && !topicOf.has(said)) topicOf.set(said, topic);
  };
  for (const [topic, words] of Object.entries(configured)) {
    for (const phrase of [topic, ...words]) add(phrase, topic);
  }
  for (const topic of topics) {
    for (const phrase of [topic.toLowerCase(), ...(TOPIC_SYNONYMS[topic] ?? [])]) add(phrase, topic);
  }
  // One alternation, longest phrases first, so "baby storytime" wins over "storytime" in one pass.
  const phrases = [...topicOf.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const pattern = new RegExp(`(?<=^| )(?:${phrases.map(escapeRegExp).join('|')})(?= |$)`, 'g');
  return (normalizedText: string) => {
    const found: string[] = [];
    for (const match of normalizedText.matchAll(pattern)) {
      const topic = topicOf.get(match[0]);
      // The library's "Movies" and the built-in "movies" are one topic.
      if (topic !== undefined && !found.some((t) => t.toLowerCase() === topic.toLowerCase()))
        found.push(topic);
    }
    return found;
  };
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Every other way to say a topic: its built-in synonyms and the library's own words for it, both ways
 * round ("computer class" is under the library's "Technology", so "Technology" is a word for it).
 */
export function createTopicThesaurus(
  configured: Readonly<Record<string, readonly string[]>> = {},
): (topic: string) => readonly string[] {
  const byTopic = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    const key = a.toLowerCase();
    if (!byTopic.has(key)) byTopic.set(key, new Set());
    if (key !== b.toLowerCase()) byTopic.get(key)!.add(b);
  };
  for (const [topic, words] of Object.entries(TOPIC_SYNONYMS)) for (const word of words) link(topic, word);
  for (const [topic, words] of Object.entries(configured))
    for (const word of words) {
      link(topic, word);
      link(word, topic);
      for (const synonym of TOPIC_SYNONYMS[word.toLowerCase()] ?? []) link(topic, synonym);
    }
  return (topic) => [...(byTopic.get(topic.toLowerCase()) ?? [])];
}
