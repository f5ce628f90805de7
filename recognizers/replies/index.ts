export * from './replies';
export { replyLanguage, type ReplyLanguage } from './words';
