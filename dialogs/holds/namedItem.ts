// Which of the patron's own items (a hold, a checkout) a message names: "renew Project Hail Mary",
// "move my hold on dune to Oak Hill". Matched against the titles the patron actually has, with the
// catalog's forgiving scorer, so a typo still finds it and a request with no title finds nothing.
import { scoreRecord } from '../../library/librarySystem/catalogSearch';

export interface NamedTitle {
  title: string;
  /** '' when unknown. */
  author: string;
}

/**
 * The one item whose title (or author) the message names, once the request's own words are taken
 * out; undefined when none or several fit.
 */
export function namedItem<T extends NamedTitle>(
  items: readonly T[],
  text: string,
  requestWords: RegExp,
): T | undefined {
  const named = namedItems(items, text, requestWords);
  return named.length === 1 ? named[0] : undefined;
}

/** Every item the message names, best match first. */
export function namedItems<T extends NamedTitle>(
  items: readonly T[],
  text: string,
  requestWords: RegExp,
): T[] {
  const words = text.replace(requestWords, ' ');
  const scored = items
    .map((item) => ({
      item,
      score: scoreRecord({ title: item.title, author: item.author, subjects: [] }, { keywords: words }),
    }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score);
  // A title said in full outranks others that share a word with it ("Dune" and "Dune Messiah").
  if (scored.length > 1 && scored[0].score > scored[1].score + 8) return [scored[0].item];
  return scored.map((s) => s.item);
}
