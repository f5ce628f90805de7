// The handoff's part in a patron's turn: while the patron waits for or talks with staff, their
// messages go to the relay instead of the dialogs; every turn is recorded (redacted) for the staff
// summary.
import type { TurnContext } from 'botbuilder';
import { HANDOFF_DIALOG, type HandoffDialogOptions } from '../../dialogs/handoff/handoffDialog';
import type { PatronTurnDecision, PatronTurnHook } from '../turnHooks';
import type { HandoffCoordinator } from './handoffCoordinator';
import type { RecentTurns } from './recentTurns';

export class HandoffPatronHook implements PatronTurnHook {
  constructor(
    private readonly coordinator: HandoffCoordinator,
    private readonly turns: RecentTurns,
  ) {}

  async beforeDialogs(context: TurnContext): Promise<PatronTurnDecision> {
    this.turns.begin(context);
    const outcome = await this.coordinator.onPatronMessage(context);
    if (outcome === 'not-handoff') return { kind: 'continue' };
    if (outcome === 'leave-message') {
      const options: HandoffDialogOptions = { startAt: 'message' };
      return { kind: 'start', start: { dialogId: HANDOFF_DIALOG, options } };
    }
    return { kind: 'handled' };
  }

  afterDialogs(context: TurnContext): Promise<void> {
    return this.turns.finish(context);
  }
}
