// The library's description: one YAML file, validated once at startup (index.ts) and passed in.
// Secrets never live here: fields ending in `Env` name the environment variable that holds them.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { colourContrastProblems } from './colourContrast';

const clockTime = z
  .string()
  .regex(
    /^([01]\d|2[0-4]):[0-5]\d$/,
    'a 24-hour time such as "09:00" (or "24:00" for midnight at the end of a day)',
  );

/** One open period of a day. `closes` at or before `opens` means the period runs past midnight. */
export const openPeriodSchema = z
  .object({
    opens: clockTime,
    closes: clockTime,
    /** For the bookmobile and other stops: where it is during this period. */
    place: z.string().min(1).optional(),
  })
  .strict();

const weekdayNames = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof weekdayNames)[number];
export const weekdaySchema = z.enum(weekdayNames);

/** Regular weekly hours: a day missing or with an empty list is closed. */
export const weeklyHoursSchema = z
  .object(
    Object.fromEntries(weekdayNames.map((d) => [d, z.array(openPeriodSchema).optional()])) as {
      [K in Weekday]: z.ZodOptional<z.ZodArray<typeof openPeriodSchema>>;
    },
  )
  .strict();

/** A date given by rule so the calendar stays right every year. */
export const dateRuleSchema = z.union([
  z.object({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) }).strict(),
  z
    .object({
      month: z.number().int().min(1).max(12),
      weekday: weekdaySchema,
      /** 1..5 for first..fifth, -1 for the last one in the month. */
      nth: z.number().int().min(-1).max(5),
    })
    .strict(),
  z.object({ after: z.string().min(1), days: z.number().int() }).strict(),
  z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date such as "2026-12-24"') }).strict(),
]);

/** A holiday or special day: closed, special hours for some branches, or an earlier closing. */
export const specialDaySchema = z
  .object({
    name: z.string().min(1),
    aliases: z.array(z.string().min(1)).default([]),
    rule: dateRuleSchema,
    /** Default for every branch not listed in `branches`: closed, or close no later than this time. */
    all: z.union([z.literal('closed'), z.object({ closesAt: clockTime }).strict()]).default('closed'),
    /** Per-branch hours on this day (an empty list is closed). */
    branches: z.record(z.string(), z.array(openPeriodSchema)).default({}),
  })
  .strict();

export const branchSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'a short lower-case id such as "main" or "oak-hill"'),
    name: z.string().min(1),
    aliases: z.array(z.string().min(1)).default([]),
    kind: z.enum(['building', 'bookmobile']).default('building'),
    /** The library system's code for this branch (SIP2 pickup and home location). */
    ilsCode: z.string().min(1).optional(),
    address: z.string().min(1),
    phone: z.string().min(1).optional(),
    parking: z.string().min(1).optional(),
    transit: z.string().min(1).optional(),
    /** Parking and bus directions in other languages, by code ("es"); English, with a notice, where missing. */
    translations: z
      .record(
        z.string().regex(/^[a-z]{2}$/, 'a two-letter language code such as "es"'),
        z.object({ parking: z.string().min(1).optional(), transit: z.string().min(1).optional() }).strict(),
      )
      .optional(),
    hours: weeklyHoursSchema,
    /** Dated exceptions for this branch only (a closure for repairs, an extra late night). */
    exceptions: z
      .array(
        z
          .object({
            date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date such as "2026-12-24"'),
            reason: z.string().min(1).optional(),
            hours: z.array(openPeriodSchema),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

/** A two-letter language code ("es"), as catalogs and `translations` use them. */
const languageCode = z.string().regex(/^[a-z]{2}$/, 'a two-letter language code such as "es"');

export const faqEntrySchema = z
  .object({
    /** The intent becomes `faq.<id>`. */
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'a short lower-case id such as "card"'),
    title: z.string().min(1),
    answer: z.string().min(1),
    /** A shorter wording for SMS; the answer is used when absent. */
    smsAnswer: z.string().min(1).optional(),
    link: z.string().url().optional(),
    branchVariants: z.record(z.string(), z.string().min(1)).default({}),
    /** The entry in other languages, by language code ("es"); English is used, with a notice, where one is missing. */
    translations: z
      .record(
        z.string().regex(/^[a-z]{2}$/, 'a two-letter language code such as "es"'),
        z
          .object({
            title: z.string().min(1),
            answer: z.string().min(1),
            smsAnswer: z.string().min(1).optional(),
            branchVariants: z.record(z.string(), z.string().min(1)).default({}),
          })
          .strict(),
      )
      .optional(),
    /** Example patron questions the recognizer learns this entry from. */
    examples: z
      .array(z.string().min(1))
      .min(5, 'at least 5 example questions so the bot can learn the entry'),
  })
  .strict();

const timeoutMs = z
  .number()
  .int()
  .positive('milliseconds, more than 0')
  .max(60000, 'at most 60000 milliseconds (one minute)');
const envName = z
  .string()
  .regex(
    /^[A-Za-z_][A-Za-z0-9_]*$/,
    'the name of an environment variable such as "SIP2_USER" (not the secret itself)',
  );

/** SRU catalog search beside SIP2; holdings name the MARC field and subfields of the copies. */
const sruCatalogSchema = z
  .object({
    kind: z.literal('sru'),
    url: z
      .string()
      .url()
      .regex(/^https?:\/\//, 'an http(s) URL'),
    holdings: z
      .object({
        tag: z.string().regex(/^\d{3}$/, 'a MARC tag such as "952" (Koha) or "852"'),
        barcode: z.string().regex(/^[a-z0-9]$/, 'a subfield code such as "p"'),
        branch: z.string().regex(/^[a-z0-9]$/, 'a subfield code such as "a"'),
        callNumber: z
          .string()
          .regex(/^[a-z0-9]$/, 'a subfield code such as "o"')
          .optional(),
      })
      .strict()
      .default({ tag: '952', barcode: 'p', branch: 'a', callNumber: 'o' }),
  })
  .strict();

const librarySystemSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('demo'), timeoutMs: timeoutMs.default(5000) }).strict(),
  z
    .object({
      kind: z.literal('sip2'),
      host: z.string().min(1, "the SIP2 server's host name"),
      port: z
        .number()
        .int()
        .min(1, 'a port number from 1 to 65535')
        .max(65535, 'a port number from 1 to 65535'),
      tls: z.boolean().default(true),
      /** AO in every message. */
      institution: z.string().min(1, 'the institution id the SIP2 server expects (AO)'),
      /** CP in the login message. */
      locationCode: z.string().min(1).optional(),
      loginUserEnv: envName,
      loginPasswordEnv: envName,
      encoding: z.enum(['utf8', 'cp1252', 'cp850']).default('utf8'),
      errorDetection: z.boolean().default(true),
      timeoutMs: timeoutMs.default(5000),
      /** Where servers differ (see library/librarySystem/README.md); "other" assumes plain SIP2. */
      vendor: z
        .enum(['koha', 'evergreen', 'sierra', 'polaris', 'symphony', 'folio', 'other'])
        .default('other'),
      catalog: sruCatalogSchema.optional(),
    })
    .strict(),
]);

const patronSignInSchema = z
  .object({
    method: z.enum(['card-pin', 'entra']).default('card-pin'),
    maxFailures: z.number().int().positive().default(5),
    lockMinutes: z.number().int().positive().default(15),
    idleMinutes: z.number().int().positive().default(15),
    entra: z
      .object({
        authority: z.string().url(),
        clientId: z.string().min(1),
        clientSecretEnv: z.string().min(1),
        /** The token claim that carries the patron's library card number or ILS id. */
        patronClaim: z.string().min(1),
        redirectUrl: z.string().url(),
      })
      .strict()
      .optional(),
  })
  .strict();

const entraObjectId = z
  .string()
  .regex(/^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/, 'an Entra object id such as "0f1e2d3c-..."');

/**
 * Staff sign-in to the workspace (/staff) with Microsoft Entra ID: members of one group in one
 * tenant. The client secret and the session key are environment variables (STAFF_ENTRA_CLIENT_SECRET,
 * STAFF_SESSION_SECRET); the redirect address is PUBLIC_URL + /staff/signed-in.
 */
const staffSignInSchema = z
  .object({
    tenantId: z.string().min(1),
    clientId: z.string().min(1),
    /** Only members of this group (checked with Microsoft Graph, nested groups included) may sign in. */
    staffGroupId: entraObjectId,
    /** Another Entra cloud; https://login.microsoftonline.com/<tenantId> otherwise. */
    authority: z.string().url().optional(),
  })
  .strict();

/** A reply staff insert from the workspace and edit before sending. */
const cannedAnswerSchema = z
  .object({
    title: z.string().min(1).max(80),
    text: z.string().min(1).max(1000),
  })
  .strict();

const staffSchema = z
  .object({
    channel: z.enum(['console', 'teams']).default('console'),
    /** When staff answer chat; may differ from building hours. */
    chatHours: weeklyHoursSchema,
    claimTimeoutSeconds: z.number().int().positive().default(120),
    /** The staff workspace at /staff: a passcode in local mode, Entra ID sign-in in production. */
    console: z
      .object({
        passcodeEnv: z.string().min(1).default('STAFF_PASSCODE'),
        entra: staffSignInSchema.optional(),
      })
      .strict()
      .default({}),
    /**
     * Languages staff members speak besides English, keyed by their Entra object id or the name they
     * sign in with ({ Ana: [es] }): a patron writing in one of them is offered first to those present.
     */
    languages: z
      .record(z.string().min(1), z.array(languageCode).min(1, 'at least one language code such as "es"'))
      .default({}),
    /** Librarian-editable replies offered in the workspace beside each chat. */
    cannedAnswers: z.array(cannedAnswerSchema).max(100).default([]),
    teams: z
      .object({
        tenantId: z.string().min(1),
        teamId: z.string().min(1),
        channelId: z.string().min(1),
        serviceUrl: z.string().url(),
        /** Optional Entra group whose members may claim (checked with Microsoft Graph). */
        staffGroupId: z.string().min(1).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

/**
 * A topic that always goes to a person. A plain string is a phrase matched as words; an entry with
 * `examples` is also learnt by meaning (the recognizer's intent `person.<id>`), and its `advice` is said
 * before the offer of a person ("call us and we'll block the card").
 */
const alwaysHumanTopicSchema = z
  .union([
    z.string().min(1),
    z
      .object({
        id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'a short lower-case id such as "lost-card"'),
        phrases: z.array(z.string().min(1)).default([]),
        advice: z.string().min(1).optional(),
        examples: z.array(z.string().min(1)).default([]),
        /** The advice in other languages ("es"); English with a short notice where one is missing. */
        translations: z.record(languageCode, z.object({ advice: z.string().min(1) }).strict()).optional(),
      })
      .strict(),
  ])
  .transform((topic) =>
    typeof topic === 'string'
      ? {
          id: topicId(topic),
          phrases: [topic],
          examples: [] as string[],
          advice: undefined as string | undefined,
        }
      : topic,
  );

const escalationSchema = z
  .object({
    misunderstandingsBeforeOffer: z.number().int().positive().default(2),
    /** natural's AFINN sentiment score at or below which the bot offers a person. */
    frustrationSentiment: z.number().default(-0.5),
    frustrationWords: z.array(z.string().min(1)).default([]),
    /** Topics that always go to a person (phrases matched as words, examples learnt by meaning). */
    alwaysHumanTopics: z.array(alwaysHumanTopicSchema).default([]),
  })
  .strict();

/** "stolen card" -> "stolen-card": the id a plain-string topic gets. */
function topicId(phrase: string): string {
  const id = phrase
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return /^[a-z]/.test(id) ? id : `topic-${id}`;
}

const privacySchema = z
  .object({
    transcriptRetentionDays: z.number().int().min(0).default(30),
    ticketRetentionDays: z.number().int().min(0).default(30),
    auditRetentionDays: z.number().int().min(0).default(365),
    /** Remember a patron's interests and home branch only after they agree. */
    rememberPreferences: z.enum(['with-consent', 'never']).default('with-consent'),
  })
  .strict();

const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour such as "#1f5f8b"');

export const libraryConfigSchema = z
  .object({
    library: z
      .object({
        name: z.string().min(1),
        shortName: z.string().min(1).optional(),
        timeZone: z.string().refine(isTimeZone, 'an IANA time zone such as "America/Chicago"'),
        website: z.string().url().optional(),
        /** The online catalogue, offered when a patron asks for books the chat cannot find for them. */
        catalogUrl: z.string().url().optional(),
        phone: z.string().min(1),
        email: z.string().email().optional(),
        colours: z.object({ primary: colour, accent: colour, background: colour, text: colour }).strict(),
      })
      .strict(),
    branches: z.array(branchSchema).min(1),
    specialDays: z.array(specialDaySchema).default([]),
    programs: z
      .object({
        /** `file:` paths are relative to this YAML file; http(s) URLs are fetched and cached. */
        feeds: z.array(z.string().min(1)).default([]),
        refreshMinutes: z.number().int().positive().default(60),
        /**
         * Everyday words for the topics in the feeds' CATEGORIES, librarian-editable: under
         * `Technology`, "computer class" and "smartphone" find Technology programs.
         */
        topics: z.record(z.string().min(1), z.array(z.string().min(1))).default({}),
      })
      .strict()
      .default({}),
    librarySystem: librarySystemSchema,
    patronSignIn: patronSignInSchema.default({}),
    staff: staffSchema,
    escalation: escalationSchema.default({}),
    faq: z.array(faqEntrySchema).default([]),
    privacy: privacySchema.default({}),
  })
  .strict()
  .superRefine((config, ctx) => {
    const ids = new Set<string>();
    config.branches.forEach((branch, i) => {
      if (ids.has(branch.id)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['branches', i, 'id'],
          message: `duplicate branch id "${branch.id}"`,
        });
      }
      ids.add(branch.id);
    });
    const codes = new Map<string, number>();
    config.branches.forEach((branch, i) => {
      if (!branch.ilsCode) return;
      const code = branch.ilsCode.toLowerCase();
      if (codes.has(code)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['branches', i, 'ilsCode'],
          message: `an ilsCode no other branch has ("${branch.ilsCode}" is also branches[${codes.get(code)}])`,
        });
      }
      codes.set(code, i);
    });
    config.specialDays.forEach((day, i) => {
      for (const branchId of Object.keys(day.branches)) {
        if (!ids.has(branchId)) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: ['specialDays', i, 'branches', branchId],
            message: `a branch id from "branches" (one of ${[...ids].join(', ')})`,
          });
        }
      }
    });
    config.faq.forEach((entry, i) => {
      for (const branchId of Object.keys(entry.branchVariants)) {
        if (!ids.has(branchId)) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: ['faq', i, 'branchVariants', branchId],
            message: `a branch id from "branches" (one of ${[...ids].join(', ')})`,
          });
        }
      }
    });
    // The chat pages are built from these colours: text they cannot show legibly stops the start.
    for (const problem of colourContrastProblems(config.library.colours)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['library', 'colours', problem.field],
        message: problem.expected,
      });
    }
  });

export type LibraryConfig = z.infer<typeof libraryConfigSchema>;
export type Branch = z.infer<typeof branchSchema>;
export type OpenPeriod = z.infer<typeof openPeriodSchema>;
export type WeeklyHours = z.infer<typeof weeklyHoursSchema>;
export type SpecialDay = z.infer<typeof specialDaySchema>;
export type FaqEntry = z.infer<typeof faqEntrySchema>;
export type StaffSignInConfig = z.infer<typeof staffSignInSchema>;
export type CannedAnswer = z.infer<typeof cannedAnswerSchema>;
export type AlwaysHumanTopic = z.infer<typeof alwaysHumanTopicSchema>;

/** A loaded configuration plus where it came from, so relative feed paths resolve against the file. */
export interface LoadedLibraryConfig {
  config: LibraryConfig;
  path: string;
  directory: string;
}

export class LibraryConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file} is not a valid library configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'LibraryConfigError';
  }
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function formatPath(path: (string | number)[]): string {
  return path.reduce<string>(
    (text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${part}` : part),
    '',
  );
}

/** Validates already-parsed YAML; every problem names the field path and what was expected. */
export function validateLibraryConfig(raw: unknown, file: string): LibraryConfig {
  const result = libraryConfigSchema.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const where = formatPath(issue.path) || '(top level)';
    const expected =
      issue.code === z.ZodIssueCode.invalid_type
        ? `expected ${issue.expected}, got ${issue.received}`
        : issue.code === z.ZodIssueCode.unrecognized_keys
          ? `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`
          : issue.code === z.ZodIssueCode.invalid_enum_value
            ? `expected one of ${issue.options.map((o) => `"${String(o)}"`).join(', ')}`
            : issue.code === z.ZodIssueCode.invalid_union_discriminator
              ? `expected one of ${issue.options.map((o) => `"${String(o)}"`).join(', ')}`
              : `expected ${issue.message}`;
    return `${file}: ${where}: ${expected}`;
  });
  throw new LibraryConfigError(file, problems);
}

export function loadLibraryConfig(path: string): LoadedLibraryConfig {
  const fullPath = resolve(path);
  let text: string;
  try {
    text = readFileSync(fullPath, 'utf8');
  } catch (error) {
    throw new LibraryConfigError(fullPath, [
      `${fullPath}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    ]);
  }
  let raw: unknown;
  try {
    raw = parseYaml(text, { prettyErrors: true });
  } catch (error) {
    throw new LibraryConfigError(fullPath, [`${fullPath}: not valid YAML: ${(error as Error).message}`]);
  }
  return { config: validateLibraryConfig(raw, fullPath), path: fullPath, directory: dirname(fullPath) };
}
