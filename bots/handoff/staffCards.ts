// The staff channel's cards, the same in the console (Web Chat) and Teams. Only the button kind
// differs: Teams sends `Action.Execute` as an adaptiveCard/action invoke so the card can be
// refreshed for everyone; Web Chat sends `Action.Submit` as a message carrying `value`.
import { DateTime } from 'luxon';
import type { HandoffCase, Ticket } from '../../library/handoff';
import { DEFAULT_LANGUAGE, messagesFor } from '../../library/language/catalog';

export type ButtonKind = 'execute' | 'submit';

/**
 * What a staff card button (or the workspace) sends back: `verb` names the action. `to` is the
 * colleague's staff id for a transfer (the workspace's Transfer button).
 */
export interface StaffActionData {
  verb: 'handoff.claim' | 'handoff.end' | 'handoff.requeue' | 'handoff.transfer' | 'ticket.answer';
  caseId?: string;
  ticketId?: string;
  to?: string;
}

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  body: object[];
  actions?: object[];
}

const reasons: Record<string, string> = {
  explicit: 'Asked for a person',
  misunderstood: 'The bot did not understand them',
  frustrated: 'Sounded frustrated',
  'always-human': 'A topic staff always handle',
  failure: 'The library system could not answer',
};

function button(kind: ButtonKind, title: string, data: StaffActionData): object {
  return kind === 'execute'
    ? { type: 'Action.Execute', title, verb: data.verb, data }
    : { type: 'Action.Submit', title, data };
}

function card(body: object[], actions: object[] = []): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.4',
    body,
    ...(actions.length > 0 ? { actions } : {}),
  };
}

function minutesBetween(from: string, now: Date): number {
  return Math.max(0, Math.round((now.getTime() - Date.parse(from)) / 60000));
}

export function localTime(iso: string, timeZone: string): string {
  return DateTime.fromISO(iso, { zone: timeZone }).toFormat('ccc d LLL, h:mm a');
}

/**
 * Text the patron typed (or anything quoted from them), shown exactly as typed: a RichTextBlock's
 * TextRun is plain text in every Adaptive Card host (no markdown, no links, no HTML), where a
 * TextBlock would render `**`, `[a](url)`, bare addresses and, in Web Chat, `<img>`.
 */
function plainText(runs: { text: string; bold?: boolean }[], extra: object = {}): object {
  return {
    type: 'RichTextBlock',
    inlines: runs.map((run) => ({
      type: 'TextRun',
      text: run.text,
      ...(run.bold ? { weight: 'Bolder' } : {}),
    })),
    ...extra,
  };
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** The patron's language for staff, in English and in its own name: "Spanish (español)". */
export function languageLabel(language: string | undefined): string {
  const code = language ?? DEFAULT_LANGUAGE;
  const english = languageNames.of(code) ?? code;
  const own = messagesFor(code).language === code ? messagesFor(code).name : english;
  return own.toLowerCase() === english.toLowerCase() ? english : `${english} (${own})`;
}

/**
 * The summary's facts as staff read them (the card's FactSet and the workspace's patron panel), with
 * the patron's language and, for a language not everyone speaks, the staff members who speak it.
 */
export function summaryFacts(
  summary: HandoffCase['summary'],
  language?: string,
  speakers: readonly string[] = [],
): { title: string; value: string }[] {
  return [
    { title: 'Language', value: languageLabel(language) },
    ...(speakers.length > 0 ? [{ title: 'Speaks it', value: speakers.join(', ') }] : []),
    { title: 'Why', value: reasons[summary.reason] ?? summary.reason },
    { title: 'Topic', value: summary.intent ?? 'not recognised' },
    { title: 'Branch', value: summary.branch ?? 'not mentioned' },
    { title: 'Signed in', value: summary.signedIn ? 'yes' : 'no' },
  ];
}

function summaryBlocks(handoff: HandoffCase, speakers: readonly string[]): object[] {
  const { summary } = handoff;
  const facts = summaryFacts(summary, handoff.patron.language, speakers);
  const turns = summary.recentTurns.map((turn) =>
    plainText([{ text: `${turn.from === 'patron' ? 'Patron' : 'Bot'}: `, bold: true }, { text: turn.text }], {
      spacing: 'Small',
    }),
  );
  return [
    { type: 'FactSet', facts },
    ...(turns.length > 0
      ? [{ type: 'TextBlock', text: 'Recent conversation', weight: 'Bolder', spacing: 'Medium' }, ...turns]
      : []),
  ];
}

/**
 * The escalation card: what the patron needs, in which language, how long they have waited, and who
 * has them; `speakers` are the staff present who speak the patron's language (not English).
 */
export function escalationCard(
  handoff: HandoffCase,
  now: Date,
  kind: ButtonKind,
  speakers: readonly string[] = [],
): AdaptiveCard {
  const waited = minutesBetween(handoff.queuedAt, now);
  let headline: string;
  let actions: object[] = [];
  switch (handoff.status) {
    case 'queued':
      headline = `A patron is waiting for a person (${waited} min)`;
      actions = [button(kind, 'Claim', { verb: 'handoff.claim', caseId: handoff.id })];
      break;
    case 'claimed':
      headline = `${handoff.claimedBy?.name ?? 'A staff member'} is chatting with this patron`;
      actions = [
        button(kind, 'End chat', { verb: 'handoff.end', caseId: handoff.id }),
        button(kind, 'Back to the queue', { verb: 'handoff.requeue', caseId: handoff.id }),
      ];
      break;
    case 'ended':
      headline = `Chat ended${handoff.claimedBy ? ` (${handoff.claimedBy.name})` : ''}`;
      break;
    case 'timed-out':
      headline = 'Nobody claimed this chat in time; the patron was offered to leave a message';
      break;
  }
  return card(
    [
      { type: 'TextBlock', text: headline, weight: 'Bolder', size: 'Medium', wrap: true },
      ...summaryBlocks(handoff, speakers),
    ],
    actions,
  );
}

export function contactText(ticket: Ticket): string {
  switch (ticket.contact.kind) {
    case 'this-chat':
      return 'Reply here: the answer goes to their chat';
    case 'sms':
      return `Text message to ${ticket.contact.phone} (reply here)`;
    case 'phone':
      return `Call ${ticket.contact.phone}`;
    case 'email':
      return `Email ${ticket.contact.email}`;
  }
}

/** A message left when nobody was there; answered once, from the card. */
export function ticketCard(ticket: Ticket, timeZone: string, kind: ButtonKind): AdaptiveCard {
  const body: object[] = [
    { type: 'TextBlock', text: 'A patron left a message', weight: 'Bolder', size: 'Medium' },
    {
      type: 'FactSet',
      facts: [
        { title: 'Left', value: localTime(ticket.createdAt, timeZone) },
        { title: 'Language', value: languageLabel(ticket.patron.language) },
      ],
    },
    // The contact (a typed phone number or email address) and the message are the patron's words.
    plainText([{ text: 'Contact: ', bold: true }, { text: contactText(ticket) }]),
    plainText([{ text: ticket.message }]),
  ];
  if (ticket.status === 'answered') {
    body.push({
      type: 'TextBlock',
      text: `Answered by ${ticket.answeredBy?.name ?? 'staff'}`,
      isSubtle: true,
    });
    return card(body);
  }
  body.push({
    type: 'Input.Text',
    id: 'reply',
    isMultiline: true,
    label: 'Your answer to the patron',
    placeholder: 'Your answer to the patron',
  });
  return card(body, [
    button(kind, 'Send answer / mark done', { verb: 'ticket.answer', ticketId: ticket.id }),
  ]);
}

/** Reads a staff button's data from an Action.Submit value or an Action.Execute invoke. */
export function readStaffAction(value: unknown): (StaffActionData & { reply?: string }) | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  const verbs: StaffActionData['verb'][] = [
    'handoff.claim',
    'handoff.end',
    'handoff.requeue',
    'handoff.transfer',
    'ticket.answer',
  ];
  const verb = verbs.find((candidate) => candidate === v.verb);
  if (!verb) return undefined;
  const text = (x: unknown): string | undefined => (typeof x === 'string' && x.length <= 200 ? x : undefined);
  return {
    verb,
    caseId: text(v.caseId),
    ticketId: text(v.ticketId),
    to: text(v.to),
    reply: typeof v.reply === 'string' ? v.reply.slice(0, 4000) : undefined,
  };
}
