// Answers to the library's frequently asked questions, straight from its configuration: a library adds
// an entry (answer, optional SMS wording, link, per-branch variants, example questions) without code.
import type { Branch, FaqEntry } from '../../config/libraryConfig';

export interface FaqAnswer {
  id: string;
  title: string;
  text: string;
  /** A shorter wording for SMS when the library gave one. */
  smsText?: string;
  link?: string;
  /** The branch the answer is about, when a per-branch variant was used. */
  branchId?: string;
  /** Branches with their own variant, to offer when the patron named none. */
  branchChoices: { branchId: string; name: string }[];
  /** Asked in another language, and the library gave this entry in English only. */
  untranslated?: boolean;
}

export const faqIntentPrefix = 'faq.';

export class FaqService {
  private readonly byId: Map<string, FaqEntry>;

  constructor(
    private readonly entries: readonly FaqEntry[],
    private readonly branches: readonly Branch[],
  ) {
    this.byId = new Map(entries.map((e) => [e.id, e]));
  }

  /** The FAQ id an intent such as "faq.card" names, if it is a configured entry. */
  idForIntent(intent: string): string | undefined {
    if (!intent.startsWith(faqIntentPrefix)) return undefined;
    const id = intent.slice(faqIntentPrefix.length);
    return this.byId.has(id) ? id : undefined;
  }

  get all(): readonly FaqEntry[] {
    return this.entries;
  }

  /** Each branch's parking or bus directions from its configuration, for "where can I park?" over all branches. */
  branchFacts(
    kind: 'parking' | 'transit',
    language = 'en',
  ): { name: string; text: string; untranslated?: true }[] {
    return this.branches
      .filter((branch) => branch[kind])
      .map((branch) => {
        const translated = language === 'en' ? undefined : branch.translations?.[language]?.[kind];
        const text = translated ?? branch[kind]!;
        return language === 'en' || translated
          ? { name: branch.name, text }
          : { name: branch.name, text, untranslated: true as const };
      });
  }

  /** The entry's answer, in `language` when the library wrote it in that language. */
  answer(id: string, branchId?: string, language = 'en'): FaqAnswer | undefined {
    const found = this.byId.get(id);
    if (!found) return undefined;
    const translated = language === 'en' ? undefined : found.translations?.[language];
    const entry = translated
      ? { ...found, ...translated, branchVariants: { ...found.branchVariants, ...translated.branchVariants } }
      : found;
    const variant = branchId ? entry.branchVariants[branchId] : undefined;
    const branchChoices = Object.keys(entry.branchVariants).map((b) => ({
      branchId: b,
      name: this.branches.find((branch) => branch.id === b)?.name ?? b,
    }));
    const answer: FaqAnswer = { id, title: entry.title, text: variant ?? entry.answer, branchChoices };
    // A branch variant is already short; the general SMS wording would not be about that branch.
    if (!variant && entry.smsAnswer) answer.smsText = entry.smsAnswer;
    if (variant && branchId) answer.branchId = branchId;
    if (entry.link) answer.link = entry.link;
    if (language !== 'en' && !translated) answer.untranslated = true;
    return answer;
  }
}
