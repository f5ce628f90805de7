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

type StaffSettings = Pick<
  RuntimeSettings,
  'localMode' | 'staffPasscode' | 'staffEntraClientSecret' | 'staffSessionSecret' | 'directLineSecret'
>;

/**
 * What the staff workspace (/staff) still lacks for Entra ID sign-in, by the names a librarian sets:
 * the YAML section, the two secrets, and (with an app id) the Direct Line secret its chats run on.
 */
export function staffSignInMissing(staff: LibraryConfig['staff'], settings: StaffSettings): string[] {
  return [
    !staff.console.entra && 'staff.console.entra (tenantId, clientId, staffGroupId) in the YAML',
    !settings.staffEntraClientSecret && 'STAFF_ENTRA_CLIENT_SECRET',
    !settings.staffSessionSecret && 'STAFF_SESSION_SECRET',
    !settings.localMode && !settings.directLineSecret && 'DIRECT_LINE_SECRET',
  ].filter((missing): missing is string => Boolean(missing));
}

/**
 * How staff sign in to the workspace (/staff), if it is served: the passcode in local mode only
 * (next to the built-in Direct Line), Entra ID in any mode once it is fully set up. The handoff
 * capability registers the page under the same rule.
 */
export function staffWorkspaceSignIn(
  staff: LibraryConfig['staff'],
  settings: StaffSettings,
): { passcode: boolean; entra: boolean } {
  return {
    passcode: settings.localMode && Boolean(settings.staffPasscode),
    entra: staffSignInMissing(staff, settings).length === 0,
  };
}

export function servesStaffWorkspace(staff: LibraryConfig['staff'], settings: StaffSettings): boolean {
  const signIn = staffWorkspaceSignIn(staff, settings);
  return signIn.passcode || signIn.entra;
}

export interface StaffReachability {
  /** The bot must not start: escalated patrons would wait for, or leave messages with, nobody. */
  refusals: string[];
  /** Works only with something wired by hand (tests, a tunnel): said loudly at startup. */
  warnings: string[];
}

/** Can the configured staff channel reach a staff member in this mode? */
export function staffReachability(staff: LibraryConfig['staff'], settings: StaffSettings): StaffReachability {
  const refusals: string[] = [];
  const warnings: string[] = [];
  const missing = staffSignInMissing(staff, settings);
  if (staff.channel === 'console' && !servesStaffWorkspace(staff, settings)) {
    refusals.push(
      settings.localMode
        ? 'staff.channel is "console" but no staff passcode is set, so nobody can open the staff workspace'
        : 'staff.channel is "console" (the staff workspace at /staff). With an app id staff sign in to it ' +
            `with Microsoft Entra ID, which needs ${listed(missing)}; without ${missing.length > 1 ? 'them' : 'it'}, ` +
            'patrons who ask for a person would wait for, and leave messages with, nobody. Set ' +
            `${missing.length > 1 ? 'them' : 'it'} (docs/staff-workspace.md), or set ` +
            'staff.channel: teams with a staff.teams section (deployment/teams/README.md), or run without ' +
            'MicrosoftAppId for a local demo.',
    );
  }
  if (staff.channel === 'teams' && staff.console.entra && missing.length > 0) {
    warnings.push(
      `staff.console.entra is set but ${listed(missing)} ${missing.length > 1 ? 'are' : 'is'} not, so the ` +
        'staff workspace (/staff) does not accept Entra ID sign-in; staff answer in Teams',
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

function listed(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * What a library left untranslated, one line per language it is asked in ("es: faq card, fines;
 * branch main parking"): patrons are answered in English there, after a short notice.
 */
export function missingTranslations(config: LibraryConfig, languages: readonly string[]): string[] {
  const lines: string[] = [];
  for (const language of languages) {
    const faq = config.faq.filter((entry) => !entry.translations?.[language]).map((entry) => entry.id);
    const branches = config.branches.flatMap((branch) =>
      (['parking', 'transit'] as const)
        .filter((kind) => branch[kind] && !branch.translations?.[language]?.[kind])
        .map((kind) => `${branch.id} ${kind}`),
    );
    const advice = config.escalation.alwaysHumanTopics
      .filter((topic) => topic.advice && !topic.translations?.[language])
      .map((topic) => topic.id);
    const missing = [
      ...(faq.length ? [`faq ${faq.join(', ')}`] : []),
      ...(branches.length ? [`branch ${branches.join(', ')}`] : []),
      ...(advice.length ? [`escalation advice ${advice.join(', ')}`] : []),
    ];
    if (missing.length)
      lines.push(`not translated into ${language} (answered in English): ${missing.join('; ')}`);
  }
  return lines;
}
