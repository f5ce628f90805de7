// Ages as libraries group their programs: life stages (babies, toddlers, preschoolers, kids, tweens,
// teens, adults, seniors) and age ranges read from a feed ("Ages 1-3", "Ages 18+", "up to two"), in
// years with an exclusive upper end, so a 10-month-old (0.83) is in "Ages 0-2" but not in "Ages 1-3".
import type { Audience } from './program';
import { OLDEST, type WrittenAges } from './ageRanges';

export { OLDEST, readAgeRange, type WrittenAges } from './ageRanges';

/** Ages asked about or served, in years with an exclusive upper end: "Ages 1-3" serves { min: 1, max: 4 }. */
export interface AgeRange {
  min: number;
  max: number;
}

export type LifeStage =
  'babies' | 'toddlers' | 'preschoolers' | 'kids' | 'tweens' | 'teens' | 'adults' | 'seniors';

export const LIFE_STAGES: Record<LifeStage, { ages: AgeRange; audience: Audience }> = {
  babies: { ages: { min: 0, max: 1.5 }, audience: 'toddlers' },
  toddlers: { ages: { min: 1, max: 3 }, audience: 'toddlers' },
  preschoolers: { ages: { min: 3, max: 6 }, audience: 'kids' },
  kids: { ages: { min: 4, max: 13 }, audience: 'kids' },
  tweens: { ages: { min: 9, max: 13 }, audience: 'kids' },
  teens: { ages: { min: 13, max: 18 }, audience: 'teens' },
  adults: { ages: { min: 18, max: OLDEST }, audience: 'adults' },
  seniors: { ages: { min: 60, max: OLDEST }, audience: 'seniors' },
};

/** The ages a program for an audience is for, when its feed gives no range ("Teens" means 12-18). */
const AUDIENCE_AGES: Partial<Record<Audience, AgeRange>> = {
  toddlers: { min: 0, max: 4 },
  kids: { min: 4, max: 13 },
  teens: { min: 12, max: 19 },
  adults: { min: 18, max: OLDEST },
  seniors: { min: 60, max: OLDEST },
};

/**
 * The range a program serves (exclusive upper end): its own (written inclusive, "Ages 1-3"), else its
 * audiences'. Undefined for family programs without ages: children with their grown-ups.
 */
export function programAges(program: {
  ages?: WrittenAges;
  audiences: readonly Audience[];
}): AgeRange | undefined {
  if (program.ages) return { min: program.ages.min, max: program.ages.max + 1 };
  const ranges = program.audiences.map((a) => AUDIENCE_AGES[a]).filter((r): r is AgeRange => Boolean(r));
  if (ranges.length === 0) return program.audiences.includes('families') ? undefined : AUDIENCE_AGES.adults;
  return { min: Math.min(...ranges.map((r) => r.min)), max: Math.max(...ranges.map((r) => r.max)) };
}

/**
 * Whether a program for `program` ages suits someone in `asked`: one age (min === max) must fall
 * inside; a life stage and a program must share at least half of the shorter of the two, so toddlers
 * are not offered a 3-5 storytime, kids not a 12-18 teen night, teens not a 16+ knitting circle.
 */
export function agesMatch(asked: AgeRange, program: AgeRange): boolean {
  if (asked.min === asked.max) return program.min <= asked.min && asked.min < program.max;
  const shared = Math.min(asked.max, program.max) - Math.max(asked.min, program.min);
  return shared > 0 && shared >= Math.min(asked.max - asked.min, program.max - program.min) / 2;
}
