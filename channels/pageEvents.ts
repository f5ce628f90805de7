// Events the library's own web page sends (web/chat.js), beside the patron's messages.

/** "Clear this chat" on a shared computer: end whatever this conversation is signed in to, now. */
export const END_SESSION_EVENT = 'library.endSession';
