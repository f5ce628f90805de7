// What the programs dialog says, as plain functions over Replies and strings, so wording can change
// (or gain a language) without touching the search: the kind question, "none found", the notes about
// a branch's hours on a program's day, the offer to remember interests.
import type { DateTime } from 'luxon';
import type { ChoiceOption, Reply } from '../../channels/reply';
import { calendarDate, formatTime } from '../../library/hours/format';
import type { CheckedProgram, OpeningNote } from '../../library/programs/openingCheck';

export const KIND_PROMPT =
  'What kind of program are you looking for? You can also say an age, a topic or a branch.';
export const KIND_SMS_PROMPT = 'What kind of program? You can also say an age, topic or branch.';
export const CALENDAR_DOWN_TEXT =
  "Sorry, I can't reach our events calendar right now. Please try again a little later, or ask for a person.";
export const ALL_FOUND_TEXT = "That's all I found.";
export const ALL_FOUND_MORE_TEXT = "That's all I found. Ask about another day or topic.";
export const REMEMBERED_TEXT =
  'Done: I will use that to suggest programs next time. Say "forget me" at any time and I will delete it.';
export const REMEMBERED_SMS_TEXT = 'Saved. Text "forget me" at any time to delete it.';
export const NOT_REMEMBERED_TEXT = "No problem, I won't remember it.";
export const REMEMBER_YES = 'Yes, remember';
export const REMEMBER_NO = 'No thanks';

/** The two answers to the offer to remember, as typed or tapped. */
export const REMEMBER_OPTIONS: ChoiceOption[] = [
  { label: REMEMBER_YES, value: 'yes' },
  { label: REMEMBER_NO, value: 'no' },
];

export function noneFoundText(description: string, later: boolean): string {
  const none = `I couldn't find any programs ${description}.`;
  return later
    ? `${none} The next ones are:`
    : `${none} Try another day or topic, or ask "what's on this week".`;
}

/** "Would you like me to remember that you're interested in lego and that your home branch is ...?" */
export function rememberReply(interests: string[], homeBranch?: string): Reply {
  const facts: string[] = [];
  if (interests.length) facts.push(`you're interested in ${interests.join(' and ')}`);
  if (homeBranch) facts.push(`your home branch is ${homeBranch}`);
  return {
    kind: 'confirm',
    prompt: `Would you like me to remember that ${facts.join(' and that ')}, to suggest programs next time? Only with your OK, and "forget me" deletes it.`,
    yes: REMEMBER_YES,
    no: REMEMBER_NO,
  };
}

function onDay(special: string | undefined): string {
  return special ? `on ${special}` : 'that day';
}

/** A line under a listed program whose branch closes during it or is usually closed then. */
export function noteLine(note: OpeningNote, branchName: string): string | undefined {
  switch (note.kind) {
    case 'closes-early':
      return `Note: ${branchName} closes at ${formatTime(note.closes)} ${onDay(note.special)}.`;
    case 'after-hours':
      return note.closes
        ? `After hours: ${branchName}'s regular hours end at ${formatTime(note.closes)} that day.`
        : `After hours: ${branchName} is usually closed at that time.`;
    default:
      return undefined;
  }
}

/** Why a program on the asked days is not listed ("Teen Anime Club, Thursday, Dec 24: Main Library closes at 2:00 PM on Christmas Eve"). */
export function leftOutText(
  leftOut: CheckedProgram[],
  branchName: (id?: string) => string,
  now: DateTime,
): string | undefined {
  if (leftOut.length === 0) return undefined;
  const shown = leftOut.slice(0, 3).map(({ program, note }) => {
    const branch = branchName(program.branchId);
    const why =
      note?.kind === 'closed'
        ? `${branch} is closed for ${note.special}`
        : note?.kind === 'closes-first' && note.closes
          ? `${branch} closes at ${formatTime(note.closes)} on ${note.special}`
          : `${branch} is closed then (${note && 'special' in note ? note.special : 'special hours'})`;
    return `${program.title} on ${calendarDate(program.start, now)} (${why})`;
  });
  const more = leftOut.length > 3 ? ` and ${leftOut.length - 3} more` : '';
  return `Not on, because the branch is closed: ${shown.join('; ')}${more}.`;
}
