// Who a program is for: words ("toddlers", "my teenager", "seniors") or an age ("my 5 year old").
import type { Audience, AudienceMention } from '../libraryRecognition';

const WORDS: [RegExp, Audience][] = [
  [/\b(bab(y|ies)|infants?|toddlers?|preschool(ers?)?|pre k|little ones?|newborns?)\b/, 'toddlers'],
  [
    /\b(teens?|teenagers?|teenage|young adults?|high school(ers?)?|middle school(ers?)?|adolescents?)\b/,
    'teens',
  ],
  [/\b(kids?|kiddos?|child|children|tweens?|grandkids|grandchildren|elementary|school age)\b/, 'kids'],
  [/\b(seniors?|older adults?|retirees?|elderly|55 plus|over 55|over 60|over 65|golden age)\b/, 'seniors'],
  [/\b(famil(y|ies)|all ages|whole family)\b/, 'families'],
  [/\b(adults?|grown ups?|grownups)\b/, 'adults'],
];

/** The audience an age belongs to, as libraries usually group their programs. */
export function audienceForAge(age: number): Audience {
  if (age <= 3) return 'toddlers';
  if (age <= 12) return 'kids';
  if (age <= 17) return 'teens';
  if (age >= 60) return 'seniors';
  return 'adults';
}

export function findAudience(normalizedText: string): AudienceMention | undefined {
  const age =
    /\b(\d{1,2}) ?(?:years?|yrs?|yr) ?old\b/.exec(normalizedText) ??
    /\b(\d{1,2}) ?(?:year|yr)\b/.exec(normalizedText) ??
    /\b(\d{1,2}) ?yo\b/.exec(normalizedText) ??
    /\b(?:aged?|ages) (\d{1,2})\b/.exec(normalizedText) ??
    /\b(?:is|turned|turning) (\d{1,2})\b(?! ?(?:am|pm|days?|weeks?|books?|items?))/.exec(normalizedText);
  if (age) {
    const years = Number(age[1]);
    if (years <= 110) return { audience: audienceForAge(years), text: age[0], age: years };
  }
  const months = /\b(\d{1,2}) ?(?:months?|mo) ?old\b/.exec(normalizedText);
  if (months) return { audience: 'toddlers', text: months[0], age: 0 };
  let best: { mention: AudienceMention; at: number } | undefined;
  for (const [pattern, audience] of WORDS) {
    const m = pattern.exec(normalizedText);
    if (m && (!best || m.index < best.at)) best = { mention: { audience, text: m[0] }, at: m.index };
  }
  return best?.mention;
}
