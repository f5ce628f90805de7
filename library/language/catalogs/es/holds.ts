// Español: holds: list, place, cancel, change (dialogs/holds/); la misma forma que ../en/holds.ts.
import type { HoldsMessages } from '../en/holds';

export const holdsEs: HoldsMessages = {};
