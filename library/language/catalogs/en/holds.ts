// English: holds: list, place, cancel, change (dialogs/holds/).
// The shape of this section is the type the Spanish one (../es/holds.ts) must fill.
export const holdsEn = {};

export type HoldsMessages = typeof holdsEn;
