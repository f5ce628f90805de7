// The patron's account: what is checked out and when it is due, renewals, fines and why the account
// is blocked. A capability of its own, built on the holds capability's patron session: the library
// system connection, the PIN gate middleware (which must stay first on the adapter) and sign-in
// belong to holds, and this one adds only conversations, so a patron signed in for holds is signed
// in here too and the session handling stays in one place (dialogs/holds/holdsCommon.ts).
import { DateTime } from 'luxon';
import type { FaqEntry } from '../../config/libraryConfig';
import type { AccountDialogDeps } from '../../dialogs/account/accountCommon';
import { paymentFromFaq } from '../../dialogs/account/accountReplies';
import { CheckoutsDialog } from '../../dialogs/account/checkoutsDialog';
import { FinesDialog } from '../../dialogs/account/finesDialog';
import { RenewDialog } from '../../dialogs/account/renewDialog';
import type { Capability, CapabilityDeps } from './capability';
import type { HoldsCapability } from './holds';

/** The FAQ entry the demo and most libraries use for fines; its payment sentences and link say how to pay. */
const FINES_FAQ_ID = 'fines';

export function accountCapability(
  deps: CapabilityDeps,
  holds: Pick<HoldsCapability, 'dialogDeps'>,
): Capability {
  const { config } = deps.library;
  const finesFaq = paymentFaq(config.faq);
  const dialogDeps: AccountDialogDeps = {
    ...holds.dialogDeps,
    wording: {
      ...holds.dialogDeps.wording,
      ...(finesFaq ? { payment: paymentFromFaq(finesFaq) } : {}),
    },
    today: () => DateTime.fromJSDate(deps.clock()).setZone(config.library.timeZone).toISODate() ?? '',
  };
  return {
    name: 'account',
    routes: [
      { intents: ['account.checkouts'], dialog: new CheckoutsDialog(dialogDeps) },
      { intents: ['account.renew'], dialog: new RenewDialog(dialogDeps) },
      { intents: ['account.fines'], dialog: new FinesDialog(dialogDeps) },
    ],
  };
}

/** The library's fines FAQ entry: by its usual id, else the first entry about fines, fees or paying. */
function paymentFaq(faq: readonly FaqEntry[]): FaqEntry | undefined {
  return (
    faq.find((entry) => entry.id === FINES_FAQ_ID) ??
    faq.find((entry) => /\b(fines?|fees?|pay(ing|ment)?)\b/i.test(`${entry.id} ${entry.title}`))
  );
}
