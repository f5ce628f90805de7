// Several requests in one message ("when does Main close Sunday and is there parking", a six-line
// SMS): the message is cut at line breaks, question marks, sentence ends, numbered items and "also"
// ("además"), then at "and" ("y") / "plus" / commas, and a cut is kept only when the pieces on both sides are requests
// of their own. Greetings and thanks around the requests are dropped; the rest stays in order.
import type { BranchMention, LibraryIntent, LibraryRecognition } from './libraryRecognition';

/**
 * What the entities alone point to when the classifier is unsure: a Bookmobile stop is about hours,
 * a program topic or an age about programs ("medicare", "my daughter is 20 months").
 */
export function hintedIntent(recognition: LibraryRecognition): LibraryIntent | undefined {
  const entities = recognition.entities;
  if (entities.place) return 'hours';
  if (entities.topics?.length || entities.audience?.ages) return 'programs';
  return undefined;
}

/** The classifier's intent, or the entities' when it only half knew ("homework help" read as help). */
function readAs(recognition: LibraryRecognition, minScore: number): LibraryRecognition {
  const hinted = hintedIntent(recognition);
  const doubtful =
    recognition.intent === 'None' || recognition.intent === 'help' || recognition.score < minScore;
  return hinted && doubtful ? { ...recognition, intent: hinted, score: minScore } : recognition;
}

export interface RequestPart {
  text: string;
  recognition: LibraryRecognition;
  /** A branch named in an earlier part that this one is about too ("... and where do I park there"). */
  branch?: BranchMention;
}

export interface SplitSettings {
  /** A piece is a request of its own at or above this score (and not None). */
  minScore: number;
}

const CONVERSATIONAL = new Set(['greeting', 'goodbye', 'acknowledge', 'smalltalk', 'help']);
/** Intents answered per branch: a later part without a branch is about the one named before. */
const PER_BRANCH = /^(hours|faq\.)/;
const POINTING_BACK = /\b(it|there|they|that branch|that one|same place)\b/i;

/** Strong boundaries: lines, questions, sentences, numbered items, "also". */
function strongPieces(text: string): string[] {
  return text
    .replace(/(^|\s)(\d{1,2}[).]|[-*•])\s+(?=[a-z])/gi, '\n')
    .replace(/,?\s+(?:and\s+|y\s+)?(?:\balso\b|\bademás\b|\bademas\b),?\s*/gi, `\n${ALSO}`)
    .split(/\n+|(?<=\?)\s*|(?<=[.!;])\s+(?=[a-z])/i)
    .map((piece) => piece.trim())
    .filter((piece) => /[a-z0-9]/i.test(piece));
}

/** Marks a piece after "also": a request of its own, never one search with the piece before. */
const ALSO = '\u0001';

/**
 * Weak boundaries inside a piece: "and" (Spanish "y"), "&", "plus", commas before a new clause. A "y"
 * that is texting for "why" cuts too, and the pieces are kept apart only when both are requests.
 */
function weakPieces(piece: string): string[] {
  return piece
    .split(
      /,?\s+(?:and|y|&|plus|\+)\s+(?:also\s+|tambi[eé]n\s+)?|,\s+(?=(?:do|does|did|can|could|is|are|will|what|when|where|how|who|which|any|my|i)\b)/i,
    )
    .map((p) => p.trim())
    .filter(Boolean);
}

/**
 * Joins neighbouring pieces that split a title the recognizer finds across them ("put Pride" and
 * "Prejudice on hold"): an "and" inside a title is no boundary. A title that takes in the whole
 * next piece ("hold Educated for me and what time does main close") is not trusted.
 */
function keepTitles(pieces: string[], recognize: (text: string) => LibraryRecognition): string[] {
  const out = [...pieces];
  for (let i = 0; i + 1 < out.length;) {
    const joined = `${out[i]} and ${out[i + 1]}`;
    const title = recognize(joined).entities.title?.toLowerCase();
    // A title that swallows the whole next piece is the title reader being greedy, not a title.
    const inside = title && !title.includes(out[i + 1].toLowerCase());
    if (inside && /\sand\s/.test(title) && joined.toLowerCase().includes(title)) out.splice(i, 2, joined);
    else i += 1;
  }
  return out;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[a-z0-9]/i.test(w)).length;
}

/**
 * The requests in a message, in order, or undefined when it is one request (the usual case). A piece
 * too short or too unsure to be a request joins the one before it ("open saturday and sunday").
 */
export function splitRequests(
  text: string,
  recognize: (text: string) => LibraryRecognition,
  settings: SplitSettings,
): RequestPart[] | undefined {
  if (wordCount(text) < 4) return undefined;
  const strongOnes = strongPieces(text);
  // One piece cannot be two requests: spare the recognizer a second look at the whole message.
  if (strongOnes.length === 1 && weakPieces(strongOnes[0].replace(ALSO, '')).length < 2) return undefined;
  const isRequest = (r: LibraryRecognition, said: string) =>
    r.intent !== 'None' && r.score >= settings.minScore && wordCount(said) >= 1;
  const pieces: RequestPart[] = [];
  /** Words waiting to join the next piece ("put Pride" before "Prejudice on hold"). */
  let waiting: string | undefined;
  const separate = new Set<RequestPart>();
  for (const marked of strongOnes) {
    const also = marked.startsWith(ALSO);
    const strong = also ? marked.slice(1) : marked;
    for (const [index, weak] of keepTitles(weakPieces(strong), recognize).entries()) {
      const said = waiting ? `${waiting} and ${weak}` : weak;
      waiting = undefined;
      const recognition = readAs(recognize(said), settings.minScore);
      const previous = pieces.at(-1);
      const own = isRequest(recognition, said) && wordCount(said) >= 2;
      // "... and christmas day", "What about Tuesday?": a day or branch alone follows the request before.
      const names = Boolean(
        recognition.entities.date || recognition.entities.branch || recognition.entities.place,
      );
      if (!own && previous && names && wordCount(said) <= 4) {
        const { intent, score } = previous.recognition;
        pieces.push({ text: said, recognition: { ...recognition, intent, score } });
      } else if (own) {
        const part: RequestPart = { text: said, recognition };
        if (also && index === 0) separate.add(part);
        pieces.push(part);
      } else if (previous) {
        previous.text = `${previous.text} and ${said}`;
        previous.recognition = readAs(recognize(previous.text), settings.minScore);
      } else {
        waiting = said;
      }
    }
  }
  const requests = joinedPrograms(withoutRepeats(pieces), separate).filter(
    (p) => isRequest(p.recognition, p.text) && !CONVERSATIONAL.has(p.recognition.intent),
  );
  if (requests.length < 2 || !distinct(requests)) return undefined;
  return withBranches(requests);
}

/**
 * Two pieces about programs in a row are one search unless they name different branches or topics:
 * "my baby is 8 months, is there anything for babies this week?" is one question with an age and a week.
 */
function joinedPrograms(pieces: RequestPart[], separate: ReadonlySet<RequestPart>): RequestPart[] {
  const out: RequestPart[] = [];
  for (const piece of pieces) {
    const previous = out.at(-1);
    const a = previous?.recognition.entities;
    const b = piece.recognition.entities;
    const apart =
      (a?.branch && b.branch && a.branch.branchId !== b.branch.branchId) ||
      separate.has(piece) ||
      (a?.topics?.length && b.topics?.length && a.topics.join() !== b.topics.join());
    if (
      previous &&
      previous.recognition.intent === 'programs' &&
      piece.recognition.intent === 'programs' &&
      !apart
    ) {
      previous.text = `${previous.text} and ${piece.text}`;
      previous.recognition = {
        ...piece.recognition,
        entities: { ...b, ...a, ...(b.date ? { date: b.date } : {}) },
      };
      continue;
    }
    out.push(piece);
  }
  return out;
}

/**
 * A later piece that asks the same thing and names nothing new ("... til what time r u open" after
 * "is main open today") is the same request said twice.
 */
function withoutRepeats(pieces: RequestPart[]): RequestPart[] {
  return pieces.filter((piece, i) => {
    const e = piece.recognition.entities;
    return !pieces.slice(0, i).some((earlier) => {
      const before = earlier.recognition.entities;
      const same = (a?: string, b?: string) => a === undefined || a === b;
      return (
        earlier.recognition.intent === piece.recognition.intent &&
        same(e.branch?.branchId, before.branch?.branchId) &&
        same(e.date?.start, before.date?.start) &&
        !e.audience &&
        !e.topics?.length
      );
    });
  });
}

/** Two pieces asking the same thing about the same branch and day are one request said twice. */
function distinct(parts: RequestPart[]): boolean {
  const keys = parts.map((p) => {
    const e = p.recognition.entities;
    return [
      p.recognition.intent,
      e.branch?.branchId,
      e.date?.start,
      e.audience?.audience,
      e.topics?.join(),
    ].join('|');
  });
  return new Set(keys).size === keys.length;
}

/** A branch named once carries to later hours and FAQ parts that name none ("is there parking"). */
function withBranches(parts: RequestPart[]): RequestPart[] {
  let named: BranchMention | undefined;
  for (const part of parts) {
    const own = part.recognition.entities.branch;
    if (own) {
      named = own;
      continue;
    }
    if (named && (PER_BRANCH.test(part.recognition.intent) || POINTING_BACK.test(part.text)))
      part.branch = named;
  }
  return parts;
}
