// What the account conversations say (checkouts and due dates, renewals, fines and blocks), as
// channel-neutral Reply objects. Plain functions, so the wording is tested without a bot and a
// message catalog for another language can replace this module. Dates arrive as yyyy-MM-dd in the
// library's time zone (the library system's own dates); "today" is the library's today.
import { DateTime } from 'luxon';
import type { ListItem, Reply } from '../../channels/reply';
import { formatMoney } from '../../library/librarySystem/money';
import type {
  Checkout,
  Fines,
  LibrarySystemFeatures,
  PatronBlock,
  RenewOutcome,
  RenewRefusalReason,
  RenewResult,
} from '../../library/librarySystem/librarySystem';
import { formatDay, formatLabel, type HoldsWording } from '../holds/holdsReplies';

/** How to pay, taken from the library's own fines FAQ entry (see paymentFromFaq). */
export interface PaymentAdvice {
  text: string;
  smsText?: string;
  link?: string;
}

export interface AccountWording extends HoldsWording {
  payment?: PaymentAdvice;
}

// ---- dates -----------------------------------------------------------------------------------

function daysBetween(from: string, to: string): number {
  return Math.round(DateTime.fromISO(to).diff(DateTime.fromISO(from), 'days').days);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "Overdue: it was due Friday, March 6 (4 days ago)", "Due tomorrow, Wednesday, March 11". */
export function dueText(checkout: Pick<Checkout, 'dueDate' | 'overdue'>, today: string): string {
  const day = formatDay(checkout.dueDate);
  const days = daysBetween(today, checkout.dueDate);
  if (checkout.overdue || days < 0) {
    return days < 0
      ? `Overdue: it was due ${day} (${plural(-days, 'day')} ago)`
      : `Overdue: it was due ${day}`;
  }
  if (days === 0) return `Due today, ${day}`;
  if (days === 1) return `Due tomorrow, ${day}`;
  if (days <= 6) return `Due ${day} (in ${days} days)`;
  return `Due ${day}`;
}

// ---- checkouts -------------------------------------------------------------------------------

const refusalReasons: Record<RenewRefusalReason, string> = {
  'on-hold-for-others': 'another patron is waiting for it',
  'renewal-limit': 'it has been renewed the most times allowed',
  'patron-blocked': 'your account is blocked',
  'too-soon': "it's too soon to renew it",
  'not-renewable': "this item can't be renewed",
  other: "the library's system didn't say why",
};

/** "Can't be renewed: another patron is waiting for it", "Can be renewed (2 renewals left)". */
export function renewabilityText(checkout: Checkout): string | undefined {
  const renewal = checkout.renewal;
  if (renewal.state === 'renewable') {
    return renewal.renewalsLeft === undefined
      ? 'Can be renewed'
      : `Can be renewed (${plural(renewal.renewalsLeft, 'renewal')} left)`;
  }
  if (renewal.state === 'not-renewable') return `Can't be renewed: ${refusalReasons[renewal.reason]}`;
  return undefined;
}

/** Overdue first (the longest overdue first), then by due date. */
export function inDueOrder(checkouts: readonly Checkout[]): Checkout[] {
  return [...checkouts].sort(
    (a, b) => Number(b.overdue) - Number(a.overdue) || a.dueDate.localeCompare(b.dueDate),
  );
}

function byLine(item: { format: Checkout['format']; author: string }): string {
  return item.author ? `${formatLabel(item.format)} by ${item.author}` : formatLabel(item.format);
}

/** The value a "Renew this" button sends: a message the renew conversation reads like typed text. */
export function renewRequest(title: string): string {
  return `renew ${title}`;
}

function checkoutItem(checkout: Checkout, today: string, canRenew: boolean): ListItem {
  const renewability = renewabilityText(checkout);
  const item: ListItem = {
    title: checkout.title,
    lines: [byLine(checkout), dueText(checkout, today), ...(renewability ? [renewability] : [])],
  };
  if (canRenew && checkout.renewal.state !== 'not-renewable')
    item.action = { label: 'Renew this', value: renewRequest(checkout.title) };
  return item;
}

/** What else the patron can ask here, only as far as the library system supports it. */
function accountFooter(features: Pick<LibrarySystemFeatures, 'renew' | 'fines'>): string | undefined {
  const asks = [
    ...(features.renew ? ['"renew all"', '"renew" and a title'] : []),
    ...(features.fines ? ['"what do I owe"'] : []),
  ];
  if (asks.length === 0) return undefined;
  const last = asks.pop()!;
  return `You can say ${asks.length ? `${asks.join(', ')} or ${last}` : last}.`;
}

/** The summary line, then the list: overdue items first and said plainly. */
export function checkoutsReplies(
  checkouts: readonly Checkout[],
  today: string,
  features: Pick<LibrarySystemFeatures, 'renew' | 'fines'>,
): Reply[] {
  if (checkouts.length === 0) return [{ kind: 'text', text: 'You have nothing checked out right now.' }];
  const ordered = inDueOrder(checkouts);
  const overdue = ordered.filter((c) => c.overdue);
  const count = plural(checkouts.length, 'item');
  const summary =
    overdue.length === 0
      ? `You have ${count} checked out. The next one due is ${ordered[0].title}: ${lowerFirst(dueText(ordered[0], today))}.`
      : overdue.length === 1
        ? `You have ${count} checked out, and 1 is overdue: ${overdue[0].title}, due ${formatDay(overdue[0].dueDate)}.`
        : `You have ${count} checked out, and ${overdue.length} are overdue.`;
  const footer = accountFooter(features);
  return [
    { kind: 'text', text: summary },
    {
      kind: 'list',
      title: checkouts.length === 1 ? 'Checked out to you' : `Your ${checkouts.length} checkouts`,
      items: ordered.map((c) => checkoutItem(c, today, features.renew)),
      ...(footer ? { footer } : {}),
    },
  ];
}

// ---- renewals --------------------------------------------------------------------------------

export const RENEW_ALL_VALUE = 'All of them';
export const RENEW_NONE_VALUE = 'None';

export function renewChoiceReply(checkouts: readonly Checkout[]): Reply {
  return {
    kind: 'choice',
    prompt: 'Which would you like to renew?',
    options: [
      ...checkouts.map((c) => ({ label: `${c.title} (${formatLabel(c.format)})`, value: c.title })),
      { label: RENEW_ALL_VALUE },
      { label: RENEW_NONE_VALUE },
    ],
  };
}

/** What a refusal means for the patron: the reason and what to do. */
function refusalAdvice(
  reason: RenewRefusalReason,
  dueDate: string | undefined,
  wording: HoldsWording,
  blocks: readonly PatronBlock[],
): string {
  const returnBy = dueDate ? ` Please return it by ${formatDay(dueDate)}.` : '';
  switch (reason) {
    case 'on-hold-for-others':
      return `another patron is waiting for it.${returnBy}`;
    case 'renewal-limit':
      return `it has been renewed the most times allowed.${returnBy}`;
    case 'patron-blocked':
      return `${blockedBecause(blocks)}. Say "what do I owe" to see why and how to clear it.`;
    case 'too-soon':
      return "it's too soon to renew it. Try again closer to its due date.";
    case 'not-renewable':
      return `this item can't be renewed.${returnBy}`;
    case 'other':
      return `the library's system said no without a reason I can read. Staff can tell you why: call ${wording.library.phone}.`;
  }
}

/** "your account is blocked because of $42.50 in unpaid fines" (or without the reason when unknown). */
function blockedBecause(blocks: readonly PatronBlock[]): string {
  return blocks.length === 0
    ? 'your account is blocked'
    : `your account is blocked because of ${blocks.map((b) => b.description).join(' and ')}`;
}

function outcomeLine(
  outcome: RenewOutcome,
  dueBefore: string | undefined,
  wording: HoldsWording,
  blocks: readonly PatronBlock[],
): string {
  if (outcome.renewed) return `Renewed: now due ${formatDay(outcome.dueDate)}`;
  return `Not renewed: ${refusalAdvice(outcome.reason, dueBefore, wording, blocks)}`;
}

/**
 * Each result said plainly: renewed until when, or why not and what to do. `dueDates` are the due
 * dates before renewing (to say "return it by"); `blocks` word a blocked account's reason.
 */
export function renewResultsReplies(
  results: readonly RenewResult[],
  dueDates: ReadonlyMap<string, string>,
  wording: HoldsWording,
  blocks: readonly PatronBlock[],
): Reply[] {
  if (results.length === 0) return [{ kind: 'text', text: 'You have nothing checked out to renew.' }];
  if (results.length === 1) {
    const [{ title, outcome, itemId }] = results;
    const text = outcome.renewed
      ? `Renewed: ${title} is now due ${formatDay(outcome.dueDate)}.`
      : `I couldn't renew ${title}: ${refusalAdvice(outcome.reason, dueDates.get(itemId), wording, blocks)}`;
    return [{ kind: 'text', text }];
  }
  const renewed = results.filter((r) => r.outcome.renewed).length;
  if (renewed === 0 && results.every((r) => !r.outcome.renewed && r.outcome.reason === 'patron-blocked')) {
    const text = `I couldn't renew anything: ${refusalAdvice('patron-blocked', undefined, wording, blocks)}`;
    return [{ kind: 'text', text }];
  }
  const summary =
    renewed === results.length
      ? `Done: I renewed all ${results.length} items.`
      : renewed === 0
        ? `I couldn't renew any of your ${results.length} items. Here is why:`
        : `I renewed ${renewed} of your ${results.length} items.`;
  return [
    { kind: 'text', text: summary },
    {
      kind: 'list',
      title: 'Renewals',
      items: results.map((r) => ({
        title: r.title,
        lines: [outcomeLine(r.outcome, dueDates.get(r.itemId), wording, blocks)],
      })),
    },
  ];
}

// ---- fines and blocks ------------------------------------------------------------------------

/** What each kind of block stops and what clears it. */
function blockSentence(block: PatronBlock, wording: HoldsWording): string {
  const clears: Record<PatronBlock['kind'], string> = {
    fines: 'once it is paid',
    'expired-card': 'once the card is renewed at any branch (bring a photo ID)',
    'lost-card': 'once you have a replacement card from any branch',
    'overdue-items': 'once the overdue items are returned',
    other: `when staff clear it: call ${wording.library.phone}`,
  };
  return `Your account is blocked because of ${block.description}, so you can't place holds or renew items. That ends ${clears[block.kind]}.`;
}

export function blocksText(blocks: readonly PatronBlock[], wording: HoldsWording): string | undefined {
  if (blocks.length === 0) return undefined;
  return blocks.map((b) => blockSentence(b, wording)).join(' ');
}

function feeLabel(line: Fines['lines'][number]): string {
  return line.title ? `${line.description}: ${line.title}` : line.description;
}

/** "How to pay: ..." from the library's FAQ, or its phone number when the FAQ says nothing. */
export function paymentReply(wording: AccountWording): Reply {
  const payment = wording.payment;
  const fallback = `To pay or to ask about a charge, call ${wording.library.phone}.`;
  const more = payment?.link ? `\nMore: ${payment.link}` : '';
  const text = payment?.text ? `How to pay: ${payment.text}${more}` : `${fallback}${more}`;
  const sms = payment?.smsText ? `How to pay: ${payment.smsText}${more}` : undefined;
  return { kind: 'text', text, ...(sms ? { smsText: sms } : {}) };
}

/**
 * The patron's own balance with its lines, then why the account is blocked (if it is), then how to
 * pay. `fines` is undefined when the library system cannot tell fines here.
 */
export function finesReplies(
  fines: Fines | undefined,
  blocks: readonly PatronBlock[],
  wording: AccountWording,
): Reply[] {
  const replies: Reply[] = [];
  const blocked = blocksText(blocks, wording);
  if (!fines) {
    replies.push({
      kind: 'text',
      text: `I can't see fines and fees with this library's system here. Staff can tell you: call ${wording.library.phone}.`,
    });
    if (blocked) replies.push({ kind: 'text', text: blocked });
    return replies;
  }
  if (fines.totalCents <= 0) {
    replies.push({
      kind: 'text',
      text: blocked
        ? `You don't owe anything. ${blocked}`
        : "You don't owe anything, and your account is in good standing.",
    });
    return replies;
  }
  const total = formatMoney(fines.totalCents, fines.currency);
  replies.push(
    fines.lines.length > 0
      ? {
          kind: 'table',
          title: `You owe ${total}.`,
          rows: fines.lines.map((line) => ({
            label: feeLabel(line),
            value: formatMoney(line.amountCents, fines.currency),
          })),
        }
      : { kind: 'text', text: `You owe ${total}.` },
  );
  replies.push({
    kind: 'text',
    text: blocked ?? 'Your account is not blocked: you can still place holds and renew items.',
  });
  replies.push(paymentReply(wording));
  return replies;
}

/** Answers "why can't I place holds" when nothing blocks the account. */
export function holdLimitText(holdCount: number, holdLimit: number, fines?: Fines): string {
  const owed =
    fines && fines.totalCents > 0
      ? ` You owe ${formatMoney(fines.totalCents, fines.currency)}, which doesn't block your account.`
      : '';
  return holdCount >= holdLimit
    ? `You have ${plural(holdCount, 'hold')}, the most your account can have, so a new hold waits until one is picked up or cancelled.${owed}`
    : `Nothing on your account stops you from placing holds.${owed} Tell me a title and I will try.`;
}

// ---- what the library system cannot do ------------------------------------------------------

/** Said plainly, with where it can be done instead. */
export function notSupportedText(feature: 'checkouts' | 'renew' | 'fines', wording: HoldsWording): string {
  const what = {
    checkouts: 'show what you have checked out',
    renew: 'renew items',
    fines: 'show fines and fees',
  }[feature];
  const online = wording.library.website ? ` at ${wording.library.website}` : '';
  return `I can't ${what} here in the chat with this library's system. You can do it in your library account${online}, or call ${wording.library.phone}.`;
}

// ---- the fines FAQ as payment advice ---------------------------------------------------------

/**
 * The sentences (or clauses) of a FAQ answer that say how to pay ("you can pay at any branch"),
 * so the patron gets how to pay without the library's general fines policy.
 */
export function payingPart(answer: string | undefined): string | undefined {
  if (!answer) return undefined;
  const sentences = answer.split(/(?<=[.!?])\s+/);
  const parts: string[] = [];
  for (const sentence of sentences) {
    if (!/\bpa(y|id|yment|ying)\b/i.test(sentence)) continue;
    const clauses = sentence.split(/,\s*(?:and|but)\s+|;\s*/);
    const paying = clauses.filter((c) => /\bpa(y|id|yment|ying)\b/i.test(c));
    parts.push(...(paying.length < clauses.length ? paying : [sentence]));
  }
  if (parts.length === 0) return undefined;
  return parts.map((p) => upperFirst(p.trim().replace(/[.!]?$/, '.'))).join(' ');
}

export function paymentFromFaq(entry: {
  answer: string;
  smsAnswer?: string;
  link?: string;
}): PaymentAdvice | undefined {
  const text = payingPart(entry.answer);
  if (!text && !entry.link) return undefined;
  const smsText = payingPart(entry.smsAnswer);
  return {
    text: text ?? '',
    ...(smsText && smsText !== text ? { smsText } : {}),
    ...(entry.link ? { link: entry.link } : {}),
  };
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
