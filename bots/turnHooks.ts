// The two ways a capability takes part in a turn besides its dialogs: a bot for another role (staff
// in the console or in Teams) that answers that role's activities instead of the patron bot, and a
// hook around each patron message (the handoff relay takes messages while a patron talks with staff).
import type { TurnContext } from 'botbuilder';
import type { MainDialogStart } from '../dialogs/main/mainDialog';

/** A bot for activities that are not a patron's: it says which are its own, and answers them. */
export interface RoleBot {
  handles(context: TurnContext): Promise<boolean>;
  run(context: TurnContext): Promise<void>;
}

/** What a hook decided about a patron's message before the dialogs see it. */
export type PatronTurnDecision =
  | { kind: 'continue' }
  /** The hook answered the message (relayed to staff, for instance): no dialog runs. */
  | { kind: 'handled' }
  /** Begin this dialog instead of routing the message. */
  | { kind: 'start'; start: MainDialogStart };

export interface PatronTurnHook {
  /** Before the dialogs, in the order capabilities are listed; the first decision other than continue wins. */
  beforeDialogs?(context: TurnContext): Promise<PatronTurnDecision>;
  /** After the dialogs, before state is saved. */
  afterDialogs?(context: TurnContext): Promise<void>;
  /** An event from the patron's page (e.g. "Clear this chat" on a shared computer). */
  onEvent?(context: TurnContext): Promise<void>;
}
