// One renderer for every channel: dialogs say what to show (a Reply), this file decides how.
// Web Chat and Teams get Adaptive Cards and suggested actions; SMS gets short numbered text.
import {
  ActionTypes,
  Activity,
  ActivityTypes,
  Attachment,
  CardFactory,
  InputHints,
  TextFormatTypes,
  TurnContext,
} from 'botbuilder';
import { ChoiceOption, ListItem, Reply } from './reply';

/** Twilio recommends 320 characters or fewer per SMS and refuses more than 1,600. */
export const SMS_PREFERRED_LENGTH = 320;
export const SMS_MAX_LENGTH = 1600;

export type ChannelStyle = 'rich' | 'text';

/** Channel quirks live here, at the edge: SMS cannot show cards or buttons. */
export function channelStyle(channelId: string | undefined): ChannelStyle {
  return channelId === 'sms' ? 'text' : 'rich';
}

export function optionValue(option: ChoiceOption): string {
  return option.value ?? option.label;
}

function numbered(options: ChoiceOption[]): string {
  return options.map((option, i) => `${i + 1}. ${option.label}`).join('\n');
}

function replyWithNumbers(options: ChoiceOption[]): string {
  if (options.length === 1) return 'Reply 1.';
  if (options.length === 2) return 'Reply 1 or 2.';
  return `Reply a number from 1 to ${options.length}.`;
}

function listItemText(item: ListItem, index?: number): string {
  const head = index === undefined ? item.title : `${index}. ${item.title}`;
  const lines = [head, ...item.lines];
  if (item.link) lines.push(item.link.url);
  return lines.join('\n');
}

/** Splits text into SMS messages at line or word boundaries, each within the hard limit. */
export function splitForSms(text: string, limit = SMS_MAX_LENGTH): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > limit) {
    let cut = rest.lastIndexOf('\n', limit);
    if (cut < limit / 2) cut = rest.lastIndexOf(' ', limit);
    if (cut <= 0) cut = limit;
    parts.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) parts.push(rest);
  return parts;
}

/**
 * Joins whole parts (a title, a list item) into as few messages as fit the preferred length; a part
 * longer than that goes alone, split only where it passes the hard limit.
 */
export function packForSms(parts: string[], preferred = SMS_PREFERRED_LENGTH): string[] {
  const messages: string[] = [];
  let current = '';
  for (const part of parts.map((p) => p.trim()).filter(Boolean)) {
    const joined = current ? `${current}\n\n${part}` : part;
    if (joined.length <= preferred) {
      current = joined;
      continue;
    }
    if (current) messages.push(current);
    current = '';
    if (part.length <= preferred) current = part;
    else messages.push(...splitForSms(part));
  }
  if (current) messages.push(current);
  return messages;
}

/** Plain text for SMS: the messages to send, in order. */
export function renderSmsText(reply: Reply): string[] {
  switch (reply.kind) {
    case 'text':
      return splitForSms(reply.smsText ?? reply.text);
    case 'choice':
      return splitForSms(
        `${reply.smsPrompt ?? reply.prompt}\n${numbered(reply.options)}\n${replyWithNumbers(reply.options)}`,
      );
    case 'confirm':
      return splitForSms(`${reply.prompt}\n1. ${reply.yes ?? 'Yes'}\n2. ${reply.no ?? 'No'}\nReply 1 or 2.`);
    case 'table':
      return splitForSms(
        [reply.title, ...reply.rows.map((row) => `${row.label}: ${row.value}`), reply.footer]
          .filter(Boolean)
          .join('\n'),
      );
    case 'list': {
      // Each item stands alone so a page of three fits the preferred SMS length per message.
      const items = reply.items.map((item, i) => listItemText(item, (reply.first ?? 1) + i));
      const more = reply.more ? `Reply "${optionValue(reply.more)}" for more.` : undefined;
      const tail = [reply.footer, more].filter((part): part is string => Boolean(part)).join('\n');
      if (tail) items.push(items.length ? `${items.pop()!}\n${tail}` : tail);
      return packForSms([reply.title, ...items]);
    }
  }
}

type CardElement = Record<string, unknown>;

function textBlock(text: string, extra: CardElement = {}): CardElement {
  return { type: 'TextBlock', text, wrap: true, ...extra };
}

function submitAction(option: ChoiceOption): CardElement {
  // Action.Submit with msteams.messageBack so both Web Chat and Teams post the value back as a message.
  return {
    type: 'Action.Submit',
    title: option.label,
    data: {
      msteams: { type: 'messageBack', text: optionValue(option), displayText: option.label },
      text: optionValue(option),
    },
  };
}

function card(body: CardElement[], actions: CardElement[] = []): Attachment {
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.4',
    body,
    ...(actions.length ? { actions } : {}),
  });
}

function suggested(options: ChoiceOption[]): Partial<Activity>['suggestedActions'] {
  return {
    to: [],
    actions: options.map((option) => ({
      type: ActionTypes.ImBack,
      title: option.label,
      value: optionValue(option),
    })),
  };
}

/** Rich activities for Web Chat and Teams. */
export function renderRich(reply: Reply): Partial<Activity>[] {
  const message = (partial: Partial<Activity>): Partial<Activity> => ({
    type: ActivityTypes.Message,
    ...partial,
  });
  switch (reply.kind) {
    case 'text':
      return [message({ text: reply.text })];
    case 'choice':
      return [message({ text: reply.prompt, suggestedActions: suggested(reply.options) })];
    case 'confirm':
      return [
        message({
          text: reply.prompt,
          suggestedActions: suggested([
            { label: reply.yes ?? 'Yes', value: 'yes' },
            { label: reply.no ?? 'No', value: 'no' },
          ]),
        }),
      ];
    case 'table':
      return [
        message({
          text: reply.title,
          attachments: [
            // The title is the message text; repeating it in the card showed it twice in Web Chat.
            card([
              {
                type: 'FactSet',
                facts: reply.rows.map((row) => ({ title: row.label, value: row.value })),
              },
              ...(reply.footer ? [textBlock(reply.footer, { isSubtle: true })] : []),
            ]),
          ],
        }),
      ];
    case 'list': {
      // The title is the message text (shown above the card), not repeated inside it.
      const body: CardElement[] = [];
      reply.items.forEach((item, i) => {
        body.push({
          type: 'Container',
          separator: i > 0,
          spacing: 'Medium',
          items: [
            textBlock(item.title, { weight: 'Bolder' }),
            ...item.lines.map((line) => textBlock(line, { spacing: 'None' })),
            ...(item.description ? [textBlock(item.description, { isSubtle: true })] : []),
          ],
          // No selectAction on the container: a clickable container is named by the link's label
          // alone, not by the text it shows; the button below is the one way to the link.
        });
        if (item.link || item.action) {
          body.push({
            type: 'ActionSet',
            actions: [
              ...(item.link ? [{ type: 'Action.OpenUrl', title: item.link.label, url: item.link.url }] : []),
              ...(item.action ? [submitAction(item.action)] : []),
            ],
          });
        }
      });
      if (reply.footer) body.push(textBlock(reply.footer, { isSubtle: true }));
      return [
        message({
          text: reply.title,
          attachments: [card(body)],
          ...(reply.more ? { suggestedActions: suggested([reply.more]) } : {}),
        }),
      ];
    }
  }
}

/** What a web page reads from a bot message's `channelData.libraryBot`. */
export interface PageMarks {
  /** The answer to this question is a PIN or card number: mask it and keep it off screen. */
  sensitiveInput?: 'pin' | 'card';
  /** The patron was signed out: clear the chat from the screen. */
  signedOut?: true;
}

/** The marks a reply carries for web pages; none for Teams and SMS, which have no page to change. */
export function pageMarks(reply: Reply, channelId: string | undefined): PageMarks | undefined {
  if (channelStyle(channelId) === 'text' || channelId === 'msteams') return undefined;
  if (!reply.sensitive && !reply.endsSession) return undefined;
  return {
    ...(reply.sensitive ? { sensitiveInput: reply.sensitive } : {}),
    ...(reply.endsSession ? { signedOut: true as const } : {}),
  };
}

export function renderReply(reply: Reply, channelId: string | undefined): Partial<Activity>[] {
  if (channelStyle(channelId) === 'text') {
    return renderSmsText(reply).map((text) => ({ type: ActivityTypes.Message, text }));
  }
  const marks = pageMarks(reply, channelId);
  const rendered = renderRich(reply);
  // Web Chat and Teams render message text as markdown (and link addresses): not what a patron typed.
  const activities = reply.quotesPatron
    ? rendered.map((activity) => ({ ...activity, textFormat: TextFormatTypes.Plain }))
    : rendered;
  if (!marks) return activities;
  return activities.map((activity) => ({
    ...activity,
    ...(marks.sensitiveInput ? { inputHint: InputHints.ExpectingInput } : {}),
    channelData: { ...(activity.channelData as object | undefined), libraryBot: marks },
  }));
}

/** Sends a reply the way the current channel shows it best. */
export async function sendReply(context: TurnContext, reply: Reply | string): Promise<void> {
  const value: Reply = typeof reply === 'string' ? { kind: 'text', text: reply } : reply;
  const activities = renderReply(value, context.activity.channelId);
  await context.sendActivities(activities);
}
