// The whole bot for holds conversations (test/support/botHarness.ts): SQLite state in the demo
// fixture's folder, the capabilities' middleware ahead of a transcript logger, a scripted recognizer,
// and the demo library system behind fault injection. Each `conversation()` is a TestAdapter with
// its own channel and conversation id on the same bot.
import type { Activity, MemoryTranscriptStore, TestAdapter } from 'botbuilder';
import { join } from 'node:path';
import type { LibraryConfig } from '../../config/libraryConfig';
import type { LibrarySystem } from '../../library/librarySystem/librarySystem';
import { injectFaults, type FaultInjectingLibrarySystem } from '../librarySystem/faultInjection';
import type {
  LibraryEntities,
  LibraryIntent,
  LibraryRecognition,
  PatronMessageRecognizer,
} from '../../recognizers/libraryRecognition';
import type { HoldsCapability, HoldsOptions } from '../../server/capabilities/holds';
import { openDemoFixture, type DemoFixture } from '../librarySystem/demoFixture';
import { startBotHarness } from '../support/botHarness';
import { loadDemoLibrary } from '../support/demoLibrary';

type Rule = [RegExp, LibraryIntent, ((match: RegExpExecArray) => LibraryEntities)?];

/** A recognizer that answers from a script of patterns, as the trained one would. */
export class ScriptedRecognizer implements PatronMessageRecognizer {
  readonly seen: string[] = [];
  constructor(private readonly rules: Rule[]) {}
  recognize(text: string): LibraryRecognition {
    this.seen.push(text);
    for (const [pattern, intent, entities] of this.rules) {
      const match = pattern.exec(text);
      if (match) {
        return {
          text,
          normalizedText: text.toLowerCase(),
          intent,
          score: 0.9,
          intents: { [intent]: 0.9 },
          entities: entities?.(match) ?? {},
        };
      }
    }
    return {
      text,
      normalizedText: text.toLowerCase(),
      intent: 'None',
      score: 0.5,
      intents: { None: 0.5 },
      entities: {},
    };
  }
}

export const holdsRules: Rule[] = [
  [/is my book ready|ready for pick ?up/i, 'holds.list'],
  [/^(show )?my holds|what('s| is) on hold/i, 'holds.list'],
  [/where am i in line for (.+)$/i, 'holds.list', (m) => ({ title: m[1] })],
  [/cancel (my )?hold on (.+)$/i, 'holds.cancel', (m) => ({ title: m[2] })],
  [/cancel (a|my) hold/i, 'holds.cancel'],
  [
    /^(place|put) a hold on (.+?) by (.+?)( at (eastside|oak hill))?$/i,
    'holds.place',
    (m) => ({
      title: m[2],
      author: m[3],
      ...(m[5] ? { branch: { branchId: m[5].toLowerCase().replace(' ', '-'), text: m[5] } } : {}),
    }),
  ],
  [/^(place|put) a hold on (.+)$/i, 'holds.place', (m) => ({ title: m[2] })],
  [/^(place a hold|i want to reserve something)$/i, 'holds.place'],
  [/talk to a person/i, 'human'],
  [/what time do you close|open today/i, 'hours'],
  [/^dune$/i, 'faq.renew'],
];

/** Everything an activity shows: text, card text and button titles (for assertions). */
export function shown(activity: Partial<Activity>): string {
  const parts: string[] = [activity.text ?? ''];
  for (const attachment of activity.attachments ?? []) parts.push(JSON.stringify(attachment.content));
  for (const action of activity.suggestedActions?.actions ?? []) parts.push(`[${action.title}]`);
  return parts.join('\n');
}

export interface Conversation {
  adapter: TestAdapter;
  /** Sends a message and returns what the bot showed in reply (one string per activity). */
  say(text: string): Promise<string[]>;
  /** The same, as the raw activities. */
  sayRaw(text: string): Promise<Partial<Activity>[]>;
}

export interface HoldsHarness {
  fixture: DemoFixture;
  faults: FaultInjectingLibrarySystem;
  /** The holds capability as the bot composed it (its guarded library system, sessions, gate). */
  feature: HoldsCapability;
  transcripts: MemoryTranscriptStore;
  storageFile: string;
  /** Every line the bot logged (the real logger, at debug level). */
  logLines: string[];
  recognizer: ScriptedRecognizer;
  /** The sensitive-input kind as seen by middleware after the holds middleware, one entry per turn. */
  sensitiveTurns: (string | undefined)[];
  /** `userId`: who types (the channel's user id, a sign-in throttle key); TestAdapter's user when absent. */
  conversation(id: string, channelId?: string, userId?: string): Conversation;
  close(): Promise<void>;
}

export interface HoldsHarnessOptions {
  timeoutMs?: number;
  patronSignIn?: LibraryConfig['patronSignIn'];
  entraClientSecret?: string;
  entraNetwork?: HoldsOptions['entraNetwork'];
  /** The scripted recognizer unless given (e.g. the trained one). */
  recognizer?: PatronMessageRecognizer;
  /** The bot's clock (real time unless given; the demo library system keeps its own seeded clock). */
  now?: () => Date;
  /** Wraps the library system the bot uses (after fault injection), e.g. to turn features off. */
  wrap?: (system: LibrarySystem) => LibrarySystem;
}

/** The whole bot (test/support/botHarness.ts) on a demo library system with injected faults. */
export async function startHoldsHarness(options: HoldsHarnessOptions = {}): Promise<HoldsHarness> {
  const fixture = await openDemoFixture();
  const faults = injectFaults(fixture.system);
  const loaded = loadDemoLibrary();
  const config: LibraryConfig = {
    ...loaded.config,
    librarySystem: { kind: 'demo' as const, timeoutMs: options.timeoutMs ?? 5000 },
    patronSignIn: options.patronSignIn ?? loaded.config.patronSignIn,
  };
  const recognizer = new ScriptedRecognizer(holdsRules);
  const harness = await startBotHarness({
    library: { ...loaded, config },
    recognizer: options.recognizer ?? recognizer,
    dataDir: fixture.dataDir,
    holds: {
      librarySystem: options.wrap ? options.wrap(faults) : faults,
      entraNetwork: options.entraNetwork,
    },
    now: options.now,
    secrets: { entraClientSecret: options.entraClientSecret },
  });
  return {
    fixture,
    faults,
    feature: harness.bot.capabilities.holds,
    transcripts: harness.transcripts,
    storageFile: join(fixture.dataDir, 'bot-state.sqlite'),
    logLines: harness.logLines,
    recognizer,
    sensitiveTurns: harness.sensitiveTurns,
    conversation(id, channelId = 'webchat', userId) {
      const chat = harness.conversation(id, channelId, userId);
      return {
        adapter: chat.adapter,
        sayRaw: chat.say,
        say: async (text) => (await chat.say(text)).map(shown),
      };
    },
    close: async () => {
      await harness.close(true);
      fixture.cleanup();
    },
  };
}
