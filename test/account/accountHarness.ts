// The whole bot for account conversations: the holds harness (production composition, demo library
// system behind fault injection, SQLite state) with the demo library's trained recognizer, so the
// patron's own words reach the new intents, and the bot's clock at the demo's "now" (Tuesday
// 10 March 2026 in Riverbend), so "due tomorrow" agrees with the library system's dates.
import type { LibrarySystem } from '../../library/librarySystem/librarySystem';
import { startHoldsHarness, type Conversation, type HoldsHarness } from '../holds/holdsHarness';
import { seedTime } from '../librarySystem/demoFixture';
import { demoLibraryRecognizer } from '../support/demoLibrary';

/** Demo patrons (library/librarySystem/README.md). */
export const JORDAN = { card: '21000000000001', pin: '2468' };
export const SAM = { card: '21000000000002', pin: '1357' };
export const CASEY = { card: '21000000000003', pin: '9999' };
export const ROBIN = { card: '21000000000004', pin: '4321' };
export const AVERY = { card: '21000000000005', pin: '8642' };

/** Trains the demo recognizer once, with room for a busy machine (later harnesses reuse it). */
export function trainRecognizerFirst(): void {
  before(function () {
    this.timeout(180_000);
    demoLibraryRecognizer();
  });
}

export function startAccountHarness(
  options: { wrap?: (system: LibrarySystem) => LibrarySystem } = {},
): Promise<HoldsHarness> {
  return startHoldsHarness({ recognizer: demoLibraryRecognizer(), now: () => seedTime, wrap: options.wrap });
}

/** Asks, signs in with card then PIN, and returns everything shown after the PIN (one string). */
export async function askSignedIn(
  chat: Conversation,
  request: string,
  patron: { card: string; pin: string },
): Promise<string> {
  const asked = (await chat.say(request)).join('\n');
  if (!/card number/.test(asked)) throw new Error(`expected the card-number question, got: ${asked}`);
  await chat.say(patron.card);
  return (await chat.say(patron.pin)).join('\n');
}

export async function say(chat: Conversation, text: string): Promise<string> {
  return (await chat.say(text)).join('\n');
}
