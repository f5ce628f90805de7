// Opening hours: the hours service over the configured week, exceptions and holidays, and its dialog.
import { HoursDialog } from '../../dialogs/hours/hoursDialog';
import { HoursService } from '../../library/hours/hoursService';
import type { Capability, CapabilityDeps } from './capability';

export interface HoursCapability extends Capability {
  /** Other capabilities ask it whether a branch is open (programs on closed days). */
  service: HoursService;
}

export function hoursCapability(deps: CapabilityDeps): HoursCapability {
  const service = new HoursService(deps.library.config, deps.clock);
  return {
    name: 'hours',
    service,
    routes: [{ intents: ['hours'], dialog: new HoursDialog(service, deps.recognizer) }],
  };
}
