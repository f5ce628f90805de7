// A patron conversation on the whole bot (test/support/botHarness.ts) with a scripted recognizer (a test
// double of our own PatronMessageRecognizer interface) and a clock the test sets.
import { resolve } from 'node:path';
import { type Activity, MemoryStorage } from 'botbuilder';
import { loadLibraryConfig } from '../../config/libraryConfig';
import type { IntentRoute } from '../../dialogs/main/mainDialog';
import { audienceForAge } from '../../library/programs/program';
import type {
  LibraryEntities,
  LibraryIntent,
  LibraryRecognition,
  PatronMessageRecognizer,
} from '../../recognizers/libraryRecognition';
import { startBotHarness } from '../support/botHarness';

export const loaded = loadLibraryConfig(resolve(__dirname, '../../../config/demo-library.yaml'));
export const demo = loaded.config;

/** Monday 30 November 2026, 8:20 PM in Riverbend: Main Library closes in 40 minutes. */
export const MONDAY_EVENING = new Date('2026-11-30T20:20:00-06:00');

const dates: [RegExp, Omit<NonNullable<LibraryEntities['date']>, 'text'>][] = [
  [/christmas eve/, { start: '2026-12-24', end: '2026-12-24', holiday: 'Christmas Eve' }],
  [/this weekend/, { start: '2026-12-05', end: '2026-12-06' }],
  [/next week/, { start: '2026-12-07', end: '2026-12-13' }],
  [/\bnow\b|tonight/, { start: '2026-11-30', end: '2026-11-30', time: '20:20' }],
  [/today/, { start: '2026-11-30', end: '2026-11-30' }],
  [/tomorrow/, { start: '2026-12-01', end: '2026-12-01' }],
  [/saturday/, { start: '2026-12-05', end: '2026-12-05' }],
  [/sunday/, { start: '2026-12-06', end: '2026-12-06' }],
];

const intents: [RegExp, LibraryIntent][] = [
  [/^(hi|hello)\b/, 'greeting'],
  [/^help$|what can you do/, 'help'],
  [/person|human|librarian|staff member/, 'human'],
  [/\b(thanks|bye)\b/, 'goodbye'],
  [/my holds/, 'holds.list'],
  [/hours|open|close/, 'hours'],
  [/program|event|storytime|what's on|something for|activities/, 'programs'],
  [/library card|get a card/, 'faq.card'],
  [/fine|late fee/, 'faq.fines'],
  [/renew/, 'faq.renew'],
  [/where is|address|parking|park\b|bus/, 'faq.location'],
  [/wifi|wi-fi|print|computer|scan/, 'faq.computers'],
];

/** Recognises the demo's phrases well enough to drive the dialogs; close scores for "storytime hours". */
export class ScriptedRecognizer implements PatronMessageRecognizer {
  readonly seen: string[] = [];

  recognize(text: string): LibraryRecognition {
    this.seen.push(text);
    const lower = text.toLowerCase();
    const entities: LibraryEntities = {};
    let best: { id: string; text: string } | undefined;
    for (const branch of demo.branches) {
      for (const name of [branch.name, ...branch.aliases]) {
        const n = name.toLowerCase();
        if (new RegExp(`\\b${n}\\b`).test(lower) && (!best || n.length > best.text.length)) {
          best = { id: branch.id, text: n };
        }
      }
    }
    if (best) entities.branch = { branchId: best.id, text: best.text };
    const date = dates.find(([pattern]) => pattern.test(lower));
    if (date) entities.date = { text: lower.match(date[0])![0], ...date[1] };
    const age = /(\d+)[ -]year[ -]old/.exec(lower);
    if (age)
      entities.audience = { audience: audienceForAge(Number(age[1])), text: age[0], age: Number(age[1]) };
    else if (/\bteens?\b/.test(lower)) entities.audience = { audience: 'teens', text: 'teens' };
    const topics = ['storytime', 'lego', 'book club', 'crafts', 'chess'].filter((t) => lower.includes(t));
    if (topics.length) entities.topics = topics;

    // Shapes the trained recognizer really gives: "more" scored as help; None when two intents are close
    // or when it leans one way without being sure.
    if (/^more$/.test(lower)) {
      return {
        text,
        normalizedText: lower,
        intent: 'help',
        score: 0.86,
        intents: { help: 0.86, None: 0.14 },
        entities,
      };
    }
    if (/hours or events/.test(lower)) {
      return {
        text,
        normalizedText: lower,
        intent: 'None',
        score: 0.44,
        intents: { hours: 0.56, programs: 0.44, None: 0 },
        entities,
      };
    }
    if (/what's happening/.test(lower)) {
      return {
        text,
        normalizedText: lower,
        intent: 'None',
        score: 0.53,
        intents: { programs: 0.47, help: 0.21, None: 0.15, 'holds.list': 0.1 },
        entities,
      };
    }
    if (/storytime hours/.test(lower)) {
      return {
        text,
        normalizedText: lower,
        intent: 'hours',
        score: 0.46,
        intents: { hours: 0.46, programs: 0.44, None: 0.1 },
        entities,
      };
    }
    const match = intents.find(([pattern]) => pattern.test(lower));
    if (!match)
      return {
        text,
        normalizedText: lower,
        intent: 'None',
        score: 0.6,
        intents: { None: 0.6, hours: 0.2 },
        entities,
      };
    return {
      text,
      normalizedText: lower,
      intent: match[1],
      score: 0.85,
      intents: { [match[1]]: 0.85, None: 0.15 },
      entities,
    };
  }
}

export interface Conversation {
  recognizer: ScriptedRecognizer;
  storage: MemoryStorage;
  /** Sends a message and returns what the bot sent back in that turn. */
  say(text: string): Promise<Partial<Activity>[]>;
  /** Like say, as the visible text of each reply (card text, facts and buttons included). */
  sayText(text: string): Promise<string[]>;
  setNow(now: Date): void;
}

/**
 * One patron conversation with the whole bot as production composes it (memory storage, so tests can
 * read what was stored), a scripted recognizer unless given, and a clock the test moves.
 */
export function startConversation(
  options: {
    channelId?: string;
    now?: Date;
    programFeeds?: string[];
    /** Extra dialogs to route to (probes for the main dialog's manners). */
    routes?: IntentRoute[];
    /** The trained recognizer instead of the scripted one. */
    recognizer?: PatronMessageRecognizer;
  } = {},
): Conversation {
  let now = options.now ?? MONDAY_EVENING;
  const scripted = new ScriptedRecognizer();
  const storage = new MemoryStorage();
  const ready = startBotHarness({
    library: options.programFeeds
      ? { ...loaded, config: { ...demo, programs: { ...demo.programs, feeds: options.programFeeds } } }
      : loaded,
    recognizer: options.recognizer ?? scripted,
    now: () => now,
    storage,
    moreCapabilities: options.routes ? [{ name: 'test probes', routes: options.routes }] : undefined,
  }).then((harness) => harness.conversation('conversation', options.channelId));
  // Returned at once for the tests' convenience; the first message waits for the bot to start.
  const say = async (text: string) => (await ready).say(text);
  return {
    recognizer: scripted,
    storage,
    say,
    sayText: async (text) => (await say(text)).map(visibleText),
    setNow: (date) => (now = date),
  };
}

interface CardNode {
  type?: string;
  text?: string;
  title?: string;
  facts?: { title: string; value: string }[];
  body?: CardNode[];
  items?: CardNode[];
  actions?: CardNode[];
}

/** Everything a patron would read in an activity, as lines. */
export function visibleText(activity: Partial<Activity>): string {
  const lines: string[] = [];
  if (activity.text) lines.push(activity.text);
  const walk = (node: CardNode) => {
    if (node.type === 'TextBlock' && node.text) lines.push(node.text);
    for (const fact of node.facts ?? []) lines.push(`${fact.title}: ${fact.value}`);
    if (node.type?.startsWith('Action.') && node.title) lines.push(`[${node.title}]`);
    [...(node.body ?? []), ...(node.items ?? []), ...(node.actions ?? [])].forEach(walk);
  };
  for (const attachment of activity.attachments ?? []) walk(attachment.content as CardNode);
  for (const action of activity.suggestedActions?.actions ?? []) lines.push(`[${action.title}]`);
  return lines.join('\n');
}

/** What the bot keeps in user state for this patron (remembered program preferences), as JSON. */
export async function userStateText(conversation: Conversation): Promise<string> {
  const memory = (conversation.storage as unknown as { memory: Record<string, string> }).memory;
  return Object.entries(memory)
    .filter(([key]) => key.includes('/users/'))
    .map(([, value]) => value)
    .join('\n');
}

/** The conversation state as stored (JSON), for checks that nothing sensitive is kept. */
export function conversationStateText(conversation: Conversation): string {
  const memory = (conversation.storage as unknown as { memory: Record<string, string> }).memory;
  return Object.entries(memory)
    .filter(([key]) => key.includes('/conversations/'))
    .map(([, value]) => value)
    .join('\n');
}
