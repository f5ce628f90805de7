// Español: sign-in and sign-out (dialogs/holds/patronSignInDialog.ts, patronSignOutDialog.ts, sensitive input); la misma forma que ../en/signIn.ts.
import type { SignInMessages } from '../en/signIn';

export const signInEs: SignInMessages = {};
