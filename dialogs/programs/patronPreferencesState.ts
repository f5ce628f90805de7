// Backs a patron's remembered program preferences with bot user state (saved by the bot each turn).
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import {
  ProgramPreferences,
  type PatronPreferences,
  type RememberPolicy,
} from '../../library/programs/preferences';

export class PatronPreferencesState {
  constructor(
    private readonly accessor: StatePropertyAccessor<PatronPreferences | undefined>,
    private readonly policy: RememberPolicy,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  for(context: TurnContext): ProgramPreferences {
    return new ProgramPreferences(
      {
        get: () => this.accessor.get(context),
        set: (preferences) => this.accessor.set(context, preferences),
        delete: () => this.accessor.delete(context),
      },
      this.policy,
      this.clock,
    );
  }
}
