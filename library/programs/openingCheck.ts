// Every occurrence checked against its branch's hours that day. A program on a day the branch is
// closed, or that starts after it closes, is left out with a note when that day's hours are special
// (a holiday, an exception: "Main Library closes at 2:00 PM on Christmas Eve"). On an ordinary day it
// is an after-hours program and is listed with a note saying so. One that runs past an early closing
// is listed with the closing time.
import type { DateTime } from 'luxon';
import type { Program } from './program';

/** A branch's day as the check needs it (from the hours service). */
export interface BranchDay {
  /** The day's opening stretches. */
  periods: { start: DateTime; end: DateTime }[];
  /** Open around the clock. */
  allDay: boolean;
  /** Why the day differs from the usual week (a holiday's or an exception's name), if it does. */
  special?: string;
}

export type BranchDayLookup = (branchId: string, date: string) => BranchDay | undefined;

export type OpeningNote =
  /** Closed all day for a holiday or an exception: left out. */
  | { kind: 'closed'; special: string }
  /** Closes before it starts (or opens after it ends) on a special day: left out. */
  | { kind: 'closes-first'; closes?: DateTime; special: string }
  /** Runs past the branch's closing that day: listed with the time. */
  | { kind: 'closes-early'; closes: DateTime; special?: string }
  /** Outside the branch's usual hours: an after-hours program, listed as such. */
  | { kind: 'after-hours'; closes?: DateTime };

export interface CheckedProgram {
  program: Program;
  note?: OpeningNote;
}

export interface OpeningCheck {
  listed: CheckedProgram[];
  /** Not happening as the feed says: the branch is closed or closes before it starts. */
  leftOut: CheckedProgram[];
}

/** The note for one occurrence, or undefined when the branch is open for all of it. */
export function openingNote(program: Program, day: BranchDay | undefined): OpeningNote | undefined {
  if (!day || day.allDay || program.allDay) return undefined;
  const covering = day.periods.find((p) => p.start <= program.start && program.start < p.end);
  if (covering) {
    if (program.end <= covering.end) return undefined;
    return { kind: 'closes-early', closes: covering.end, ...(day.special ? { special: day.special } : {}) };
  }
  const closes = day.periods.filter((p) => p.end <= program.start).at(-1)?.end;
  if (day.special) {
    if (day.periods.length === 0) return { kind: 'closed', special: day.special };
    return { kind: 'closes-first', special: day.special, ...(closes ? { closes } : {}) };
  }
  return { kind: 'after-hours', ...(closes ? { closes } : {}) };
}

export function checkOpening(programs: readonly Program[], dayOf: BranchDayLookup): OpeningCheck {
  const listed: CheckedProgram[] = [];
  const leftOut: CheckedProgram[] = [];
  for (const program of programs) {
    const day = program.branchId ? dayOf(program.branchId, program.start.toISODate()!) : undefined;
    const note = openingNote(program, day);
    const checked: CheckedProgram = note ? { program, note } : { program };
    (note?.kind === 'closed' || note?.kind === 'closes-first' ? leftOut : listed).push(checked);
  }
  return { listed, leftOut };
}
