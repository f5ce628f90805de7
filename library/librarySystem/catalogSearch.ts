// Relevance ranking for catalog searches, shared by the demo system and any connector that has to
// rank results itself. Forgiving on purpose: patrons type "midnight libary by haig".
import { withinOneEdit } from '../text/editDistance';
import type { CatalogQuery, CatalogRecord } from './librarySystem';

/** Catalog search for a connector whose own protocol has none (SRU beside SIP2). */
export interface CatalogSource {
  search(query: CatalogQuery): Promise<CatalogRecord[]>;
  checkReachable(): Promise<void>;
}

const stopWords = new Set([
  'a',
  'an',
  'the',
  'of',
  'by',
  'and',
  'or',
  'to',
  'for',
  'in',
  'on',
  'with',
  'me',
  'my',
  'i',
  'is',
  'book',
  'books',
  'novel',
  'copy',
  'hold',
  'place',
  'put',
  'want',
  'get',
  'please',
  'can',
  'you',
  'called',
  'titled',
  'written',
  'author',
  'audiobook',
  'dvd',
  'ebook',
  'large',
  'print',
  'something',
  'about',
  'looking',
  'find',
  'have',
  'do',
  'there',
  'new',
  'one',
  'that',
  'it',
  'reserve',
  'request',
  'at',
  'from',
  'this',
  'some',
  'any',
]);

export function normalizeText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function searchTokens(text: string | undefined): string[] {
  if (!text) return [];
  return normalizeText(text)
    .split(' ')
    .filter((t) => t.length > 0 && !stopWords.has(t));
}

function tokenMatches(queryToken: string, fieldTokens: string[]): boolean {
  return fieldTokens.some(
    (t) =>
      t === queryToken ||
      (queryToken.length >= 4 && t.startsWith(queryToken)) ||
      (queryToken.length >= 5 && withinOneEdit(queryToken, t)),
  );
}

export interface SearchableRecord {
  title: string;
  author: string;
  subjects: string[];
}

export interface SearchTerms {
  keywords?: string;
  title?: string;
  author?: string;
}

/**
 * A relevance score, or 0 when the record does not match. Most of the words the patron gave must
 * be found; title words weigh most, then author, then subjects.
 */
export function scoreRecord(record: SearchableRecord, terms: SearchTerms): number {
  const titleTokens = normalizeText(record.title).split(' ');
  const authorTokens = normalizeText(record.author).split(' ');
  const subjectTokens = normalizeText(record.subjects.join(' ')).split(' ');
  let score = 0;
  let wanted = 0;
  let found = 0;

  const titleQuery = searchTokens(terms.title);
  for (const token of titleQuery) {
    wanted += 1;
    if (tokenMatches(token, titleTokens)) {
      found += 1;
      score += 4;
    }
  }
  if (terms.title && normalizeText(terms.title) === normalizeText(record.title)) score += 10;

  const authorQuery = searchTokens(terms.author);
  for (const token of authorQuery) {
    wanted += 1;
    if (tokenMatches(token, authorTokens)) {
      found += 1;
      score += 3;
    }
  }

  for (const token of searchTokens(terms.keywords)) {
    wanted += 1;
    if (tokenMatches(token, titleTokens)) {
      found += 1;
      score += 3;
    } else if (tokenMatches(token, authorTokens)) {
      found += 1;
      score += 2;
    } else if (tokenMatches(token, subjectTokens)) {
      found += 1;
      score += 1;
    }
  }
  if (terms.keywords && normalizeText(record.title) === normalizeText(terms.keywords)) score += 10;

  if (wanted === 0 || found / wanted < 0.6) return 0;
  return score * (found / wanted);
}
