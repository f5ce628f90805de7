// Opening hours: open now, a day, a date, a holiday, this week; one branch or all. Asks which branch
// only when the answer would be too long for every branch (a week), and accepts a name or a number.
import { Dialog, DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { DateTime } from 'luxon';
import { sendReply } from '../../channels/renderer';
import { chosenOption } from '../../recognizers/replies';
import type { ChoiceOption, Reply } from '../../channels/reply';
import {
  describeDayHours,
  describeHoursOnly,
  describeStatus,
  dayLabel,
  calendarDateIn,
  relativeDay,
  shortStatus,
  formatTime,
  branchGender,
  branchSubject,
} from '../../library/hours/format';
import type { Messages } from '../../library/language/catalog';
import { capitalized } from '../../library/language/locale';
import { messagesOf, messageLanguage } from '../conversationLanguage';
import { HoursService, plusDays } from '../../library/hours/hoursService';
import type { Branch } from '../../config/libraryConfig';
import type { PatronMessageRecognizer } from '../../recognizers/libraryRecognition';
import { noStopText, rangeTitle, scheduleReply, stopOnDayReply, stopReply } from './hoursWording';
import {
  DAY_SHIFT,
  type HoursQuery,
  type RoutedDialogOptions,
  type RoutedDialogResult,
} from '../main/conversationTopic';

export const HOURS_DIALOG = 'hoursDialog';

/** The longest range shown as one table. */
const maxDays = 7;

interface HoursDialogState {
  query: HoursQuery;
  options: ChoiceOption[];
}

export class HoursDialog extends Dialog<RoutedDialogOptions> {
  constructor(
    private readonly hours: HoursService,
    private readonly recognizer: PatronMessageRecognizer,
  ) {
    super(HOURS_DIALOG);
  }

  override async beginDialog(dc: DialogContext, options?: RoutedDialogOptions): Promise<DialogTurnResult> {
    if (!options?.recognition) return dc.endDialog({ kind: 'answered' } satisfies RoutedDialogResult);
    const query = this.queryFrom(options);
    if (!query.branchId && isRange(query)) {
      const choices = this.hours.branches.map((b) => ({ label: b.name, value: b.name }));
      const state: HoursDialogState = { query, options: choices };
      Object.assign(dc.activeDialog!.state, state);
      await sendReply(dc.context, {
        kind: 'choice',
        prompt: messagesOf(dc.context).hours.whichBranch,
        options: choices,
      });
      return Dialog.EndOfTurn;
    }
    return this.answer(dc, query);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as HoursDialogState;
    const text = dc.context.activity.text ?? '';
    const branchId =
      this.recognizer.recognize(text, this.hours.now().toJSDate(), messageLanguage(dc.context)).entities
        .branch?.branchId ??
      this.hours.branches.find((b) => b.name === chosenOption(text, state.options)?.value)?.id;
    if (!branchId) return dc.endDialog({ kind: 'unhandled', text } satisfies RoutedDialogResult);
    return this.answer(dc, { ...state.query, branchId });
  }

  private async answer(dc: DialogContext, query: HoursQuery): Promise<DialogTurnResult> {
    await sendReply(dc.context, this.replyFor(query, messagesOf(dc.context)));
    const result: RoutedDialogResult = {
      kind: 'answered',
      memory: { topic: 'hours', intent: 'hours', query },
    };
    return dc.endDialog(result);
  }

  /** What was asked, with context from the previous hours question when this is a follow-up. */
  queryFrom(options: RoutedDialogOptions): HoursQuery {
    const { recognition, previous, followUp } = options;
    const before = previous?.topic === 'hours' ? previous.query : undefined;
    const entities = recognition.entities;
    const query: HoursQuery = {};
    const branchId = entities.branch?.branchId ?? (followUp ? before?.branchId : undefined);
    if (branchId) query.branchId = branchId;
    // "when is the book bus at the senior center"; "and on saturday?" keeps the stop.
    const place =
      entities.place?.place ??
      (followUp && !entities.branch && branchId === before?.branchId ? before?.place : undefined);
    if (place) query.place = place;
    const today = this.hours.today();
    // A resolved date wins; a holiday named in the text ("open on thanksgiving?") is the fallback.
    const holiday = entities.date?.holiday
      ? this.hours.holiday(entities.date.holiday)
      : entities.date
        ? undefined
        : this.hours.holiday(recognition.text);
    const shifted = followUp && before?.start && DAY_SHIFT.test(recognition.text) ? before.start : undefined;
    if (shifted) {
      const date = plusDays(shifted, /before/i.test(recognition.text) ? -1 : 1);
      Object.assign(query, { start: date, end: date });
    } else if (holiday) {
      Object.assign(query, { start: holiday.date, end: holiday.date, holiday: holiday.day.name });
    } else if (entities.date?.time && entities.date.start === today) {
      // "open now" / "tonight" (today with a time) is a question about right now: no date.
      query.now = true;
    } else if (
      entities.date &&
      /\bweek\b/i.test(entities.date.text) &&
      entities.date.start === entities.date.end
    ) {
      // "this week" asked on its last day (Sunday) means the days ahead, not one day.
      Object.assign(query, { start: entities.date.start, end: plusDays(entities.date.start, maxDays - 1) });
    } else if (entities.date) {
      Object.assign(query, { start: entities.date.start, end: entities.date.end });
    } else if (/\bweek\b/i.test(recognition.text)) {
      Object.assign(query, { start: today, end: plusDays(today, maxDays - 1) });
    } else if (followUp === 'weak' && before) {
      for (const key of ['start', 'end', 'holiday'] as const) if (before[key]) query[key] = before[key];
    }
    return query;
  }

  replyFor(query: HoursQuery, m: Messages): Reply {
    const today = this.hours.today();
    const branch = query.branchId ? this.hours.branch(query.branchId) : undefined;
    if (branch && query.place) return this.stopAnswer(m, branch, query.place, query.start);
    if (branch?.kind === 'bookmobile' && !query.start && !query.now) return this.schedule(m, branch, today);
    if (branch && query.start && query.end && isRange(query))
      return this.rangeTable(m, branch, query.start, query.end);
    if (query.start && (query.start !== today || query.holiday)) {
      if (branch) return { kind: 'text', text: this.daySentence(m, branch.id, query.start, query.holiday) };
      return this.dayTable(m, query.start, query.holiday);
    }
    if (query.start === today && !branch) return this.todayTable(m, today);
    if (branch) return this.nowSentence(m, branch, today);
    return this.nowTable(m);
  }

  /** One branch over several days ("this week at Oak Hill"). */
  private rangeTable(m: Messages, branch: Branch, start: string, end: string): Reply {
    const days = Math.min(maxDays, daysBetween(start, end) + 1);
    const now = this.hours.now();
    const rows = Array.from({ length: days }, (_, i) => {
      const day = this.hours.day(branch.id, plusDays(start, i));
      return {
        label: capitalized(dayLabel(DateTime.fromISO(day.date), now, m)),
        value: describeDayHours(day, m),
      };
    });
    const last = DateTime.fromISO(plusDays(start, days - 1));
    const covers = rangeTitle(m, DateTime.fromISO(start), last, days, start === this.hours.today(), now);
    return { kind: 'table', title: m.hours.hoursTitle(branch.name, covers), rows };
  }

  /** When a mobile branch is at one stop, or whether it is there on the asked day. */
  private stopAnswer(m: Messages, branch: Branch, place: string, date?: string): Reply {
    const who = branchSubject(branch, m);
    const stops = this.hours.stops(branch.id);
    const today = this.hours.today();
    if (date && date !== today) {
      const day = this.hours.day(branch.id, date);
      return stopOnDayReply(m, who, place, this.dayPhrase(m, date), day.periods, stops);
    }
    return stopReply(m, who, place, stops, this.hours.visits(branch.id, place)[0], this.hours.now());
  }

  /** Every stop of a mobile branch, and where it is now or goes next. */
  private schedule(m: Messages, branch: Branch, today: string): Reply {
    const stops = this.hours.stops(branch.id);
    if (stops.length === 0) return this.nowSentence(m, branch, today);
    const status = describeStatus(branch, this.hours.status(branch.id), m);
    return scheduleReply(m, branchSubject(branch, m), stops, status);
  }

  /** Every branch on one day other than today (or on a named holiday). */
  private dayTable(m: Messages, date: string, holiday?: string): Reply {
    return {
      kind: 'table',
      title: m.hours.dayTitle(this.dayPhrase(m, date, holiday)),
      rows: this.hours.branches.map((b) => {
        const day = this.hours.day(b.id, date);
        // The title names the holiday already; rows repeat only a note of their own.
        const named = holiday || day.note === this.hours.specialDayOn(date)?.name;
        return { label: b.name, value: named ? describeHoursOnly(day, m) : describeDayHours(day, m) };
      }),
    };
  }

  private todayTable(m: Messages, today: string): Reply {
    const special = this.hours.specialDayOn(today)?.name;
    return {
      kind: 'table',
      title: m.hours.todayTitle(m.dates.dayLabel(DateTime.fromISO(today)), special),
      rows: this.hours.branches.map((b) => {
        const day = this.hours.day(b.id, today);
        return {
          label: b.name,
          value: day.note === special ? describeHoursOnly(day, m) : describeDayHours(day, m),
        };
      }),
    };
  }

  /** Open or closed right now at one branch, plus today's hours. */
  private nowSentence(m: Messages, branch: Branch, today: string): Reply {
    const status = this.hours.status(branch.id);
    const todayHours = this.hours.day(branch.id, today);
    const suffix =
      todayHours.closed || todayHours.allDay ? '' : m.hours.todaysHours(describeHoursOnly(todayHours, m));
    return { kind: 'text', text: `${describeStatus(branch, status, m)}${suffix}` };
  }

  private nowTable(m: Messages): Reply {
    const now = this.hours.now();
    const special = this.hours.specialDayOn(this.hours.today())?.name;
    return {
      kind: 'table',
      title: m.hours.nowTitle(m.dates.shortWeekday(now), formatTime(now, m), special),
      rows: this.hours.branches.map((b) => ({
        label: b.name,
        value: shortStatus(b, this.hours.status(b.id), special, m),
      })),
    };
  }

  private dayPhrase(m: Messages, date: string, holiday?: string): string {
    const day = DateTime.fromISO(date, { zone: this.hours.zone });
    const now = this.hours.now();
    const relative = relativeDay(day, now, m);
    const full = calendarDateIn(m, day, now);
    if (holiday) return m.hours.onHoliday(holiday, full);
    const note = this.hours.specialDayOn(date)?.name;
    const near = relative === m.dates.today || relative === m.dates.tomorrow;
    const base = near ? m.hours.relativeWithDate(relative, full) : m.hours.onDate(full);
    return note ? m.hours.withNote(base, note) : base;
  }

  private daySentence(m: Messages, branchId: string, date: string, holiday?: string): string {
    const branch = this.hours.branch(branchId);
    const day = this.hours.day(branchId, date);
    const who = branchSubject(branch, m);
    const when = this.dayPhrase(m, date, holiday);
    const why = !holiday && day.note && !this.hours.specialDayOn(date) ? ` (${day.note})` : '';
    if (day.allDay) return m.hours.open24On(who, when, why);
    if (day.closed)
      return branch.kind === 'bookmobile'
        ? noStopText(m, who, when, why)
        : m.hours.closedOn(who, when, why, branchGender(branch));
    return m.hours.hoursOn(who, when, describeHoursOnly(day, m), why);
  }
}

function isRange(query: HoursQuery): boolean {
  return Boolean(query.start && query.end && query.end > query.start);
}

function daysBetween(start: string, end: string): number {
  return Math.round(DateTime.fromISO(end).diff(DateTime.fromISO(start), 'days').days);
}
