// "Renew my books", "renew Project Hail Mary", "renew all": signs the patron in if needed, finds the
// item by its title among the patron's own checkouts (or asks which), renews, and says each result
// plainly: renewed until when, or why not and what to do. Renewing changes nothing the patron could
// lose, so there is no "are you sure?".
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { sendReply } from '../../channels/renderer';
import type { Reply } from '../../channels/reply';
import { LibrarySystemError } from '../../library/librarySystem/errors';
import type { Checkout, PatronBlock, RenewResult } from '../../library/librarySystem/librarySystem';
import type { PatronSession } from '../../library/patronSessions/patronSessions';
import { chosenOption } from '../../recognizers/replies';
import type { RoutedDialogOptions } from '../main/mainDialog';
import { messagesOf, turnLanguage } from '../conversationLanguage';
import {
  ask,
  callLibrary,
  currentSession,
  endRouted,
  handledStopOrSignOut,
  holdsTextPrompt,
  outageOfferDialog,
  stepValues,
  textOf,
} from '../holds/holdsCommon';
import { refusalText } from '../holds/holdsReplies';
import { namedItems } from '../holds/namedItem';
import { PatronSignInDialog } from '../holds/patronSignInDialog';
import { featuresOf, signInFor, type AccountDialogDeps } from './accountCommon';
import { inDueOrder, notSupportedText, renewChoiceReply, renewResultsReplies } from './accountReplies';

export const RENEW_DIALOG = 'account.renew';
const STEPS = 'renewSteps';

/** The request's own words, taken out before looking for a title in the message. */
const REQUEST_WORDS =
  /\b(renew(al|ing|ed)?|renw|renu|rnw|rnew|renwe|extend|all|every(thing|one)?|them|em|items?|stuff|dvds?|checkouts?|loans?|bks?|pls|plz|thx|thanks|now|again|need|like|try|go ahead|overdue|due|soon|today|tomorrow|could|would|u|renovar|renueve|renuevame|renovacion|quiero|puede|mis|todos?|todas?|libros?|pr[eé]stamos?|por favor|porfa|ahora|vencidos?)\b/gi;
/** "renew my books", "renew everything", "renew them": every item, not one. */
const EVERY_ITEM =
  /\b(all|every(thing|one)?|them|em|books|items|stuff|dvds|checkouts|loans|bks|whatever|what you can|todos?|todas?|libros|pr[eé]stamos)\b/i;

/** "renew one of my books", "renew a book": one item, so ask which. */
const ONE_ITEM =
  /\b(one|a single|an?|uno|una|un)\s+(of|books?|items?|dvds?|titles?|things?|de|libro|t[ií]tulo|pr[eé]stamo)\b/i;

type Target = { kind: 'all' } | { kind: 'one'; itemId: string };

interface RenewValues {
  /** The patron's words, to find a title in. */
  hint: string;
  checkouts: Checkout[];
  target: Target;
}

export class RenewDialog extends ComponentDialog {
  constructor(private readonly deps: AccountDialogDeps) {
    super(RENEW_DIALOG);
    this.addDialog(new PatronSignInDialog(deps));
    this.addDialog(outageOfferDialog(deps));
    this.addDialog(holdsTextPrompt());
    this.addDialog(
      new WaterfallDialog(STEPS, [this.start.bind(this), this.choose.bind(this), this.renew.bind(this)]),
    );
    this.initialDialogId = STEPS;
  }

  private async start(step: WaterfallStepContext) {
    if (!featuresOf(this.deps).renew) {
      await sendReply(step.context, notSupportedText(messagesOf(step.context), 'renew', this.deps.wording));
      return endRouted(step);
    }
    const recognition = (step.options as Partial<RoutedDialogOptions> | undefined)?.recognition;
    stepValues<RenewValues>(step).hint = recognition?.text ?? '';
    return signInFor(step, 'renew');
  }

  private async choose(step: WaterfallStepContext) {
    if (step.result !== true) return endRouted(step);
    const values = stepValues<RenewValues>(step);
    const session = await currentSession(step.context, this.deps);
    if (!session) return endRouted(step);
    const checkouts = await callLibrary(step.context, this.deps, 'listCheckouts', () =>
      this.deps.librarySystem.listCheckouts(session.patronId),
    );
    if (!checkouts) return endRouted(step);
    if (checkouts.length === 0) {
      await sendReply(step.context, messagesOf(step.context).account.nothingToRenew);
      return endRouted(step);
    }
    values.checkouts = inDueOrder(checkouts);
    const hint = values.hint ?? '';
    const named = namedItems(values.checkouts, hint, REQUEST_WORDS);
    if (named.length === 1) values.target = { kind: 'one', itemId: named[0].itemId };
    else if (named.length === 0 && EVERY_ITEM.test(hint) && !ONE_ITEM.test(hint))
      values.target = { kind: 'all' };
    else if (values.checkouts.length === 1)
      values.target = { kind: 'one', itemId: values.checkouts[0].itemId };
    if (values.target) return step.next();
    return ask(step, renewChoiceReply(messagesOf(step.context), values.checkouts));
  }

  private async renew(step: WaterfallStepContext) {
    const values = stepValues<RenewValues>(step);
    const checkouts = values.checkouts ?? [];
    if (!values.target) {
      const text = textOf(step);
      if (await handledStopOrSignOut(step.context, text, this.deps)) return endRouted(step);
      const m = messagesOf(step.context);
      const options = (renewChoiceReply(m, checkouts) as Extract<Reply, { kind: 'choice' }>).options;
      const chosen = chosenOption(text, options, turnLanguage(step.context));
      const index = chosen ? options.indexOf(chosen) : -1;
      // The option right after the items is "All of them".
      if (index === checkouts.length) values.target = { kind: 'all' };
      else if (index >= 0 && index < checkouts.length)
        values.target = { kind: 'one', itemId: checkouts[index].itemId };
      else {
        await sendReply(step.context, m.account.renewedNothing);
        return endRouted(step);
      }
    }
    const session = await currentSession(step.context, this.deps);
    if (!session) return endRouted(step);
    await this.renewAndSay(step, session, values.target, checkouts);
    return endRouted(step);
  }

  private async renewAndSay(
    step: WaterfallStepContext,
    session: PatronSession,
    target: Target,
    checkouts: Checkout[],
  ): Promise<void> {
    const { librarySystem } = this.deps;
    const item = target.kind === 'one' ? checkouts.find((c) => c.itemId === target.itemId) : undefined;
    let results: RenewResult[] | undefined;
    try {
      results = await callLibrary(
        step.context,
        this.deps,
        target.kind === 'all' ? 'renewAll' : 'renew',
        async () =>
          target.kind === 'all'
            ? librarySystem.renewAll(session.patronId)
            : [await librarySystem.renew(session.patronId, target.itemId)],
      );
    } catch (error) {
      if (!(error instanceof LibrarySystemError)) throw error;
      await sendReply(
        step.context,
        refusalText(messagesOf(step.context), error, this.deps.wording, item?.title),
      );
      return;
    }
    if (!results) return;
    const renewed = results.filter((r) => r.outcome.renewed).length;
    this.deps.logger?.info(
      { event: 'account.renewed', renewed, refused: results.length - renewed, patronKey: session.patronKey },
      'renewal tried',
    );
    const blocks = await this.blocksIfRefused(step, session, results);
    if (!blocks) return;
    const dueDates = new Map(checkouts.map((c) => [c.itemId, c.dueDate]));
    const m = messagesOf(step.context);
    for (const reply of renewResultsReplies(m, results, dueDates, this.deps.wording, blocks))
      await sendReply(step.context, reply);
  }

  /** Why the account is blocked, when a renewal was refused for that (to say it in words). */
  private async blocksIfRefused(
    step: WaterfallStepContext,
    session: PatronSession,
    results: RenewResult[],
  ): Promise<PatronBlock[] | undefined> {
    const blocked = results.some((r) => !r.outcome.renewed && r.outcome.reason === 'patron-blocked');
    if (!blocked) return [];
    const profile = await callLibrary(step.context, this.deps, 'getPatron', () =>
      this.deps.librarySystem.getPatron(session.patronId),
    );
    return profile?.blocks;
  }
}
