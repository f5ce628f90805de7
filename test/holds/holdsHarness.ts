// A whole patron bot for holds conversations: the lead's PatronBot and MainDialog with the holds
// routes, SQLite state in a temp folder, the sensitive-input middleware ahead of a transcript
// logger, a scripted recognizer, and the demo library system behind fault injection. Each
// `conversation()` is a TestAdapter with its own channel and conversation id on the same bot.
import {
  Activity,
  ConversationState,
  MemoryTranscriptStore,
  TestAdapter,
  TranscriptLoggerMiddleware,
  UserState,
} from 'botbuilder';
import { join } from 'node:path';
import { PatronBot } from '../../bots/patronBot';
import { SENSITIVE_TURN } from '../../bots/sensitiveInputMiddleware';
import { MainDialog } from '../../dialogs/mainDialog';
import { createHoldsFeature, type HoldsFeature, type HoldsFeatureOptions } from '../../dialogs/holdsFeature';
import { injectFaults, type FaultInjectingLibrarySystem } from '../librarySystem/faultInjection';
import type {
  LibraryEntities,
  LibraryIntent,
  LibraryRecognition,
  PatronMessageRecognizer,
} from '../../recognizers/libraryRecognition';
import { SqliteStorage } from '../../storage/sqliteStorage';
import { loadLibraryConfig, type LibraryConfig } from '../../config/libraryConfig';
import { openDemoFixture, type DemoFixture } from '../librarySystem/demoFixture';

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
  feature: HoldsFeature;
  transcripts: MemoryTranscriptStore;
  storageFile: string;
  /** Every field and message the holds code logged, raw (not scrubbed). */
  logLines: string[];
  recognizer: ScriptedRecognizer;
  /** SENSITIVE_TURN as seen by middleware after the holds middleware, one entry per turn. */
  sensitiveTurns: (string | undefined)[];
  conversation(id: string, channelId?: string): Conversation;
  close(): void;
}

export interface HoldsHarnessOptions {
  timeoutMs?: number;
  patronSignIn?: LibraryConfig['patronSignIn'];
  entraClientSecret?: string;
  entraNetwork?: HoldsFeatureOptions['entraNetwork'];
  /** The scripted recognizer unless given (e.g. the trained one). */
  recognizer?: PatronMessageRecognizer;
}

export async function startHoldsHarness(options: HoldsHarnessOptions = {}): Promise<HoldsHarness> {
  const fixture = await openDemoFixture();
  const faults = injectFaults(fixture.system);
  const loaded = loadLibraryConfig(join(__dirname, '..', '..', '..', 'config', 'demo-library.yaml'));
  const config: LibraryConfig = {
    ...loaded.config,
    librarySystem: { kind: 'demo' as const, timeoutMs: options.timeoutMs ?? 5000 },
    patronSignIn: options.patronSignIn ?? loaded.config.patronSignIn,
  };
  const logLines: string[] = [];
  const logger = {
    info: (fields: object, message: string) => logLines.push(`${message} ${JSON.stringify(fields)}`),
    warn: (fields: object, message: string) =>
      logLines.push(
        `${message} ${JSON.stringify(fields, (_k, v: unknown) => (v instanceof Error ? `${v.name}: ${v.message}` : v))}`,
      ),
  };
  const recognizer = new ScriptedRecognizer(holdsRules);
  const feature = createHoldsFeature({
    recognizer: options.recognizer ?? recognizer,
    config,
    dataDir: fixture.dataDir,
    patronKeySecret: 'test-patron-key-secret',
    logger,
    librarySystem: faults,
    entraClientSecret: options.entraClientSecret,
    entraNetwork: options.entraNetwork,
  });
  const storageFile = join(fixture.dataDir, 'bot-state.sqlite');
  const storage = new SqliteStorage(storageFile);
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const mainDialog = new MainDialog({
    recognizer: options.recognizer ?? recognizer,
    libraryName: config.library.name,
    routes: feature.routes,
  });
  const bot = new PatronBot(conversationState, userState, mainDialog);
  const transcripts = new MemoryTranscriptStore();
  const sensitiveTurns: (string | undefined)[] = [];

  return {
    fixture,
    faults,
    feature,
    transcripts,
    storageFile,
    logLines,
    recognizer,
    sensitiveTurns,
    conversation(id, channelId = 'webchat') {
      const adapter = new TestAdapter((context) => bot.run(context), {
        channelId,
        conversation: { id, isGroup: false, conversationType: 'personal', name: id },
        user: { id: `user-${id}`, name: 'Patron' },
        bot: { id: 'bot', name: 'Library bot' },
      } as Partial<Activity>);
      adapter.use(feature.middleware);
      adapter.use(new TranscriptLoggerMiddleware(transcripts));
      adapter.use(async (context, next) => {
        sensitiveTurns.push(context.turnState.get(SENSITIVE_TURN) as string | undefined);
        await next();
      });
      const sayRaw = async (text: string) => {
        await adapter.receiveActivity(text);
        return adapter.activeQueue.splice(0);
      };
      return { adapter, sayRaw, say: async (text) => (await sayRaw(text)).map(shown) };
    },
    close() {
      storage.close?.();
      fixture.cleanup();
    },
  };
}
