// The JSON text of a state document, handed between a storage provider and the state classes
// (bots/savedState.ts) so a turn does not make the same text twice: the text SQLite returned is the
// loaded state's fingerprint, and the fingerprint the save compared is the text SQLite stores. Each
// text is taken once, right after it was given, so a document changed later never carries a stale one.
// Texts are without the eTag, as the providers store them. Keyed weakly by the document itself: nothing
// is kept for a document once it is gone.

/** A document's text as stored: its JSON without the eTag (the eTag is kept beside it). */
export function jsonWithoutETag(item: Record<string, unknown>): string {
  const { eTag: _eTag, ...value } = item;
  return JSON.stringify(value);
}

/** Texts by the document they belong to, each taken once. */
class TextsTakenOnce {
  private readonly texts = new WeakMap<object, string>();

  give(item: object, json: string): void {
    this.texts.set(item, json);
  }

  take(item: object): string | undefined {
    const json = this.texts.get(item);
    this.texts.delete(item);
    return json;
  }
}

/** Given by a provider's read: the text `item` was parsed from. */
export const readJson = new TextsTakenOnce();

/** Given just before `write`: the text `item` (less its eTag) stringifies to. */
export const writeJson = new TextsTakenOnce();
