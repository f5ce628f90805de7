// Configurations that would start but fail patrons quietly: the bot refuses them at startup with a
// message saying what to change, instead of letting escalations or state go nowhere.
import type { LibraryConfig } from './libraryConfig';
import type { RuntimeSettings } from './runtimeSettings';

/** A configuration the bot will not run with; index.ts prints the message and exits with status 2. */
export class StartupRefusedError extends Error {
  constructor(readonly problems: string[]) {
    super(`The bot will not start:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'StartupRefusedError';
  }
}

/**
 * Whether this server serves the passcode staff console (/staff). It does only next to the built-in
 * Direct Line, i.e. in local mode (server/libraryBotApp.ts registers it under the same condition).
 */
export function servesStaffConsole(settings: Pick<RuntimeSettings, 'localMode' | 'staffPasscode'>): boolean {
  return settings.localMode && Boolean(settings.staffPasscode);
}

export interface StaffReachability {
  /** The bot must not start: escalated patrons would wait for, or leave messages with, nobody. */
  refusals: string[];
  /** Works only with something wired by hand (tests, a tunnel): said loudly at startup. */
  warnings: string[];
}

/** Can the configured staff channel reach a staff member in this mode? */
export function staffReachability(
  staff: LibraryConfig['staff'],
  settings: Pick<RuntimeSettings, 'localMode' | 'staffPasscode'>,
): StaffReachability {
  const refusals: string[] = [];
  const warnings: string[] = [];
  if (staff.channel === 'console' && !servesStaffConsole(settings)) {
    refusals.push(
      settings.localMode
        ? 'staff.channel is "console" but no staff passcode is set, so nobody can open the staff console'
        : 'staff.channel is "console", but the staff console (/staff) is served only in local mode ' +
            '(no MicrosoftAppId). With an app id, patrons who ask for a person would wait for, and leave ' +
            'messages with, nobody. Set staff.channel: teams with a staff.teams section ' +
            '(deployment/teams/README.md), or run without MicrosoftAppId for a local demo.',
    );
  }
  if (staff.channel === 'teams' && !staff.teams) {
    refusals.push(
      'staff.channel is "teams" but there is no staff.teams section (tenantId, teamId, channelId, ' +
        'serviceUrl), so escalations cannot be posted anywhere',
    );
  }
  if (staff.channel === 'teams' && staff.teams && settings.localMode) {
    warnings.push(
      'staff.channel is "teams" but the bot runs in local mode (no MicrosoftAppId): Microsoft Teams ' +
        'cannot send staff replies to a bot on 127.0.0.1, so escalations reach staff only through a ' +
        'connector set up by hand',
    );
  }
  return { refusals, warnings };
}
