import { answerSentences, countsOf, focusHeld, isClauseNumber, statementOf, type AnswerFocus, type AnswerType } from '../text/answers.ts';
import { coverageOf, type QuoteTerms } from '../search/index.ts';
import { sentences, wordCount } from '../text/normalize.ts';
import { extractTerms } from '../text/terms.ts';

/** What a quote must answer: the question's words, phrases and pairs, weighted by how telling they are, and the kind of answer it asks for. */
export interface QuoteRequest {
  terms: QuoteTerms;
  answerType: AnswerType | null;
  focus: AnswerFocus | null;
  /** For a count, the word it counts ("chi" of "bao nhiêu chỉ tiêu"), without diacritics. */
  counted: string | null;
  years: string[];
}

export interface ChosenQuote {
  quote: string;
  /** What in the quote answers the question ("15/3/2026", "7 giờ sáng"), for emphasis. */
  highlights: string[];
  /** How well the quote's lead answers: question words held (share), plus the answer asked for, plus a heading that asks this question. */
  score: number;
  /** Share of the question's weight the quote holds. */
  overlap: number;
}

// "Được.", "Không.", "Có thể.": a reply that means nothing without the sentence after it.
const BARE_REPLY = /^(?:được|không|có|có thể|chưa|đúng|không được|vẫn được|yes|no)[.!]?$/iu;
// A sentence or clause opening with a word that points back ("Khi đó", "Ngược lại") means nothing without the one before.
const POINTS_BACK = /^(?:khi đó|khi ấy|đó|điều đó|điều này|việc này|việc đó|như vậy|ngược lại|trường hợp này|trường hợp đó|nếu vậy|vì vậy|do đó|người đó|họ)(?![\p{L}\p{N}])/iu;
// Inside a sentence, a clause after ";" that names "đó"/"này" ("đó là ngày 25/3/2026") refers to the clause before it.
const REFERS_BACK = /(?<![\p{L}\p{N}])(?:đó|này|ấy)(?![\p{L}\p{N}])/iu;


/** Units a passage is quoted by: sentences, and the clauses of a sentence too long to quote whole. */
function unitsOf(text: string, maxWords: number): string[] {
  const whole = sentences(text).reduce<string[]>((out, sentence) => {
    const previous = out.at(-1);
    // A clause or point number of the law ("2.", "b)") opens what follows it.
    if (previous !== undefined && isClauseNumber(previous)) out[out.length - 1] = `${previous} ${sentence}`;
    else out.push(sentence);
    return out;
  }, []);
  return whole.flatMap((sentence) => {
    if (wordCount(sentence) <= maxWords) return [sentence];
    const clauses: string[] = [];
    // Cut at ";" outside brackets: a citation "(hướng dẫn …; căn cứ Điều 69 …)" stays whole.
    for (const clause of sentence.split(/(?<=;)\s+(?![^()]*\))/u)) {
      if (clauses.length > 0 && REFERS_BACK.test(clause)) clauses[clauses.length - 1] += ` ${clause}`;
      else clauses.push(clause);
    }
    return clauses;
  });
}

// Fewer words than this make no statement of their own.
const FRAGMENT_WORDS = 4;

/** Units joined into blocks that stand alone: a bare reply takes the sentence after it, a sentence pointing back or a fragment the one before. */
function blocksOf(units: string[]): Array<{ first: number; last: number }> {
  const blocks: Array<{ first: number; last: number }> = [];
  units.forEach((unit, i) => {
    const previous = blocks.at(-1);
    // A fragment too short to say anything by itself ("với viên chức.") is quoted with the words it ends.
    const fragment = !BARE_REPLY.test(unit.trim()) && wordCount(statementOf(unit)) < FRAGMENT_WORDS;
    const joinsPrevious = previous && (BARE_REPLY.test(units[previous.last]?.trim() ?? '') || POINTS_BACK.test(unit) || fragment);
    if (previous && joinsPrevious) previous.last = i;
    else blocks.push({ first: i, last: i });
  });
  return blocks;
}

/** How much of the question a text's statement holds, measured as a passage's coverage is. */
const overlapOf = (text: string, terms: QuoteTerms) => {
  const { folded, bigrams } = extractTerms(statementOf(text));
  return coverageOf(terms, new Set([...folded, ...bigrams])).coverage;
};

/**
 * The sentences of a passage that best answer the question, verbatim and in their order. The lead is
 * the block that holds the kind of answer asked for (a time, a date, a count, a place, a body, a yes
 * or no) and most of the question's words, or, in a guide section whose heading asks this question,
 * the section's opening (the guide answers first); it is quoted whole. Room left goes to other
 * blocks holding the question's words, then to the lead's neighbours.
 */
export function chooseQuote(passage: { text: string; section: string | null }, request: QuoteRequest, maxWords: number): ChosenQuote {
  const { terms, answerType, focus, counted, years } = request;
  const units = unitsOf(passage.text, maxWords);
  const answering = new Map((answerType ? answerSentences(units, answerType, years) : []).map((a) => [a.index, a.answers]));
  const heading = passage.section ? overlapOf(passage.section, terms) : 0;
  const blocks = blocksOf(units).map((block, order) => {
    const text = units.slice(block.first, block.last + 1).join(' ');
    const overlap = overlapOf(text, terms);
    const indexes = Array.from({ length: block.last - block.first + 1 }, (_, k) => block.first + k);
    const answers = overlap > 0 ? indexes.flatMap((i) => answering.get(i) ?? []) : [];
    const held = overlap > 0 && focus !== null && focusHeld(text, focus);
    // A count of what was asked ("45 chỉ tiêu" for "bao nhiêu chỉ tiêu") answers it more than a count of something else.
    const countsAsked = counted !== null && answers.length > 0 && countsOf(text, answers, counted);
    const score = overlap + (answers.length > 0 ? 1 : 0) + (held ? 0.5 : 0) + (countsAsked ? 0.5 : 0) + (order === 0 ? heading : 0);
    // Room is counted in the words of statements: a citation in brackets is read past, not read.
    return { ...block, order, text, overlap, answers, score, words: wordCount(statementOf(text)) };
  });
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
  // Room left goes to the neighbours of what was picked, the next block first: an answer often ends or is explained there.
  for (const offset of [1, -1, 2, -2]) {
    for (const block of [...picked]) {
      const neighbour = blocks[block.order + offset];
      if (!neighbour || picked.includes(neighbour) || words + neighbour.words > maxWords) continue;
      picked.push(neighbour);
      words += neighbour.words;
    }
  }
  const lead = picked[0];
  picked.sort((a, b) => a.order - b.order);
  const joined = picked.map((b, k) => (k > 0 && picked[k - 1]?.order !== b.order - 1 ? `… ${b.text}` : b.text)).join(' ');
  const cut = picked.length < blocks.length ? `${picked[0]?.order === 0 ? '' : '… '}${joined}${picked.at(-1)?.order === blocks.length - 1 ? '' : ' …'}` : joined;
  // A section opening "Được." replies to its heading: a question that did not ask yes or no gets the heading it replies to.
  const repliesTo = picked[0]?.order === 0 && BARE_REPLY.test(units[0]?.trim() ?? '') && focus !== 'permission' ? passage.section : null;
  const quote = repliesTo ? `${repliesTo} ${cut}` : cut;
  return { quote, highlights: [...new Set(picked.flatMap((b) => b.answers))], score: lead?.score ?? 0, overlap: lead?.overlap ?? 0 };
}
