// Finds the branch a patron names: configured names and aliases, whole words, tolerant of typos
// ("eastsde"), run-together or split words ("oakhill", "east side") and generic words ("the oak hill one").
import type { Branch } from '../../config/libraryConfig';
import type { BranchMention } from '../libraryRecognition';
import { normalizeText } from '../normalize';
import { editDistance } from '../../library/text/editDistance';

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
      // Windows of one to three tokens, compared with each phrase written both ways ("east side" / "eastside").
      let joined = '';
      for (let size = 1; size <= Math.min(3, tokens.length - start); size++) {
        joined += tokens[start + size - 1];
        for (const phrase of phrases) {
          // Cheap filters first: same first letter and a close length, or nothing to compare.
          if (joined[0] !== phrase.joined[0]) continue;
          const allowed = phrase.joined.length >= 8 ? 2 : phrase.joined.length >= 5 ? 1 : 0;
          if (Math.abs(joined.length - phrase.joined.length) > allowed) continue;
          let cost: number;
          if (joined === phrase.joined) {
            if (size !== phrase.tokens.length && size !== 1 && phrase.tokens.length !== 1) continue;
            cost = 0;
          } else {
            // One typo in a name of 5-7 letters, two from 8 on; short aliases ("oak") must be exact.
            if (allowed === 0) continue;
            cost = editDistance(joined, phrase.joined, allowed);
            if (cost > allowed) continue;
          }
          if (!best || cost < best.cost || (cost === best.cost && phrase.joined.length > best.length)) {
            const text = tokens.slice(start, start + size).join(' ');
            best = { mention: { branchId: phrase.branchId, text }, cost, length: phrase.joined.length };
          }
        }
      }
      if (best && best.cost === 0) break;
    }
    return best?.mention;
  };
}
