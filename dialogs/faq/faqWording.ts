// What the FAQ dialog says besides the configured answers: the branch offer, and parking or buses for
// every branch when the patron asked about them without naming one.
import type { Reply } from '../../channels/reply';
import type { FaqAnswer } from '../../library/faq/faqService';

export const BRANCH_DETAILS_PROMPT = 'Want the details for one branch?';

export function answerReply(answer: FaqAnswer): Reply {
  const link = answer.link ? `\nMore: ${answer.link}` : '';
  const reply: Reply = { kind: 'text', text: `${answer.text}${link}` };
  if (answer.smsText) reply.smsText = `${answer.smsText}${link}`;
  return reply;
}

/** "Parking: Main Library: free garage on Water Street. Eastside Branch: ..." */
export function branchFactsReply(
  kind: 'parking' | 'transit',
  facts: { name: string; text: string }[],
): Reply {
  const title = kind === 'parking' ? 'Parking at each branch' : 'Buses to each branch';
  return { kind: 'table', title, rows: facts.map((fact) => ({ label: fact.name, value: fact.text })) };
}
