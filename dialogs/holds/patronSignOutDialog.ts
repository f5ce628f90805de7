// "Sign out": ends this conversation's patron session at once.
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { sendReply } from '../../channels/renderer';
import { conversationKey } from '../turnState';
import { signInText } from './holdsReplies';
import type { HoldsDialogDeps } from './holdsCommon';

export const PATRON_SIGN_OUT_DIALOG = 'patron.signOut';

export class PatronSignOutDialog extends Dialog {
  constructor(private readonly deps: HoldsDialogDeps) {
    super(PATRON_SIGN_OUT_DIALOG);
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const key = conversationKey(dc.context.activity);
    this.deps.sensitiveInput.clear(key);
    const wasSignedIn = this.deps.sessions.signOut(key);
    await sendReply(
      dc.context,
      wasSignedIn ? { kind: 'text', text: signInText.signedOut, endsSession: true } : signInText.notSignedIn,
    );
    return dc.endDialog(wasSignedIn);
  }
}
