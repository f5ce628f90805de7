// English: handoff to staff: escalation offers, queue, relay notices, messages and tickets (dialogs/handoff/, bots/handoff/).
// The shape of this section is the type the Spanish one (../es/handoff.ts) must fill.
export const handoffEn = {};

export type HandoffMessages = typeof handoffEn;
