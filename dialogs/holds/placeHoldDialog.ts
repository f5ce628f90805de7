// "Put Project Hail Mary on hold": search from the recognizer's title/author (or the patron's own
// words), show the best matches, pick a format when there are several, pick up at the home branch
// unless the patron names another, confirm, place. Each refusal gets its own clear message.
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { sendReply } from '../../channels/renderer';
import { chosenOption, understandReply } from '../../recognizers/replies';
import type { ChoiceOption, Reply } from '../../channels/reply';
import {
  HoldLimitReachedError,
  LibrarySystemError,
  NotHoldableError,
  PatronBlockedError,
} from '../../library/librarySystem/errors';
import type { CatalogQuery, CatalogRecord, PickupLocation } from '../../library/librarySystem/librarySystem';
import { searchTokens } from '../../library/librarySystem/catalogSearch';
import { readCorrection } from '../../recognizers/corrections';
import {
  alreadyHeldText,
  formatChoiceReply,
  formatLabel,
  groupWorks,
  matchesReply,
  pickupChoiceReply,
  placedReply,
  refusalText,
  type WorkMatch,
} from './holdsReplies';
import type { RoutedDialogOptions } from '../main/mainDialog';
import { messagesOf, turnLanguage } from '../conversationLanguage';
import type { Messages } from '../../library/language/catalog';
import {
  endRouted,
  ask,
  callLibrary,
  currentSession,
  handledStopOrSignOut,
  sessionLookup,
  holdsTextPrompt,
  stepValues,
  textOf,
  routeAfresh,
  type HoldsDialogDeps,
  outageOfferDialog,
} from './holdsCommon';
import { PATRON_SIGN_IN_DIALOG, PatronSignInDialog, type PatronSignInOptions } from './patronSignInDialog';

export const PLACE_HOLD_DIALOG = 'holds.place';
const STEPS = 'placeHoldSteps';
const MAX_MATCHES = 5;
const MAX_SEARCHES = 3;
/**
 * A Spanish request's own words ("quiero reservar un libro"), taken out before searching; the
 * catalog search drops the English ones itself.
 */
const SPANISH_REQUEST_WORDS =
  /(^|\s)(quiero|quisiera|me gustar[ií]a|puede|pueden|podr[ií]a|reservar|res[eé]rvame|reserve|apartar|ap[aá]rtame|aparte|hacer una reserva( de)?|una reserva( de)?|un libro|el libro|la pel[ií]cula|un audiolibro|por favor|porfa|xfa)(?=\s|$)/gi;
/** A recognizer score this high at a free-text question means a new request, not an answer. */
const CONFIDENT = 0.8;

interface SearchAgainOptions {
  again: true;
  searchTries: number;
  preferredBranchId?: string;
  /** What to search for now ("no wait I meant Artemis"), instead of asking. */
  query?: CatalogQuery;
}

interface PlaceValues {
  query: CatalogQuery;
  again: boolean;
  searchTries: number;
  preferredBranchId: string;
  works: WorkMatch[];
  work: WorkMatch;
  record: CatalogRecord;
  locations: PickupLocation[];
  homeBranchId: string;
  pickupBranchId: string;
  choosingPickup: boolean;
}

function pickupOptions(m: Messages): ChoiceOption[] {
  return [
    { label: m.holds.placeIt, value: 'yes' },
    { label: m.holds.somewhereElse, value: 'somewhere else' },
    { label: m.holds.no, value: 'no' },
  ];
}

export class PlaceHoldDialog extends ComponentDialog {
  constructor(private readonly deps: HoldsDialogDeps) {
    super(PLACE_HOLD_DIALOG);
    this.addDialog(new PatronSignInDialog(deps));
    this.addDialog(outageOfferDialog(deps));
    this.addDialog(holdsTextPrompt(deps.recognizer));
    this.addDialog(
      new WaterfallDialog(STEPS, [
        this.start.bind(this),
        this.askWhatToFind.bind(this),
        this.search.bind(this),
        this.chooseWork.bind(this),
        this.chooseFormat.bind(this),
        this.confirmPickup.bind(this),
        this.place.bind(this),
      ]),
    );
    this.initialDialogId = STEPS;
  }

  private async start(step: WaterfallStepContext) {
    const values = stepValues<PlaceValues>(step);
    const options = step.options as Partial<RoutedDialogOptions & SearchAgainOptions> | undefined;
    values.searchTries = options?.searchTries ?? 0;
    values.again = options?.again === true;
    values.preferredBranchId = options?.preferredBranchId ?? options?.recognition?.entities.branch?.branchId;
    const recognition = options?.recognition;
    if (options?.query) {
      values.query = options.query;
    } else if (recognition?.entities.title || recognition?.entities.author) {
      values.query = { title: recognition.entities.title, author: recognition.entities.author };
    } else if (recognition) {
      // The patron's own words, less the branch they named ("... at Eastside").
      const branchText = recognition.entities.branch?.text;
      const keywords = (
        branchText
          ? recognition.text.replace(new RegExp(escapeRegExp(branchText), 'i'), ' ')
          : recognition.text
      ).replace(SPANISH_REQUEST_WORDS, ' ');
      if (searchTokens(keywords).length > 0) values.query = { keywords };
    }
    const signIn: PatronSignInOptions = { purpose: 'placeHold' };
    return step.beginDialog(PATRON_SIGN_IN_DIALOG, signIn);
  }

  private async askWhatToFind(step: WaterfallStepContext) {
    if (step.result !== true) return endRouted(step);
    const values = stepValues<PlaceValues>(step);
    // A blocked account or one at its hold limit is told now, not after choosing a title, format
    // and branch. The library system still decides when the hold is placed.
    if (!values.again) {
      const refusal = await this.refusalBeforeSearch(step);
      if (refusal === 'ended') return endRouted(step);
      if (refusal) {
        await sendReply(step.context, refusal);
        return endRouted(step);
      }
    }
    if (values.query) return step.next();
    return ask(step, {
      kind: 'text',
      text: values.again
        ? messagesOf(step.context).holds.whatInstead
        : messagesOf(step.context).holds.whatToFind,
    });
  }

  private async search(step: WaterfallStepContext) {
    const values = stepValues<PlaceValues>(step);
    let otherRequest = false;
    if (!values.query) {
      const text = textOf(step);
      if (await handledStopOrSignOut(step.context, text, this.deps)) return endRouted(step);
      const request = this.otherRequest(text);
      if (request === 'certain') {
        routeAfresh(step.context);
        return endRouted(step);
      }
      otherRequest = request === 'likely';
      values.query = { keywords: text };
    }
    const records = await this.searchWays(step, values.query);
    if (!records) return endRouted(step);
    const works = groupWorks(records).slice(0, MAX_MATCHES);
    if (works.length === 0 && otherRequest) {
      // Not in the catalog, and the recognizer is sure it is another question: answer that instead.
      routeAfresh(step.context);
      return endRouted(step);
    }
    if (works.length === 0) {
      const searchTries = (values.searchTries ?? 0) + 1;
      if (searchTries >= MAX_SEARCHES) {
        await sendReply(step.context, this.notFoundText(step));
        return endRouted(step);
      }
      await sendReply(step.context, messagesOf(step.context).holds.notInCatalog);
      return this.searchAgain(step, searchTries);
    }
    values.works = works;
    // "Is it the one?" about a single match is a yes/no question too.
    return ask(step, matchesReply(messagesOf(step.context), works), { acceptYesNo: works.length === 1 });
  }

  private async chooseWork(step: WaterfallStepContext) {
    const values = stepValues<PlaceValues>(step);
    const text = textOf(step);
    if (await handledStopOrSignOut(step.context, text, this.deps)) return endRouted(step);
    const works = values.works ?? [];
    const m = messagesOf(step.context);
    const options = (matchesReply(m, works) as Extract<Reply, { kind: 'choice' }>).options;
    // "no wait I meant Artemis": the words after the correction are the choice, or a new search.
    const said = readCorrection(text)?.said ?? text;
    const read = understandReply(
      said,
      { kind: 'choice', options, alsoYesNo: works.length === 1 && said === text },
      turnLanguage(step.context),
    );
    const index = read?.kind === 'option' ? read.index : read?.kind === 'yes' ? 0 : -1;
    if (index < 0 || index >= works.length) {
      // Neither a choice nor a yes or no: the words are what to look for instead.
      const instead = read === undefined && searchTokens(said).length > 0;
      if (instead) return this.searchAgain(step, (values.searchTries ?? 0) + 1, { keywords: said });
      await sendReply(step.context, m.holds.differentWords);
      return this.searchAgain(step, (values.searchTries ?? 0) + 1);
    }
    const work = works[index];
    values.work = work;
    const held = await this.heldAlready(step, work);
    if (held) return endRouted(step);
    if (work.records.length === 1) return step.next('1');
    return ask(step, formatChoiceReply(m, work));
  }

  private async chooseFormat(step: WaterfallStepContext) {
    const values = stepValues<PlaceValues>(step);
    const text = textOf(step);
    if (await handledStopOrSignOut(step.context, text, this.deps)) return endRouted(step);
    const work = values.work as WorkMatch;
    const m = messagesOf(step.context);
    const options = (formatChoiceReply(m, work) as Extract<Reply, { kind: 'choice' }>).options;
    const correction = readCorrection(text)?.said;
    const chosen = chosenOption(correction ?? text, options, turnLanguage(step.context));
    // "wait no, I meant The Hobbit": another title, searched now.
    if (!chosen && correction && searchTokens(correction).length > 0)
      return this.searchAgain(step, (values.searchTries ?? 0) + 1, { keywords: correction });
    if (!chosen) {
      await sendReply(step.context, m.holds.whichFormatMissed);
      return endRouted(step);
    }
    const record = work.records[options.indexOf(chosen)];
    if (!record.holdable) {
      const reason = record.format === 'ebook' ? 'digital' : 'library-use-only';
      await sendReply(
        step.context,
        refusalText(m, new NotHoldableError(reason), this.deps.wording, record.title),
      );
      return endRouted(step);
    }
    values.record = record;
    const session = await currentSession(step.context, this.deps);
    if (!session) return endRouted(step);
    const locations = await callLibrary(step.context, this.deps, 'listPickupLocations', () =>
      this.deps.librarySystem.listPickupLocations(),
    );
    if (!locations) return endRouted(step);
    const isPickup = (id: string | undefined) => locations.some((l) => l.branchId === id);
    values.locations = locations;
    values.homeBranchId = session.homeBranchId;
    values.pickupBranchId = isPickup(values.preferredBranchId)
      ? values.preferredBranchId
      : isPickup(session.homeBranchId)
        ? session.homeBranchId
        : locations[0].branchId;
    const branch = this.deps.wording.branchName(values.pickupBranchId as string);
    const home = values.pickupBranchId === session.homeBranchId ? m.holds.homeBranchNote : '';
    return ask(
      step,
      {
        kind: 'choice',
        prompt: m.holds.confirmPlace(record.title, formatLabel(m, record.format), branch, home),
        options: pickupOptions(m),
      },
      { acceptBranch: true },
    );
  }

  private async confirmPickup(step: WaterfallStepContext) {
    const values = stepValues<PlaceValues>(step);
    const text = textOf(step);
    if (await handledStopOrSignOut(step.context, text, this.deps)) return endRouted(step);
    // A branch typed here ("oak hill", "no, at main") is where to pick it up: place it there.
    const named = this.pickupNamed(text, values.locations ?? []);
    if (named) {
      values.pickupBranchId = named;
      values.choosingPickup = false;
      return step.next();
    }
    const m = messagesOf(step.context);
    const answer = chosenOption(text, pickupOptions(m), turnLanguage(step.context))?.value;
    if (answer === 'yes') {
      values.choosingPickup = false;
      return step.next();
    }
    if (answer === 'somewhere else') {
      values.choosingPickup = true;
      return ask(step, pickupChoiceReply(m, values.locations ?? [], values.homeBranchId ?? ''), {
        acceptBranch: true,
      });
    }
    await sendReply(step.context, m.holds.notPlaced);
    return endRouted(step);
  }

  private async place(step: WaterfallStepContext) {
    const values = stepValues<PlaceValues>(step);
    const record = values.record as CatalogRecord;
    const m = messagesOf(step.context);
    if (values.choosingPickup) {
      const text = textOf(step);
      if (await handledStopOrSignOut(step.context, text, this.deps)) return endRouted(step);
      const reply = pickupChoiceReply(m, values.locations ?? [], values.homeBranchId ?? '');
      const options = (reply as Extract<Reply, { kind: 'choice' }>).options;
      const chosen = chosenOption(text, options, turnLanguage(step.context));
      const ordered = [
        ...(values.locations ?? []).filter((l) => l.branchId === values.homeBranchId),
        ...(values.locations ?? []).filter((l) => l.branchId !== values.homeBranchId),
      ];
      const picked = chosen ? ordered[options.indexOf(chosen)]?.branchId : this.pickupNamed(text, ordered);
      if (!picked) {
        await sendReply(step.context, m.holds.whichBranchMissed);
        return endRouted(step);
      }
      values.pickupBranchId = picked;
    }
    const lookup = await sessionLookup(step.context, this.deps);
    if (!lookup) return endRouted(step);
    if (lookup.state !== 'signed-in') return this.signInAgain(step, values, lookup.state === 'expired');
    const session = lookup.session;
    const pickupBranchId = values.pickupBranchId as string;
    try {
      const hold = await callLibrary(step.context, this.deps, 'placeHold', () =>
        this.deps.librarySystem.placeHold(session.patronId, { recordId: record.recordId, pickupBranchId }),
      );
      if (!hold) return endRouted(step);
      this.deps.logger?.info({ event: 'hold.placed', patronKey: session.patronKey }, 'hold placed');
      await sendReply(step.context, placedReply(m, hold, this.deps.wording));
    } catch (error) {
      if (!(error instanceof LibrarySystemError)) throw error;
      this.deps.logger?.info(
        { event: 'hold.refused', code: error.code, patronKey: session.patronKey },
        'hold refused',
      );
      await sendReply(step.context, refusalText(m, error, this.deps.wording, record.title));
    }
    return endRouted(step);
  }

  /**
   * Signed out between the question and the answer (idle expiry, or a restart that lost the session):
   * say so and sign in again, then carry on with the same title and pickup branch, never silence.
   */
  private async signInAgain(step: WaterfallStepContext, values: Partial<PlaceValues>, expired: boolean) {
    const title = (values.record as CatalogRecord).title;
    const says = messagesOf(step.context);
    const why = expired ? says.signIn.expired : says.signIn.restarted;
    await sendReply(step.context, says.holds.notPlacedYet(why, title));
    const again: Partial<SearchAgainOptions> = {
      query: { title },
      preferredBranchId: values.pickupBranchId ?? values.preferredBranchId,
    };
    return step.replaceDialog(STEPS, again);
  }

  /** The catalog, searched as asked, then more loosely: the title as an author's name, then as words. */
  private async searchWays(step: WaterfallStepContext, query: CatalogQuery | undefined) {
    const ways: CatalogQuery[] = query ? [query] : [];
    if (query?.title && !query.author) ways.push({ author: query.title });
    if (query?.title || query?.author)
      ways.push({ keywords: [query.title, query.author].filter(Boolean).join(' ') });
    let records: CatalogRecord[] | undefined = [];
    for (const way of ways) {
      records = await callLibrary(step.context, this.deps, 'searchCatalog', () =>
        this.deps.librarySystem.searchCatalog({ ...way, limit: 25 }),
      );
      if (!records || records.length > 0) return records;
    }
    return records;
  }

  /** The patron already has a hold on this work: say where it is now, before any format or branch question. */
  private async heldAlready(step: WaterfallStepContext, work: WorkMatch): Promise<boolean> {
    const session = await currentSession(step.context, this.deps);
    if (!session) return true;
    const holds = await callLibrary(step.context, this.deps, 'listHolds', () =>
      this.deps.librarySystem.listHolds(session.patronId),
    );
    if (!holds) return true;
    const recordIds = new Set(work.records.map((r) => r.recordId));
    const held = holds.find((h) => recordIds.has(h.recordId));
    if (!held) return false;
    await sendReply(step.context, alreadyHeldText(messagesOf(step.context), held, this.deps.wording));
    return true;
  }

  /** A pickup branch named in the patron's words ("riverside pls", "no, at main"), if it is one. */
  private pickupNamed(text: string, locations: readonly PickupLocation[]): string | undefined {
    const branchId = this.deps.recognizer?.recognize(text, new Date()).entities.branch?.branchId;
    return locations.some((l) => l.branchId === branchId) ? branchId : undefined;
  }

  /** Why this patron cannot place a hold at all right now, if so; 'ended' after an outage. */
  private async refusalBeforeSearch(step: WaterfallStepContext): Promise<string | 'ended' | undefined> {
    const session = await currentSession(step.context, this.deps);
    if (!session) return 'ended';
    const account = await callLibrary(step.context, this.deps, 'getPatron', async () => ({
      profile: await this.deps.librarySystem.getPatron(session.patronId),
      holds: await this.deps.librarySystem.listHolds(session.patronId),
    }));
    if (!account) return 'ended';
    const { profile, holds } = account;
    const m = messagesOf(step.context);
    if (profile.blocks.length > 0) {
      const blocked = new PatronBlockedError(profile.blocks.map((b) => b.description));
      return refusalText(m, blocked, this.deps.wording);
    }
    if (holds.length >= profile.holdLimit) {
      return refusalText(m, new HoldLimitReachedError(profile.holdLimit), this.deps.wording);
    }
    return undefined;
  }

  /**
   * Is the answer to "what would you like to put on hold?" really a new request? 'certain' for
   * another holds request, a person or help ("show my holds"); 'likely' for another confident intent,
   * which is still searched first because short titles can look like questions ("Dune").
   */
  private otherRequest(text: string): 'certain' | 'likely' | undefined {
    const recognition = this.deps.recognizer?.recognize(text, new Date());
    if (!recognition || recognition.score < CONFIDENT || recognition.intent === 'None') return undefined;
    if (recognition.intent === 'holds.place') return undefined;
    if (/^(holds\.|human$|help$)/.test(recognition.intent)) return 'certain';
    return 'likely';
  }

  private searchAgain(step: WaterfallStepContext, searchTries: number, query?: CatalogQuery) {
    if (searchTries >= MAX_SEARCHES) {
      return sendReply(step.context, this.notFoundText(step)).then(() => endRouted(step));
    }
    const again: SearchAgainOptions = {
      again: true,
      searchTries,
      preferredBranchId: stepValues<PlaceValues>(step).preferredBranchId,
      ...(query ? { query } : {}),
    };
    return step.replaceDialog(STEPS, again);
  }

  private notFoundText(step: WaterfallStepContext): string {
    const { website, phone } = this.deps.wording.library;
    return messagesOf(step.context).holds.notFound(website, phone);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
