// Program suggestions: filters from the question (or a follow-up question when nothing was said),
// ranked by what was asked, then remembered interests and home branch, three at a time with "more".
// Offers to remember interests only with the patron's consent.
import { Dialog, DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { DateTime } from 'luxon';
import { sendReply } from '../../channels/renderer';
import type { ChoiceOption, ListItem, Reply } from '../../channels/reply';
import { calendarDate, relativeDay } from '../../library/hours/format';
import type { HoursService } from '../../library/hours/hoursService';
import { ProgramsUnavailableError, type ProgramCatalog } from '../../library/programs/catalog';
import { summarizeProgram } from '../../library/programs/format';
import type { Program } from '../../library/programs/program';
import { findPrograms, pageOf, pageSize, type ProgramQuery } from '../../library/programs/search';
import type {
  Audience,
  LibraryEntities,
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

export const PROGRAMS_DIALOG = 'programsDialog';

/** With no dates asked, suggestions cover the coming week. */
const defaultDays = 7;
/** When nothing matches the asked dates, how far after them to look for the next ones. */
const lookAheadDays = 28;
/** Date words worth saying back as they were said. */
const RELATIVE_DATES = /^(today|tonight|tomorrow|this |next |the weekend|weekend|over the weekend)/;

const kindOptions: (ChoiceOption & { audience?: Audience })[] = [
  { label: 'Kids and families', value: 'Kids and families', audience: 'kids' },
  { label: 'Teens', value: 'Teens', audience: 'teens' },
  { label: 'Adults', value: 'Adults', audience: 'adults' },
  { label: 'Seniors', value: 'Seniors', audience: 'seniors' },
  { label: 'Anything', value: 'Anything' },
];

/** The buttons of the offer to remember interests (typed back as answers too). */
const rememberLabels = { yes: 'Yes, remember', no: 'No thanks' };

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
}

export interface ProgramsDialogOptions {
  catalog: ProgramCatalog;
  hours: HoursService;
  recognizer: PatronMessageRecognizer;
  /** Absent: nothing is remembered and nothing is offered. */
  preferences?: PatronPreferencesState;
}

export class ProgramsDialog extends Dialog<RoutedDialogOptions> {
  constructor(private readonly options: ProgramsDialogOptions) {
    super(PROGRAMS_DIALOG);
  }

  override async beginDialog(dc: DialogContext, options?: RoutedDialogOptions): Promise<DialogTurnResult> {
    if (!options?.recognition) return dc.endDialog({ kind: 'answered' } satisfies RoutedDialogResult);
    const before = options.previous?.topic === 'programs' ? options.previous.query : undefined;
    const query = mergeQuery(options.recognition.entities, before, options.followUp);
    const remembered = await this.options.preferences?.for(dc.context).get();
    if (!options.followUp && isOpenQuestion(query) && !remembered) {
      const state: ProgramsDialogState = {
        stage: 'ask-kind',
        query,
        page: 0,
        asked: Boolean(options.askedToRemember),
      };
      Object.assign(dc.activeDialog!.state, state);
      await sendReply(dc.context, {
        kind: 'choice',
        prompt: 'What kind of program are you looking for? You can also say an age, a topic or a branch.',
        smsPrompt: 'What kind of program? You can also say an age, topic or branch.',
        options: kindOptions.map(({ label, value }) => ({ label, value })),
      });
      return Dialog.EndOfTurn;
    }
    return this.show(dc, query, 0, Boolean(options.askedToRemember));
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as ProgramsDialogState;
    const text = dc.context.activity.text ?? '';
    const memory: TopicMemory = { topic: 'programs', intent: 'programs', query: state.query };
    if (state.stage === 'ask-kind') {
      const kind = chosenOption(text, kindOptions);
      if (kind)
        return this.show(
          dc,
          kind.audience ? { ...state.query, audience: kind.audience } : state.query,
          0,
          state.asked,
        );
      const entities = this.options.recognizer.recognize(text, this.options.hours.now().toJSDate()).entities;
      if (hasProgramEntities(entities))
        return this.show(dc, mergeQuery(entities, state.query, 'weak'), 0, state.asked);
      return dc.endDialog({
        kind: 'unhandled',
        text,
        askedToRemember: state.asked,
      } satisfies RoutedDialogResult);
    }
    if (isMoreRequest(text)) {
      if (state.more || !state.offer) return this.show(dc, state.query, state.page + 1, state.asked);
      // Nothing more to show, but the question about remembering is still open: ask it again.
      await sendReply(dc.context, { kind: 'text', text: "That's all I found." });
      await sendReply(dc.context, this.offerReply(state.offer));
      return Dialog.EndOfTurn;
    }
    const answer = state.offer ? yesOrNo(text, rememberLabels) : undefined;
    if (state.offer && answer !== undefined) {
      const preferences = this.options.preferences!.for(dc.context);
      if (answer === 'yes') {
        await preferences.remember(state.offer, true);
        await sendReply(dc.context, {
          kind: 'text',
          text: 'Done: I will use that to suggest programs next time. Say "forget me" at any time and I will delete it.',
          smsText: 'Saved. Text "forget me" at any time to delete it.',
        });
      } else {
        await sendReply(dc.context, { kind: 'text', text: "No problem, I won't remember it." });
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

  private async show(
    dc: DialogContext,
    query: ProgramsQuery,
    page: number,
    asked: boolean,
  ): Promise<DialogTurnResult> {
    const now = this.options.hours.now();
    const preferences = this.options.preferences?.for(dc.context);
    const remembered = await preferences?.get();
    const search = this.searchFor(query, now);
    const found = await this.programsBetween(dc, search.from, search.to);
    if (!found) return dc.endDialog({ kind: 'answered' } satisfies RoutedDialogResult);
    const programs = findPrograms(found, search, remembered);
    const memory: TopicMemory = { topic: 'programs', intent: 'programs', query };
    const answered = (askedToRemember = asked) =>
      dc.endDialog({ kind: 'answered', memory, askedToRemember } satisfies RoutedDialogResult);
    if (programs.length === 0) {
      const later = page === 0 ? this.laterQuery(query, search) : undefined;
      const none = `I couldn't find any programs ${this.describe(query, now)}.`;
      if (later && (await this.hasPrograms(later, remembered))) {
        // Honest about the asked range, then the next matching programs rather than a dead end.
        await sendReply(dc.context, { kind: 'text', text: `${none} The next ones are:` });
        return this.show(dc, later, 0, asked);
      }
      await sendReply(dc.context, {
        kind: 'text',
        text: `${none} Try another day or topic, or ask "what's on this week".`,
      });
      return answered();
    }
    const { items, more } = pageOf(programs, page);
    if (items.length === 0) {
      await sendReply(dc.context, {
        kind: 'text',
        text: "That's all I found. Ask about another day or topic.",
      });
      return answered();
    }
    await sendReply(dc.context, this.listReply(query, page, items, programs.length, more, now));
    const state: ProgramsDialogState = { stage: 'results', query, page, asked, more };
    if (page === 0 && !remembered && !asked && preferences?.mayOffer) await this.offerToRemember(dc, state);
    if (!more && !state.offer) return answered(state.asked);
    Object.assign(dc.activeDialog!.state, state);
    return Dialog.EndOfTurn;
  }

  /** The programs in a range, or undefined after telling the patron the calendar can't be reached. */
  private async programsBetween(
    dc: DialogContext,
    from: DateTime,
    to: DateTime,
  ): Promise<Program[] | undefined> {
    try {
      return await this.options.catalog.between(from, to);
    } catch (error) {
      if (!(error instanceof ProgramsUnavailableError)) throw error;
      await sendReply(dc.context, {
        kind: 'text',
        text: "Sorry, I can't reach our events calendar right now. Please try again a little later, or ask for a person.",
      });
      return undefined;
    }
  }

  private listReply(
    query: ProgramsQuery,
    page: number,
    items: Program[],
    total: number,
    more: boolean,
    now: DateTime,
  ): Reply {
    const first = page * pageSize + 1;
    const description = this.describe(query, now);
    const range = items.length > 1 ? `${first}-${first + items.length - 1}` : `${first}`;
    return {
      kind: 'list',
      first,
      // A count only when there is more than one page: "(1-1 of 1)" says nothing.
      title: total > pageSize ? `Programs ${description} (${range} of ${total})` : `Programs ${description}`,
      items: items.map((program) => this.listItem(program, now)),
      ...(more ? { more: { label: 'More', value: MORE_VALUE } } : {}),
    };
  }

  /** Once per conversation, with consent: remember the topics and branch asked about. */
  private async offerToRemember(dc: DialogContext, state: ProgramsDialogState): Promise<void> {
    // Topics and a branch rank later suggestions; an audience or age is asked afresh each time.
    const interests = [...(state.query.topics ?? [])];
    if (interests.length === 0 && !state.query.branchId) return;
    state.asked = true;
    state.offer = { interests, ...(state.query.branchId ? { homeBranchId: state.query.branchId } : {}) };
    await sendReply(dc.context, this.offerReply(state.offer));
  }

  private offerReply(offer: NonNullable<ProgramsDialogState['offer']>): Reply {
    const facts: string[] = [];
    if (offer.interests.length) facts.push(`you're interested in ${offer.interests.join(' and ')}`);
    if (offer.homeBranchId)
      facts.push(`your home branch is ${this.options.hours.branch(offer.homeBranchId).name}`);
    const what = facts.join(' and that ');
    return {
      kind: 'confirm',
      prompt: `Would you like me to remember that ${what}, to suggest programs next time? Only with your OK, and "forget me" deletes it.`,
      ...rememberLabels,
    };
  }

  /** The same filters over the weeks after the asked range (or after the coming week). */
  private laterQuery(query: ProgramsQuery, search: ProgramQuery): ProgramsQuery {
    const start = search.to.toISODate()!;
    const end = search.to.plus({ days: lookAheadDays - 1 }).toISODate()!;
    const { when: _said, ...filters } = query;
    return { ...filters, start, end };
  }

  private async hasPrograms(
    query: ProgramsQuery,
    remembered: Parameters<typeof findPrograms>[2],
  ): Promise<boolean> {
    const search = this.searchFor(query, this.options.hours.now());
    try {
      return (
        findPrograms(await this.options.catalog.between(search.from, search.to), search, remembered).length >
        0
      );
    } catch (error) {
      if (error instanceof ProgramsUnavailableError) return false;
      throw error;
    }
  }

  private searchFor(query: ProgramsQuery, now: DateTime): ProgramQuery {
    const zone = this.options.hours.zone;
    const start = query.start ? DateTime.fromISO(query.start, { zone }) : now;
    const end = query.end
      ? DateTime.fromISO(query.end, { zone }).plus({ days: 1 })
      : now.startOf('day').plus({ days: defaultDays });
    const search: ProgramQuery = { from: start > now ? start : now, to: end };
    if (query.branchId) search.branchId = query.branchId;
    if (query.audience) search.audience = query.audience;
    if (query.age !== undefined) search.age = query.age;
    if (query.topics?.length) search.topics = query.topics;
    return search;
  }

  private listItem(program: Parameters<typeof summarizeProgram>[0], now: DateTime): ListItem {
    const summary = summarizeProgram(program, now, this.options.hours.branches);
    const item: ListItem = {
      title: summary.title,
      lines: [summary.when, summary.place, ...(summary.audience ? [summary.audience] : [])],
      description: summary.description,
    };
    if (summary.registrationUrl)
      item.link = { label: 'Details and registration', url: summary.registrationUrl };
    return item;
  }

  /** "for kids about storytime at Main Library this week". */
  private describe(query: ProgramsQuery, now: DateTime): string {
    const parts: string[] = [];
    if (query.age !== undefined)
      parts.push(`for ${/^(8\d?|11|18)$/.test(String(query.age)) ? 'an' : 'a'} ${query.age}-year-old`);
    else if (query.audience) parts.push(`for ${query.audience}`);
    if (query.topics?.length) parts.push(`about ${query.topics.join(' and ')}`);
    if (query.branchId) parts.push(`at ${this.options.hours.branch(query.branchId).name}`);
    const zone = this.options.hours.zone;
    const said = query.when?.trim().toLowerCase();
    if (said && RELATIVE_DATES.test(said)) {
      // Say the range back as the patron put it: "this weekend" on a Sunday is still "this weekend".
      parts.push(said);
    } else if (query.start && query.end && query.end !== query.start) {
      const start = DateTime.fromISO(query.start, { zone });
      const end = DateTime.fromISO(query.end, { zone });
      parts.push(`${calendarDate(start, now, 'ccc, LLL d')} to ${calendarDate(end, now, 'ccc, LLL d')}`);
    } else if (query.start) {
      const day = DateTime.fromISO(query.start, { zone });
      const relative = relativeDay(day, now);
      parts.push(relative === 'today' || relative === 'tomorrow' ? relative : `on ${calendarDate(day, now)}`);
    } else {
      parts.push('in the next 7 days');
    }
    return parts.join(' ');
  }
}

function hasProgramEntities(entities: LibraryEntities): boolean {
  return Boolean(entities.audience || entities.topics?.length || entities.branch || entities.date);
}

function isOpenQuestion(query: ProgramsQuery): boolean {
  return (
    !query.audience && query.age === undefined && !query.topics?.length && !query.branchId && !query.start
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
  if (entities.audience) {
    query.audience = entities.audience.audience;
    if (entities.audience.age !== undefined) query.age = entities.audience.age;
  } else if (keep?.audience) {
    query.audience = keep.audience;
    if (keep.age !== undefined) query.age = keep.age;
  }
  const topics = entities.topics?.length ? entities.topics : keep?.topics;
  if (topics?.length) query.topics = topics;
  return query;
}
