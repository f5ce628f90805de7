// What a dialog wants to show, independent of the channel. The renderer (channels/renderer.ts)
// turns it into Adaptive Cards and suggested actions for Web Chat and Teams, numbered text for SMS.

export interface ChoiceOption {
  /** What the patron sees on the button or in the numbered list. */
  label: string;
  /** What comes back as the patron's message when chosen (defaults to the label). */
  value?: string;
}

/**
 * What any reply may say about the patron's screen. Web pages act on it (a masked input, a cleared
 * chat); Teams and SMS are unaffected (see the renderer).
 */
export interface ReplyMarks {
  /** This question's answer is a PIN or a card number: the page masks it and keeps it off screen. */
  sensitive?: 'pin' | 'card';
  /** The patron was just signed out: the page clears what the signed-in part of the chat showed. */
  endsSession?: boolean;
  /**
   * The text repeats something the patron typed (an email address, search words): shown as plain
   * text, never as markdown or an automatic link.
   */
  quotesPatron?: boolean;
}

export type Reply = ReplyKind & ReplyMarks;

type ReplyKind =
  | { kind: 'text'; text: string; smsText?: string }
  | { kind: 'choice'; prompt: string; options: ChoiceOption[]; smsPrompt?: string }
  | { kind: 'table'; title: string; rows: { label: string; value: string }[]; footer?: string }
  | {
      kind: 'list';
      title: string;
      items: ListItem[];
      footer?: string;
      more?: ChoiceOption;
      /** The number of the first item when this is a later page ("4" on page two); default 1. */
      first?: number;
    }
  | { kind: 'confirm'; prompt: string; yes?: string; no?: string };

export interface ListItem {
  title: string;
  /** Short lines under the title (day and time, place, audience, status). */
  lines: string[];
  description?: string;
  link?: { label: string; url: string };
  /** A button for acting on this item ("Cancel this hold"). */
  action?: ChoiceOption;
}

/**
 * The question a reply asks, in the shape recognizers/replies reads answers with: a confirm is a
 * yes/no question with its button labels, a choice its options. Undefined for replies that ask nothing.
 */
export function questionOf(
  reply: Reply,
): { kind: 'yes-no'; yes?: string; no?: string } | { kind: 'choice'; options: ChoiceOption[] } | undefined {
  if (reply.kind === 'confirm') return { kind: 'yes-no', yes: reply.yes, no: reply.no };
  if (reply.kind === 'choice') return { kind: 'choice', options: reply.options };
  return undefined;
}
