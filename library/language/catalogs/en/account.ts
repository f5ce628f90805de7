// English: the account: checkouts, renewals, fines, pause (dialogs/account/).
// The shape of this section is the type the Spanish one (../es/account.ts) must fill.
export const accountEn = {};

export type AccountMessages = typeof accountEn;
