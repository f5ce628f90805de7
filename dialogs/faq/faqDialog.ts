// Library FAQs from the configuration. When an entry has per-branch answers and no branch was named,
// it answers for the library and offers the branches ("what about Eastside?" also works afterwards).
import { Dialog, DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { sendReply } from '../../channels/renderer';
import { chosenOption } from '../../recognizers/replies';
import type { ChoiceOption } from '../../channels/reply';
import type { FaqService } from '../../library/faq/faqService';
import { answerReply, branchFactsReply } from './faqWording';
import { messagesOf, turnLanguage, messageLanguage } from '../conversationLanguage';
import type { PatronMessageRecognizer } from '../../recognizers/libraryRecognition';
import type {
  FaqQuery,
  RoutedDialogOptions,
  RoutedDialogResult,
  TopicMemory,
} from '../main/conversationTopic';

export const FAQ_DIALOG = 'faqDialog';

interface FaqDialogState {
  query: FaqQuery;
  options: (ChoiceOption & { branchId: string })[];
}

export class FaqDialog extends Dialog<RoutedDialogOptions> {
  constructor(
    private readonly faq: FaqService,
    private readonly recognizer: PatronMessageRecognizer,
    private readonly now: () => Date = () => new Date(),
  ) {
    super(FAQ_DIALOG);
  }

  override async beginDialog(dc: DialogContext, options?: RoutedDialogOptions): Promise<DialogTurnResult> {
    const recognition = options?.recognition;
    const before = options?.previous?.topic === 'faq' ? options.previous.query : undefined;
    const id =
      (recognition && this.faq.idForIntent(recognition.intent)) ??
      (options?.followUp ? before?.id : undefined);
    if (!id) return dc.endDialog({ kind: 'answered' } satisfies RoutedDialogResult);
    const branchId =
      recognition?.entities.branch?.branchId ?? (options?.followUp ? before?.branchId : undefined);
    const answer = this.faq.answer(id, branchId, turnLanguage(dc.context))!;
    // The branch is remembered only for an entry answered per branch: elsewhere it changed nothing, and a
    // correction naming another branch belongs to an answer it would change.
    const query: FaqQuery = branchId && answer.branchChoices.length ? { id, branchId } : { id };
    const memory: TopicMemory = { topic: 'faq', intent: `faq.${id}`, query };
    // "Where can I park?" without a branch, on an entry answered per branch: every branch's parking.
    const asked = /\b(park(ing)?|estaciona\w*|parqueo|parquear)\b/i.test(recognition?.text ?? '')
      ? 'parking'
      : /\b(bus|buses|transit|autobus(es)?|camion(es)?|transporte)\b/i.test(recognition?.text ?? '')
        ? 'transit'
        : undefined;
    const facts =
      asked && !answer.branchId && answer.branchChoices.length
        ? this.faq.branchFacts(asked, turnLanguage(dc.context))
        : [];
    const m = messagesOf(dc.context);
    await sendReply(dc.context, facts.length ? branchFactsReply(m, asked!, facts) : answerReply(m, answer));
    if (answer.branchId || answer.branchChoices.length === 0 || options?.partOfSeveral) {
      return dc.endDialog({ kind: 'answered', memory } satisfies RoutedDialogResult);
    }
    const choices = answer.branchChoices.map((c) => ({ label: c.name, value: c.name, branchId: c.branchId }));
    const state: FaqDialogState = { query, options: choices };
    Object.assign(dc.activeDialog!.state, state);
    await sendReply(dc.context, {
      kind: 'choice',
      prompt: m.faq.branchDetailsPrompt,
      options: choices.map(({ label, value }) => ({ label, value })),
    });
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as FaqDialogState;
    const text = dc.context.activity.text ?? '';
    const memory: TopicMemory = { topic: 'faq', intent: `faq.${state.query.id}`, query: state.query };
    const branchId =
      this.recognizer.recognize(text, this.now(), messageLanguage(dc.context)).entities.branch?.branchId ??
      chosenOption(text, state.options)?.branchId;
    if (!branchId || !state.options.some((o) => o.branchId === branchId)) {
      return dc.endDialog({ kind: 'unhandled', text, memory } satisfies RoutedDialogResult);
    }
    const answer = this.faq.answer(state.query.id, branchId, turnLanguage(dc.context))!;
    await sendReply(dc.context, answerReply(messagesOf(dc.context), answer));
    const query: FaqQuery = { id: state.query.id, branchId };
    return dc.endDialog({
      kind: 'answered',
      memory: { topic: 'faq', intent: `faq.${query.id}`, query },
    } satisfies RoutedDialogResult);
  }
}

export { answerReply } from './faqWording';
