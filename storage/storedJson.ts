// The JSON text of a state document, handed between a storage provider and the state classes
// (bots/savedState.ts) so a turn does not make the same text twice: the text SQLite returned is the
// loaded state's fingerprint, and the fingerprint the save compared is the text SQLite stores. Each
// text is taken once, right after it was given, so a document changed later never carries a stale one.
// Texts are without the eTag, as the providers store them.

const readAs = new WeakMap<object, string>();
const writeAs = new WeakMap<object, string>();

/** A provider's read: `item` was parsed from `json`. */
export function rememberReadJson(item: object, json: string): void {
  readAs.set(item, json);
}

/** The text `item` was just read from, if its provider said so; taken once. */
export function takeReadJson(item: object): string | undefined {
  const json = readAs.get(item);
  readAs.delete(item);
  return json;
}

/** Said just before `write`: `item` (less its eTag) stringifies to `json`. */
export function rememberWriteJson(item: object, json: string): void {
  writeAs.set(item, json);
}

/** The text a provider's write can store for `item` instead of stringifying it again; taken once. */
export function takeWriteJson(item: object): string | undefined {
  const json = writeAs.get(item);
  writeAs.delete(item);
  return json;
}
