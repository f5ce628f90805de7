// What the programs dialog says, as plain functions over Replies and the catalog, so wording can
// change (or gain a language) without touching the search: the kind question, "none found", the notes
// about a branch's hours on a program's day, the offer to remember interests.
import type { DateTime } from 'luxon';
import type { ChoiceOption, Reply } from '../../channels/reply';
import { calendarDateIn } from '../../library/hours/format';
import type { Messages } from '../../library/language/catalog';
import { capitalized } from '../../library/language/locale';
import { OLDEST } from '../../library/programs/ageRanges';
import type { CheckedProgram, OpeningNote } from '../../library/programs/openingCheck';
import { programTitleIn, type Program } from '../../library/programs/program';

/** The two answers to the offer to remember, as typed or tapped. */
export function rememberOptions(m: Messages): ChoiceOption[] {
  return [
    { label: m.programs.rememberYes, value: 'yes' },
    { label: m.programs.rememberNo, value: 'no' },
  ];
}

export function noneFoundText(m: Messages, description: string, later: boolean): string {
  return `${m.programs.noneFound(description)} ${later ? m.programs.nextOnes : m.programs.tryAnother}`;
}

/** "Would you like me to remember that you're interested in lego and that your home branch is ...?" */
export function rememberReply(m: Messages, interests: string[], homeBranch?: string): Reply {
  return {
    kind: 'confirm',
    prompt: m.programs.rememberPrompt(interests, homeBranch),
    yes: m.programs.rememberYes,
    no: m.programs.rememberNo,
  };
}

/** A line under a listed program whose branch closes during it or is usually closed then. */
export function noteLine(m: Messages, note: OpeningNote, branchName: string): string | undefined {
  switch (note.kind) {
    case 'closes-early':
      return m.programs.closesEarly(branchName, m.dates.time(note.closes), m.programs.onDay(note.special));
    case 'after-hours':
      return note.closes
        ? m.programs.afterHoursEnd(branchName, m.dates.time(note.closes))
        : m.programs.afterHoursClosed(branchName);
    default:
      return undefined;
  }
}

/** Why a program on the asked days is not listed ("Teen Anime Club, Thursday, Dec 24: Main Library closes at 2:00 PM on Christmas Eve"). */
export function leftOutText(
  m: Messages,
  leftOut: CheckedProgram[],
  branchName: (id?: string) => string,
  now: DateTime,
): string | undefined {
  if (leftOut.length === 0) return undefined;
  const shown = leftOut.slice(0, 3).map(({ program, note }) => {
    const branch = branchName(program.branchId);
    const why =
      note?.kind === 'closed'
        ? m.programs.closedFor(branch, note.special)
        : note?.kind === 'closes-first' && note.closes
          ? m.programs.closesAtOn(branch, m.dates.time(note.closes), note.special)
          : m.programs.closedThen(branch, note && 'special' in note ? note.special : undefined);
    return m.programs.leftOutItem(
      programTitleIn(program, m.language),
      calendarDateIn(m, program.start, now),
      why,
    );
  });
  return m.programs.leftOut(shown, Math.max(0, leftOut.length - 3));
}

/** "Today", "Tomorrow" or the date, as a program line starts. */
function programDay(m: Messages, start: DateTime, now: DateTime): string {
  const days = start.startOf('day').diff(now.startOf('day'), 'days').days;
  if (Math.round(days) === 0) return m.programs.today;
  if (Math.round(days) === 1) return m.programs.tomorrow;
  return capitalized(calendarDateIn(m, start, now));
}

/** "Today, 10:00-10:30 AM", "Wednesday, Dec 2, 4:00-5:30 PM", "Saturday, Dec 12 (all day)". */
export function programWhenIn(m: Messages, program: Program, now: DateTime): string {
  const day = programDay(m, program.start, now);
  return program.allDay ? m.programs.allDay(day) : m.programs.when(day, program.start, program.end);
}

/** "For kids, ages 3-5". */
export function programAudienceIn(m: Messages, program: Program): string | undefined {
  const names = program.audiences.map((a) => m.programs.audiences[a] ?? a);
  if (program.ages)
    names.push(
      program.ages.max >= OLDEST
        ? m.programs.agesFrom(program.ages.min)
        : m.programs.agesBetween(program.ages.min, program.ages.max),
    );
  return names.length ? m.programs.forWhom(names) : undefined;
}
