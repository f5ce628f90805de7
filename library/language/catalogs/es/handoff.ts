// Español: handoff to staff: escalation offers, queue, relay notices, messages and tickets (dialogs/handoff/, bots/handoff/); la misma forma que ../en/handoff.ts.
import type { HandoffMessages } from '../en/handoff';

export const handoffEs: HandoffMessages = {};
