// Español: the account: checkouts, renewals, fines, pause (dialogs/account/); la misma forma que ../en/account.ts.
import type { AccountMessages } from '../en/account';

export const accountEs: AccountMessages = {};
