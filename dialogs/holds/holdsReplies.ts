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
  type CatalogFormat,
  type CatalogRecord,
  type Hold,
  type LibrarySystemFeatures,
  type PickupLocation,
} from '../../library/librarySystem/librarySystem';
import type { Messages } from '../../library/language/catalog';

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

/** Lower case without accents, so "cerrar sesión" and "cerrar sesion" read the same. */
function plain(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** Words that end a holds conversation from any step, in English and Spanish. */
const stopWords =
  /^(cancel|stop|quit|exit|never ?mind|nevermind|no thanks|forget it|cancelar|parar|basta|salir|no gracias|olvidalo|olvidelo|dejalo|dejelo|mejor no)[.!]*$/i;
export function isStopRequest(text: string): boolean {
  return stopWords.test(plain(text));
}

const personWords =
  /\b((talk|speak|chat)\s+(to|with)\s+(a|an|the|some)?\s*(real\s+)?(person|human|librarian|staff( member)?|someone|somebody|agent)|real person|live agent|hablar\s+con\s+(una\s+persona|alguien|un[ao]?\s+(bibliotecari[ao]|emplead[ao]|agente)|el\s+personal))\b/i;
/** A request for a staff member, which other parts of the bot answer. */
export function isPersonRequest(text: string): boolean {
  return personWords.test(plain(text));
}

const signOutWords =
  /^(please )?((sign|log) ?(me )?(out|off)( please)?|cerrar (la |mi )?sesion|salir de mi cuenta)( por favor)?[.!]*$/i;
export function isSignOutRequest(text: string): boolean {
  return signOutWords.test(plain(text));
}

export function ordinal(m: Messages, n: number): string {
  return m.holds.ordinal(n);
}

/** A yyyy-MM-dd date as the patron reads it: "Friday, March 13", "viernes 13 de marzo". */
export function formatDay(m: Messages, isoDate: string): string {
  return m.dates.longDate(DateTime.fromISO(isoDate));
}

export function formatLabel(m: Messages, format: CatalogFormat): string {
  return m.holds.formats[format];
}

/** "at Eastside Branch", or nothing when the library system did not name the pickup branch. */
function atBranch(m: Messages, hold: Hold, wording: HoldsWording): string {
  return hold.pickupBranchId ? m.holds.atBranch(wording.branchName(hold.pickupBranchId)) : '';
}

/** ": pick it up by Friday, March 13" (a day the branch is open), or nothing when the library system did not say. */
function pickUpByPhrase(m: Messages, hold: Hold, wording: HoldsWording): string {
  const day = pickUpByDay(hold, wording);
  return day ? m.holds.pickUpBy(formatDay(m, day)) : '';
}

/** "3rd in line of 5", "3rd in line", or "in line" when the library system does not say. */
function placeInLine(m: Messages, status: { queuePosition?: number; queueLength?: number }): string {
  return m.holds.placeInLine(status.queuePosition, status.queueLength);
}

export function describeStatus(m: Messages, hold: Hold, wording: HoldsWording): string {
  switch (hold.status.state) {
    case 'ready':
      return m.holds.ready(atBranch(m, hold, wording), pickUpByPhrase(m, hold, wording));
    case 'in-transit':
      return m.holds.inTransit(
        hold.pickupBranchId ? m.holds.toBranch(wording.branchName(hold.pickupBranchId)) : '',
      );
    case 'waiting': {
      const until = hold.suspended?.until;
      const paused = hold.suspended ? (until ? m.holds.pausedUntil(formatDay(m, until)) : '') : undefined;
      return m.holds.waiting(paused, placeInLine(m, hold.status), atBranch(m, hold, wording));
    }
  }
}

function holdItem(m: Messages, hold: Hold, wording: HoldsWording): ListItem {
  const format = formatLabel(m, hold.format);
  return {
    title: hold.title,
    lines: [hold.author ? m.holds.formatBy(format, hold.author) : format, describeStatus(m, hold, wording)],
  };
}

/** What the holds list offers, only as far as the library system supports it. */
export function holdsFooter(m: Messages, features?: Partial<LibrarySystemFeatures>): string {
  const asks = m.holds.footerAsks;
  return m.holds.footer([
    ...(features?.placeHold === false ? [] : [asks.place]),
    ...(features?.cancelHold === false ? [] : [asks.cancel]),
    ...(features?.changePickup ? [asks.change] : []),
    ...(features?.suspendHold ? [asks.pause] : []),
    asks.signOut,
  ]);
}

/** The holds list; with `readyFirst` ("is my book ready?") it leads with what can be picked up. */
export function holdsListReplies(
  m: Messages,
  holds: Hold[],
  wording: HoldsWording,
  readyFirst = false,
  features?: Partial<LibrarySystemFeatures>,
): Reply[] {
  if (holds.length === 0) return [{ kind: 'text', text: m.holds.none }];
  const replies: Reply[] = [];
  if (readyFirst) {
    const ready = holds.filter((h) => h.status.state === 'ready');
    replies.push({
      kind: 'text',
      text:
        ready.length === 0
          ? m.holds.noneReady
          : ready.length === 1
            ? m.holds.oneReady(ready[0].title, atBranch(m, ready[0], wording))
            : m.holds.someReady(ready.length),
    });
  }
  const ordered = inPickupOrder(holds);
  replies.push({
    kind: 'list',
    title: m.holds.listTitle(holds.length),
    items: ordered.map((h) => holdItem(m, h, wording)),
    footer: holdsFooter(m, features),
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
export function namedHoldsReply(m: Messages, named: Hold[], wording: HoldsWording): Reply {
  return {
    kind: 'list',
    title: m.holds.namedTitle(named.map((h) => h.title)),
    items: named.map((h) => holdItem(m, h, wording)),
  };
}

/** "When do I have to pick it up by?": each ready hold's last day, or that none is ready yet. */
export function pickUpByReply(m: Messages, holds: Hold[], wording: HoldsWording): Reply {
  const ready = inPickupOrder(holds).filter((h) => h.status.state === 'ready');
  if (ready.length === 0) return { kind: 'text', text: m.holds.noPickUpDate };
  const lines = ready.map((h) =>
    m.holds.pickUpByLine(
      h.title,
      wording.branchName(h.pickupBranchId),
      formatDay(m, pickUpByDay(h, wording)!),
    ),
  );
  return { kind: 'text', text: lines.join('\n') };
}

/** Asked to place a hold on something already held: where that hold is, right after the title is chosen. */
export function alreadyHeldText(m: Messages, hold: Hold, wording: HoldsWording): string {
  return m.holds.alreadyHeld(hold.title, describeStatus(m, hold, wording));
}

export function offerOtherHoldsReply(m: Messages, count: number): Reply {
  return { kind: 'confirm', prompt: m.holds.offerOthers(count), yes: m.holds.showThem, no: m.holds.noThanks };
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

/** A format without " (CD)": the word a patron types for it. */
function plainFormat(m: Messages, format: CatalogFormat): string {
  return formatLabel(m, format).replace(' (CD)', '');
}

export function workLabel(m: Messages, work: WorkMatch): string {
  const formats = work.records.map((r) => plainFormat(m, r.format).toLowerCase());
  return m.holds.workLabel(work.title, work.author, work.year, formats);
}

export function matchesReply(m: Messages, works: WorkMatch[]): Reply {
  const one = works.length === 1;
  return {
    kind: 'choice',
    prompt: one ? m.holds.foundOne : m.holds.foundSome,
    options: [...works.map((w) => ({ label: workLabel(m, w) })), { label: m.holds.noneOfThese }],
    smsPrompt: one ? m.holds.foundOneSms : m.holds.foundSomeSms,
  };
}

export function formatOptionLabel(m: Messages, record: CatalogRecord): string {
  if (!record.holdable && record.format === 'ebook') return m.holds.ebookOption;
  if (record.copies > 0 && record.availableCopies > 0) return m.holds.onShelf(formatLabel(m, record.format));
  return formatLabel(m, record.format);
}

export function formatChoiceReply(m: Messages, work: WorkMatch): Reply {
  return {
    kind: 'choice',
    prompt: m.holds.whichFormat(work.title, work.records.length),
    // The value is the plain format name, so "book" never matches "audiobook" or "ebook".
    options: work.records.map((r) => ({ label: formatOptionLabel(m, r), value: plainFormat(m, r.format) })),
  };
}

export function pickupChoiceReply(m: Messages, locations: PickupLocation[], homeBranchId: string): Reply {
  const ordered = [
    ...locations.filter((l) => l.branchId === homeBranchId),
    ...locations.filter((l) => l.branchId !== homeBranchId),
  ];
  const options: ChoiceOption[] = ordered.map((l) => ({
    label: l.branchId === homeBranchId ? m.holds.homeBranchOption(l.name) : l.name,
  }));
  return { kind: 'choice', prompt: m.holds.wherePickUp, options };
}

export function placedReply(m: Messages, hold: Hold, wording: HoldsWording): Reply {
  const branch = hold.pickupBranchId ? wording.branchName(hold.pickupBranchId) : m.holds.yourPickupBranch;
  const where =
    hold.status.state === 'waiting'
      ? m.holds.placedWaiting(placeInLine(m, { queuePosition: hold.status.queuePosition }), branch)
      : hold.status.state === 'in-transit'
        ? m.holds.placedInTransit(branch)
        : m.holds.placedReady(branch, pickUpByPhrase(m, hold, wording));
  return { kind: 'text', text: m.holds.placed(hold.title, formatLabel(m, hold.format), where) };
}

export function cancelChoiceReply(m: Messages, holds: Hold[]): Reply {
  return {
    kind: 'choice',
    prompt: m.holds.whichToCancel,
    options: [
      ...holds.map((h) => ({ label: m.holds.titleAndFormat(h.title, formatLabel(m, h.format)) })),
      { label: m.holds.noneOption },
    ],
  };
}

export function confirmCancelReply(m: Messages, hold: Hold): Reply {
  const losing =
    hold.status.state === 'waiting' && hold.status.queuePosition !== undefined
      ? m.holds.loseYourPlace(ordinal(m, hold.status.queuePosition))
      : '';
  return {
    kind: 'confirm',
    prompt: m.holds.confirmCancel(m.holds.titleAndFormat(hold.title, formatLabel(m, hold.format)), losing),
    yes: m.holds.cancelIt,
    no: m.holds.keepIt,
  };
}

export function cancelledReply(m: Messages, hold: Hold): Reply {
  return { kind: 'text', text: m.holds.cancelled(hold.title) };
}

/** A clear, specific message for each refusal; `what` names the item when there is one. */
export function refusalText(
  m: Messages,
  error: LibrarySystemError,
  wording: HoldsWording,
  what?: string,
): string {
  const says = m.holds.refusals;
  const item = what ?? says.thatItem;
  const { phone, website } = wording.library;
  switch (error.code) {
    case 'already-on-hold':
      return says.alreadyOnHold(item);
    case 'hold-limit-reached':
      return says.holdLimit(error instanceof HoldLimitReachedError ? error.limit : undefined);
    case 'patron-blocked':
      return says.blocked(error instanceof PatronBlockedError ? error.reasons : [], phone);
    case 'not-holdable': {
      const reason = error instanceof NotHoldableError ? error.reason : undefined;
      if (reason === 'digital') return says.digital(item);
      if (reason === 'library-use-only') return says.libraryUseOnly(item);
      return says.notHoldable(item);
    }
    case 'pickup-not-allowed':
      return says.pickupNotAllowed;
    case 'hold-not-found':
      return says.holdNotFound;
    case 'hold-not-changeable':
      return says.notChangeable;
    case 'patron-not-verified':
      return says.notVerified;
    case 'checkout-not-found':
      return says.checkoutNotFound(item);
    case 'not-supported':
      // Holds placed in the library's own catalog when the chat cannot search or place them.
      return says.notSupported(website, phone);
    case 'unavailable':
      return outageText(m, wording);
  }
}

export function outageText(m: Messages, wording: HoldsWording): string {
  return m.holds.outage(wording.library.website, wording.library.phone);
}

/** The outage apology with the offer of a person (a choice whose value is a normal message). */
export function outageReplies(m: Messages, wording: HoldsWording): Reply[] {
  return [
    { kind: 'text', text: outageText(m, wording) },
    {
      kind: 'choice',
      prompt: m.holds.outageOffer,
      options: [
        { label: m.holds.talkToPerson, value: 'talk to a person' },
        { label: m.holds.noThanks, value: 'no thanks' },
      ],
    },
  ];
}
