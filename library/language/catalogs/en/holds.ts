// English: holds: list, place, cancel, change (dialogs/holds/).
// The shape of this section is the type the Spanish one (../es/holds.ts) must fill. Dates arrive
// already formatted (the catalog's `dates`), branch names and titles as the library spells them.
import type { CatalogFormat } from '../../../librarySystem/librarySystem';

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

/** "a, b or c". */
function orList(items: string[]): string {
  return items.join(', ').replace(/, ([^,]+)$/, ' or $1');
}

export const holdsEn = {
  /** The name of each format as the patron sees it. */
  formats: {
    book: 'Book',
    'large-print': 'Large print',
    audiobook: 'Audiobook (CD)',
    dvd: 'DVD',
    ebook: 'eBook',
  } as Record<CatalogFormat, string>,
  ordinal,
  /** "Audiobook (CD) by Andy Weir". */
  formatBy: (format: string, author: string) => `${format} by ${author}`,
  /** " at Eastside Branch" (at) / " to Eastside Branch" (to). */
  atBranch: (branch: string) => ` at ${branch}`,
  toBranch: (branch: string) => ` to ${branch}`,
  pickUpBy: (day: string) => `: pick it up by ${day}`,
  pausedUntil: (day: string) => ` until ${day}`,
  /** "3rd in line of 5", "3rd in line", or "in line". */
  placeInLine: (position?: number, length?: number) =>
    position === undefined
      ? 'in line'
      : `${ordinal(position)} in line${length === undefined ? '' : ` of ${length}`}`,
  ready: (atBranch: string, pickUpBy: string) => `Ready for pickup${atBranch}${pickUpBy}`,
  inTransit: (toBranch: string) => (toBranch ? `On its way${toBranch}` : 'On its way to you'),
  waiting: (paused: string | undefined, place: string, atBranch: string) =>
    `${paused === undefined ? 'Waiting' : `Paused${paused}`}: ${place}${atBranch ? `, for pickup${atBranch}` : ''}`,
  footerAsks: {
    place: '"place a hold"',
    cancel: '"cancel a hold"',
    change: '"change a pickup branch"',
    pause: '"pause a hold"',
    signOut: '"sign out"',
  },
  footer: (asks: string[]) => `You can say ${orList(asks)}.`,
  none: 'You have no holds right now. Would you like to place one? Tell me a title or an author.',
  noneReady: 'None of your holds is ready for pickup yet. Here is where each one is:',
  oneReady: (title: string, atBranch: string) => `Yes: ${title} is ready${atBranch}.`,
  someReady: (count: number) => `Yes: ${count} of your holds are ready for pickup.`,
  listTitle: (count: number) => (count === 1 ? 'Your hold' : `Your ${count} holds`),
  namedTitle: (titles: string[]) => (titles.length === 1 ? `Your hold on ${titles[0]}` : 'Those holds'),
  noPickUpDate:
    "None of your holds is ready yet, so there's no pick-up date. I'll show it here once one is ready.",
  pickUpByLine: (title: string, branch: string, day: string) =>
    `${title} at ${branch}: pick it up by ${day}.`,
  alreadyHeld: (title: string, status: string) => `You already have a hold on ${title}. ${status}.`,
  offerOthers: (count: number) =>
    `Would you like to see your other ${count === 1 ? 'hold' : `${count} holds`} too?`,
  showThem: 'Yes, show them',
  noThanks: 'No, thanks',
  anythingElse: 'OK. What else can I help you with?',
  /** "Project Hail Mary by Andy Weir (2021; book, ebook)". */
  workLabel: (title: string, author: string, year: number, formats: string[]) =>
    `${title} by ${author} (${year}; ${formats.join(', ')})`,
  foundOne: 'I found this. Is it the one?',
  foundSome: 'I found these. Which one would you like?',
  foundOneSms: 'I found this. Is it the one? Reply 1 or yes if it is, 2 if not:',
  foundSomeSms: 'I found these. Reply with a number:',
  noneOfThese: 'None of these',
  ebookOption: 'eBook (borrow it in the e-reading app)',
  onShelf: (format: string) => `${format} (on the shelf now)`,
  whichFormat: (title: string, count: number) => `${title} comes in ${count} formats. Which would you like?`,
  homeBranchOption: (name: string) => `${name} (your home branch)`,
  wherePickUp: 'Where would you like to pick it up?',
  yourPickupBranch: 'your pickup branch',
  placedWaiting: (place: string, branch: string) =>
    `You are ${place}. It will show as ready here when a copy reaches ${branch}.`,
  placedInTransit: (branch: string) =>
    `A copy is available, so it is on its way to ${branch}. It will show as ready here when it arrives.`,
  placedReady: (branch: string, pickUpBy: string) => `It is ready for pickup at ${branch}${pickUpBy}.`,
  placed: (title: string, format: string, where: string) =>
    `Done: your hold on ${title} (${format}) is placed. ${where}`,
  whatToFind: 'What would you like to put on hold? Tell me a title, an author, or both.',
  whatInstead: 'What should I look for instead? A title, an author, or both.',
  notInCatalog: "I couldn't find anything in the catalog for that.",
  differentWords: "OK, let's try different words.",
  whichFormatMissed: "Sorry, I didn't catch which format. Let's start again when you're ready.",
  homeBranchNote: ', your home branch',
  confirmPlace: (title: string, format: string, branch: string, home: string) =>
    `Place a hold on ${title} (${format}) for pickup at ${branch}${home}?`,
  placeIt: 'Yes, place it',
  somewhereElse: 'Pick up somewhere else',
  no: 'No',
  notPlaced: "OK, I didn't place a hold.",
  whichBranchMissed: "Sorry, I didn't catch which branch, so I didn't place the hold.",
  notPlacedYet: (why: string, title: string) =>
    `${why} I haven't placed the hold on ${title} yet: let's sign you in again and carry on.`,
  notFound: (website: string | undefined, phone: string) =>
    `I couldn't find it. You can ${website ? `search the catalog at ${website} or ` : ''}call ${phone}, or ask me for a person.`,
  whichToCancel: 'Which hold would you like to cancel?',
  noneOption: 'None',
  titleAndFormat: (title: string, format: string) => `${title} (${format})`,
  loseYourPlace: (place: string) => ` You will lose your place in line (${place}).`,
  confirmCancel: (item: string, losing: string) => `Cancel your hold on ${item}?${losing}`,
  cancelIt: 'Yes, cancel it',
  keepIt: 'No, keep it',
  cancelled: (title: string) => `Your hold on ${title} is cancelled.`,
  noneToCancel: 'You have no holds to cancel.',
  keptAll: 'OK, I kept all your holds.',
  kept: (title: string) => `OK, I kept your hold on ${title}.`,
  notCaught: "Sorry, I didn't catch which one you meant.",
  /** Refusals of the library system, each with what to do instead. */
  refusals: {
    thatItem: 'that item',
    alreadyOnHold: (item: string) => `You already have a hold on ${item}. Say "my holds" to see where it is.`,
    holdLimit: (limit?: number) =>
      `Your account already has the most holds it can have${limit === undefined ? '' : ` (${limit})`}. Cancel one you no longer need, then try again.`,
    blocked: (reasons: string[], phone: string) =>
      `Your account can't place holds right now${reasons.length > 0 ? ` because of ${reasons.join(' and ')}` : ''}. You can pay at any branch or call ${phone}, and then holds will work again.`,
    digital: (item: string) =>
      `${item} is an eBook: borrow it or join its waitlist in the library's e-reading app instead.`,
    libraryUseOnly: (item: string) => `${item} stays in the library: you can use it at any branch.`,
    notHoldable: (item: string) =>
      `${item} can't be placed on hold. It may have been withdrawn from the collection.`,
    pickupNotAllowed: 'Holds can’t be picked up there. Please choose one of the branch buildings.',
    holdNotFound:
      'I couldn’t find that hold on your account any more. It may already be picked up or cancelled.',
    notChangeable: 'That hold is already waiting on the hold shelf, so its pickup branch can’t change.',
    notVerified: 'Please sign in again.',
    checkoutNotFound: (item: string) => `I couldn’t find ${item} among the items checked out to you.`,
    notSupported: (website: string | undefined, phone: string) =>
      `I can't do that here in the chat with this library's system.${website ? ` Use the library's catalog at ${website}, or` : ' Please'} call ${phone}.`,
  },
  outage: (website: string | undefined, phone: string) =>
    `I'm sorry, the library's account system isn't answering right now, so I can't do that at the moment. ` +
    `You can try again in a few minutes,${website ? ` use the catalog at ${website},` : ''} or call ${phone}.`,
  outageOffer: 'Would you like to talk to a staff member?',
  talkToPerson: 'Talk to a person',
  /** Change a hold: pickup branch, pause, resume. */
  change: {
    whichPickup: 'Which hold should go to a different branch?',
    whichPause: 'Which hold would you like to pause?',
    whichResume: 'Which hold would you like to resume?',
    whereNow: (title: string) => `Where would you like to pick up ${title}?`,
    insteadOf: (branch: string) => ` instead of ${branch}`,
    confirmPickup: (item: string, branch: string, from: string) => `Pick up ${item} at ${branch}${from}?`,
    changeIt: 'Yes, change it',
    pickupChanged: (title: string, branch: string, status: string) =>
      `Done: your hold on ${title} is now for pickup at ${branch}. ${status}.`,
    samePickup: (title: string, branch: string) =>
      `Your hold on ${title} is already for pickup at ${branch}.`,
    readyHold: (title: string, atBranch: string, until: string) =>
      `Your hold on ${title} is already waiting for you on the hold shelf${atBranch}, so its pickup ` +
      `branch can't change now. You can pick it up there${until}, or cancel it and place a new hold.`,
    notPaused: (title: string) => `Your hold on ${title} isn't paused.`,
    alreadyPaused: (title: string) => `Your hold on ${title} is already paused.`,
    onlyWaitingPause: (title: string, status: string) =>
      `Only a hold still waiting in line can be paused. Your hold on ${title}: ${status.charAt(0).toLowerCase()}${status.slice(1)}.`,
    notPickup: (branch: string) =>
      `Holds can't be picked up at ${branch}. Please choose one of the branch buildings.`,
    noHolds: 'You have no holds to change.',
    allOnShelf:
      'All your holds are already on the hold shelf, so their pickup branch can\'t change. Say "my holds" to see where they are.',
    noneWaiting: 'Only a hold still waiting in line can be paused, and none of yours is.',
    nonePaused: 'None of your holds is paused.',
    untilResumed: ' until you resume it',
    confirmPause: (item: string, when: string, place: string) =>
      `Pause your hold on ${item}${when}? It keeps its place in line${place}, but no copy is sent to you while it is paused.`,
    pauseIt: 'Yes, pause it',
    keepActive: 'No, keep it active',
    startsAgain: (day: string) => `It starts again by itself on ${day}.`,
    sayResume: 'Say "resume my hold" when you want it again.',
    paused: (title: string, again: string) =>
      `Paused: your hold on ${title} keeps its place in line. ${again}`,
    resumed: (title: string, status: string) => `Resumed: your hold on ${title} is active again. ${status}.`,
    notSupported: (pickup: boolean, phone: string) =>
      `I can't ${pickup ? "change a hold's pickup branch" : 'pause or resume holds'} here in the chat with this library's system. Staff can do it for you: call ${phone}.`,
    noneChanged: "OK, I didn't change any of your holds.",
    whichBranchMissed: "Sorry, I didn't catch which branch, so your hold is unchanged.",
    unchanged: (title: string) => `OK, your hold on ${title} is unchanged.`,
    staysActive: (title: string) => `OK, your hold on ${title} stays active.`,
  },
};

export type HoldsMessages = typeof holdsEn;
