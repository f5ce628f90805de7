// Program suggestions: filters from the question (or a follow-up question when nothing was said),
// ranked by what was asked, then remembered interests and home branch, three at a time with "more".
// Every occurrence is checked against its branch's hours that day. Offers to remember interests only
// with the patron's consent.
import { Dialog, DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { DateTime } from 'luxon';
import { sendReply } from '../../channels/renderer';
import type { ChoiceOption, ListItem, Reply } from '../../channels/reply';
import type { HoursService } from '../../library/hours/hoursService';
import { ProgramsUnavailableError, type ProgramCatalog } from '../../library/programs/catalog';
import { summarizeProgram } from '../../library/programs/format';
import { checkOpening, type CheckedProgram, type OpeningCheck } from '../../library/programs/openingCheck';
import { programLanguageAsked, programTitleIn, type Program } from '../../library/programs/program';
import {
  findPrograms,
  pageOf,
  pageSize,
  titleWordsIn,
  type ProgramQuery,
  type RankingPreferences,
} from '../../library/programs/search';
import { createTopicThesaurus } from '../../recognizers/entities/topics';
import type {
  Audience,
  LibraryEntities,
  LibraryRecognition,
  PatronMessageRecognizer,
} from '../../recognizers/libraryRecognition';
import { chosenOption, yesOrNo } from '../../recognizers/replies';
import {
  isMoreRequest,
  MORE_VALUE,
  type ProgramsQuery,
  type RoutedDialogOptions,
  type RoutedDialogResult,
  type TopicMemory,
} from '../main/conversationTopic';
import type { PatronPreferencesState } from './patronPreferencesState';
import { calendarDateIn, dayLabelIn } from '../../library/hours/format';
import {
  leftOutText,
  noneFoundText,
  noteLine,
  programAudienceIn,
  programWhenIn,
  rememberReply,
} from './programsWording';
import { DEFAULT_LANGUAGE, type Messages } from '../../library/language/catalog';
import { messagesOf, messageLanguage } from '../conversationLanguage';

export const PROGRAMS_DIALOG = 'programsDialog';

/** With no dates asked, suggestions cover the coming week. */
const defaultDays = 7;
/** A program asked for by name or topic, or "the next" one: its dates over the coming months. */
const aheadDays = 90;
/** "when is the next ...", "next lego club": look ahead for the next ones. */
const NEXT = /\b(next|upcoming|coming up|when is|when's|when does|what time is|how often)\b/i;

function kindOptions(m: Messages): (ChoiceOption & { audience?: Audience })[] {
  const { kids, teens, adults, seniors, anything } = m.programs.kinds;
  return [
    { label: kids, value: kids, audience: 'kids' },
    { label: teens, value: teens, audience: 'teens' },
    { label: adults, value: adults, audience: 'adults' },
    { label: seniors, value: seniors, audience: 'seniors' },
    { label: anything, value: anything },
  ];
}

/** The buttons of the offer to remember interests (typed back as answers too). */

interface ProgramsDialogState {
  stage: 'ask-kind' | 'results';
  query: ProgramsQuery;
  page: number;
  /** What the bot offered to remember, while the patron has not answered. */
  offer?: { interests: string[]; homeBranchId?: string };
  /** Whether the bot has asked, in this conversation, to remember interests. */
  asked: boolean;
  /** Whether "more" has another page to show. */
  more?: boolean;
  /** One of several requests in a message: no question back. */
  quiet?: boolean;
}

export interface ProgramsDialogOptions {
  catalog: ProgramCatalog;
  hours: HoursService;
  recognizer: PatronMessageRecognizer;
  /** Absent: nothing is remembered and nothing is offered. */
  preferences?: PatronPreferencesState;
  /** The library's everyday words for its program topics (`programs.topics`). */
  topics?: Readonly<Record<string, readonly string[]>>;
}

interface Found {
  /** Listed, in order, each checked against its branch's hours that day. */
  listed: CheckedProgram[];
  leftOut: CheckedProgram[];
}

export class ProgramsDialog extends Dialog<RoutedDialogOptions> {
  private readonly topicWords: (topic: string) => readonly string[];

  constructor(private readonly options: ProgramsDialogOptions) {
    super(PROGRAMS_DIALOG);
    this.topicWords = createTopicThesaurus(options.topics);
  }

  override async beginDialog(dc: DialogContext, options?: RoutedDialogOptions): Promise<DialogTurnResult> {
    if (!options?.recognition) return dc.endDialog({ kind: 'answered' } satisfies RoutedDialogResult);
    const before = options.previous?.topic === 'programs' ? options.previous.query : undefined;
    const query = mergeQuery(options.recognition.entities, before, options.followUp);
    await this.readWords(query, options.recognition);
    const remembered = await this.options.preferences?.for(dc.context).get();
    const quiet = options.partOfSeveral === true;
    if (!options.followUp && !quiet && isOpenQuestion(query) && !remembered) {
      const state: ProgramsDialogState = {
        stage: 'ask-kind',
        query,
        page: 0,
        asked: Boolean(options.askedToRemember),
      };
      Object.assign(dc.activeDialog!.state, state);
      const m = messagesOf(dc.context);
      await sendReply(dc.context, {
        kind: 'choice',
        prompt: m.programs.kindPrompt,
        smsPrompt: m.programs.kindSmsPrompt,
        options: kindOptions(m).map(({ label, value }) => ({ label, value })),
      });
      return Dialog.EndOfTurn;
    }
    return this.show(dc, query, 0, Boolean(options.askedToRemember), quiet);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as ProgramsDialogState;
    const text = dc.context.activity.text ?? '';
    const m = messagesOf(dc.context);
    if (state.stage === 'ask-kind') return this.kindAnswered(dc, state, text);
    if (isMoreRequest(text)) {
      if (state.more || !state.offer) return this.show(dc, state.query, state.page + 1, state.asked);
      // Nothing more to show, but the question about remembering is still open: ask it again.
      await sendReply(dc.context, { kind: 'text', text: m.programs.allFound });
      await sendReply(dc.context, this.offerReply(m, state.offer));
      return Dialog.EndOfTurn;
    }
    const answer = state.offer
      ? yesOrNo(text, { yes: m.programs.rememberYes, no: m.programs.rememberNo })
      : undefined;
    const memory: TopicMemory = { topic: 'programs', intent: 'programs', query: state.query };
    if (state.offer && answer !== undefined) {
      const preferences = this.options.preferences!.for(dc.context);
      if (answer === 'yes') {
        await preferences.remember(state.offer, true);
        const { remembered, rememberedSms } = m.programs;
        await sendReply(dc.context, { kind: 'text', text: remembered, smsText: rememberedSms });
      } else {
        await sendReply(dc.context, { kind: 'text', text: m.programs.notRemembered });
      }
      return dc.endDialog({
        kind: 'answered',
        memory,
        askedToRemember: state.asked,
      } satisfies RoutedDialogResult);
    }
    return dc.endDialog({
      kind: 'unhandled',
      text,
      memory,
      askedToRemember: state.asked,
    } satisfies RoutedDialogResult);
  }

  private async kindAnswered(dc: DialogContext, state: ProgramsDialogState, text: string) {
    const kind = chosenOption(text, kindOptions(messagesOf(dc.context)));
    if (kind)
      return this.show(
        dc,
        kind.audience ? { ...state.query, audience: kind.audience } : state.query,
        0,
        state.asked,
      );
    const recognition = this.options.recognizer.recognize(
      text,
      this.options.hours.now().toJSDate(),
      messageLanguage(dc.context),
    );
    if (hasProgramEntities(recognition.entities)) {
      const query = mergeQuery(recognition.entities, state.query, 'weak');
      await this.readWords(query, recognition);
      return this.show(dc, query, 0, state.asked);
    }
    return dc.endDialog({
      kind: 'unhandled',
      text,
      askedToRemember: state.asked,
    } satisfies RoutedDialogResult);
  }

  /** Program titles named in the message ("movie matinee") and how far ahead to look. */
  private async readWords(query: ProgramsQuery, recognition: LibraryRecognition): Promise<void> {
    const entities = recognition.entities;
    let words = recognition.normalizedText;
    for (const said of [
      entities.date?.text,
      entities.branch?.text,
      entities.audience?.text,
      entities.place?.text,
    ])
      if (said) words = words.replace(said.toLowerCase(), ' ');
    const now = this.options.hours.now();
    const horizon = await this.options.catalog.between(now, now.plus({ days: aheadDays })).catch(() => []);
    const titleWords = titleWordsIn(words, horizon);
    if (titleWords.length) query.titleWords = titleWords;
    const language = programLanguageAsked(recognition.text);
    if (language) query.language = language;
    if (!query.start && (query.topics?.length || titleWords.length || NEXT.test(recognition.text)))
      query.aheadDays = aheadDays;
  }

  private async show(
    dc: DialogContext,
    query: ProgramsQuery,
    page: number,
    asked: boolean,
    quiet = false,
  ): Promise<DialogTurnResult> {
    const now = this.options.hours.now();
    const m = messagesOf(dc.context);
    const preferences = this.options.preferences?.for(dc.context);
    const remembered = await preferences?.get();
    const found = await this.find(dc, query, now, remembered);
    if (!found) return dc.endDialog({ kind: 'answered' } satisfies RoutedDialogResult);
    const memory: TopicMemory = { topic: 'programs', intent: 'programs', query };
    const answered = (askedToRemember = asked) =>
      dc.endDialog({ kind: 'answered', memory, askedToRemember } satisfies RoutedDialogResult);
    if (found.listed.length === 0) return this.showNone(dc, query, page, asked, found, quiet, answered);
    const { items, more } = pageOf(found.listed, page);
    if (items.length === 0) {
      await sendReply(dc.context, { kind: 'text', text: m.programs.allFoundMore });
      return answered();
    }
    await sendReply(dc.context, this.listReply(m, query, page, items, found, more, now));
    const closed = page === 0 ? this.closedNote(m, query, found, now) : undefined;
    if (closed) await sendReply(dc.context, { kind: 'text', text: closed });
    const state: ProgramsDialogState = { stage: 'results', query, page, asked, more, quiet };
    if (page === 0 && !quiet && !remembered && !asked && preferences?.mayOffer)
      await this.offerToRemember(dc, state);
    if (quiet || (!more && !state.offer)) return answered(state.asked);
    Object.assign(dc.activeDialog!.state, state);
    return Dialog.EndOfTurn;
  }

  /** Nothing on the asked days: say so honestly, with what was left out, then the next ones if any. */
  private async showNone(
    dc: DialogContext,
    query: ProgramsQuery,
    page: number,
    asked: boolean,
    found: Found,
    quiet: boolean,
    answered: () => Promise<DialogTurnResult>,
  ): Promise<DialogTurnResult> {
    const now = this.options.hours.now();
    const later = page === 0 ? this.laterQuery(query, now) : undefined;
    const remembered = await this.options.preferences?.for(dc.context).get();
    const hasLater = later
      ? ((await this.find(dc, later, now, remembered, true))?.listed.length ?? 0) > 0
      : false;
    const m = messagesOf(dc.context);
    const closed = this.closedNote(m, query, found, now);
    const none = noneFoundText(m, this.describe(m, query, now), hasLater);
    await sendReply(dc.context, { kind: 'text', text: closed ? `${closed} ${none}` : none });
    if (later && hasLater) return this.show(dc, later, 0, asked, quiet);
    return answered();
  }

  /** On the days the patron asked about, the programs a closure or an early closing takes off. */
  private closedNote(m: Messages, query: ProgramsQuery, found: Found, now: DateTime): string | undefined {
    // Only on the days the patron named: not for the next ones shown after "none on those days".
    if (!query.start || !query.when) return undefined;
    return leftOutText(m, found.leftOut, (id) => this.branchName(m, id), now);
  }

  /** The programs for a query, checked against opening hours; undefined after saying the calendar is down. */
  private async find(
    dc: DialogContext,
    query: ProgramsQuery,
    now: DateTime,
    remembered: RankingPreferences | undefined,
    silent = false,
  ): Promise<Found | undefined> {
    const search = this.searchFor(query, now);
    let programs: Program[];
    try {
      programs = await this.options.catalog.between(search.from, search.to);
    } catch (error) {
      if (!(error instanceof ProgramsUnavailableError)) throw error;
      const calendarDown = messagesOf(dc.context).programs.calendarDown;
      if (!silent) await sendReply(dc.context, { kind: 'text', text: calendarDown });
      return silent ? { listed: [], leftOut: [] } : undefined;
    }
    return this.checked(findPrograms(programs, search, remembered));
  }

  private checked(programs: Program[]): OpeningCheck {
    const hours = this.options.hours;
    return checkOpening(programs, (branchId, date) => {
      if (!hours.branches.some((b) => b.id === branchId)) return undefined;
      const day = hours.day(branchId, date);
      return { periods: day.periods, allDay: day.allDay, special: day.note };
    });
  }

  private listReply(
    m: Messages,
    query: ProgramsQuery,
    page: number,
    items: CheckedProgram[],
    found: Found,
    more: boolean,
    now: DateTime,
  ): Reply {
    const first = page * pageSize + 1;
    const total = found.listed.length;
    const description = this.describe(m, query, now);
    const range = items.length > 1 ? `${first}-${first + items.length - 1}` : `${first}`;
    return {
      kind: 'list',
      first,
      // A count only when there is more than one page: "(1-1 of 1)" says nothing.
      title:
        total > pageSize
          ? m.programs.listTitle(description, range, total)
          : m.programs.listTitle(description),
      items: items.map((checked) => this.listItem(m, checked, now)),
      ...(more ? { more: { label: m.programs.more, value: MORE_VALUE } } : {}),
    };
  }

  /** Once per conversation, with consent: remember the topics and branch asked about. */
  private async offerToRemember(dc: DialogContext, state: ProgramsDialogState): Promise<void> {
    // Topics and a branch rank later suggestions; an audience or age is asked afresh each time.
    // Topics are the feed's (English) words: in another language they are neither said nor offered.
    const m = messagesOf(dc.context);
    const interests = m.language === DEFAULT_LANGUAGE ? [...(state.query.topics ?? [])] : [];
    if (interests.length === 0 && !state.query.branchId) return;
    state.asked = true;
    state.offer = { interests, ...(state.query.branchId ? { homeBranchId: state.query.branchId } : {}) };
    await sendReply(dc.context, this.offerReply(m, state.offer));
  }

  private offerReply(m: Messages, offer: NonNullable<ProgramsDialogState['offer']>): Reply {
    return rememberReply(m, offer.interests, offer.homeBranchId && this.branchName(m, offer.homeBranchId));
  }

  /** The same filters over the months after the asked range (or after the coming week). */
  private laterQuery(query: ProgramsQuery, now: DateTime): ProgramsQuery | undefined {
    const to = this.searchFor(query, now).to;
    if (query.aheadDays && !query.start) return undefined;
    const { when: _said, aheadDays: _ahead, ...filters } = query;
    return { ...filters, start: to.toISODate()!, end: to.plus({ days: aheadDays - 1 }).toISODate()! };
  }

  private searchFor(query: ProgramsQuery, now: DateTime): ProgramQuery {
    const zone = this.options.hours.zone;
    const start = query.start ? DateTime.fromISO(query.start, { zone }) : now;
    const end = query.end
      ? DateTime.fromISO(query.end, { zone }).plus({ days: 1 })
      : now.startOf('day').plus({ days: query.aheadDays ?? defaultDays });
    const search: ProgramQuery = { from: start > now ? start : now, to: end, topicWords: this.topicWords };
    if (query.branchId) search.branchId = query.branchId;
    if (query.audience) search.audience = query.audience;
    if (query.ages) search.ages = query.ages;
    else if (query.age !== undefined) search.age = query.age;
    if (query.topics?.length) search.topics = query.topics;
    if (query.titleWords?.length) search.titleWords = query.titleWords;
    if (query.language) search.language = query.language;
    return search;
  }

  private branchName(m: Messages, branchId: string | undefined): string {
    return this.options.hours.branches.find((b) => b.id === branchId)?.name ?? m.programs.theBranch;
  }

  private listItem(m: Messages, { program, note }: CheckedProgram, now: DateTime): ListItem {
    const summary = summarizeProgram(program, now, this.options.hours.branches);
    summary.when = programWhenIn(m, program, now);
    const audience = programAudienceIn(m, program);
    if (audience) summary.audience = audience;
    const warning = note ? noteLine(m, note, this.branchName(m, program.branchId)) : undefined;
    const item: ListItem = {
      title: programTitleIn(program, m.language),
      lines: [
        summary.when,
        summary.place,
        ...(summary.audience ? [summary.audience] : []),
        ...(warning ? [warning] : []),
      ],
      // The feed's descriptions are in the library's own language (English): in another language the
      // list gives the title (a name), day, place and ages, never an English sentence.
      ...(m.language === DEFAULT_LANGUAGE ? { description: summary.description } : {}),
    };
    if (summary.registrationUrl) item.link = { label: m.programs.details, url: summary.registrationUrl };
    return item;
  }

  /** "for kids about storytime at Main Library this week". */
  private describe(m: Messages, query: ProgramsQuery, now: DateTime): string {
    const parts: string[] = [];
    // The patron's own words for who ("a 10-month-old", "preschoolers") are English from the recognizer.
    if (query.who && m.programs.saysWhoAsTyped) parts.push(m.programs.forWho(query.who));
    else if (query.age !== undefined) parts.push(m.programs.forAge(query.age));
    else if (query.audience)
      parts.push(m.programs.forWho(m.programs.audiences[query.audience] ?? query.audience));
    if (query.language) parts.push(m.programs.inLanguage(m.programs.languageNames[query.language] ?? ''));
    const about = [...(query.topics ?? []), ...(query.topics?.length ? [] : (query.titleWords ?? []))];
    // Topics are the feed's (English) words: in another language the titles listed say what they are.
    if (about.length && m.language === DEFAULT_LANGUAGE) parts.push(m.programs.about(about));
    if (query.branchId) parts.push(m.programs.atBranch(this.branchName(m, query.branchId)));
    parts.push(this.describeDates(m, query, now));
    return parts.join(' ');
  }

  private describeDates(m: Messages, query: ProgramsQuery, now: DateTime): string {
    const zone = this.options.hours.zone;
    const said = query.when?.trim().toLowerCase();
    // Say the range back as the patron put it: "this weekend" on a Sunday is still "this weekend".
    if (said && m.programs.datesSaidBack.test(said)) return said;
    if (query.start && query.end && query.end !== query.start) {
      const start = DateTime.fromISO(query.start, { zone });
      const end = DateTime.fromISO(query.end, { zone });
      return m.programs.dateRange(dayLabelIn(m, start, now), dayLabelIn(m, end, now));
    }
    if (query.start) {
      const day = DateTime.fromISO(query.start, { zone });
      const days = Math.round(day.startOf('day').diff(now.startOf('day'), 'days').days);
      if (days === 0) return m.dates.today;
      if (days === 1) return m.dates.tomorrow;
      return m.programs.onDate(calendarDateIn(m, day, now));
    }
    return query.aheadDays ? m.programs.comingUp : m.programs.nextSevenDays;
  }
}

function hasProgramEntities(entities: LibraryEntities): boolean {
  return Boolean(entities.audience || entities.topics?.length || entities.branch || entities.date);
}

function isOpenQuestion(query: ProgramsQuery): boolean {
  return (
    !query.audience &&
    query.age === undefined &&
    !query.topics?.length &&
    !query.titleWords?.length &&
    !query.language &&
    !query.branchId &&
    !query.start
  );
}

/** The new question's filters; on a follow-up the previous ones it does not replace. */
function mergeQuery(
  entities: LibraryEntities,
  before: ProgramsQuery | undefined,
  followUp: RoutedDialogOptions['followUp'],
): ProgramsQuery {
  const keep = followUp === 'weak' ? before : undefined;
  const query: ProgramsQuery = {};
  const start = entities.date?.start ?? keep?.start;
  const end = entities.date?.end ?? keep?.end;
  const when = entities.date ? entities.date.text : keep?.when;
  if (start) query.start = start;
  if (end) query.end = end;
  if (start && when) query.when = when;
  const branchId = entities.branch?.branchId ?? (followUp ? before?.branchId : undefined);
  if (branchId) query.branchId = branchId;
  const audience = entities.audience;
  if (audience) {
    query.audience = audience.audience;
    if (audience.age !== undefined) query.age = audience.age;
    if (audience.ages) query.ages = audience.ages;
    if (audience.label) query.who = audience.label;
  } else if (keep?.audience) {
    for (const key of ['audience', 'age', 'ages', 'who'] as const)
      if (keep[key] !== undefined) Object.assign(query, { [key]: keep[key] });
  }
  const topics = entities.topics?.length ? entities.topics : keep?.topics;
  if (topics?.length) query.topics = topics;
  if (!entities.topics?.length && keep?.titleWords?.length) query.titleWords = keep.titleWords;
  if (keep?.language) query.language = keep.language;
  return query;
}
