// What the account conversations say (checkouts and due dates, renewals, fines and blocks), as
// channel-neutral Reply objects. Plain functions, so the wording is tested without a bot and a
// sentence comes from the turn's catalog (`m.account`). Dates arrive as yyyy-MM-dd in the
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
import type { Messages } from '../../library/language/catalog';
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

/** "Overdue: it was due Friday, March 6 (4 days ago)", "Due tomorrow, Wednesday, March 11". */
export function dueText(m: Messages, checkout: Pick<Checkout, 'dueDate' | 'overdue'>, today: string): string {
  const says = m.account;
  const day = formatDay(m, checkout.dueDate);
  const days = daysBetween(today, checkout.dueDate);
  if (checkout.overdue || days < 0) return days < 0 ? says.overdueDaysAgo(day, -days) : says.overdue(day);
  if (days === 0) return says.dueToday(day);
  if (days === 1) return says.dueTomorrow(day);
  if (days <= 6) return says.dueInDays(day, days);
  return says.due(day);
}

// ---- checkouts -------------------------------------------------------------------------------

/** "Can't be renewed: another patron is waiting for it", "Can be renewed (2 renewals left)". */
export function renewabilityText(m: Messages, checkout: Checkout): string | undefined {
  const renewal = checkout.renewal;
  if (renewal.state === 'renewable') {
    return renewal.renewalsLeft === undefined
      ? m.account.canRenew
      : m.account.canRenewLeft(renewal.renewalsLeft);
  }
  if (renewal.state === 'not-renewable')
    return m.account.cannotRenew(m.account.refusalReasons[renewal.reason]);
  return undefined;
}

/** Overdue first (the longest overdue first), then by due date. */
export function inDueOrder(checkouts: readonly Checkout[]): Checkout[] {
  return [...checkouts].sort(
    (a, b) => Number(b.overdue) - Number(a.overdue) || a.dueDate.localeCompare(b.dueDate),
  );
}

function byLine(m: Messages, item: { format: Checkout['format']; author: string }): string {
  const format = formatLabel(m, item.format);
  return item.author ? m.holds.formatBy(format, item.author) : format;
}

/** The value a "Renew this" button sends: a message the renew conversation reads like typed text. */
export function renewRequest(m: Messages, title: string): string {
  return m.account.renewRequest(title);
}

function checkoutItem(m: Messages, checkout: Checkout, today: string, canRenew: boolean): ListItem {
  const renewability = renewabilityText(m, checkout);
  const item: ListItem = {
    title: checkout.title,
    lines: [byLine(m, checkout), dueText(m, checkout, today), ...(renewability ? [renewability] : [])],
  };
  if (canRenew && checkout.renewal.state !== 'not-renewable')
    item.action = { label: m.account.renewThis, value: renewRequest(m, checkout.title) };
  return item;
}

/** What else the patron can ask here, only as far as the library system supports it. */
function accountFooter(
  m: Messages,
  features: Pick<LibrarySystemFeatures, 'renew' | 'fines'>,
): string | undefined {
  const says = m.account.footerAsks;
  const asks = [
    ...(features.renew ? [says.renewAll, says.renewTitle] : []),
    ...(features.fines ? [says.owe] : []),
  ];
  return asks.length === 0 ? undefined : m.account.footer(asks);
}

/** The summary line, then the list: overdue items first and said plainly. */
export function checkoutsReplies(
  m: Messages,
  checkouts: readonly Checkout[],
  today: string,
  features: Pick<LibrarySystemFeatures, 'renew' | 'fines'>,
): Reply[] {
  const says = m.account;
  if (checkouts.length === 0) return [{ kind: 'text', text: says.nothingOut }];
  const ordered = inDueOrder(checkouts);
  const overdue = ordered.filter((c) => c.overdue);
  const count = checkouts.length;
  const summary =
    overdue.length === 0
      ? says.nextDue(count, ordered[0].title, dueText(m, ordered[0], today))
      : overdue.length === 1
        ? says.oneOverdue(count, overdue[0].title, formatDay(m, overdue[0].dueDate))
        : says.someOverdue(count, overdue.length);
  const footer = accountFooter(m, features);
  return [
    { kind: 'text', text: summary },
    {
      kind: 'list',
      title: says.checkoutsTitle(count),
      items: ordered.map((c) => checkoutItem(m, c, today, features.renew)),
      ...(footer ? { footer } : {}),
    },
  ];
}

// ---- renewals --------------------------------------------------------------------------------

export function renewChoiceReply(m: Messages, checkouts: readonly Checkout[]): Reply {
  return {
    kind: 'choice',
    prompt: m.account.whichToRenew,
    options: [
      ...checkouts.map((c) => ({
        label: m.holds.titleAndFormat(c.title, formatLabel(m, c.format)),
        value: c.title,
      })),
      // Right after the items: renewChoice reads "all" by this position.
      { label: m.account.allOfThem },
      { label: m.account.none },
    ],
  };
}

/** What a refusal means for the patron: the reason and what to do. */
function refusalAdvice(
  m: Messages,
  reason: RenewRefusalReason,
  dueDate: string | undefined,
  wording: HoldsWording,
  blocks: readonly PatronBlock[],
): string {
  const says = m.account.advice;
  const returnBy = dueDate ? m.account.returnBy(formatDay(m, dueDate)) : '';
  switch (reason) {
    case 'on-hold-for-others':
      return says.onHoldForOthers(returnBy);
    case 'renewal-limit':
      return says.renewalLimit(returnBy);
    case 'patron-blocked':
      return says.blocked(m.account.blockedBecause(blocks.map((b) => b.description)));
    case 'too-soon':
      return says.tooSoon;
    case 'not-renewable':
      return says.notRenewable(returnBy);
    case 'other':
      return says.other(wording.library.phone);
  }
}

function outcomeLine(
  m: Messages,
  outcome: RenewOutcome,
  dueBefore: string | undefined,
  wording: HoldsWording,
  blocks: readonly PatronBlock[],
): string {
  if (outcome.renewed) return m.account.renewedLine(formatDay(m, outcome.dueDate));
  return m.account.notRenewedLine(refusalAdvice(m, outcome.reason, dueBefore, wording, blocks));
}

/**
 * Each result said plainly: renewed until when, or why not and what to do. `dueDates` are the due
 * dates before renewing (to say "return it by"); `blocks` word a blocked account's reason.
 */
export function renewResultsReplies(
  m: Messages,
  results: readonly RenewResult[],
  dueDates: ReadonlyMap<string, string>,
  wording: HoldsWording,
  blocks: readonly PatronBlock[],
): Reply[] {
  const says = m.account;
  if (results.length === 0) return [{ kind: 'text', text: says.nothingToRenew }];
  if (results.length === 1) {
    const [{ title, outcome, itemId }] = results;
    const text = outcome.renewed
      ? says.renewedOne(title, formatDay(m, outcome.dueDate))
      : says.couldNotRenew(title, refusalAdvice(m, outcome.reason, dueDates.get(itemId), wording, blocks));
    return [{ kind: 'text', text }];
  }
  const renewed = results.filter((r) => r.outcome.renewed).length;
  if (renewed === 0 && results.every((r) => !r.outcome.renewed && r.outcome.reason === 'patron-blocked')) {
    return [
      {
        kind: 'text',
        text: says.couldNotRenewAny(refusalAdvice(m, 'patron-blocked', undefined, wording, blocks)),
      },
    ];
  }
  const summary =
    renewed === results.length
      ? says.renewedAll(results.length)
      : renewed === 0
        ? says.renewedNone(results.length)
        : says.renewedSome(renewed, results.length);
  return [
    { kind: 'text', text: summary },
    {
      kind: 'list',
      title: says.renewalsTitle,
      items: results.map((r) => ({
        title: r.title,
        lines: [outcomeLine(m, r.outcome, dueDates.get(r.itemId), wording, blocks)],
      })),
    },
  ];
}

// ---- fines and blocks ------------------------------------------------------------------------

/** What each kind of block stops and what clears it. */
function blockSentence(m: Messages, block: PatronBlock, wording: HoldsWording): string {
  return m.account.blockSentence(block.description, m.account.clears(block.kind, wording.library.phone));
}

export function blocksText(
  m: Messages,
  blocks: readonly PatronBlock[],
  wording: HoldsWording,
): string | undefined {
  if (blocks.length === 0) return undefined;
  return blocks.map((b) => blockSentence(m, b, wording)).join(' ');
}

function feeLabel(line: Fines['lines'][number]): string {
  return line.title ? `${line.description}: ${line.title}` : line.description;
}

/**
 * "How to pay: ..." from the library's FAQ, or its phone number when the FAQ says nothing (or says
 * it only in English and the patron reads another language).
 */
export function paymentReply(m: Messages, wording: AccountWording): Reply {
  const says = m.account;
  const payment = says.saysPaymentFaq ? wording.payment : undefined;
  const link = wording.payment?.link;
  const fallback = says.callToPay(wording.library.phone);
  const more = link ? says.more(link) : '';
  const text = payment?.text ? `${says.howToPay(payment.text)}${more}` : `${fallback}${more}`;
  const sms = payment?.smsText ? `${says.howToPay(payment.smsText)}${more}` : undefined;
  return { kind: 'text', text, ...(sms ? { smsText: sms } : {}) };
}

/**
 * The patron's own balance with its lines, then why the account is blocked (if it is), then how to
 * pay. `fines` is undefined when the library system cannot tell fines here.
 */
export function finesReplies(
  m: Messages,
  fines: Fines | undefined,
  blocks: readonly PatronBlock[],
  wording: AccountWording,
): Reply[] {
  const says = m.account;
  const replies: Reply[] = [];
  const blocked = blocksText(m, blocks, wording);
  if (!fines) {
    replies.push({ kind: 'text', text: says.finesUnknown(wording.library.phone) });
    if (blocked) replies.push({ kind: 'text', text: blocked });
    return replies;
  }
  if (fines.totalCents <= 0) {
    replies.push({ kind: 'text', text: blocked ? says.oweNothingBlocked(blocked) : says.oweNothing });
    return replies;
  }
  const total = formatMoney(fines.totalCents, fines.currency);
  replies.push(
    fines.lines.length > 0
      ? {
          kind: 'table',
          title: says.youOwe(total),
          rows: fines.lines.map((line) => ({
            label: feeLabel(line),
            value: formatMoney(line.amountCents, fines.currency),
          })),
        }
      : { kind: 'text', text: says.youOwe(total) },
  );
  replies.push({ kind: 'text', text: blocked ?? says.notBlocked });
  replies.push(paymentReply(m, wording));
  return replies;
}

/** Answers "why can't I place holds" when nothing blocks the account. */
export function holdLimitText(m: Messages, holdCount: number, holdLimit: number, fines?: Fines): string {
  const owed =
    fines && fines.totalCents > 0
      ? m.account.oweNotBlocking(formatMoney(fines.totalCents, fines.currency))
      : '';
  return holdCount >= holdLimit ? m.account.atHoldLimit(holdCount, owed) : m.account.nothingStopsHolds(owed);
}

// ---- what the library system cannot do ------------------------------------------------------

/** Said plainly, with where it can be done instead. */
export function notSupportedText(
  m: Messages,
  feature: 'checkouts' | 'renew' | 'fines',
  wording: HoldsWording,
): string {
  return m.account.notSupported(
    m.account.notSupportedWhat[feature],
    wording.library.website,
    wording.library.phone,
  );
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
