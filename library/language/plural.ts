// Plurals and gender for the message catalogs: the forms a language needs are chosen by the
// language's own rules (Intl.PluralRules), never by `n === 1`, so a third language with other
// plural categories only writes its forms.

/** The plural forms a message gives; `other` is always required, the rest as the language uses them. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const rules = new Map<string, Intl.PluralRules>();

/** The form for `count` in `language`, with `{n}` replaced by the count. */
export function plural(language: string, count: number, forms: PluralForms): string {
  let rule = rules.get(language);
  if (!rule) {
    rule = new Intl.PluralRules(language);
    rules.set(language, rule);
  }
  const form = forms[rule.select(count)] ?? forms.other;
  return form.replace('{n}', String(count));
}

/** Grammatical gender, where a language agrees adjectives or articles with a noun. */
export type Gender = 'masculine' | 'feminine';

/** The form that agrees with `gender`. */
export function gendered(gender: Gender, forms: Record<Gender, string>): string {
  return forms[gender];
}
