// "Sign out": ends this conversation's patron session at once.
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { sendReply } from '../../channels/renderer';
import { messagesOf } from '../conversationLanguage';
import { signOutPatron, type HoldsDialogDeps } from './holdsCommon';

export const PATRON_SIGN_OUT_DIALOG = 'patron.signOut';

export class PatronSignOutDialog extends Dialog {
  constructor(private readonly deps: HoldsDialogDeps) {
    super(PATRON_SIGN_OUT_DIALOG);
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    await this.deps.sensitiveInput.clear(dc.context);
    const wasSignedIn = await signOutPatron(dc.context, this.deps);
    const says = messagesOf(dc.context).signIn;
    await sendReply(
      dc.context,
      wasSignedIn ? { kind: 'text', text: says.signedOut, endsSession: true } : says.notSignedIn,
    );
    return dc.endDialog(wasSignedIn);
  }
}
