// Builds the handoff's parts from the library's configuration and the bot's Storage.
import type { LibraryConfig } from '../../config/libraryConfig';
import { AuditTrail } from './audit';
import { StaffAvailability, StaffedChatHours } from './availability';
import { EscalationRules } from './escalation';
import { HandoffService } from './handoffService';
import { type PresenceSettings, StaffPresence } from './presence';
import { StaffLanguages } from './staffLanguages';
import type { HandoffStorage } from './storage';

export * from './types';
export { AuditTrail } from './audit';
export { StaffAvailability, StaffedChatHours, type Availability } from './availability';
export { EscalationRules, isExplicitRequestForPerson, type EscalationDecision } from './escalation';
export {
  HandoffService,
  type ClaimResult,
  type HandoffRequestOutcome,
  type QueuePlace,
} from './handoffService';
export { StaffPresence, type PresentStaffMember } from './presence';
export { buildStaffSummary, type ConversationTurn } from './redaction';
export { type HandoffStorage, isETagConflict } from './storage';
export { ConsoleSessions, passcodeMatches } from './consoleSessions';
export { StaffLanguages } from './staffLanguages';

export interface Handoff {
  rules: EscalationRules;
  presence: StaffPresence;
  availability: StaffAvailability;
  audit: AuditTrail;
  service: HandoffService;
  /** Who speaks which languages, for preferring them for a patron's claim. */
  languages: StaffLanguages;
}

/** Builds the parts; call `service.init()` once before use (the server does it in listen()). */
export function createHandoff(
  config: LibraryConfig,
  storage: HandoffStorage,
  options: { clock?: () => Date; presence?: PresenceSettings } = {},
): Handoff {
  const presence = new StaffPresence(storage, options.presence);
  const availability = new StaffAvailability(
    new StaffedChatHours(config.staff.chatHours, config.library.timeZone),
    presence,
  );
  const audit = new AuditTrail(storage);
  const service = new HandoffService({
    storage,
    availability,
    audit,
    clock: options.clock,
    settings: {
      claimTimeoutSeconds: config.staff.claimTimeoutSeconds,
      transcriptRetentionDays: config.privacy.transcriptRetentionDays,
      ticketRetentionDays: config.privacy.ticketRetentionDays,
      auditRetentionDays: config.privacy.auditRetentionDays,
    },
  });
  return {
    rules: new EscalationRules(config.escalation),
    presence,
    availability,
    audit,
    service,
    languages: new StaffLanguages(config.staff.languages),
  };
}

/** The names of staff present now who speak a patron's language (none for English, which all speak). */
export async function presentSpeakers(
  handoff: Handoff,
  language: string | undefined,
  now: Date,
): Promise<string[]> {
  if (!handoff.languages.needsSpeaker(language)) return [];
  return handoff.languages.speakersAmong(await handoff.presence.presentStaff(now), language);
}
