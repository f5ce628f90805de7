// Another language's words for what the entity readers look for ("mañana", "mi hijo de 4 años",
// "hora del cuento"), read from `corpus/<language>/entities.words` as "patron's words = reader's words"
// ({n} for a number). The rewritten text goes to the date, age and topic readers only; the classifier
// learns each language from its corpus. Adding a language is that file, not code.
import { existsSync } from 'node:fs';
import { readCorpusFile } from '../corpus';
import { escapeRegExp } from './topics';

export type EntityWords = (normalizedText: string) => string;

interface Rewrite {
  pattern: RegExp;
  replacement: string;
}

function rewriteOf(line: string): Rewrite | undefined {
  const [said, read] = line.split('=').map((part) => part.trim());
  if (!said || read === undefined) return undefined;
  const source = escapeRegExp(said).replace(/\\\{n\\\}|\{n\}/g, '(\\d{1,3})');
  return { pattern: new RegExp(`\\b${source}\\b`, 'g'), replacement: read.replace(/\{n\}/g, '$1') };
}

/** The rewrites of a language folder's `entities.words` (none when it has no such file), longest phrase first. */
export function loadEntityWords(path: string): EntityWords {
  const lines = existsSync(path) ? readCorpusFile(path) : [];
  const rewrites = lines
    .sort((a, b) => b.split('=')[0].trim().length - a.split('=')[0].trim().length)
    .map(rewriteOf)
    .filter((rewrite): rewrite is Rewrite => rewrite !== undefined);
  if (rewrites.length === 0) return (text) => text;
  return (text) => {
    let read = text;
    for (const { pattern, replacement } of rewrites) read = read.replace(pattern, replacement);
    return read;
  };
}
