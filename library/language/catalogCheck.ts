// Where a catalog differs from the reference one in shape: a message missing or extra, a sentence
// taking other arguments, an empty text the reference has. The type system checks the same for
// catalogs written in TypeScript; this runs over any catalog object (a test, a startup check).

function kind(value: unknown): string {
  if (value instanceof RegExp) return 'pattern';
  if (Array.isArray(value)) return 'list';
  return typeof value;
}

/** "main.stopped: missing", "hours.opens: takes 2 arguments, not 1", ... (empty when they match). */
export function catalogGaps(reference: object, other: object, path = ''): string[] {
  const gaps: string[] = [];
  const ours = reference as Record<string, unknown>;
  const theirs = other as Record<string, unknown>;
  for (const key of Object.keys(ours)) {
    const at = path ? `${path}.${key}` : key;
    if (!Object.hasOwn(theirs, key)) {
      gaps.push(`${at}: missing`);
      continue;
    }
    const [a, b] = [ours[key], theirs[key]];
    if (kind(a) !== kind(b)) gaps.push(`${at}: a ${kind(b)}, not a ${kind(a)}`);
    else if (typeof a === 'function' && a.length !== (b as () => unknown).length)
      gaps.push(`${at}: takes ${(b as () => unknown).length} arguments, not ${a.length}`);
    else if (typeof a === 'string' && a !== '' && b === '') gaps.push(`${at}: empty`);
    else if (kind(a) === 'object') gaps.push(...catalogGaps(a as object, b as object, at));
  }
  for (const key of Object.keys(theirs))
    if (!Object.hasOwn(ours, key))
      gaps.push(`${path ? `${path}.${key}` : key}: not in the reference catalog`);
  return gaps;
}
