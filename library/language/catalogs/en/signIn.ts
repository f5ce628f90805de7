// English: sign-in and sign-out (dialogs/holds/patronSignInDialog.ts, patronSignOutDialog.ts, sensitive input).
// The shape of this section is the type the Spanish one (../es/signIn.ts) must fill.
export const signInEn = {};

export type SignInMessages = typeof signInEn;
