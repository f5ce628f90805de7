// English: the patron page's own texts: title, placeholder, buttons, welcome (server/webChatPage.ts and its script).
// The shape of this section is the type the Spanish one (../es/page.ts) must fill. `{library}`, `{short}`,
// `{minutes}` and `{phone}` are filled in by the page: the texts travel to the browser as JSON, so they are
// strings, not functions.
export const pageEn = {
  /** Web Chat's own locale (its built-in strings and speech); our texts override what it shows. */
  webChatLocale: 'en-US',
  title: 'Chat with {library}',
  intro:
    'Ask about opening hours, programs, your holds, library cards and more. A person can join when you need one.',
  skipLink: 'Skip to the chat',
  chatRegion: 'Chat with {library}',
  clearChat: 'Clear this chat',
  inputLabel: 'Your message to {library}',
  placeholder: 'Type your question',
  send: 'Send',
  pinLabel: 'Your PIN',
  pinSent: 'PIN sent',
  pinFailed: 'Your PIN could not be sent. Please try again.',
  cardLabel: 'Your library card number',
  cardSent: 'Card number sent',
  cardFailed: 'Your card number could not be sent. Please try again.',
  sensitiveHint: 'Hidden as you type, and not shown in the chat afterwards.',
  otherTopic: 'Ask something else instead',
  signedOut: "You're signed out, and this chat was cleared from the screen so the next person can't see it.",
  cleared: 'This chat was cleared from the screen. You can start again below.',
  idle: "This chat was cleared after {minutes} minutes without activity, so the next person can't see it.",
  failed: 'Sorry, the chat could not start. Please reload the page, or call us at {phone}.',
  /** The embed widget's launcher button and panel. */
  launcher: 'Chat with {short}',
  closeChat: 'Close chat',
};

export type PageMessages = typeof pageEn;
