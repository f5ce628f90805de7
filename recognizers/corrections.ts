// Corrections: "I meant Oak Hill", "no, Eastside", "sorry i meant oak hill", "no wait I meant Artemis",
// "actually what about saturday". The words after the correction are what replaces the slot they name.

export interface Correction {
  /** The new value as the patron said it ("oak hill", "my 8 year old", "Artemis"). */
  said: string;
}

const OPENINGS = [
  /^(?:no+|nope|nah|oops|sorry|whoops|wait|actually|oh|ah|hmm|um+|uh+)\b[\s,.!-]*(?:(?:no|wait|sorry|actually|oops)\b[\s,.!-]*)*(?:i\s+(?:meant|mean|said|was asking about|wanted|want)\b|not that[\s,]+|make (?:that|it)\b)?[\s,:-]*/i,
  /^(?:i\s+(?:meant|mean|said|was asking about)|make (?:that|it)|correction|change (?:that|it) to)\b[\s,:-]*/i,
];

/** Replies that start like a correction but are answers or closings ("no thanks", "nope that's all"). */
const NOT_A_CORRECTION =
  /^(no+|nope|nah)\b[\s,.!]*(thanks?|thank you|thx|(that'?s|that is|thats) (all|it|everything)|i'?m (good|fine|all set)|nothing( else)?|never ?mind|problem|worries)?[\s.!]*$|^(no+|nope|nah)\s+(thanks?|thank you|thx|problem|worries)\b|^sorry[\s.!]*$|^(ok|okay|oh ok|ah ok|oh okay)[\s.!]*$/i;

/**
 * The correction in a message, or undefined. The words must still say something after the opening:
 * "no" alone is an answer, "sorry" alone an apology.
 */
export function readCorrection(text: string): Correction | undefined {
  const trimmed = text.trim();
  if (NOT_A_CORRECTION.test(trimmed)) return undefined;
  for (const opening of OPENINGS) {
    const m = opening.exec(trimmed);
    if (!m || m[0].trim() === '') continue;
    const said = trimmed
      .slice(m[0].length)
      .replace(/^[\s,:-]+|[\s.!?]+$/g, '')
      .trim();
    if (/[a-z0-9]/i.test(said)) return { said };
  }
  return undefined;
}
