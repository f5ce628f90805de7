// Which programs to suggest: filter by what the patron asked, rank by what was asked, then their remembered
// interests and home branch, then date; three at a time.
import type { DateTime } from 'luxon';
import type { Audience } from './program';
import { audienceForAge, normalizeTopic, type Program } from './program';

export interface ProgramQuery {
  /** Programs that end after this instant (usually now or the start of the asked day). */
  from: DateTime;
  /** ... and start before this one. */
  to: DateTime;
  branchId?: string;
  audience?: Audience;
  /** "My 5 year old": matched against age ranges first, then the audience that age belongs to. */
  age?: number;
  topics?: string[];
}

export interface RankingPreferences {
  interests: string[];
  homeBranchId?: string;
}

const audienceAges: Partial<Record<Audience, { min: number; max: number }>> = {
  toddlers: { min: 0, max: 3 },
  kids: { min: 4, max: 12 },
  teens: { min: 13, max: 18 },
};

export function matchesAge(program: Program, age: number): boolean {
  if (program.ages) return program.ages.min <= age && age <= program.ages.max;
  const audience = audienceForAge(age);
  return program.audiences.includes(audience) || (age <= 12 && program.audiences.includes('families'));
}

export function matchesAudience(program: Program, audience: Audience): boolean {
  if (program.audiences.includes(audience)) return true;
  const span = audienceAges[audience];
  if (span && program.ages && program.ages.min <= span.max && span.min <= program.ages.max) return true;
  // Family programs welcome children; untagged programs are for adults.
  if ((audience === 'kids' || audience === 'toddlers') && program.audiences.includes('families')) return true;
  return audience === 'adults' && program.audiences.length === 0 && !program.ages;
}

/** 2 when a topic is one of the program's categories or in its title, 1 in its description, else 0. */
export function topicScore(program: Program, topic: string): number {
  const wanted = normalizeTopic(topic);
  if (!wanted) return 0;
  if (program.topics.some((t) => normalizeTopic(t) === wanted)) return 2;
  const title = normalizeTopic(program.title);
  if (title.includes(wanted)) return 2;
  const description = normalizeTopic(program.description);
  if (description.includes(wanted)) return 1;
  // Every word somewhere: "toddler time" is Toddler Storytime.
  const words = topic
    .split(/\s+/)
    .map(normalizeTopic)
    .filter((word) => word.length >= 3);
  if (words.length < 2) return 0;
  const named = title + program.topics.map(normalizeTopic).join('');
  if (words.every((word) => named.includes(word))) return 2;
  return words.every((word) => description.includes(word)) ? 1 : 0;
}

export function findPrograms(
  programs: readonly Program[],
  query: ProgramQuery,
  preferences?: RankingPreferences,
): Program[] {
  const topics = query.topics ?? [];
  const scored = programs
    .filter((p) => p.end > query.from && p.start < query.to)
    .filter((p) => !query.branchId || p.branchId === query.branchId)
    .filter((p) => query.age === undefined || matchesAge(p, query.age))
    .filter((p) => !query.audience || query.age !== undefined || matchesAudience(p, query.audience))
    .map((program) => {
      const asked = topics.reduce((sum, topic) => sum + topicScore(program, topic), 0);
      const liked = (preferences?.interests ?? []).reduce(
        (sum, topic) => sum + topicScore(program, topic),
        0,
      );
      const home = preferences?.homeBranchId && program.branchId === preferences.homeBranchId ? 1 : 0;
      return { program, asked, remembered: liked + home };
    })
    .filter((s) => topics.length === 0 || s.asked > 0);
  scored.sort(
    (a, b) =>
      b.asked - a.asked ||
      b.remembered - a.remembered ||
      a.program.start.toMillis() - b.program.start.toMillis(),
  );
  // One occurrence of each program first, so a weekly program does not fill a page of three on its own;
  // its later dates follow.
  const seen = new Set<string>();
  const firsts: Program[] = [];
  const repeats: Program[] = [];
  for (const { program } of scored) {
    const key = `${program.title}\u0000${program.branchId ?? ''}`;
    (seen.has(key) ? repeats : firsts).push(program);
    seen.add(key);
  }
  return [...firsts, ...repeats];
}

export const pageSize = 3;

/** One page of results and whether there are more. */
export function pageOf<T>(items: readonly T[], page: number, size = pageSize): { items: T[]; more: boolean } {
  const start = page * size;
  return { items: items.slice(start, start + size), more: items.length > start + size };
}
