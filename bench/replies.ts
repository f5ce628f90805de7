// Cost of reading a short reply (recognizers/replies): `node dist/bench/replies.js` times building the
// recognizer models on first use, then understandReply on typical answers and on a longer message
// (which the recognizers are not given), and the privacy module's masking of a sentence.
import { percentile } from '../recognizers/evaluation';
import { isShortReply, understandReply, type ReplyQuestion } from '../recognizers/replies';
import { maskSensitiveText } from '../library/privacy';

const branches: ReplyQuestion = {
  kind: 'choice',
  options: ['Main Library', 'Eastside Branch', 'Oak Hill Branch', 'Riverside Branch', 'Bookmobile'].map(
    (label) => ({ label }),
  ),
};
const remember: ReplyQuestion = { kind: 'yes-no', yes: 'Yes, remember', no: 'No thanks' };
const replies: [ReplyQuestion, string][] = [
  [remember, 'yes'],
  [remember, 'Yes, remember'],
  [remember, 'no thanks'],
  [remember, 'no idea'],
  [branches, '2'],
  [branches, 'the second one'],
  [branches, 'last one'],
  [branches, 'eastsde'],
  [branches, 'what time does the eastside branch close today?'],
];

function time(label: string, runs: number, work: () => void): void {
  const wall: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    work();
    wall.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  wall.sort((a, b) => a - b);
  const p50 = percentile(wall, 0.5).toFixed(3);
  const p95 = percentile(wall, 0.95).toFixed(3);
  console.log(`${label.padEnd(58)} p50 ${p50} ms  p95 ${p95} ms`);
}

const t0 = process.hrtime.bigint();
understandReply('the second one', branches);
console.log(
  `first use (builds the English models): ${(Number(process.hrtime.bigint() - t0) / 1e6).toFixed(0)} ms`,
);
for (const [question, text] of replies) {
  for (let i = 0; i < 50; i++) understandReply(text, question);
  time(`understandReply ${JSON.stringify(text)}`, 500, () => understandReply(text, question));
}
time('isShortReply "what time do you close?"', 500, () => isShortReply('what time do you close?'));
const sentence = 'my card is 2100 0000 0000 01 and pin 2468, what is on hold at the eastside branch?';
time('maskSensitiveText (a sentence with a card number and PIN)', 2000, () => maskSensitiveText(sentence));
