// Runs a patron set on the real composition (test/support/botHarness.ts) with the trained recognizer
// and a fixed library clock per case, one conversation per case, and scores it: a message or a
// conversation is correct when every check of every turn holds; wrong facts are counted apart.
import type { Activity } from 'botbuilder';
import { DateTime } from 'luxon';
import { SMS_MAX_LENGTH } from '../../channels/renderer';
import { visibleText } from '../dialogs/conversationHarness';
import { startBotHarness, type BotHarness } from '../support/botHarness';
import { demoLibraryRecognizer } from '../support/demoLibrary';
import { CLOCKS, ZONE, type PatronCase, type ReplyContext } from './patronCase';

export interface TurnFailure {
  caseId: string;
  turn: number;
  say: string;
  check: string;
  wrongFact: boolean;
  reply: string;
}

export interface SetScore {
  name: string;
  messages: { correct: number; total: number };
  conversations: { correct: number; total: number };
  /** Messages and conversations together. */
  items: { correct: number; total: number };
  wrongFacts: TurnFailure[];
  failures: TurnFailure[];
  /** Patron messages sent (every turn of every case). */
  turns: number;
  seconds: number;
}

/** One harness per set: the seeded demo library system as on Tuesday 1 Dec 2026. */
export async function startPatronHarness(clock: { now: Date }): Promise<BotHarness> {
  clock.now = new Date(CLOCKS['tue-morning']);
  const harness = await startBotHarness({
    recognizer: demoLibraryRecognizer(),
    now: () => clock.now,
    storage: 'memory',
  });
  // Started in the background at startup (never delaying it); read before the first case here.
  await harness.bot.capabilities.programs.catalog.prepare(clock.now);
  return harness;
}

export async function runPatronSet(
  name: string,
  messages: readonly PatronCase[],
  conversations: readonly PatronCase[],
): Promise<SetScore> {
  const started = process.hrtime.bigint();
  const clock = { now: new Date(CLOCKS['tue-morning']) };
  const harness = await startPatronHarness(clock);
  const score: SetScore = {
    name,
    messages: { correct: 0, total: 0 },
    conversations: { correct: 0, total: 0 },
    items: { correct: 0, total: 0 },
    wrongFacts: [],
    failures: [],
    turns: 0,
    seconds: 0,
  };
  try {
    for (const [kind, cases] of [
      ['messages', messages],
      ['conversations', conversations],
    ] as const) {
      for (const patronCase of cases) {
        const failures = await runCase(harness, clock, patronCase);
        score.turns += patronCase.turns.length;
        score[kind].total += 1;
        score.items.total += 1;
        if (failures.length === 0) {
          score[kind].correct += 1;
          score.items.correct += 1;
        }
        score.failures.push(...failures);
        score.wrongFacts.push(...failures.filter((f) => f.wrongFact));
      }
    }
  } finally {
    await harness.close();
  }
  score.seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return score;
}

async function runCase(
  harness: BotHarness,
  clock: { now: Date },
  patronCase: PatronCase,
): Promise<TurnFailure[]> {
  clock.now = new Date(CLOCKS[patronCase.at]);
  // Each case is its own patron: nothing remembered in one case (program interests) reaches another.
  const chat = harness.conversation(
    patronCase.id,
    patronCase.channel,
    patronCase.from ?? `patron-${patronCase.id}`,
  );
  const failures: TurnFailure[] = [];
  for (const [index, turn] of patronCase.turns.entries()) {
    const activities: Partial<Activity>[] = await chat.say(turn.say);
    const messages = activities.filter((a) => a.type === 'message').map(visibleText);
    const reply: ReplyContext = {
      reply: messages.join('\n'),
      messages,
      now: DateTime.fromJSDate(clock.now, { zone: ZONE }),
      channel: patronCase.channel,
    };
    const checks = [...turn.expect];
    if (patronCase.channel === 'sms')
      checks.push({
        label: `every SMS within ${SMS_MAX_LENGTH} characters`,
        test: (r) => r.messages.every((m) => m.length <= SMS_MAX_LENGTH),
      });
    if (messages.length === 0) checks.push({ label: 'a reply', test: () => false });
    for (const check of checks) {
      if (check.test(reply)) continue;
      failures.push({
        caseId: patronCase.id,
        turn: index + 1,
        say: turn.say,
        check: check.label,
        wrongFact: check.wrongFact === true,
        reply: reply.reply,
      });
    }
  }
  return failures;
}

export function percent(part: { correct: number; total: number }): string {
  return part.total === 0 ? 'n/a' : `${((100 * part.correct) / part.total).toFixed(1)}%`;
}

export function summary(score: SetScore): string {
  return (
    `${score.name}: ${percent(score.items)} correct (${score.items.correct}/${score.items.total}); ` +
    `messages ${score.messages.correct}/${score.messages.total}, ` +
    `conversations ${score.conversations.correct}/${score.conversations.total}; ` +
    `wrong facts ${score.wrongFacts.length}; ${score.turns} patron turns in ${score.seconds.toFixed(1)} s`
  );
}

export function describeFailures(failures: readonly TurnFailure[]): string {
  return failures
    .map(
      (f) =>
        `  ${f.caseId} turn ${f.turn} "${f.say}": ${f.wrongFact ? 'WRONG FACT ' : ''}${f.check}\n` +
        `    reply: ${f.reply.replace(/\n/g, ' | ').slice(0, 600)}`,
    )
    .join('\n');
}
