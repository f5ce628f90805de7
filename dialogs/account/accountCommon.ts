// What the account dialogs share with the holds dialogs: the same patron session, sign-in, outage
// handling and prompts (dialogs/holds/holdsCommon.ts), plus the account wording and the library's
// today. Sessions are reached only through holdsCommon's helpers (currentSession, callLibrary).
import type { WaterfallStepContext } from 'botbuilder-dialogs';
import type { LibrarySystemFeatures } from '../../library/librarySystem/librarySystem';
import type { HoldsDialogDeps } from '../holds/holdsCommon';
import {
  PATRON_SIGN_IN_DIALOG,
  type PatronSignInOptions,
  type SignInPurpose,
} from '../holds/patronSignInDialog';
import type { AccountWording } from './accountReplies';

export interface AccountDialogDeps extends HoldsDialogDeps {
  wording: AccountWording;
  /** Today in the library's time zone (yyyy-MM-dd), for "due tomorrow" and "4 days overdue". */
  today: () => string;
}

/** Signs the patron in (or finds them signed in); the next step gets true when they are. */
export function signInFor(step: WaterfallStepContext, purpose: SignInPurpose) {
  const signIn: PatronSignInOptions = { purpose };
  return step.beginDialog(PATRON_SIGN_IN_DIALOG, signIn);
}

/** What the connector can do now (a SIP2 connector learns it at its first connection). */
export function featuresOf(deps: HoldsDialogDeps): LibrarySystemFeatures {
  return deps.librarySystem.features;
}
