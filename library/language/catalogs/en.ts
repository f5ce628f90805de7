// The English message catalog: every sentence the bot says to a patron in its own voice, by
// capability. The shape of this object is the `Messages` type every other language must fill
// completely (see ../catalog.ts). Sentences are plain strings or small functions over the facts
// they carry; plurals go through `plural`, dates through luxon with the language's locale.
import type { DateTime } from 'luxon';
import { formatDate } from '../locale';
import { type Gender, plural } from '../plural';
import { signInEn } from './en/signIn';
import { holdsEn } from './en/holds';
import { accountEn } from './en/account';
import { handoffEn } from './en/handoff';
import { pageEn } from './en/page';

function time(t: DateTime): string {
  const { hour, minute } = t;
  if (minute === 0 && hour === 0) return 'midnight';
  if (minute === 0 && hour === 12) return 'noon';
  return `${hour % 12 || 12}:${String(minute).padStart(2, '0')} ${hour < 12 ? 'AM' : 'PM'}`;
}

export const en = {
  /** BCP 47 code: luxon's locale and the page's `lang`. */
  language: 'en',
  /** The language's own name, for "in English, please" answers and the staff card. */
  name: 'English',
  /** Said when the patron switches to this language. */
  switched: 'Sure, I will answer in English from now on.',
  /** Reading: a patron asking for this language ("in English, please"), the whole message. */
  askedFor:
    /^(?:(?:can|could) (?:you|we) |please )?(?:(?:speak|talk|answer|reply|write|switch to|change to) (?:(?:to|with|in) me )?)?(?:in )?english(?: please| pls| por favor)?$|^(?:en )?ingles(?:,? por favor)?$|^(?:do you |habla(?:s|n)? |hablan )?(?:speak )?ingles\??$/,
  /**
   * Reading: everyday words of this language in patrons' messages, for the language of short ones. Not
   * "wifi", "menu", "bye" or "hey": Spanish speakers write them as they are ("hay wifi?", "gracias bye").
   */
  commonWords:
    'the a an you u your ur is are was were be been am i im my our we they them it its this that these those there here what whats when where how why who which can cant could would should will do does did dont not no and or but with without for from about at on in of to please pls plz thanks thank thx ty yes yeah yep yup nope sure cool great good nice awesome goodbye later see hi hello morning afternoon evening night today tonight tomorrow yesterday week weekend hours hour open opens close closes closing closed time library branch book books card hold holds renew fine fines fee fees owe due overdue return pickup pick check checked checkout programs program events event kids kid children child baby toddler teens teen adults seniors help person human agent staff librarian talk speak someone anyone anything something nothing need want like get got have has lost stolen printer print copies computer password address parking many much more any some all just ok okay'.split(
      ' ',
    ),
  /** Reading: how a follow-up to the last answer starts ("and on Sunday?", "what about Eastside?"). */
  followUpOpening: /^\s*(and|what about|how about|and what about|what of|also|then|same for|at|for|on|in)\b/i,
  /** Reading: words around a bare day or branch that add nothing ("what about the oak hill one?"). */
  fillerWords: ['the', 'one', 'please', 'then'],
  /** Reading: letters only this language writes (none for English). */
  letters: /(?!)/,
  /** Said once when a configured text has no version in this language. */
  untranslatedNotice: '',

  dates: {
    time,
    /** "Thursday, Dec 3". */
    calendarDate: (date: DateTime) => formatDate(date, 'en', 'cccc, LLL d'),
    /** "Thu, Dec 3": a table row. */
    dayLabel: (date: DateTime) => formatDate(date, 'en', 'ccc, LLL d'),
    withYear: (text: string, year: number) => `${text}, ${year}`,
    today: 'today',
    tomorrow: 'tomorrow',
    /** "Monday". */
    weekday: (date: DateTime) => formatDate(date, 'en', 'cccc'),
    /** "Monday, December 7": further out than a week. */
    longDate: (date: DateTime) => formatDate(date, 'en', 'cccc, MMMM d'),
    /** "Mon": the short weekday of a table title. */
    shortWeekday: (date: DateTime) => formatDate(date, 'en', 'ccc'),
    /** "Thursdays". */
    weekdays: (date: DateTime) => `${formatDate(date, 'en', 'cccc')}s`,
  },

  main: {
    /** A turn failed on our side: the conversation starts over. */
    somethingWentWrong:
      "Sorry, something went wrong on our side and I lost track of what we were doing. Let's start again: " +
      'what can I help you with? You can also ask for a person.',
    greetingIntro: (libraryName: string) => `Hi! I'm the ${libraryName} help bot.`,
    helpIntro: 'Here is what I can help with.',
    canHelpWith: (topics: string[], person: boolean) =>
      `I can help with: ${topics.join('; ')}. You can ask in your own words` +
      (person ? ', or ask for a person at any time.' : '.'),
    askMeAbout: (topics: string[], person: boolean) =>
      `Ask me about ${topics.join(', ')}` + (person ? ', or ask for a person.' : '.'),
    topics: {
      hours: 'opening hours',
      programs: 'programs and events',
      holds: 'your holds',
      account: 'your checkouts, renewals and fines',
      libraryQuestions: 'library questions',
    },
    menu: {
      hours: { label: 'Opening hours', value: 'What are your hours today?', sms: 'hours' },
      programs: { label: 'Programs and events', value: "What's on this week?", sms: 'events' },
      holds: { label: 'My holds', value: 'Show my holds', sms: 'your holds' },
      human: { label: 'Talk to a person', value: 'I want to talk to a person', sms: '' },
    },
    intentLabels: {
      hours: 'Opening hours',
      programs: 'Programs and events',
      'holds.list': 'My holds',
      'holds.place': 'Place a hold',
      'holds.cancel': 'Cancel a hold',
      'holds.change': 'Change a pickup branch or pause a hold',
      'account.checkouts': 'My checkouts and due dates',
      'account.renew': 'Renew my items now',
      'account.fines': 'Fines on my account',
      human: 'Talk to a person',
    } as Record<string, string>,
    notYet: {
      hours: "I can't look up opening hours yet.",
      programs: "I can't look up programs and events yet.",
      'holds.list': "I can't look at your holds yet.",
      'holds.place': "I can't place holds yet.",
      'holds.cancel': "I can't cancel holds yet.",
      'holds.change': "I can't change holds yet.",
      'account.checkouts': "I can't look at what you have checked out yet.",
      'account.renew': "I can't renew items yet.",
      'account.fines': "I can't look at fines on your account yet.",
      human: "I can't connect you with a person from this chat yet.",
    } as Record<string, string>,
    notYetOther: "I can't help with that in this chat yet.",
    pleaseCall: 'Please call us and a librarian will help.',
    notUnderstood: "Sorry, I didn't understand that, or it's not something I can do here.",
    sayItAnotherWay: 'Could you say it another way?',
    canHelpWithAsk: (topics: string[]) =>
      `I can help with: ${topics.join('; ')}. Please ask in your own words.`,
    youAreWelcome: "You're welcome!",
    goodbye: 'Goodbye!',
    thanksForContacting: (libraryName: string) => `Thanks for contacting the ${libraryName}.`,
    stopped: "Okay, I've stopped that. What else can I help you with?",
    startedOver: "Okay, let's start over. What can I help you with?",
    forgotten: "Done: I've deleted the interests and home branch I remembered for you.",
    nothingMore: "That's all I found. Ask about another day, age or topic.",
    rephrase: 'Okay. Tell me in other words what you are looking for.',
    offerDeclined: 'Okay. Try asking in other words, for example "Are you open tomorrow?"',
    answerOrStartOver: 'You can also answer my last question, or say "start over".',
    offerPerson: "Sorry, I'm still not sure what you mean. Would you like to talk to a person?",
    offerPersonYes: 'Yes, a person',
    offerPersonNo: 'No, keep trying',
    didYouMean: (label: string) => `Did you mean ${label.toLowerCase()}?`,
    whichDoYouMean: 'I want to get this right. Which do you mean?',
    somethingElse: 'Something else',
    anythingElse: 'OK. Anything else I can help with?',
    imHere: "Yes, I'm here!",
    doingWell: "I'm doing well, thanks for asking!",
    aboutTopics: 'opening hours, programs, your holds and library questions',
    lookingToRead: (catalog?: string) =>
      `📚 Looking for something to read? Tell me a title or an author and I can put it on hold` +
      (catalog ? `, or browse the catalog at ${catalog}.` : '.'),
    whoAmI: (libraryName: string, about: string) =>
      `I'm the ${libraryName}'s automated help bot, not a person. I can help with ${about}, and bring in a person from the library whenever you like.`,
    whoAmISms:
      "I'm the library's automated help bot, not a person. Ask me about hours, programs or your holds, or ask for a person.",
    thanksForPraise: 'Thank you, happy to help! Anything else?',
    laugh: '😄 Anything else I can help with?',
    noProblem: 'No problem at all. What can I help you with?',
    working: (about: string) => `I'm here and working. Ask me about ${about}.`,
    whatIDo: (about: string) => `I'm the library's help bot: ask me about ${about}.`,
    personOffer: ', or say "talk to a person" and I\'ll bring in a staff member',
    noReadingAdvice: (catalog: string, phone: string, person: string) =>
      `I can't give reading suggestions or search subjects here, sorry. The catalog can: ${catalog} ` +
      `(search a subject, author or title you like). Librarians love suggesting books too: ask at any branch, ` +
      `call ${phone}${person}.`,
    noReadingAdviceSms: (catalog: string, phone: string) =>
      `I can't suggest books by text, sorry. Try the catalog: ${catalog}, or call ${phone}.`,
    cannotAnswer: (phone: string, person: string) =>
      `I can't answer that here, sorry. A librarian can: call ${phone}, ask at any branch${person}.`,
    cannotAnswerSms: (phone: string) =>
      `I can't answer that by text, sorry. Please call ${phone} or ask at any branch.`,
    frustratedNote: 'Sorry for the trouble. If you would rather talk with someone, say "talk to a person".',
    callUs: (phone: string) => `Our staff handle that personally: please call ${phone} or visit any branch.`,
    /** How the library's phone is named when the configuration has none. */
    theLibrary: 'the library',
  },

  sms: {
    yes: 'Yes',
    no: 'No',
    replyOne: 'Reply 1.',
    replyOneOrTwo: 'Reply 1 or 2.',
    replyNumber: (count: number) => `Reply a number from 1 to ${count}.`,
    replyForMore: (value: string) => `Reply "${value}" for more.`,
  },

  faq: {
    branchDetailsPrompt: 'Want the details for one branch?',
    more: (link: string) => `More: ${link}`,
    parkingTitle: 'Parking at each branch',
    transitTitle: 'Buses to each branch',
  },

  programs: {
    kinds: {
      kids: 'Kids and families',
      teens: 'Teens',
      adults: 'Adults',
      seniors: 'Seniors',
      anything: 'Anything',
    },
    audiences: {
      toddlers: 'toddlers',
      kids: 'kids',
      teens: 'teens',
      adults: 'adults',
      seniors: 'seniors',
      families: 'families',
    } as Record<string, string>,
    agesFrom: (min: number) => `ages ${min}+`,
    agesBetween: (min: number, max: number) => `ages ${min}-${max}`,
    forWhom: (names: string[]) => `For ${names.join(', ')}`,
    /** "Today", "Tomorrow", or the date: a program's day at the head of its line. */
    today: 'Today',
    tomorrow: 'Tomorrow',
    allDay: (day: string) => `${day} (all day)`,
    /** "Wednesday, Dec 2, 4:00-5:30 PM": one AM/PM when both times share it. */
    when: (day: string, start: DateTime, end: DateTime) => {
      const sameHalf = start.hour < 12 === end.hour < 12 && start.hour % 12 !== 0;
      const from = sameHalf
        ? `${start.hour % 12 || 12}:${String(start.minute).padStart(2, '0')}`
        : time(start);
      return end > start ? `${day}, ${from}-${time(end)}` : `${day}, ${time(start)}`;
    },
    listTitle: (description: string, range?: string, total?: number) =>
      range ? `Programs ${description} (${range} of ${total})` : `Programs ${description}`,
    more: 'More',
    details: 'Details and registration',
    forWho: (who: string) => `for ${who}`,
    /** Whether the list title repeats who the patron said it is for, in the recognizer's (English) words. */
    saysWhoAsTyped: true as boolean,
    forAge: (age: number) =>
      age === 0 ? 'for babies' : `for ${/^(8\d?|11|18)$/.test(String(age)) ? 'an' : 'a'} ${age}-year-old`,
    about: (topics: string[]) => `about ${topics.join(' and ')}`,
    /** Languages by code, as a program list says them ("in Spanish"). */
    languageNames: { en: 'English', es: 'Spanish' } as Record<string, string>,
    inLanguage: (name: string) => `in ${name}`,
    atBranch: (branch: string) => `at ${branch}`,
    dateRange: (from: string, to: string) => `${from} to ${to}`,
    onDate: (date: string) => `on ${date}`,
    comingUp: 'coming up',
    nextSevenDays: 'in the next 7 days',
    /** Date words worth saying back as the patron said them. */
    datesSaidBack: /^(today|tonight|tomorrow|this |next |the weekend|weekend|over the weekend)/,
    theBranch: 'The branch',
    kindPrompt: 'What kind of program are you looking for? You can also say an age, a topic or a branch.',
    kindSmsPrompt: 'What kind of program? You can also say an age, topic or branch.',
    calendarDown:
      "Sorry, I can't reach our events calendar right now. Please try again a little later, or ask for a person.",
    allFound: "That's all I found.",
    allFoundMore: "That's all I found. Ask about another day or topic.",
    remembered:
      'Done: I will use that to suggest programs next time. Say "forget me" at any time and I will delete it.',
    rememberedSms: 'Saved. Text "forget me" at any time to delete it.',
    notRemembered: "No problem, I won't remember it.",
    rememberYes: 'Yes, remember',
    rememberNo: 'No thanks',
    noneFound: (description: string) => `I couldn't find any programs ${description}.`,
    nextOnes: 'The next ones are:',
    tryAnother: `Try another day or topic, or ask "what's on this week".`,
    rememberPrompt: (interests: string[], homeBranch?: string) => {
      const facts: string[] = [];
      if (interests.length) facts.push(`you're interested in ${interests.join(' and ')}`);
      if (homeBranch) facts.push(`your home branch is ${homeBranch}`);
      return `Would you like me to remember that ${facts.join(' and that ')}, to suggest programs next time? Only with your OK, and "forget me" deletes it.`;
    },
    onDay: (special?: string) => (special ? `on ${special}` : 'that day'),
    closesEarly: (branch: string, closes: string, onDay: string) =>
      `Note: ${branch} closes at ${closes} ${onDay}.`,
    afterHoursEnd: (branch: string, closes: string) =>
      `After hours: ${branch}'s regular hours end at ${closes} that day.`,
    afterHoursClosed: (branch: string) => `After hours: ${branch} is usually closed at that time.`,
    closedFor: (branch: string, special: string) => `${branch} is closed for ${special}`,
    closesAtOn: (branch: string, closes: string, special: string) =>
      `${branch} closes at ${closes} on ${special}`,
    closedThen: (branch: string, special?: string) =>
      `${branch} is closed then (${special ?? 'special hours'})`,
    leftOutItem: (title: string, date: string, why: string) => `${title} on ${date} (${why})`,
    leftOut: (items: string[], more: number) =>
      `Not on, because the branch is closed: ${items.join('; ')}${more > 0 ? ` and ${more} more` : ''}.`,
  },

  hours: {
    /** A branch as the subject of a sentence: "Main Library", "The Bookmobile". */
    mobileSubject: (name: string) => (/^the /i.test(name) ? name : `The ${name}`),
    intervalAt: (range: string, place: string) => `${range} at ${place}`,
    at: (place: string) => ` at ${place}`,
    open24: (note: string) => `Open 24 hours${note}`,
    closed: (note: string) => `Closed${note}`,
    open24Today: (who: string, where: string) => `${who} is open 24 hours today${where}.`,
    openClosesIn: (who: string, where: string, minutes: number, until: string, _gender: Gender) =>
      `${who} is open now${where} and closes in ${plural('en', minutes, { one: '{n} minute', other: '{n} minutes' })} (at ${until}).`,
    openUntil: (who: string, where: string, until: string, _gender: Gender) =>
      `${who} is open now${where} until ${until}.`,
    closedTodayFor: (who: string, note: string, _gender: Gender) => `${who} is closed today (${note})`,
    closedNow: (who: string, _gender: Gender) => `${who} is closed now`,
    nextStop: (when: string, place: string | undefined, end: string) =>
      `Its next stop is ${when}${place ? ` at ${place}` : ''}, until ${end}.`,
    opens: (when: string) => `It opens ${when}.`,
    dayAtTime: (day: string, at: string) => `${day} at ${at}`,
    timeOnDay: (at: string, day: string) => `${at} ${day}`,
    shortOpen24: (where: string) => `Open 24 hours${where}`,
    shortClosesIn: (where: string, minutes: number, until: string) =>
      `Open${where}, closes in ${minutes} min (${until})`,
    shortOpenUntil: (where: string, until: string) => `Open${where} until ${until}`,
    shortClosed: (why: string) => `Closed${why}`,
    shortClosedNext: (why: string, nextStop: boolean, when: string, where: string) =>
      `Closed${why}; ${nextStop ? 'next stop' : 'opens'} ${when}${where}`,
    hoursTitle: (branch: string, covers: string) => `${branch} hours ${covers}`,
    dayTitle: (phrase: string) => `Hours ${phrase}`,
    todayTitle: (date: string, special?: string) => `Hours today (${date}${special ? `, ${special}` : ''})`,
    nowTitle: (weekday: string, at: string, special?: string) =>
      `Open now? (${weekday} ${at}${special ? `, ${special}` : ''})`,
    todaysHours: (hours: string) => ` Today's hours: ${hours}.`,
    onHoliday: (holiday: string, full: string) => `on ${holiday} (${full})`,
    relativeWithDate: (relative: string, full: string) => `${relative} (${full})`,
    onDate: (full: string) => `on ${full}`,
    withNote: (base: string, note: string) => `${base}, ${note}`,
    open24On: (who: string, when: string, why: string) => `${who} is open 24 hours ${when}${why}.`,
    closedOn: (who: string, when: string, why: string, _gender: Gender) => `${who} is closed ${when}${why}.`,
    hoursOn: (who: string, when: string, hours: string, why: string) => `${who} ${when}: ${hours}${why}.`,
    whichBranch: 'Which branch would you like the hours for?',
    stopTimes: (weekdays: string, opens: string, closes: string) => `${weekdays}, ${opens}-${closes}`,
    regularly: (times: string[]) => (times.length ? ` on ${times.join(' and ')}` : ''),
    atStopNow: (who: string, place: string, until: string, usually: string) =>
      `${who} is at ${place} now, until ${until}. It stops there${usually}.`,
    nextVisit: (day: string, start: string, end: string) => ` Next visit: ${day}, ${start}-${end}.`,
    noVisit: ' It has no visit there in the coming weeks.',
    stopsAt: (who: string, place: string, usually: string, next: string) =>
      `${who} stops at ${place}${usually}.${next}`,
    atStopOnDay: (who: string, place: string, when: string, start: string, end: string) =>
      `Yes: ${who} is at ${place} ${when}, ${start}-${end}.`,
    out: 'out',
    elsewhereItem: (place: string, start: string, end: string) => `${place} ${start}-${end}`,
    notAtStop: (who: string, place: string, when: string, elsewhere: string, regular: string[]) =>
      `${who} isn't at ${place} ${when}${elsewhere ? ` (it's at ${elsewhere})` : ''}.` +
      (regular.length ? ` It stops at ${place} on ${regular.join(' and ')}.` : ''),
    noStops: (who: string, when: string, why: string) => `${who} has no stops ${when}${why}.`,
    stopsTitle: (who: string) => `${who} stops`,
    fromDay: (day: string) => `from ${day}`,
    nextSevenDays: 'for the next 7 days',
    throughDay: (day: string) => `through ${day}`,
  },
  signIn: signInEn,
  holds: holdsEn,
  account: accountEn,
  handoff: handoffEn,
  page: pageEn,
};

/** The shape every catalog fills: the English catalog is the reference. */
export type Messages = typeof en;
