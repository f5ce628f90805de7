// Español: the patron page's own texts: title, placeholder, buttons, welcome (server/webChatPage.ts and its script); la misma forma que ../en/page.ts.
import type { PageMessages } from '../en/page';

export const pageEs: PageMessages = {};
