// Which staff members speak which languages (`staff.languages` in the configuration), so a patron
// writing in Spanish is offered first to staff who speak it: their cards name those present, and
// their workspaces list such patrons first and marked. Everyone is taken to speak the default
// language (English); a staff member is named by their Entra object id or the name they sign in with.
import { DEFAULT_LANGUAGE } from '../language/catalog';
import type { StaffMember } from './types';

export class StaffLanguages {
  private readonly byStaff: ReadonlyMap<string, readonly string[]>;

  constructor(configured: Readonly<Record<string, readonly string[]>> = {}) {
    this.byStaff = new Map(Object.entries(configured).map(([who, codes]) => [who.toLowerCase(), codes]));
  }

  /** Whether a language needs a speaker at all: one other than the default everyone speaks. */
  needsSpeaker(language: string | undefined): language is string {
    return language !== undefined && language !== DEFAULT_LANGUAGE;
  }

  /** The languages configured for a staff member, by id first, then by name. */
  languagesOf(member: Pick<StaffMember, 'id' | 'name'>): readonly string[] {
    return this.byStaff.get(member.id.toLowerCase()) ?? this.byStaff.get(member.name.toLowerCase()) ?? [];
  }

  /** Whether this staff member is configured as speaking a language other than the default. */
  speaks(member: Pick<StaffMember, 'id' | 'name'>, language: string | undefined): boolean {
    return this.needsSpeaker(language) && this.languagesOf(member).includes(language);
  }

  /** The names of those among `members` who speak the language (none for the default language). */
  speakersAmong(
    members: readonly Pick<StaffMember, 'id' | 'name'>[],
    language: string | undefined,
  ): string[] {
    return [...new Set(members.filter((m) => this.speaks(m, language)).map((m) => m.name))];
  }
}
