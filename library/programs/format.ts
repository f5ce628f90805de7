// A program occurrence in the words shown to patrons: day and time in the library's zone, place, audience.
import type { DateTime } from 'luxon';
import type { Branch } from '../../config/libraryConfig';
import type { Audience } from './program';
import { calendarDate, formatTime, relativeDay } from '../hours/format';
import type { Program } from './program';
import { OLDEST } from './ageRanges';

export interface ProgramSummary {
  title: string;
  when: string;
  place: string;
  audience?: string;
  description: string;
  registrationUrl?: string;
}

const audienceNames: Record<Audience, string> = {
  toddlers: 'toddlers',
  kids: 'kids',
  teens: 'teens',
  adults: 'adults',
  seniors: 'seniors',
  families: 'families',
};

/** "Today, 10:00-10:30 AM", "Wednesday, Dec 2, 4:00-5:30 PM", "Saturday, Dec 12 (all day)". */
export function programWhen(program: Program, now: DateTime): string {
  const day = relativeDay(program.start, now);
  const dayText = day === 'today' || day === 'tomorrow' ? capitalize(day) : calendarDate(program.start, now);
  if (program.allDay) return `${dayText} (all day)`;
  const sameHalf = program.start.toFormat('a') === program.end.toFormat('a') && program.start.hour % 12 !== 0;
  const start = sameHalf ? program.start.toFormat('h:mm') : formatTime(program.start);
  const end = formatTime(program.end);
  return program.end > program.start
    ? `${dayText}, ${start}-${end}`
    : `${dayText}, ${formatTime(program.start)}`;
}

export function programAudience(program: Program): string | undefined {
  const names = program.audiences.map((a) => audienceNames[a]);
  if (program.ages)
    names.push(
      program.ages.max >= OLDEST
        ? `ages ${program.ages.min}+`
        : `ages ${program.ages.min}-${program.ages.max}`,
    );
  return names.length ? `For ${names.join(', ')}` : undefined;
}

export function summarizeProgram(
  program: Program,
  now: DateTime,
  branches: readonly Branch[],
): ProgramSummary {
  const branch = branches.find((b) => b.id === program.branchId);
  const summary: ProgramSummary = {
    title: program.title,
    when: programWhen(program, now),
    // A branch's name is enough (and short enough for SMS); a stop like the bookmobile's needs its place.
    place:
      branch && branch.kind === 'building' ? branch.name : program.location || branch?.name || 'Riverbend',
    description: shorten(program.description, 140),
  };
  const audience = programAudience(program);
  if (audience) summary.audience = audience;
  if (program.registrationUrl) summary.registrationUrl = program.registrationUrl;
  return summary;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : cut.length)}...`;
}
