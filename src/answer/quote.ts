import { REPLY_OPENING, scoreBlocks, type QuoteRequest } from '../search/index.ts';
import { answersAsk } from '../text/answers.ts';

export interface ChosenQuote {
  quote: string;
  /** What in the quote answers the question ("15/3/2026", "7 giờ sáng"), for emphasis. */
  highlights: string[];
  /** How well the quote's lead answers: question words held (share), plus the answer asked for, plus a heading that asks this question. */
  score: number;
  /** Share of the question's weight the quote holds: its block holding most of it (always quoted), whichever leads. */
  overlap: number;
  /** The whole sentences its lead is cut from, with the citations that close them: what the answer rests on. */
  leadSource: string;
}

// Share of a yes-or-no question's words a section's heading holds for its opening reply to answer that question.
const HEADING_ASKED = 0.5;

/**
 * The sentences of a passage that best answer the question, verbatim, the lead first. The lead is
 * the block that holds the kind of answer asked for (a time, a date, a count, a place, a body, a yes
 * or no) and most of the question's words, or, in a guide section whose heading asks this question,
 * the section's opening (the guide answers first); it is quoted whole and read first, what comes
 * before it in the passage after it. Room left goes to other blocks holding the question's words,
 * then to the lead's neighbours. A question asking two things gets the block answering the second
 * whole too. `inOrder` keeps the passage's order (a clause cited as a basis).
 */
export function chooseQuote(passage: { text: string; section: string | null }, request: QuoteRequest, maxWords: number, inOrder = false): ChosenQuote {
  const { units, blocks, heading } = scoreBlocks(passage, request, maxWords);
  const picked: typeof blocks = [];
  let words = 0;
  // The best block is quoted whole however long: an answer cut short answers nothing. So is the block holding most of the
  // question's words, when a heading or an answer of the kind asked made another lead: it may be what was asked.
  const most = blocks.reduce((best, b) => (b.overlap > best.overlap ? b : best), blocks[0] as (typeof blocks)[number]);
  for (const block of [...blocks].sort((a, b) => b.score - a.score || a.order - b.order)) {
    if (picked.length > 0 && block !== most && (block.overlap === 0 || words + block.words > maxWords)) continue;
    picked.push(block);
    words += block.words;
  }
  // A question asking two things ("lập mấy bản và gửi đi trong bao lâu") is answered in both: the best block answering
  // what the picked ones leave unanswered is quoted whole too.
  for (const ask of request.asks && request.asks.length > 1 ? request.asks : []) {
    if (picked.some((b) => answersAsk(b.text, ask, request.years))) continue;
    const answering = blocks.filter((b) => b.overlap > 0 && answersAsk(b.text, ask, request.years));
    const best = answering.reduce<(typeof blocks)[number] | undefined>((top, b) => (!top || b.score > top.score ? b : top), undefined);
    if (!best) continue;
    picked.push(best);
    words += best.words;
  }
  // Room left goes to the neighbours of what was picked, the next block first: an answer often ends or is explained there.
  for (const offset of [1, -1, 2, -2]) {
    for (const block of [...picked]) {
      const neighbour = blocks[block.order + offset];
      // The answer comes first: a sentence before it that holds none of the question's words is not quoted ahead of it.
      if (!neighbour || picked.includes(neighbour) || words + neighbour.words > maxWords || (offset < 0 && neighbour.overlap === 0)) continue;
      picked.push(neighbour);
      words += neighbour.words;
    }
  }
  const lead = picked[0];
  picked.sort((a, b) => a.order - b.order);
  // Runs of neighbouring blocks, each verbatim. The lead and the run after it are read first (the answer first, on a
  // phone), the blocks before it after them in their order, every gap marked. A clause cited as a basis keeps its order,
  // and so does a section whose opening replies yes or no to its heading: that reply answers the section's question.
  const opensWithReply = picked[0]?.order === 0 && REPLY_OPENING.test(units[0]?.trim() ?? '');
  const at = lead && !inOrder && !opensWithReply ? picked.indexOf(lead) : 0;
  const runs: Array<typeof blocks> = [];
  for (const block of [...picked.slice(at), ...picked.slice(0, at)]) {
    const run = runs.at(-1);
    if (run && run.at(-1)?.order === block.order - 1) run.push(block);
    else runs.push([block]);
  }
  const first = runs[0]?.[0];
  const last = runs.at(-1)?.at(-1);
  const joined = runs.map((run) => run.map((b) => b.text).join(' ')).join(' … ');
  const cut = `${first?.order === 0 ? '' : '… '}${joined}${last?.order === blocks.length - 1 ? '' : ' …'}`;
  // A section opening "Được." or "Có, nếu …" replies to its heading: a reader who did not ask that yes-or-no question (a
  // question of another kind, or another yes-or-no one: its heading holds less than half of it) gets the heading too.
  const asked = request.focus === 'permission' && heading >= HEADING_ASKED;
  const repliesTo = first?.order === 0 && opensWithReply && !asked ? passage.section : null;
  const quote = repliesTo ? `${repliesTo} ${cut}` : cut;
  return { quote, highlights: [...new Set(picked.flatMap((b) => b.answers))], score: lead?.score ?? 0, overlap: most?.overlap ?? 0, leadSource: lead?.source ?? '' };
}
