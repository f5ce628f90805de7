// Finds the branch a patron names: configured names and aliases, whole words, tolerant of typos
// ("eastsde"), run-together or split words ("oakhill", "east side") and generic words ("the oak hill one").
import { DamerauLevenshteinDistance } from 'natural/lib/natural/distance/levenshtein_distance';
import type { Branch } from '../../config/libraryConfig';
import type { BranchMention } from '../libraryRecognition';
import { normalizeText } from '../normalize';

interface Phrase {
  branchId: string;
  tokens: string[];
  joined: string;
}

/** Words that name no particular branch, dropped from names so "Eastside Branch" also matches "eastside". */
const GENERIC = new Set(['branch', 'library', 'the', 'public', 'location']);

export type BranchMatcher = (normalizedTokens: string[]) => BranchMention | undefined;

export function createBranchMatcher(branches: Pick<Branch, 'id' | 'name' | 'aliases'>[]): BranchMatcher {
  const phrases: Phrase[] = [];
  const seen = new Set<string>();
  const add = (branchId: string, text: string) => {
    const tokens = normalizeText(text).tokens;
    const core = tokens.filter((t) => !GENERIC.has(t));
    for (const list of [tokens, core]) {
      const key = `${branchId}\u0000${list.join(' ')}`;
      if (list.length === 0 || seen.has(key)) continue;
      seen.add(key);
      phrases.push({ branchId, tokens: list, joined: list.join('') });
    }
  };
  for (const branch of branches) {
    add(branch.id, branch.name);
    add(branch.id, branch.id.replace(/-/g, ' '));
    for (const alias of branch.aliases) add(branch.id, alias);
  }
  // Longer phrases first: "oak hill" before "oak", "east side" before "east".
  phrases.sort((a, b) => b.joined.length - a.joined.length || (a.joined < b.joined ? -1 : 1));

  return (tokens: string[]) => {
    let best: { mention: BranchMention; cost: number; length: number } | undefined;
    for (let start = 0; start < tokens.length; start++) {
      for (const phrase of phrases) {
        // Compare windows of one to three tokens with the phrase written both ways ("east side" / "eastside").
        for (let size = 1; size <= Math.min(3, tokens.length - start); size++) {
          const window = tokens.slice(start, start + size);
          const joined = window.join('');
          const exact =
            joined === phrase.joined &&
            (size === phrase.tokens.length || size === 1 || phrase.tokens.length === 1);
          let cost = exact ? 0 : Infinity;
          if (
            !exact &&
            phrase.joined.length >= 5 &&
            joined[0] === phrase.joined[0] &&
            Math.abs(joined.length - phrase.joined.length) <= (phrase.joined.length >= 8 ? 2 : 1)
          ) {
            // One typo in a word of 5-7 letters, two from 8 on; short aliases ("oak") must be exact.
            const allowed = phrase.joined.length >= 8 ? 2 : 1;
            const distance = DamerauLevenshteinDistance(joined, phrase.joined);
            if (distance <= allowed) cost = distance;
          }
          if (cost === Infinity) continue;
          const candidate = {
            mention: { branchId: phrase.branchId, text: window.join(' ') },
            cost,
            length: phrase.joined.length,
          };
          if (!best || cost < best.cost || (cost === best.cost && candidate.length > best.length))
            best = candidate;
        }
      }
      if (best && best.cost === 0) break;
    }
    return best?.mention;
  };
}
