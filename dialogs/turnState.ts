// What one turn carries between the bot's middleware and the dialogs: the conversation's key, the
// PIN or card number the sensitive-input gate took out of the message, and the flag a dialog sets
// while it waits for such an answer. Declared here so the middleware (bots/) and the dialogs share
// one definition without dialogs importing the bot layer.
import type { Activity, TurnContext } from 'botbuilder';
import type { SensitiveKind, WithheldInput } from '../library/patronSessions/sensitiveInput';

/** turnState key: the WithheldInput for the sign-in dialog (this turn only). */
export const WITHHELD_INPUT = Symbol('withheldInput');
/** turnState key: 'pin' | 'card' when this turn carried sensitive input (loggers and recorders skip it). */
export const SENSITIVE_TURN = 'libraryBot.sensitiveTurn';

/**
 * Dialog-state flag: a routed dialog waiting for a PIN or card number sets `sensitiveInput: true` in
 * its state; that message then goes straight to it (only a whole-message "cancel" still interrupts).
 */
export const SENSITIVE_INPUT = 'sensitiveInput';

/** The key sessions, the gate and the handoff use for a conversation (channel + conversation id). */
export function conversationKey(activity: Partial<Activity>): string {
  return `${activity.channelId}:${activity.conversation?.id ?? ''}`;
}

export function withheldInput(context: TurnContext): WithheldInput | undefined {
  return context.turnState.get(WITHHELD_INPUT) as WithheldInput | undefined;
}

/**
 * Called by the gate's middleware (or the sign-in dialog) with what it took out of this turn's
 * message. A message that was a PIN or card number marks the turn sensitive; one that only carried
 * them is shown masked and may be recorded as it now reads.
 */
export function markTurnSensitive(context: TurnContext, withheld: WithheldInput): void {
  context.turnState.set(WITHHELD_INPUT, withheld);
  if (withheld.kind !== 'message') context.turnState.set(SENSITIVE_TURN, withheld.kind);
}

/** Who is typing, for sign-in throttles: the channel's user id (a phone number on SMS). */
export function clientKey(activity: Partial<Activity>): string {
  return `${activity.channelId}:${activity.from?.id ?? activity.conversation?.id ?? ''}`;
}

export function sensitiveTurnKind(context: TurnContext): SensitiveKind | undefined {
  return context.turnState.get(SENSITIVE_TURN) as SensitiveKind | undefined;
}
