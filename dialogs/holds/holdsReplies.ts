// What the holds conversations say, as channel-neutral Reply objects (the renderer makes cards and
// buttons for Web Chat and Teams, numbered text for SMS). Plain functions so wording is tested
// without a bot, and nothing here ever receives a PIN or a full card number.
import { DateTime } from 'luxon';
import type { ChoiceOption, ListItem, Reply } from '../../channels/reply';
import {
  HoldLimitReachedError,
  NotHoldableError,
  PatronBlockedError,
  type LibrarySystemError,
} from '../../library/librarySystem/errors';
import {
  formatLabels,
  type CatalogFormat,
  type CatalogRecord,
  type Hold,
  type PickupLocation,
} from '../../library/librarySystem/librarySystem';

export interface LibraryContact {
  name: string;
  phone: string;
  website?: string;
}

export interface HoldsWording {
  library: LibraryContact;
  /** Branch id to the name patrons know. */
  branchName: (branchId: string) => string;
  /**
   * The last day on or before a pick-up-by date (yyyy-MM-dd) that the branch is open: a hold kept
   * "until Sunday" at a branch closed on Sundays must be picked up by Saturday. The date itself
   * when the library's hours are not known here.
   */
  lastOpenDay?: (branchId: string, date: string) => string;
}

/** The day a ready hold must really be picked up by: its date, or the last open day before it. */
export function pickUpByDay(hold: Hold, wording: HoldsWording): string | undefined {
  if (hold.status.state !== 'ready' || !hold.status.pickUpBy) return undefined;
  return wording.lastOpenDay?.(hold.pickupBranchId, hold.status.pickUpBy) ?? hold.status.pickUpBy;
}

/** One work (title + author) with its records in each format, as the patron thinks of it. */
export interface WorkMatch {
  workKey: string;
  title: string;
  author: string;
  year: number;
  records: CatalogRecord[];
}

/** Words that end a holds conversation from any step. */
const stopWords = /^(cancel|stop|quit|exit|never ?mind|nevermind|no thanks|forget it)[.!]*$/i;
export function isStopRequest(text: string): boolean {
  return stopWords.test(text.trim());
}

const personWords =
  /\b((talk|speak|chat)\s+(to|with)\s+(a|an|the|some)?\s*(real\s+)?(person|human|librarian|staff( member)?|someone|somebody|agent)|real person|live agent)\b/i;
/** A request for a staff member, which other parts of the bot answer. */
export function isPersonRequest(text: string): boolean {
  return personWords.test(text);
}

const signOutWords = /^(please )?(sign|log) ?(me )?(out|off)( please)?[.!]*$/i;
export function isSignOutRequest(text: string): boolean {
  return signOutWords.test(text.trim());
}

export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

export function formatDay(isoDate: string): string {
  return DateTime.fromISO(isoDate).setLocale('en-US').toFormat('cccc, LLLL d');
}

export function formatLabel(format: CatalogFormat): string {
  return formatLabels[format];
}

/** "at Eastside Branch", or nothing when the library system did not name the pickup branch. */
function atBranch(hold: Hold, wording: HoldsWording, preposition = 'at'): string {
  return hold.pickupBranchId ? ` ${preposition} ${wording.branchName(hold.pickupBranchId)}` : '';
}

/** ": pick it up by Friday, March 13" (a day the branch is open), or nothing when the library system did not say. */
function pickUpByPhrase(hold: Hold, wording: HoldsWording): string {
  const day = pickUpByDay(hold, wording);
  return day ? `: pick it up by ${formatDay(day)}` : '';
}

/** "3rd in line of 5", "3rd in line", or "in line" when the library system does not say. */
function placeInLine(status: { queuePosition?: number; queueLength?: number }): string {
  if (status.queuePosition === undefined) return 'in line';
  const of = status.queueLength === undefined ? '' : ` of ${status.queueLength}`;
  return `${ordinal(status.queuePosition)} in line${of}`;
}

export function describeStatus(hold: Hold, wording: HoldsWording): string {
  switch (hold.status.state) {
    case 'ready':
      return `Ready for pickup${atBranch(hold, wording)}${pickUpByPhrase(hold, wording)}`;
    case 'in-transit':
      return hold.pickupBranchId ? `On its way${atBranch(hold, wording, 'to')}` : 'On its way to you';
    case 'waiting':
      return `Waiting: ${placeInLine(hold.status)}${hold.pickupBranchId ? `, for pickup${atBranch(hold, wording)}` : ''}`;
  }
}

function holdItem(hold: Hold, wording: HoldsWording): ListItem {
  return {
    title: hold.title,
    lines: [
      hold.author ? `${formatLabel(hold.format)} by ${hold.author}` : formatLabel(hold.format),
      describeStatus(hold, wording),
    ],
  };
}

/** The holds list; with `readyFirst` ("is my book ready?") it leads with what can be picked up. */
export function holdsListReplies(holds: Hold[], wording: HoldsWording, readyFirst = false): Reply[] {
  if (holds.length === 0) {
    return [
      {
        kind: 'text',
        text: 'You have no holds right now. Would you like to place one? Tell me a title or an author.',
      },
    ];
  }
  const replies: Reply[] = [];
  if (readyFirst) {
    const ready = holds.filter((h) => h.status.state === 'ready');
    replies.push({
      kind: 'text',
      text:
        ready.length === 0
          ? 'None of your holds is ready for pickup yet. Here is where each one is:'
          : ready.length === 1
            ? `Yes: ${ready[0].title} is ready${atBranch(ready[0], wording)}.`
            : `Yes: ${ready.length} of your holds are ready for pickup.`,
    });
  }
  const ordered = inPickupOrder(holds);
  replies.push({
    kind: 'list',
    title: holds.length === 1 ? 'Your hold' : `Your ${holds.length} holds`,
    items: ordered.map((h) => holdItem(h, wording)),
    footer: 'You can say "place a hold", "cancel a hold" or "sign out".',
  });
  return replies;
}

/** Normalized for comparing a named title with a hold's title. */
function titleWords(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;
}

/** The holds whose title the patron named ("where am I in line for Lessons in Chemistry?"). */
export function holdsNamed(holds: Hold[], named: string | undefined): Hold[] {
  if (!named || !named.trim()) return [];
  const said = titleWords(named);
  return holds.filter((h) => {
    const title = titleWords(h.title);
    // A very short title ("It") would match almost any sentence.
    return (
      (title.trim().length >= 4 && said.includes(title)) || (said.trim().length >= 4 && title.includes(said))
    );
  });
}

/** The answer about the named holds, before offering the rest. */
export function namedHoldsReply(named: Hold[], wording: HoldsWording): Reply {
  return {
    kind: 'list',
    title: named.length === 1 ? `Your hold on ${named[0].title}` : 'Those holds',
    items: named.map((h) => holdItem(h, wording)),
  };
}

/** "When do I have to pick it up by?": each ready hold's last day, or that none is ready yet. */
export function pickUpByReply(holds: Hold[], wording: HoldsWording): Reply {
  const ready = inPickupOrder(holds).filter((h) => h.status.state === 'ready');
  if (ready.length === 0)
    return {
      kind: 'text',
      text: "None of your holds is ready yet, so there's no pick-up date. I'll show it here once one is ready.",
    };
  const lines = ready.map(
    (h) =>
      `${h.title} at ${wording.branchName(h.pickupBranchId)}: pick it up by ${formatDay(pickUpByDay(h, wording)!)}.`,
  );
  return { kind: 'text', text: lines.join('\n') };
}

/** Asked to place a hold on something already held: where that hold is, right after the title is chosen. */
export function alreadyHeldText(hold: Hold, wording: HoldsWording): string {
  return `You already have a hold on ${hold.title}. ${describeStatus(hold, wording)}.`;
}

export function offerOtherHoldsReply(count: number): Reply {
  return {
    kind: 'confirm',
    prompt: `Would you like to see your other ${count === 1 ? 'hold' : `${count} holds`} too?`,
    yes: 'Yes, show them',
    no: 'No, thanks',
  };
}

/**
 * Ready first, then in transit, then waiting: the order of every holds list and of the cancel
 * menu, so "2" means the same hold in both.
 */
export function inPickupOrder(holds: Hold[]): Hold[] {
  return [...holds].sort((a, b) => rank(a) - rank(b));
}

function rank(hold: Hold): number {
  return hold.status.state === 'ready' ? 0 : hold.status.state === 'in-transit' ? 1 : 2;
}

/** Groups search results by work, keeping the ranking order of each work's best record. */
export function groupWorks(records: CatalogRecord[]): WorkMatch[] {
  const works = new Map<string, WorkMatch>();
  for (const record of records) {
    const work = works.get(record.workKey) ?? {
      workKey: record.workKey,
      title: record.title,
      author: record.author,
      year: record.year,
      records: [],
    };
    work.records.push(record);
    works.set(record.workKey, work);
  }
  return [...works.values()];
}

export function workLabel(work: WorkMatch): string {
  const formats = work.records
    .map((r) => formatLabel(r.format).replace(' (CD)', '').toLowerCase())
    .join(', ');
  return `${work.title} by ${work.author} (${work.year}; ${formats})`;
}

export function matchesReply(works: WorkMatch[]): Reply {
  return {
    kind: 'choice',
    prompt: works.length === 1 ? 'I found this. Is it the one?' : 'I found these. Which one would you like?',
    options: [...works.map((w) => ({ label: workLabel(w) })), { label: 'None of these' }],
    smsPrompt:
      works.length === 1
        ? 'I found this. Is it the one? Reply 1 or yes if it is, 2 if not:'
        : 'I found these. Reply with a number:',
  };
}

export function formatOptionLabel(record: CatalogRecord): string {
  if (!record.holdable && record.format === 'ebook') return 'eBook (borrow it in the e-reading app)';
  if (record.copies > 0 && record.availableCopies > 0)
    return `${formatLabel(record.format)} (on the shelf now)`;
  return formatLabel(record.format);
}

export function formatChoiceReply(work: WorkMatch): Reply {
  return {
    kind: 'choice',
    prompt: `${work.title} comes in ${work.records.length} formats. Which would you like?`,
    // The value is the plain format name, so "book" never matches "audiobook" or "ebook".
    options: work.records.map((r) => ({
      label: formatOptionLabel(r),
      value: formatLabel(r.format).replace(' (CD)', ''),
    })),
  };
}

export function pickupChoiceReply(locations: PickupLocation[], homeBranchId: string): Reply {
  const ordered = [
    ...locations.filter((l) => l.branchId === homeBranchId),
    ...locations.filter((l) => l.branchId !== homeBranchId),
  ];
  const options: ChoiceOption[] = ordered.map((l) => ({
    label: l.branchId === homeBranchId ? `${l.name} (your home branch)` : l.name,
  }));
  return { kind: 'choice', prompt: 'Where would you like to pick it up?', options };
}

export function placedReply(hold: Hold, wording: HoldsWording): Reply {
  const branch = hold.pickupBranchId ? wording.branchName(hold.pickupBranchId) : 'your pickup branch';
  const where =
    hold.status.state === 'waiting'
      ? `You are ${placeInLine({ queuePosition: hold.status.queuePosition })}. It will show as ready here when a copy reaches ${branch}.`
      : hold.status.state === 'in-transit'
        ? `A copy is available, so it is on its way to ${branch}. It will show as ready here when it arrives.`
        : `It is ready for pickup at ${branch}${pickUpByPhrase(hold, wording)}.`;
  return {
    kind: 'text',
    text: `Done: your hold on ${hold.title} (${formatLabel(hold.format)}) is placed. ${where}`,
  };
}

export function cancelChoiceReply(holds: Hold[]): Reply {
  return {
    kind: 'choice',
    prompt: 'Which hold would you like to cancel?',
    options: [...holds.map((h) => ({ label: `${h.title} (${formatLabel(h.format)})` })), { label: 'None' }],
  };
}

export function confirmCancelReply(hold: Hold): Reply {
  const losing =
    hold.status.state === 'waiting' && hold.status.queuePosition !== undefined
      ? ` You will lose your place in line (${ordinal(hold.status.queuePosition)}).`
      : '';
  return {
    kind: 'confirm',
    prompt: `Cancel your hold on ${hold.title} (${formatLabel(hold.format)})?${losing}`,
    yes: 'Yes, cancel it',
    no: 'No, keep it',
  };
}

export function cancelledReply(hold: Hold): Reply {
  return { kind: 'text', text: `Your hold on ${hold.title} is cancelled.` };
}

/** A clear, specific message for each refusal; `what` names the item when there is one. */
export function refusalText(error: LibrarySystemError, wording: HoldsWording, what?: string): string {
  const item = what ?? 'that item';
  switch (error.code) {
    case 'already-on-hold':
      return `You already have a hold on ${item}. Say "my holds" to see where it is.`;
    case 'hold-limit-reached': {
      const limit = error instanceof HoldLimitReachedError ? ` (${error.limit})` : '';
      return `Your account already has the most holds it can have${limit}. Cancel one you no longer need, then try again.`;
    }
    case 'patron-blocked': {
      const why =
        error instanceof PatronBlockedError && error.reasons.length > 0
          ? ` because of ${error.reasons.join(' and ')}`
          : '';
      return `Your account can't place holds right now${why}. You can pay at any branch or call ${wording.library.phone}, and then holds will work again.`;
    }
    case 'not-holdable': {
      const reason = error instanceof NotHoldableError ? error.reason : undefined;
      if (reason === 'digital') {
        return `${item} is an eBook: borrow it or join its waitlist in the library's e-reading app instead.`;
      }
      if (reason === 'library-use-only') return `${item} stays in the library: you can use it at any branch.`;
      return `${item} can't be placed on hold. It may have been withdrawn from the collection.`;
    }
    case 'pickup-not-allowed':
      return 'Holds can’t be picked up there. Please choose one of the branch buildings.';
    case 'hold-not-found':
      return 'I couldn’t find that hold on your account any more. It may already be picked up or cancelled.';
    case 'hold-not-changeable':
      return 'That hold is already waiting on the hold shelf, so its pickup branch can’t change.';
    case 'patron-not-verified':
      return 'Please sign in again.';
    case 'checkout-not-found':
      return `I couldn’t find ${what ?? 'that item'} among the items checked out to you.`;
    case 'not-supported': {
      // Holds placed in the library's own catalog when the chat cannot search or place them.
      const online = wording.library.website
        ? ` Use the library's catalog at ${wording.library.website}, or`
        : ' Please';
      return `I can't do that here in the chat with this library's system.${online} call ${wording.library.phone}.`;
    }
    case 'unavailable':
      return outageText(wording);
  }
}

export function outageText(wording: HoldsWording): string {
  const online = wording.library.website ? ` use the catalog at ${wording.library.website},` : '';
  return (
    `I'm sorry, the library's account system isn't answering right now, so I can't do that at the moment. ` +
    `You can try again in a few minutes,${online} or call ${wording.library.phone}.`
  );
}

/** The outage apology with the offer of a person (a choice whose value is a normal message). */
export function outageReplies(wording: HoldsWording): Reply[] {
  return [
    { kind: 'text', text: outageText(wording) },
    {
      kind: 'choice',
      prompt: 'Would you like to talk to a staff member?',
      options: [
        { label: 'Talk to a person', value: 'talk to a person' },
        { label: 'No, thanks', value: 'no thanks' },
      ],
    },
  ];
}

// ---- sign-in ---------------------------------------------------------------------------------

export const signInText = {
  askCard:
    "First I need to sign you in. What's your library card number? It's the long number on the back of your card.",
  askPin: 'Thanks. Now your PIN, please. I will not repeat it or keep it.',
  cardOnly: "Please send just the card number first; I'll ask for your PIN separately.",
  notACard: "That doesn't look like a library card number. It's the long number on the back of your card.",
  notVerified: (attemptsLeft: number) =>
    `That card number and PIN didn't match our records.` +
    (attemptsLeft > 0 && attemptsLeft <= 2
      ? ` (${attemptsLeft} more ${attemptsLeft === 1 ? 'try' : 'tries'} before sign-in pauses.)`
      : '') +
    " Let's try again: what's your library card number?",
  locked: (minutes: number, phone: string) =>
    `For your security, sign-in is paused after several unsuccessful tries. Please try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or call ${phone} and staff can help.`,
  pinNotRead: 'Sorry, I need to ask for your PIN again. Please send just your PIN.',
  signedIn: (name: string) => `Thanks, ${name.split(' ')[0]}: you're signed in.`,
  expired: 'You were signed out after a while without activity, to keep your account private.',
  signedOut: "You're signed out. Anyone using this device can't see your account now.",
  notSignedIn: "You weren't signed in.",
  stopped: 'OK, I stopped. What else can I help you with?',
};
