// What the change-a-hold conversation says: a new pickup branch, pausing and resuming a hold. Plain
// functions over Replies (the renderer makes buttons or numbered SMS text), kept apart from
// holdsReplies.ts so each capability's wording can be translated on its own.
import type { Reply } from '../../channels/reply';
import type { Hold, PickupLocation } from '../../library/librarySystem/librarySystem';
import type { Messages } from '../../library/language/catalog';
import { describeStatus, formatDay, formatLabel, ordinal, type HoldsWording } from './holdsReplies';

export type HoldChange = 'pickup' | 'pause' | 'resume';

function label(m: Messages, hold: Hold): string {
  return m.holds.titleAndFormat(hold.title, formatLabel(m, hold.format));
}

export function changeChoiceReply(m: Messages, holds: readonly Hold[], change: HoldChange): Reply {
  const says = m.holds.change;
  const prompt = { pickup: says.whichPickup, pause: says.whichPause, resume: says.whichResume }[change];
  return {
    kind: 'choice',
    prompt,
    options: [...holds.map((h) => ({ label: label(m, h) })), { label: m.holds.noneOption }],
  };
}

/** The branches to choose from, without the one the hold already goes to. */
export function branchChoiceReply(m: Messages, hold: Hold, locations: readonly PickupLocation[]): Reply {
  return {
    kind: 'choice',
    prompt: m.holds.change.whereNow(hold.title),
    options: locations.filter((l) => l.branchId !== hold.pickupBranchId).map((l) => ({ label: l.name })),
  };
}

export function confirmPickupReply(m: Messages, hold: Hold, branchId: string, wording: HoldsWording): Reply {
  const from = hold.pickupBranchId ? m.holds.change.insteadOf(wording.branchName(hold.pickupBranchId)) : '';
  return {
    kind: 'confirm',
    prompt: m.holds.change.confirmPickup(label(m, hold), wording.branchName(branchId), from),
    yes: m.holds.change.changeIt,
    no: m.holds.keepIt,
  };
}

export function pickupChangedReply(m: Messages, hold: Hold, branchId: string, wording: HoldsWording): Reply {
  return {
    kind: 'text',
    text: m.holds.change.pickupChanged(
      hold.title,
      wording.branchName(branchId),
      describeStatus(m, hold, wording),
    ),
  };
}

export function samePickupText(m: Messages, hold: Hold, wording: HoldsWording): string {
  return m.holds.change.samePickup(hold.title, wording.branchName(hold.pickupBranchId));
}

/** A ready hold keeps its branch: say where it is, until when, and what can be done instead. */
export function readyHoldText(m: Messages, hold: Hold, wording: HoldsWording): string {
  const where = hold.pickupBranchId ? m.holds.atBranch(wording.branchName(hold.pickupBranchId)) : '';
  const until =
    hold.status.state === 'ready' && hold.status.pickUpBy
      ? m.holds.pausedUntil(formatDay(m, hold.status.pickUpBy))
      : '';
  return m.holds.change.readyHold(hold.title, where, until);
}

/** The hold the patron named cannot take this change. */
export function cannotChangeText(m: Messages, hold: Hold, change: HoldChange, wording: HoldsWording): string {
  if (change === 'pickup') return readyHoldText(m, hold, wording);
  if (change === 'resume') return m.holds.change.notPaused(hold.title);
  return hold.suspended
    ? m.holds.change.alreadyPaused(hold.title)
    : m.holds.change.onlyWaitingPause(hold.title, describeStatus(m, hold, wording));
}

export function notPickupText(m: Messages, branchName: string): string {
  return m.holds.change.notPickup(branchName);
}

/** Nothing the patron has can take this change, and why. */
export function nothingToChangeText(m: Messages, change: HoldChange, anyHolds: boolean): string {
  const says = m.holds.change;
  if (!anyHolds) return says.noHolds;
  return { pickup: says.allOnShelf, pause: says.noneWaiting, resume: says.nonePaused }[change];
}

export function confirmPauseReply(m: Messages, hold: Hold, until: string | undefined): Reply {
  const place =
    hold.status.state === 'waiting' && hold.status.queuePosition !== undefined
      ? ` (${ordinal(m, hold.status.queuePosition)})`
      : '';
  const when = until ? m.holds.pausedUntil(formatDay(m, until)) : m.holds.change.untilResumed;
  return {
    kind: 'confirm',
    prompt: m.holds.change.confirmPause(label(m, hold), when, place),
    yes: m.holds.change.pauseIt,
    no: m.holds.change.keepActive,
  };
}

export function pausedReply(m: Messages, hold: Hold, until: string | undefined): Reply {
  const again = until ? m.holds.change.startsAgain(formatDay(m, until)) : m.holds.change.sayResume;
  return { kind: 'text', text: m.holds.change.paused(hold.title, again) };
}

export function resumedReply(m: Messages, hold: Hold, wording: HoldsWording): Reply {
  return { kind: 'text', text: m.holds.change.resumed(hold.title, describeStatus(m, hold, wording)) };
}

/** Said before any sign-in when the library system cannot make this change. */
export function changeNotSupportedText(m: Messages, change: HoldChange, wording: HoldsWording): string {
  return m.holds.change.notSupported(change === 'pickup', wording.library.phone);
}
