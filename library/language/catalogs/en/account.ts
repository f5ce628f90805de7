// English: the account: checkouts, renewals, fines, pause (dialogs/account/).
// The shape of this section is the type the Spanish one (../es/account.ts) must fill. Dates arrive
// formatted by the catalog's `dates`; amounts by formatMoney.
import type { PatronBlock, RenewRefusalReason } from '../../../librarySystem/librarySystem';

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export const accountEn = {
  overdueDaysAgo: (day: string, days: number) => `Overdue: it was due ${day} (${count(days, 'day')} ago)`,
  overdue: (day: string) => `Overdue: it was due ${day}`,
  dueToday: (day: string) => `Due today, ${day}`,
  dueTomorrow: (day: string) => `Due tomorrow, ${day}`,
  dueInDays: (day: string, days: number) => `Due ${day} (in ${days} days)`,
  due: (day: string) => `Due ${day}`,
  /** Why an item can't be renewed, after "Can't be renewed: ". */
  refusalReasons: {
    'on-hold-for-others': 'another patron is waiting for it',
    'renewal-limit': 'it has been renewed the most times allowed',
    'patron-blocked': 'your account is blocked',
    'too-soon': "it's too soon to renew it",
    'not-renewable': "this item can't be renewed",
    other: "the library's system didn't say why",
  } as Record<RenewRefusalReason, string>,
  canRenew: 'Can be renewed',
  canRenewLeft: (left: number) => `Can be renewed (${count(left, 'renewal')} left)`,
  cannotRenew: (reason: string) => `Can't be renewed: ${reason}`,
  /** The message a "Renew this" button sends (read by the renew conversation like typed text). */
  renewRequest: (title: string) => `renew ${title}`,
  renewThis: 'Renew this',
  footerAsks: { renewAll: '"renew all"', renewTitle: '"renew" and a title', owe: '"what do I owe"' },
  footer: (asks: string[]) => {
    const last = asks[asks.length - 1];
    const rest = asks.slice(0, -1);
    return `You can say ${rest.length ? `${rest.join(', ')} or ${last}` : last}.`;
  },
  nothingOut: 'You have nothing checked out right now.',
  nextDue: (items: number, title: string, due: string) =>
    `You have ${count(items, 'item')} checked out. The next one due is ${title}: ${due.charAt(0).toLowerCase()}${due.slice(1)}.`,
  oneOverdue: (items: number, title: string, day: string) =>
    `You have ${count(items, 'item')} checked out, and 1 is overdue: ${title}, due ${day}.`,
  someOverdue: (items: number, overdue: number) =>
    `You have ${count(items, 'item')} checked out, and ${overdue} are overdue.`,
  checkoutsTitle: (items: number) => (items === 1 ? 'Checked out to you' : `Your ${items} checkouts`),
  whichToRenew: 'Which would you like to renew?',
  allOfThem: 'All of them',
  none: 'None',
  returnBy: (day: string) => ` Please return it by ${day}.`,
  advice: {
    onHoldForOthers: (returnBy: string) => `another patron is waiting for it.${returnBy}`,
    renewalLimit: (returnBy: string) => `it has been renewed the most times allowed.${returnBy}`,
    blocked: (because: string) => `${because}. Say "what do I owe" to see why and how to clear it.`,
    tooSoon: "it's too soon to renew it. Try again closer to its due date.",
    notRenewable: (returnBy: string) => `this item can't be renewed.${returnBy}`,
    other: (phone: string) =>
      `the library's system said no without a reason I can read. Staff can tell you why: call ${phone}.`,
  },
  blockedBecause: (reasons: string[]) =>
    reasons.length === 0
      ? 'your account is blocked'
      : `your account is blocked because of ${reasons.join(' and ')}`,
  renewedLine: (day: string) => `Renewed: now due ${day}`,
  notRenewedLine: (advice: string) => `Not renewed: ${advice}`,
  nothingToRenew: 'You have nothing checked out to renew.',
  renewedNothing: "OK, I didn't renew anything.",
  renewedOne: (title: string, day: string) => `Renewed: ${title} is now due ${day}.`,
  couldNotRenew: (title: string, advice: string) => `I couldn't renew ${title}: ${advice}`,
  couldNotRenewAny: (advice: string) => `I couldn't renew anything: ${advice}`,
  renewedAll: (items: number) => `Done: I renewed all ${items} items.`,
  renewedNone: (items: number) => `I couldn't renew any of your ${items} items. Here is why:`,
  renewedSome: (renewed: number, items: number) => `I renewed ${renewed} of your ${items} items.`,
  renewalsTitle: 'Renewals',
  /** What clears each kind of block. */
  clears: (kind: PatronBlock['kind'], phone: string) =>
    ({
      fines: 'once it is paid',
      'expired-card': 'once the card is renewed at any branch (bring a photo ID)',
      'lost-card': 'once you have a replacement card from any branch',
      'overdue-items': 'once the overdue items are returned',
      other: `when staff clear it: call ${phone}`,
    })[kind],
  blockSentence: (description: string, clears: string) =>
    `Your account is blocked because of ${description}, so you can't place holds or renew items. That ends ${clears}.`,
  callToPay: (phone: string) => `To pay or to ask about a charge, call ${phone}.`,
  more: (link: string) => `\nMore: ${link}`,
  howToPay: (text: string) => `How to pay: ${text}`,
  /** Whether the library's fines FAQ (written in English) is said as is in this language. */
  saysPaymentFaq: true as boolean,
  finesUnknown: (phone: string) =>
    `I can't see fines and fees with this library's system here. Staff can tell you: call ${phone}.`,
  oweNothingBlocked: (blocked: string) => `You don't owe anything. ${blocked}`,
  oweNothing: "You don't owe anything, and your account is in good standing.",
  youOwe: (total: string) => `You owe ${total}.`,
  notBlocked: 'Your account is not blocked: you can still place holds and renew items.',
  oweNotBlocking: (total: string) => ` You owe ${total}, which doesn't block your account.`,
  atHoldLimit: (holds: number, owed: string) =>
    `You have ${count(holds, 'hold')}, the most your account can have, so a new hold waits until one is picked up or cancelled.${owed}`,
  nothingStopsHolds: (owed: string) =>
    `Nothing on your account stops you from placing holds.${owed} Tell me a title and I will try.`,
  notSupportedWhat: {
    checkouts: 'show what you have checked out',
    renew: 'renew items',
    fines: 'show fines and fees',
  },
  notSupported: (what: string, website: string | undefined, phone: string) =>
    `I can't ${what} here in the chat with this library's system. You can do it in your library account${website ? ` at ${website}` : ''}, or call ${phone}.`,
};

export type AccountMessages = typeof accountEn;
