// A stop of a mobile branch named in the message ("when is the book bus at the senior center", "and
// the park?"): the `place` of its configured hours, by its full name or a part of it that names only
// that stop ("senior center", "lakeview", "the market", "pine st park").
import type { Branch } from '../../config/libraryConfig';
import type { PlaceMention } from '../libraryRecognition';
import { normalizeText } from '../normalize';

export type PlaceMatcher = (normalizedText: string) => PlaceMention | undefined;

/** Words that do not name a stop on their own. */
const GENERIC = new Set(['the', 'street', 'st', 'road', 'rd', 'avenue', 'ave', 'at', 'of']);
/** Everyday nouns that name a stop only as "the park", never alone ("where can I park"). */
const COMMON = new Set(['park', 'center', 'centre', 'market', 'senior', 'school', 'church', 'mall', 'plaza']);

export function createPlaceMatcher(branches: readonly Pick<Branch, 'id' | 'hours'>[]): PlaceMatcher {
  const stops = new Map<string, { branchId: string; place: string }>();
  for (const branch of branches)
    for (const periods of Object.values(branch.hours))
      for (const period of periods ?? [])
        if (period.place) stops.set(period.place, { branchId: branch.id, place: period.place });
  // Every contiguous run of a stop's words, each kept only if no other stop shares it.
  const owners = new Map<string, Set<string>>();
  for (const place of stops.keys()) {
    const words = normalizeText(place).tokens;
    const variants = [words, words.map((w) => (w === 'street' ? 'st' : w))];
    for (const tokens of variants)
      for (let from = 0; from < tokens.length; from++)
        for (let to = from + 1; to <= tokens.length; to++) {
          const run = tokens.slice(from, to);
          if (run.every((w) => GENERIC.has(w))) continue;
          const phrase = run.length === 1 && COMMON.has(run[0]) ? `the ${run[0]}` : run.join(' ');
          owners.set(phrase, (owners.get(phrase) ?? new Set()).add(place));
        }
  }
  const phrases = [...owners.entries()]
    .filter(([, places]) => places.size === 1)
    .map(([phrase, places]) => ({ phrase, place: [...places][0] }))
    .sort((a, b) => b.phrase.length - a.phrase.length);
  return (normalizedText: string) => {
    const text = ` ${normalizedText} `;
    for (const { phrase, place } of phrases) {
      if (text.includes(` ${phrase} `)) return { ...stops.get(place)!, text: phrase };
    }
    return undefined;
  };
}
