// English: the patron page's own texts: title, placeholder, buttons, welcome (server/webChatPage.ts and its script).
// The shape of this section is the type the Spanish one (../es/page.ts) must fill.
export const pageEn = {};

export type PageMessages = typeof pageEn;
