// What the main dialog says in its own voice: the welcome and help menu built from what this library
// routes, "didn't understand", "can't do that here yet", goodbye. Plain functions over Replies, so
// wording can change (or gain a language) without touching the routing.
import type { ChoiceOption, Reply } from '../../channels/reply';
import type { LibraryIntent } from '../../recognizers/libraryRecognition';

/** What this library's bot offers, from its routes and FAQ titles. */
export interface OfferedCapabilities {
  /** Whether an intent has a dialog ("hours", "holds.list", "human"). */
  routed: (intent: LibraryIntent) => boolean;
  /** FAQ titles from the configuration ("Getting a library card"). */
  faqTitles: readonly string[];
}

/** The welcome and help menu's buttons, shown for the capabilities this library routes. */
const MENU: { intent: LibraryIntent; label: string; value: string; sms?: string }[] = [
  { intent: 'hours', label: 'Opening hours', value: 'What are your hours today?', sms: 'hours' },
  { intent: 'programs', label: 'Programs and events', value: "What's on this week?", sms: 'events' },
  { intent: 'holds.list', label: 'My holds', value: 'Show my holds', sms: 'your holds' },
  { intent: 'human', label: 'Talk to a person', value: 'I want to talk to a person' },
];

const NOT_YET: Partial<Record<string, string>> = {
  hours: "I can't look up opening hours yet.",
  programs: "I can't look up programs and events yet.",
  'holds.list': "I can't look at your holds yet.",
  'holds.place': "I can't place holds yet.",
  'holds.cancel': "I can't cancel holds yet.",
  human: "I can't connect you with a person from this chat yet.",
};

const INTENT_LABELS: Partial<Record<string, string>> = {
  hours: 'Opening hours',
  programs: 'Programs and events',
  'holds.list': 'My holds',
  'holds.place': 'Place a hold',
  'holds.cancel': 'Cancel a hold',
  human: 'Talk to a person',
};

const THANKS = /\b(thanks?|thank ?you|thx|thnx|tnx|ty|tysm|cheers|appreciate)\b/i;

/** How each intent is named when the bot asks "did you mean ...?" (FAQ intents by their titles). */
export function intentLabels(faq: readonly { id: string; title: string }[]): Partial<Record<string, string>> {
  const labels = { ...INTENT_LABELS };
  for (const entry of faq) labels[`faq.${entry.id}`] = entry.title;
  return labels;
}

/** "opening hours; programs and events; your holds; getting a library card; ..." */
export function offeredTopics(offered: OfferedCapabilities): string[] {
  const topics: string[] = [];
  if (offered.routed('hours')) topics.push('opening hours');
  if (offered.routed('programs')) topics.push('programs and events');
  if ((['holds.list', 'holds.place', 'holds.cancel'] as LibraryIntent[]).some(offered.routed))
    topics.push('your holds');
  if (offered.routed('faq.*')) topics.push(...offered.faqTitles.map(sentenceCase));
  return topics;
}

/** What the bot can do, said the same way in the welcome and in help: only what this library routes. */
export function capabilitiesReply(
  libraryName: string,
  greeting: boolean,
  offered: OfferedCapabilities,
): Reply {
  const intro = greeting ? `Hi! I'm the ${libraryName} help bot.` : 'Here is what I can help with.';
  const person = offered.routed('human');
  const options: ChoiceOption[] = MENU.filter((item) => offered.routed(item.intent)).map(
    ({ label, value }) => ({ label, value }),
  );
  const short = MENU.filter((item) => offered.routed(item.intent) && item.sms).map((item) => item.sms!);
  const anyQuestion = offered.routed('faq.*') ? ['library questions'] : [];
  return {
    kind: 'choice',
    prompt:
      `${intro} I can help with: ${offeredTopics(offered).join('; ')}. You can ask in your own words` +
      (person ? ', or ask for a person at any time.' : '.'),
    smsPrompt:
      `${intro} Ask me about ${[...short, ...anyQuestion].join(', ')}` +
      (person ? ', or ask for a person.' : '.'),
    options,
  };
}

/** "Sorry, I didn't understand that. I can help with: ..." from what this library configured. */
export function notUnderstoodText(offered: OfferedCapabilities): string {
  const topics = offeredTopics(offered);
  // Out-of-scope requests (study rooms, donations) land here too: say both, honestly.
  const sorry = "Sorry, I didn't understand that, or it's not something I can do here.";
  if (topics.length === 0) return `${sorry} Could you say it another way?`;
  // Semicolons, because a FAQ title may have commas of its own ("locations, parking and buses").
  return `${sorry} I can help with: ${topics.join('; ')}. Please ask in your own words.`;
}

/** For an intent with no dialog here: goodbye and thanks, or an honest "not in this chat". */
export function unroutedReply(intent: LibraryIntent, text: string, libraryName: string): Reply {
  if (intent !== 'goodbye') {
    const notYet = NOT_YET[intent] ?? "I can't help with that in this chat yet.";
    return { kind: 'text', text: `${notYet} Please call us and a librarian will help.` };
  }
  // "bye" is not a thank-you: answer "You're welcome" only to thanks.
  return {
    kind: 'text',
    text: `${THANKS.test(text) ? "You're welcome!" : 'Goodbye!'} Thanks for contacting the ${libraryName}.`,
  };
}

export const STOPPED_TEXT = "Okay, I've stopped that. What else can I help you with?";
export const STARTED_OVER_TEXT = "Okay, let's start over. What can I help you with?";
export const FORGOTTEN_TEXT = "Done: I've deleted the interests and home branch I remembered for you.";
export const NOTHING_MORE_TEXT = "That's all I found. Ask about another day, age or topic.";
export const REPHRASE_TEXT = 'Okay. Tell me in other words what you are looking for.';
export const OFFER_DECLINED_TEXT = 'Okay. Try asking in other words, for example "Are you open tomorrow?"';
export const ANSWER_OR_START_OVER_TEXT = 'You can also answer my last question, or say "start over".';

export const OFFER_PERSON_LABELS = { yes: 'Yes, a person', no: 'No, keep trying' };

export function offerPersonReply(): Reply {
  return {
    kind: 'confirm',
    prompt: "Sorry, I'm still not sure what you mean. Would you like to talk to a person?",
    ...OFFER_PERSON_LABELS,
  };
}

/** "Did you mean opening hours?" or "Which do you mean?" over the close intents' labels. */
export function whichReply(labels: string[], options: ChoiceOption[]): Reply {
  return {
    kind: 'choice',
    prompt:
      labels.length === 1
        ? `Did you mean ${labels[0].toLowerCase()}?`
        : 'I want to get this right. Which do you mean?',
    options,
  };
}

/** "Getting a library card" as "getting a library card"; "Wi-Fi" or "ESL classes" keep their capitals. */
function sentenceCase(title: string): string {
  return /^[A-Z][a-z]+\b(?!-)/.test(title) ? title.charAt(0).toLowerCase() + title.slice(1) : title;
}

// ---- acknowledgements, small talk, library questions not answered here (issue 13) ----------------

/** How patrons reach the library besides this chat, for the honest "I can't answer that here". */
export interface LibraryContact {
  libraryName: string;
  phone: string;
  website?: string;
  catalogUrl?: string;
}

/** Presence checks ("hello??? anyone there"), how-are-you and the like, read inside a greeting. */
const PRESENCE =
  /\b(any ?(one|body)|some(one|body)|you) (there|here|home|around|awake)\b|\bhello+\s*\?+|\bhel+o+\s*\?/i;
const HOW_ARE_YOU = /\bhow (are|r) (you|u|ya)\b|\bhow'?s it going\b|\bhow you doing\b/i;
const IDENTITY =
  /\b(bot|robot|ai|human|real person|person|chatgpt|automated|machine|computer|who (am i|are you)|your name|what are you|who (made|built|created|designed|coded|programmed|makes)|programmed|alive|sentient|old are you|where do you live)\b/i;
const PRAISE =
  /\b(awesome|amazing|best|great job|good job|well done|good bot|nice bot|smart|sweet|funny|love|like you|helpful|rock)\b/i;
const LAUGH = /\b(lol\w*|lmao|haha\w*|hehe\w*|rofl)\b|😂|🤣|😄/i;
const BOOKS =
  /^(?:[\s!.]|📚|📖|📕|📗|📘|📙)*$|^\s*(book|books|book book|reading)\s*[!.]*\s*$|\b(love|like) (books|reading)\b/iu;
const APOLOGY = /^\s*(sorry|my bad|oops|whoops)\b/i;
const TESTING = /\b(test|testing|just (looking|browsing|checking|curious))\b/i;

export const ANYTHING_ELSE_TEXT = 'OK. Anything else I can help with?';

/** A greeting that asks whether anyone is there, or how the bot is, gets that answered first. */
export function greetingOpening(text: string): string | undefined {
  if (PRESENCE.test(text)) return "Yes, I'm here!";
  if (HOW_ARE_YOU.test(text)) return "I'm doing well, thanks for asking!";
  return undefined;
}

/** "ok", "got it", a thumbs up: a short reply that keeps the door open, never a menu. */
export function acknowledgementReply(): Reply {
  return { kind: 'text', text: ANYTHING_ELSE_TEXT };
}

/** Small talk, answered in a line, then what the bot can do. */
export function smallTalkReply(text: string, contact: LibraryContact): Reply {
  const about = 'opening hours, programs, your holds and library questions';
  if (BOOKS.test(text)) {
    const catalog = contact.catalogUrl ?? contact.website;
    return {
      kind: 'text',
      text:
        `📚 Looking for something to read? Tell me a title or an author and I can put it on hold` +
        (catalog ? `, or browse the catalog at ${catalog}.` : '.'),
    };
  }
  if (IDENTITY.test(text))
    return {
      kind: 'text',
      text: `I'm the ${contact.libraryName}'s automated help bot, not a person. I can help with ${about}, and bring in a person from the library whenever you like.`,
      smsText: `I'm the library's automated help bot, not a person. Ask me about hours, programs or your holds, or ask for a person.`,
    };
  if (PRAISE.test(text)) return { kind: 'text', text: 'Thank you, happy to help! Anything else?' };
  if (LAUGH.test(text)) return { kind: 'text', text: '😄 Anything else I can help with?' };
  if (APOLOGY.test(text)) return { kind: 'text', text: 'No problem at all. What can I help you with?' };
  if (TESTING.test(text)) return { kind: 'text', text: `I'm here and working. Ask me about ${about}.` };
  return { kind: 'text', text: `I'm the library's help bot: ask me about ${about}.` };
}

/** Reading advice and catalogue questions: the catalogue and a librarian are the next step. */
const ABOUT_BOOKS =
  /\b(recommend|recommendation|suggest|read next|good (book|read|novel|audiobook)|books? (about|on|like|for|similar)|similar to|novels?|thrillers?|mysteries|series|do you have (any )?(books|audiobooks|ebooks|dvds|magazines|newspapers|large print|graphic novels|cookbooks)|libby|ebooks?|catalog(ue)?|what should (i|we|my)\b.*\bread)\b/i;

/**
 * A library question this chat cannot answer: said honestly, with the best next step (the catalogue
 * for reading questions, otherwise the phone number and a person).
 */
export function cannotAnswerReply(text: string, contact: LibraryContact, personOffered: boolean): Reply {
  const person = personOffered ? ', or say "talk to a person" and I\'ll bring in a staff member' : '';
  const catalog = contact.catalogUrl ?? contact.website;
  if (ABOUT_BOOKS.test(text) && catalog) {
    return {
      kind: 'text',
      text:
        `I can't give reading suggestions or search subjects here, sorry. The catalog can: ${catalog} ` +
        `(search a subject, author or title you like). Librarians love suggesting books too: ask at any branch, ` +
        `call ${contact.phone}${person}.`,
      smsText: `I can't suggest books by text, sorry. Try the catalog: ${catalog}, or call ${contact.phone}.`,
    };
  }
  return {
    kind: 'text',
    text: `I can't answer that here, sorry. A librarian can: call ${contact.phone}, ask at any branch${person}.`,
    smsText: `I can't answer that by text, sorry. Please call ${contact.phone} or ask at any branch.`,
  };
}

/** After answering a frustrated patron's question: a person is one message away. */
export const FRUSTRATED_NOTE =
  'Sorry for the trouble. If you would rather talk with someone, say "talk to a person".';

/** An always-a-person topic when this library has no person to offer in the chat. */
export function callUsText(phone: string): string {
  return `Our staff handle that personally: please call ${phone} or visit any branch.`;
}
