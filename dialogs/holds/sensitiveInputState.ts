// Where the sensitive-input gate stands for each conversation: kept in the conversation's state, which
// every turn reads anyway and which is shared by every bot instance, so the gate the sign-in dialog
// armed on one instance withholds the PIN on another, and a restart forgets nothing. The dialog's own
// question and the gate are saved in the same write, so they cannot disagree after a crash.
import type { ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import {
  type GateEntry,
  type ScreenedText,
  type SensitiveInputGate,
  type SensitiveKind,
} from '../../library/patronSessions/sensitiveInput';
import { conversationKey } from '../turnState';

export const SENSITIVE_INPUT_PROPERTY = 'sensitiveInputGate';

export class SensitiveInputState {
  private readonly entries: StatePropertyAccessor<GateEntry | undefined>;
  /**
   * The entries this process's turns last read or wrote, for the built-in Direct Line's history
   * (local mode), which screens a message before its turn starts. Its conversations live in this
   * process only and their turns run here, so this is what the stored state says. Bounded.
   */
  private readonly lastSeen = new Map<string, GateEntry>();

  constructor(
    conversationState: ConversationState,
    readonly gate: SensitiveInputGate,
    private readonly remembered = 10_000,
  ) {
    this.entries = conversationState.createProperty<GateEntry | undefined>(SENSITIVE_INPUT_PROPERTY);
  }

  /** The sign-in dialog asked for a card number or a PIN in this conversation. */
  async expect(context: TurnContext, kind: SensitiveKind): Promise<void> {
    await this.save(context, this.gate.asked(kind));
  }

  /** The question was answered or dropped; PIN-shaped messages are still withheld for a while. */
  async clear(context: TurnContext): Promise<void> {
    await this.save(context, this.gate.closed(await this.entries.get(context)));
  }

  /** Signed in (or signed out): nothing is expected any more. */
  async forget(context: TurnContext): Promise<void> {
    await this.save(context, undefined);
  }

  /** The question open in this conversation, if any. */
  async expected(context: TurnContext): Promise<SensitiveKind | undefined> {
    return this.gate.current(await this.entries.get(context))?.open;
  }

  /** Screens this turn's message (the adapter's first middleware). */
  async screenTurn(context: TurnContext, text: string): Promise<ScreenedText> {
    const entry = this.gate.current(await this.entries.get(context));
    this.note(conversationKey(context.activity), entry);
    return this.gate.screen(entry, text);
  }

  /** Screens a message for the built-in Direct Line's history, before its turn. */
  screen(key: string, text: string): ScreenedText {
    return this.gate.screen(this.lastSeen.get(key), text);
  }

  private async save(context: TurnContext, entry: GateEntry | undefined): Promise<void> {
    if (entry) await this.entries.set(context, entry);
    else await this.entries.delete(context);
    this.note(conversationKey(context.activity), entry);
  }

  private note(key: string, entry: GateEntry | undefined): void {
    this.lastSeen.delete(key);
    if (!entry) return;
    this.lastSeen.set(key, entry);
    if (this.lastSeen.size > this.remembered)
      this.lastSeen.delete(this.lastSeen.keys().next().value as string);
  }
}
