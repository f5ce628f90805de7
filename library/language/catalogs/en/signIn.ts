// English: sign-in and sign-out (dialogs/holds/patronSignInDialog.ts, patronSignOutDialog.ts, sensitive input).
// The shape of this section is the type the Spanish one (../es/signIn.ts) must fill.
export const signInEn = {
  askCard:
    "First I need to sign you in. What's your library card number? It's the long number on the back of your card.",
  /** The first question names what signing in is for ("To see your holds, first I need ..."). */
  askCardFor: (purpose: string, askCard: string) =>
    `To ${purpose}, ${askCard.charAt(0).toLowerCase()}${askCard.slice(1)}`,
  askPin: 'Thanks. Now your PIN, please. I will not repeat it or keep it.',
  notACard: "That doesn't look like a library card number. It's the long number on the back of your card.",
  notVerified: (attemptsLeft: number) =>
    `That card number and PIN didn't match our records.` +
    (attemptsLeft > 0 && attemptsLeft <= 2
      ? ` (${attemptsLeft} more ${attemptsLeft === 1 ? 'try' : 'tries'} before sign-in pauses.)`
      : '') +
    " Let's try again: what's your library card number?",
  locked: (minutes: number, phone: string) =>
    `For your security, sign-in is paused after several unsuccessful tries. Please try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or call ${phone} and staff can help.`,
  pinNotRead: 'Sorry, I need to ask for your PIN again. Please send just your PIN.',
  signedIn: (firstName: string) => `Thanks, ${firstName}: you're signed in.`,
  expired: 'You were signed out after a while without activity, to keep your account private.',
  /** The session was lost (a restart) between a question and its answer. */
  restarted: "You're signed out now (I may have been restarted), to keep your account private.",
  signedOut: "You're signed out. Anyone using this device can't see your account now.",
  notSignedIn: "You weren't signed in.",
  stopped: 'OK, I stopped. What else can I help you with?',
  tookAWhile: 'Sorry, that took a while. Let me ask again.',
  giveUp: (phone: string) => `Let's leave sign-in for now. You can try again any time, or call ${phone}.`,
  signInAgain: 'Please sign in again: say "my holds" to start.',
  /** A PIN or card number typed when none was asked for: withheld, never kept. */
  unaskedSecret:
    "I didn't keep that: it looked like a PIN or card number, and I only take those right after I ask for " +
    'them. To sign in, ask about your holds and I will ask for your card number first.',
  /** Single sign-on (Entra ID): a link to the library's sign-in page. */
  entraTitle: (purpose: string) => `To ${purpose}, please sign in first`,
  entraItem: 'Sign in with your library account',
  entraLine: 'It opens your sign-in page. When you are done, come back here and ask again.',
  entraLink: 'Sign in',
  /** What signing in is for, after "To ...". */
  purposes: {
    seeHolds: 'see your holds',
    placeHold: 'place a hold',
    cancelHold: 'cancel a hold',
    changeHold: 'change a hold',
    pauseHold: 'pause a hold',
    resumeHold: 'resume a hold',
    checkouts: 'see what you have checked out',
    renew: 'renew your items',
    account: 'see your account',
    other: 'do that',
  },
};

export type SignInMessages = typeof signInEn;
