// Who a program is for: an age in years or months ("my 5 year old", "4 yr old", "3yo", "my baby is
// 8 months old", "a 3rd grader"), or a life stage ("toddlers", "preschoolers", "tweens", "seniors").
import { LIFE_STAGES, type AgeRange, type LifeStage } from '../../library/programs/ages';
import type { Audience, AudienceMention } from '../libraryRecognition';

const STAGE_WORDS: [RegExp, LifeStage][] = [
  [/\b(bab(y|ies)|infants?|newborns?)\b/, 'babies'],
  [/\b(toddlers?|little ones?)\b/, 'toddlers'],
  [/\b(preschool(ers?)?|pre ?k|pre ?schoolers?|kindergarten(ers?)?)\b/, 'preschoolers'],
  [/\b(tweens?|pre ?teens?|preteens?|middle school(ers?)?)\b/, 'tweens'],
  [/\b(teens?|teenagers?|teenage|young adults?|high school(ers?)?|adolescents?)\b/, 'teens'],
  [/\b(kids?|kiddos?|child|children|grandkids|grandchildren|elementary|school age|little kids)\b/, 'kids'],
  [
    /\b(seniors?|senior citizens?|older (adults?|people|folks)|elders?|retirees?|elderly|55 plus|over 55|over 60|over 65|golden age|grandma|grandpa|grandmother|grandfather|grandparents?)\b/,
    'seniors',
  ],
  [/\b(adults?|grown ups?|grownups)\b/, 'adults'],
];

const FAMILIES = /\b(famil(y|ies)|all ages|whole family)\b/;

/** The audience an age belongs to, as libraries usually group their programs. */
export function audienceForAge(age: number): Audience {
  if (age < 4) return 'toddlers';
  if (age < 13) return 'kids';
  if (age < 18) return 'teens';
  if (age >= 60) return 'seniors';
  return 'adults';
}

/** "an 8-year-old", "a 10-month-old". */
function ageLabel(amount: number, unit: 'year' | 'month'): string {
  const article = /^(8|11|18|80|8\d)$/.test(String(amount)) ? 'an' : 'a';
  return `${article} ${amount}-${unit}-old`;
}

function ofAge(years: number, text: string, label: string): AudienceMention {
  const ages: AgeRange = { min: years, max: years };
  return { audience: audienceForAge(years), text, age: Math.floor(years), ages, label };
}

/**
 * An age said in the patron's own words. `raw` is the message before texting shorthand was expanded
 * ("yr" means "your" elsewhere, "4 yr old" here); the normalised text catches the rest.
 */
function findAge(normalizedText: string, raw: string): AudienceMention | undefined {
  const said = raw.toLowerCase();
  const months =
    /\b(\d{1,2}) ?(?:months?|mos?|mths?|mnths?)(?:[ -]?old)?\b/.exec(said) ??
    /\b(\d{1,2}) ?(?:months?|mos?) ?old\b/.exec(normalizedText);
  if (months && !/\b(in|for|next|last|past|every)\s+$/.test(said.slice(0, months.index))) {
    const count = Number(months[1]);
    if (count < 48) return ofAge(count / 12, months[0], ageLabel(count, 'month'));
  }
  const grade = /\b(\d{1,2})(?:st|nd|rd|th) grade(?:r|rs)?\b/.exec(said);
  if (grade && Number(grade[1]) <= 12) {
    const years = Number(grade[1]) + 5;
    return ofAge(years, grade[0], ageLabel(years, 'year'));
  }
  const years =
    /\b(\d{1,2}) ?(?:years?|yrs?|yr|y\/?o|yo)(?:[ -]?old)?\b/.exec(said) ??
    /\b(\d{1,2}) ?(?:years?|yrs?|yr) ?old\b/.exec(normalizedText) ??
    /\b(\d{1,2}) ?yo\b/.exec(normalizedText) ??
    /\b(?:aged?|ages) (\d{1,2})\b/.exec(normalizedText) ??
    /\b(?:is|turned|turning|just|only) (\d{1,2})\b(?! ?(?:am|pm|days?|weeks?|months?|mos?|books?|items?|dollars|minutes|hours|times|holds?|people))/.exec(
      normalizedText,
    );
  if (!years) return undefined;
  const count = Number(years[1]);
  return count <= 110 ? ofAge(count, years[0], ageLabel(count, 'year')) : undefined;
}

export function findAudience(
  normalizedText: string,
  raw: string = normalizedText,
): AudienceMention | undefined {
  const age = findAge(normalizedText, raw);
  if (age) return age;
  let best: { mention: AudienceMention; at: number } | undefined;
  for (const [pattern, stage] of STAGE_WORDS) {
    const m = pattern.exec(normalizedText);
    if (!m || (best && m.index >= best.at)) continue;
    const { ages, audience } = LIFE_STAGES[stage];
    best = { mention: { audience, text: m[0], ages, label: stage }, at: m.index };
  }
  // "grandparents and grandkids", "me and my kids": a program for the children, with their grown-ups.
  if (
    best &&
    /\b(grandkids|grandchildren|my kids|my children)\b/.test(normalizedText) &&
    best.mention.audience !== 'kids'
  )
    return { audience: 'families', text: best.mention.text, label: 'families' };
  const family = FAMILIES.exec(normalizedText);
  if (family && (!best || family.index < best.at))
    return { audience: 'families', text: family[0], label: 'families' };
  return best?.mention;
}
