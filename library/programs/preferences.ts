// A patron's remembered program interests and home branch: kept only after they agree, deleted on
// "forget me". The store is per patron (the dialogs back it with bot user state).
export interface PatronPreferences {
  interests: string[];
  homeBranchId?: string;
  /** When the patron agreed to be remembered (ISO instant). */
  consentedAt: string;
}

export interface PreferenceStore {
  get(): Promise<PatronPreferences | undefined>;
  set(preferences: PatronPreferences): Promise<void>;
  delete(): Promise<void>;
}

export type RememberPolicy = 'with-consent' | 'never';

/** Interests kept per patron: enough to rank, too few to become a reading history. */
export const maxInterests = 10;

export class ProgramPreferences {
  constructor(
    private readonly store: PreferenceStore,
    private readonly policy: RememberPolicy,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Whether the bot may ask to remember anything at all. */
  get mayOffer(): boolean {
    return this.policy === 'with-consent';
  }

  async get(): Promise<PatronPreferences | undefined> {
    if (this.policy === 'never') return undefined;
    return this.store.get();
  }

  async hasConsent(): Promise<boolean> {
    return Boolean(await this.get());
  }

  /**
   * Adds interests and/or sets the home branch. Without consent (given now or before) nothing is
   * kept and the result is false.
   */
  async remember(
    update: { interests?: string[]; homeBranchId?: string },
    consentGiven: boolean,
  ): Promise<boolean> {
    if (this.policy === 'never') return false;
    const existing = await this.store.get();
    if (!existing && !consentGiven) return false;
    const interests = [...(existing?.interests ?? [])];
    for (const interest of update.interests ?? []) {
      const clean = interest.trim().toLowerCase();
      if (clean && !interests.includes(clean)) interests.push(clean);
    }
    const next: PatronPreferences = {
      interests: interests.slice(-maxInterests),
      consentedAt: existing?.consentedAt ?? this.clock().toISOString(),
    };
    const homeBranchId = update.homeBranchId ?? existing?.homeBranchId;
    if (homeBranchId) next.homeBranchId = homeBranchId;
    await this.store.set(next);
    return true;
  }

  /** "Forget me": everything remembered is deleted. */
  async forget(): Promise<void> {
    await this.store.delete();
  }
}

/** For tests and for running without user state. */
export class MemoryPreferenceStore implements PreferenceStore {
  value?: PatronPreferences;
  async get(): Promise<PatronPreferences | undefined> {
    return this.value ? { ...this.value, interests: [...this.value.interests] } : undefined;
  }
  async set(preferences: PatronPreferences): Promise<void> {
    this.value = { ...preferences, interests: [...preferences.interests] };
  }
  async delete(): Promise<void> {
    this.value = undefined;
  }
}
