// What the load benchmarks' patrons say: the same scripts for every bot and every state provider.
import type { Script } from './loadDriver';

export const HOURS_QUESTION = 'when does the Eastside branch close today?';

/** A patron's visit: hours, programs, FAQ, then holds with sign-in, then more questions. */
const VISIT = [
  'when does the Eastside branch close today?',
  'anything for my 5 year old this weekend',
  'how do I renew a book',
  'is my book ready?',
  '21000000000001',
  '2468',
  'what are the hours at oak hill on sunday',
  'is there parking at the main library',
  'book clubs next week',
  'thanks!',
];

/** One question, over and over (the echo bot's comparison). */
export const hoursOnly: Script = () => HOURS_QUESTION;
/** The visit, turn by turn. */
export const mixed: Script = ({ turn }) => VISIT[turn % VISIT.length];
