// What the change-a-hold conversation says: a new pickup branch, pausing and resuming a hold. Plain
// functions over Replies (the renderer makes buttons or numbered SMS text), kept apart from
// holdsReplies.ts so each capability's wording can be translated on its own.
import type { Reply } from '../../channels/reply';
import type { Hold, PickupLocation } from '../../library/librarySystem/librarySystem';
import { describeStatus, formatDay, formatLabel, ordinal, type HoldsWording } from './holdsReplies';

export type HoldChange = 'pickup' | 'pause' | 'resume';

function label(hold: Hold): string {
  return `${hold.title} (${formatLabel(hold.format)})`;
}

export function changeChoiceReply(holds: readonly Hold[], change: HoldChange): Reply {
  const prompt = {
    pickup: 'Which hold should go to a different branch?',
    pause: 'Which hold would you like to pause?',
    resume: 'Which hold would you like to resume?',
  }[change];
  return { kind: 'choice', prompt, options: [...holds.map((h) => ({ label: label(h) })), { label: 'None' }] };
}

/** The branches to choose from, without the one the hold already goes to. */
export function branchChoiceReply(hold: Hold, locations: readonly PickupLocation[]): Reply {
  return {
    kind: 'choice',
    prompt: `Where would you like to pick up ${hold.title}?`,
    options: locations.filter((l) => l.branchId !== hold.pickupBranchId).map((l) => ({ label: l.name })),
  };
}

export function confirmPickupReply(hold: Hold, branchId: string, wording: HoldsWording): Reply {
  const from = hold.pickupBranchId ? ` instead of ${wording.branchName(hold.pickupBranchId)}` : '';
  return {
    kind: 'confirm',
    prompt: `Pick up ${label(hold)} at ${wording.branchName(branchId)}${from}?`,
    yes: 'Yes, change it',
    no: 'No, keep it',
  };
}

export function pickupChangedReply(hold: Hold, branchId: string, wording: HoldsWording): Reply {
  return {
    kind: 'text',
    text: `Done: your hold on ${hold.title} is now for pickup at ${wording.branchName(branchId)}. ${describeStatus(hold, wording)}.`,
  };
}

export function samePickupText(hold: Hold, wording: HoldsWording): string {
  return `Your hold on ${hold.title} is already for pickup at ${wording.branchName(hold.pickupBranchId)}.`;
}

/** A ready hold keeps its branch: say where it is, until when, and what can be done instead. */
export function readyHoldText(hold: Hold, wording: HoldsWording): string {
  const where = hold.pickupBranchId ? ` at ${wording.branchName(hold.pickupBranchId)}` : '';
  const until =
    hold.status.state === 'ready' && hold.status.pickUpBy ? ` until ${formatDay(hold.status.pickUpBy)}` : '';
  return (
    `Your hold on ${hold.title} is already waiting for you on the hold shelf${where}, so its pickup ` +
    `branch can't change now. You can pick it up there${until}, or cancel it and place a new hold.`
  );
}

/** The hold the patron named cannot take this change. */
export function cannotChangeText(hold: Hold, change: HoldChange, wording: HoldsWording): string {
  if (change === 'pickup') return readyHoldText(hold, wording);
  if (change === 'resume') return `Your hold on ${hold.title} isn't paused.`;
  return hold.suspended
    ? `Your hold on ${hold.title} is already paused.`
    : `Only a hold still waiting in line can be paused. Your hold on ${hold.title}: ${lowerFirst(describeStatus(hold, wording))}.`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

export function notPickupText(branchName: string): string {
  return `Holds can't be picked up at ${branchName}. Please choose one of the branch buildings.`;
}

/** Nothing the patron has can take this change, and why. */
export function nothingToChangeText(change: HoldChange, anyHolds: boolean): string {
  if (!anyHolds) return 'You have no holds to change.';
  return {
    pickup:
      'All your holds are already on the hold shelf, so their pickup branch can\'t change. Say "my holds" to see where they are.',
    pause: 'Only a hold still waiting in line can be paused, and none of yours is.',
    resume: 'None of your holds is paused.',
  }[change];
}

export function confirmPauseReply(hold: Hold, until: string | undefined): Reply {
  const place =
    hold.status.state === 'waiting' && hold.status.queuePosition !== undefined
      ? ` (${ordinal(hold.status.queuePosition)})`
      : '';
  const when = until ? ` until ${formatDay(until)}` : ' until you resume it';
  return {
    kind: 'confirm',
    prompt: `Pause your hold on ${label(hold)}${when}? It keeps its place in line${place}, but no copy is sent to you while it is paused.`,
    yes: 'Yes, pause it',
    no: 'No, keep it active',
  };
}

export function pausedReply(hold: Hold, until: string | undefined): Reply {
  const again = until
    ? `It starts again by itself on ${formatDay(until)}.`
    : 'Say "resume my hold" when you want it again.';
  return { kind: 'text', text: `Paused: your hold on ${hold.title} keeps its place in line. ${again}` };
}

export function resumedReply(hold: Hold, wording: HoldsWording): Reply {
  return {
    kind: 'text',
    text: `Resumed: your hold on ${hold.title} is active again. ${describeStatus(hold, wording)}.`,
  };
}

/** Said before any sign-in when the library system cannot make this change. */
export function changeNotSupportedText(change: HoldChange, wording: HoldsWording): string {
  const what = change === 'pickup' ? "change a hold's pickup branch" : 'pause or resume holds';
  return `I can't ${what} here in the chat with this library's system. Staff can do it for you: call ${wording.library.phone}.`;
}
