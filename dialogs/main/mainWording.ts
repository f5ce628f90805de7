// What the main dialog says in its own voice: the welcome and help menu built from what this library
// routes, "didn't understand", "can't do that here yet", goodbye. Plain functions over Replies, so
// wording can change (or gain a language) without touching the routing.
import type { ChoiceOption, Reply } from '../../channels/reply';
import type { Messages } from '../../library/language/catalog';
import type { LibraryIntent } from '../../recognizers/libraryRecognition';

/** A FAQ entry's title, and its titles in other languages where the library gave them. */
export interface FaqTitle {
  id: string;
  title: string;
  translations?: Readonly<Record<string, { title: string }>>;
}

/** The title in the catalog's language, English where the library gave none. */
export function faqTitleIn(m: Messages, entry: FaqTitle): string {
  return entry.translations?.[m.language]?.title ?? entry.title;
}

/** What this library's bot offers, from its routes and FAQ titles. */
export interface OfferedCapabilities {
  /** Whether an intent has a dialog ("hours", "holds.list", "human"). */
  routed: (intent: LibraryIntent) => boolean;
  /** FAQ titles from the configuration ("Getting a library card"). */
  faqTitles: readonly string[];
}

/** The welcome and help menu's buttons, shown for the capabilities this library routes. */
function menu(m: Messages): { intent: LibraryIntent; label: string; value: string; sms: string }[] {
  return [
    { intent: 'hours', ...m.main.menu.hours },
    { intent: 'programs', ...m.main.menu.programs },
    { intent: 'holds.list', ...m.main.menu.holds },
    { intent: 'human', ...m.main.menu.human },
  ];
}

const THANKS =
  /\b(thanks?|thank ?you|thx|thnx|tnx|ty|tysm|cheers|appreciate|gracias|grax|grcs|mil gracias)\b/i;

type IntentLabels = Readonly<Partial<Record<string, string>>>;

/** Made once per catalog and FAQ list: every turn asks whether two close intents can be named. */
const labelsMade = new WeakMap<Messages, WeakMap<readonly FaqTitle[], IntentLabels>>();

/** How each intent is named when the bot asks "did you mean ...?" (FAQ intents by their titles). */
export function intentLabels(m: Messages, faq: readonly FaqTitle[]): IntentLabels {
  let byFaq = labelsMade.get(m);
  if (!byFaq) labelsMade.set(m, (byFaq = new WeakMap()));
  let labels = byFaq.get(faq);
  if (!labels) {
    const made: Partial<Record<string, string>> = { ...m.main.intentLabels };
    for (const entry of faq) made[`faq.${entry.id}`] = faqTitleIn(m, entry);
    byFaq.set(faq, (labels = made));
  }
  return labels;
}

/** "opening hours; programs and events; your holds; getting a library card; ..." */
export function offeredTopics(m: Messages, offered: OfferedCapabilities): string[] {
  const topics: string[] = [];
  if (offered.routed('hours')) topics.push(m.main.topics.hours);
  if (offered.routed('programs')) topics.push(m.main.topics.programs);
  if ((['holds.list', 'holds.place', 'holds.cancel'] as LibraryIntent[]).some(offered.routed))
    topics.push(m.main.topics.holds);
  if ((['account.checkouts', 'account.renew', 'account.fines'] as LibraryIntent[]).some(offered.routed))
    topics.push(m.main.topics.account);
  if (offered.routed('faq.*')) topics.push(...offered.faqTitles.map(sentenceCase));
  return topics;
}

/** What the bot can do, said the same way in the welcome and in help: only what this library routes. */
export function capabilitiesReply(
  m: Messages,
  libraryName: string,
  greeting: boolean,
  offered: OfferedCapabilities,
): Reply {
  const intro = greeting ? m.main.greetingIntro(libraryName) : m.main.helpIntro;
  const person = offered.routed('human');
  const items = menu(m).filter((item) => offered.routed(item.intent));
  const options: ChoiceOption[] = items.map(({ label, value }) => ({ label, value }));
  const short = items.filter((item) => item.sms).map((item) => item.sms);
  const anyQuestion = offered.routed('faq.*') ? [m.main.topics.libraryQuestions] : [];
  return {
    kind: 'choice',
    prompt: `${intro} ${m.main.canHelpWith(offeredTopics(m, offered), person)}`,
    smsPrompt: `${intro} ${m.main.askMeAbout([...short, ...anyQuestion], person)}`,
    options,
  };
}

/** "Sorry, I didn't understand that. I can help with: ..." from what this library configured. */
export function notUnderstoodText(m: Messages, offered: OfferedCapabilities): string {
  const topics = offeredTopics(m, offered);
  // Out-of-scope requests (study rooms, donations) land here too: say both, honestly.
  if (topics.length === 0) return `${m.main.notUnderstood} ${m.main.sayItAnotherWay}`;
  // Semicolons, because a FAQ title may have commas of its own ("locations, parking and buses").
  return `${m.main.notUnderstood} ${m.main.canHelpWithAsk(topics)}`;
}

/** For an intent with no dialog here: goodbye and thanks, or an honest "not in this chat". */
export function unroutedReply(m: Messages, intent: LibraryIntent, text: string, libraryName: string): Reply {
  if (intent !== 'goodbye') {
    const notYet = m.main.notYet[intent] ?? m.main.notYetOther;
    return { kind: 'text', text: `${notYet} ${m.main.pleaseCall}` };
  }
  // "bye" is not a thank-you: answer "You're welcome" only to thanks.
  return {
    kind: 'text',
    text: `${THANKS.test(text) ? m.main.youAreWelcome : m.main.goodbye} ${m.main.thanksForContacting(libraryName)}`,
  };
}

/** The two buttons of the offer of a person. */
export function offerPersonLabels(m: Messages): { yes: string; no: string } {
  return { yes: m.main.offerPersonYes, no: m.main.offerPersonNo };
}

export function offerPersonReply(m: Messages): Reply {
  return { kind: 'confirm', prompt: m.main.offerPerson, ...offerPersonLabels(m) };
}

/** "Did you mean opening hours?" or "Which do you mean?" over the close intents' labels. */
export function whichReply(m: Messages, labels: string[], options: ChoiceOption[]): Reply {
  return {
    kind: 'choice',
    prompt: labels.length === 1 ? m.main.didYouMean(labels[0]) : m.main.whichDoYouMean,
    options,
  };
}

/**
 * "Getting a library card" as "getting a library card", "Cómo sacar la tarjeta" as "cómo sacar...";
 * "Wi-Fi" or "ESL classes" keep their capitals.
 */
function sentenceCase(title: string): string {
  return /^\p{Lu}\p{Ll}+(?![\p{L}-])/u.test(title) ? title.charAt(0).toLowerCase() + title.slice(1) : title;
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
  /\b(any ?(one|body)|some(one|body)|you) (there|here|home|around|awake)\b|\bhello+\s*\?+|\bhel+o+\s*\?|\b(hay alguien|alguien (ahi|ahí|ahy|me lee))(?![a-z])/i;
const HOW_ARE_YOU =
  /\bhow (are|r) (you|u|ya)\b|\bhow'?s it going\b|\bhow you doing\b|\bc[oó]mo (est[aá]s?|est[aá]n|te va|le va)(?![a-z])|\bq(ue)? tal\b/i;
const IDENTITY =
  /\b(bot|robot|ai|human|real person|person|chatgpt|automated|machine|computer|who (am i|are you)|your name|what are you|who (made|built|created|designed|coded|programmed|makes)|programmed|alive|sentient|old are you|where do you live)\b/i;
const PRAISE =
  /\b(awesome|amazing|best|great job|good job|well done|good bot|nice bot|smart|sweet|funny|love|like you|helpful|rock)\b/i;
const LAUGH = /\b(lol\w*|lmao|haha\w*|hehe\w*|rofl)\b|😂|🤣|😄/i;
const BOOKS =
  /^(?:[\s!.]|📚|📖|📕|📗|📘|📙)*$|^\s*(book|books|book book|reading)\s*[!.]*\s*$|\b(love|like) (books|reading)\b/iu;
const APOLOGY = /^\s*(sorry|my bad|oops|whoops)\b/i;
const TESTING = /\b(test|testing|just (looking|browsing|checking|curious))\b/i;

/** A greeting that asks whether anyone is there, or how the bot is, gets that answered first. */
export function greetingOpening(m: Messages, text: string): string | undefined {
  if (PRESENCE.test(text)) return m.main.imHere;
  if (HOW_ARE_YOU.test(text)) return m.main.doingWell;
  return undefined;
}

/** "ok", "got it", a thumbs up: a short reply that keeps the door open, never a menu. */
export function acknowledgementReply(m: Messages): Reply {
  return { kind: 'text', text: m.main.anythingElse };
}

/** Small talk, answered in a line, then what the bot can do. */
export function smallTalkReply(m: Messages, text: string, contact: LibraryContact): Reply {
  const about = m.main.aboutTopics;
  if (BOOKS.test(text))
    return { kind: 'text', text: m.main.lookingToRead(contact.catalogUrl ?? contact.website) };
  if (IDENTITY.test(text))
    return {
      kind: 'text',
      text: m.main.whoAmI(contact.libraryName, about),
      smsText: m.main.whoAmISms,
    };
  if (PRAISE.test(text)) return { kind: 'text', text: m.main.thanksForPraise };
  if (LAUGH.test(text)) return { kind: 'text', text: m.main.laugh };
  if (APOLOGY.test(text)) return { kind: 'text', text: m.main.noProblem };
  if (TESTING.test(text)) return { kind: 'text', text: m.main.working(about) };
  return { kind: 'text', text: m.main.whatIDo(about) };
}

/** Reading advice and catalogue questions: the catalogue and a librarian are the next step. */
const ABOUT_BOOKS =
  /\b(recommend|recommendation|suggest|read next|good (book|read|novel|audiobook)|books? (about|on|like|for|similar)|similar to|novels?|thrillers?|mysteries|series|do you have (any )?(books|audiobooks|ebooks|dvds|magazines|newspapers|large print|graphic novels|cookbooks)|libby|ebooks?|catalog(ue)?|what should (i|we|my)\b.*\bread|recomiend\w*|libros? (de|sobre|como)|novelas?|que (libro|leo|puedo leer))\b/i;

/**
 * A library question this chat cannot answer: said honestly, with the best next step (the catalogue
 * for reading questions, otherwise the phone number and a person).
 */
export function cannotAnswerReply(
  m: Messages,
  text: string,
  contact: LibraryContact,
  personOffered: boolean,
): Reply {
  const person = personOffered ? m.main.personOffer : '';
  const catalog = contact.catalogUrl ?? contact.website;
  if (ABOUT_BOOKS.test(text) && catalog) {
    return {
      kind: 'text',
      text: m.main.noReadingAdvice(catalog, contact.phone, person),
      smsText: m.main.noReadingAdviceSms(catalog, contact.phone),
    };
  }
  return {
    kind: 'text',
    text: m.main.cannotAnswer(contact.phone, person),
    smsText: m.main.cannotAnswerSms(contact.phone),
  };
}

/** An always-a-person topic when this library has no person to offer in the chat. */
export function callUsText(m: Messages, phone: string): string {
  return m.main.callUs(phone);
}
