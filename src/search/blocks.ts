import { answerSentences, countsOf, focusHeld, headingKind, isClauseNumber, statementOf, type AnswerFocus, type AnswerType, type Ask } from '../text/answers.ts';
import { pointsBack } from '../text/anaphora.ts';
import { foldCaseAndSpace, foldDiacritics, sentences, wordCount } from '../text/normalize.ts';
import { extractTerms, passageTerms, wordsAndPairsOnce } from '../text/terms.ts';
import { coverageOf, type QuoteTerms } from './coverage.ts';

/** What a passage's sentences must answer: the question's words, phrases and pairs, weighted by how telling they are, and the kind of answer it asks for. */
export interface QuoteRequest {
  terms: QuoteTerms;
  answerType: AnswerType | null;
  focus: AnswerFocus | null;
  /** For a count, the word it counts ("chi" of "bao nhiêu chỉ tiêu"), without diacritics. */
  counted: string | null;
  /** Every time, date or count the question asks for, in order (see asksOf): each of two or more is answered. */
  asks?: Ask[];
  years: string[];
  /** The corpus's abbreviations, without diacritics, and the words they stand for ("dbqh" → "đại biểu Quốc hội"). */
  abbreviations?: Record<string, string>;
  /** The answers of the labelled questions most like this one, as comparable text, each with its share of their similarity. */
  heard?: Array<{ answer: string; weight: number }>;
}

// Words the first quote of an answer holds: a passage is scored by how it would be quoted.
export const LEAD_QUOTE_WORDS = 60;

/** A run of a passage's sentences that stands alone, scored by how well it answers. */
export interface ScoredBlock {
  /** Its place among the passage's blocks. */
  order: number;
  text: string;
  /** Share of the question's weight it holds. */
  overlap: number;
  /** What in it answers the question ("15/3/2026", "7 giờ sáng"). */
  answers: string[];
  /** Question words held, plus the answer asked for, plus, for the opening, a heading that asks this question. */
  score: number;
  /** Words of its statements, citations in brackets left out. */
  words: number;
  /** The whole sentences it is cut from, with the citations that close them. */
  source: string;
}

// Words that reply yes or no to the question before them.
const REPLIES = 'được|không|có|có thể|chưa|đúng|không được|vẫn được|không nhất thiết|không bắt buộc|yes|no';
// "Được.", "Không.", "Có thể.": a reply that means nothing without the sentence after it.
export const BARE_REPLY = new RegExp(`^(?:${REPLIES})[.!]?$`, 'iu');
// A sentence opening with such a reply ("Có, nếu …", "Không nhất thiết: …") answers the question it follows.
export const REPLY_OPENING = new RegExp(`^(?:${REPLIES})(?:[.!,:;]|$)`, 'iu');
// Inside a sentence, a clause after ";" that names "đó"/"này" ("đó là ngày 25/3/2026") refers to the clause before it.
const REFERS_BACK = /(?<![\p{L}\p{N}])(?:đó|này|ấy)(?![\p{L}\p{N}])/iu;

// A lead-in closed by ":" before the first ";": the sentence lists what the lead-in announces.
const ENUMERATION = /^[^;()]*:\s[^;]*;/u;

/** Units a passage is quoted by: sentences, and the clauses of a sentence too long to quote whole, each with its sentence's place. */
function unitsOf(text: string, maxWords: number): Array<{ text: string; sentence: number; source: string }> {
  const whole = sentences(text).reduce<string[]>((out, sentence) => {
    const previous = out.at(-1);
    // A clause or point number of the law ("2.", "b)") opens what follows it.
    if (previous !== undefined && isClauseNumber(previous)) out[out.length - 1] = `${previous} ${sentence}`;
    else out.push(sentence);
    return out;
  }, []);
  return whole.flatMap((sentence, place) => {
    // The items of a list its sentence introduces ("Có bốn trường hợp: …; …; …") answer together: cut apart, each is a fragment.
    const words = wordCount(sentence);
    if (words <= maxWords || (words <= 2 * maxWords && ENUMERATION.test(sentence))) return [{ text: sentence, sentence: place, source: sentence }];
    const clauses: string[] = [];
    // Cut at ";" outside brackets: a citation "(hướng dẫn …; căn cứ Điều 69 …)" stays whole.
    for (const clause of sentence.split(/(?<=;)\s+(?![^()]*\))/u)) {
      if (clauses.length > 0 && REFERS_BACK.test(clause)) clauses[clauses.length - 1] += ` ${clause}`;
      else clauses.push(clause);
    }
    return clauses.map((clause) => ({ text: clause, sentence: place, source: sentence }));
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
    const joinsPrevious = previous && (BARE_REPLY.test(units[previous.last]?.trim() ?? '') || pointsBack(unit) || fragment);
    if (previous && joinsPrevious) previous.last = i;
    else blocks.push({ first: i, last: i });
  });
  return blocks;
}

/**
 * The abbreviations of the synonym table: a phrase's alternative written as one word in capitals ("ĐBQH" for "đại biểu
 * Quốc hội"), keyed without diacritics.
 */
export function abbreviationsOf(synonyms: Record<string, string[]>): Record<string, string> {
  const known = abbreviationTables.get(synonyms);
  if (known) return known;
  const out: Record<string, string> = {};
  for (const [phrase, alternatives] of Object.entries(synonyms))
    for (const alternative of alternatives) if (/^\p{Lu}{2,}$/u.test(alternative)) out[foldDiacritics(alternative).toLowerCase()] = phrase;
  abbreviationTables.set(synonyms, out);
  return out;
}

// Each index's synonym table is read for its abbreviations once.
const abbreviationTables = new WeakMap<Record<string, string[]>, Record<string, string>>();

// The words and word pairs each abbreviation's phrase stands for, read as a question's are.
const termsOfPhrase = wordsAndPairsOnce((phrase) => extractTerms(phrase));

/** How much of the question a text's statement holds, measured as a passage's coverage is; an abbreviation holds the words it stands for. */
const overlapOf = (text: string, request: Pick<QuoteRequest, 'terms' | 'abbreviations'>) => {
  const { folded, bigrams } = passageTerms(statementOf(text));
  const held = new Set([...folded, ...bigrams]);
  for (const word of folded) {
    const phrase = request.abbreviations?.[word];
    if (phrase) for (const term of termsOfPhrase(phrase)) held.add(term);
  }
  return coverageOf(request.terms, held);
};

// What a block holding every heard answer gains: as much as two answers of the kind asked. Chosen on the six dev sets that
// never vote (dev-5 … dev-10, as written and without diacritics; answers quoted with 0 / 1 / 2 / 3 / 5: 1,266 / 1,293 / 1,302 /
// 1,298 / 1,295 of 1,538).
const HEARD_BLOCK = 2;

// What a count of something other than what was asked earns ("một người" for "mấy lá phiếu"): half an answer. Chosen on
// the dev sets (dev-2 … dev-11 and dev-told, both spellings; answers not quoted with 1 / 0.5 / 0: 630 / 626 / 627 of 4,350).
const OTHER_COUNT = 0.5;

/** The share of the heard answers (see QuoteRequest.heard) a text holds. */
function heardIn(text: string, heard: QuoteRequest['heard']): number {
  if (!heard || heard.length === 0) return 0;
  const comparable = foldCaseAndSpace(text);
  return heard.reduce((sum, a) => sum + (comparable.includes(a.answer) ? a.weight : 0), 0);
}

/**
 * Whether a question asks for a time, a date or a count and its heading for something else: a place, a body, a document,
 * or a time of day against a date or count (a deadline counted in days answers "khi nào" and "mấy ngày" alike). A yes or
 * no question may be answered by any section's opening.
 */
function asksOtherKind(heading: string, request: Pick<QuoteRequest, 'answerType'>): boolean {
  const headed = headingKind(heading);
  if (request.answerType === null || headed === null) return false;
  if (headed !== 'date' && headed !== 'time' && headed !== 'number') return true;
  return (headed === 'time') !== (request.answerType === 'time');
}

/** A passage's blocks as scored for one question. */
export interface ScoredPassage {
  units: string[];
  blocks: ScoredBlock[];
  /** How much of the question the passage's heading holds. */
  heading: number;
}

/**
 * A passage cut into blocks that stand alone, each scored by how well it answers: the share of the question's words it
 * holds, plus 1 when it holds the kind of answer asked for (a time, a date, a count; ½ for a count of something other than
 * what a "how many" question counts), ½ when it names what the question
 * asks about (a place, a body, a yes or no), ½ when its count counts what was asked, for the opening of a guide
 * section whose heading asks this question, the heading's share (the guide answers first), and twice the share of the
 * answers heard from the labelled questions most like this one that it holds (where questions like it were answered).
 */
export function scoreBlocks(passage: { text: string; section: string | null }, request: QuoteRequest, maxWords: number): ScoredPassage {
  const { answerType, focus, counted, years } = request;
  const cut = unitsOf(passage.text, maxWords);
  const units = cut.map((u) => u.text);
  const answering = new Map((answerType ? answerSentences(units, answerType, years) : []).map((a) => [a.index, a.answers]));
  const heading = passage.section ? overlapOf(passage.section, request).coverage : 0;
  // A guide's heading asks a question its opening replies to; a law article's title names a subject its first sentence need not settle.
  // A heading asking another kind of question ("… ở đâu?" for "… từ lúc nào") does not make its opening the answer.
  const headingAsks = passage.section?.trim().endsWith('?') === true && !asksOtherKind(passage.section, request);
  const blocks = blocksOf(units).map((block, order) => {
    const text = units.slice(block.first, block.last + 1).join(' ');
    const overlap = overlapOf(text, request).coverage;
    const indexes = Array.from({ length: block.last - block.first + 1 }, (_, k) => block.first + k);
    const answers = overlap > 0 ? indexes.flatMap((i) => answering.get(i) ?? []) : [];
    const held = overlap > 0 && focus !== null && focusHeld(text, focus);
    // A count of what was asked ("45 chỉ tiêu" for "bao nhiêu chỉ tiêu") answers it more than a count of something else.
    const countsAsked = counted !== null && answers.length > 0 && countsOf(text, answers, counted);
    // The section's opening sentence answers its heading, all of it when it was cut into clauses.
    const opening = cut[block.first]?.sentence === 0 && headingAsks;
    const said = heardIn(text, request.heard);
    // The answer asked for: 1, and ½ more when it counts what was asked; a count of something else, OTHER_COUNT.
    const answered = answers.length === 0 ? 0 : countsAsked ? 1.5 : counted === null ? 1 : OTHER_COUNT;
    const score = overlap + answered + (held ? 0.5 : 0) + (opening ? heading : 0) + HEARD_BLOCK * said;
    // Room is counted in the words of statements: a citation in brackets is read past, not read.
    const source = [...new Set(cut.slice(block.first, block.last + 1).map((u) => u.source))].join(' ');
    return { order, text, overlap, answers, score, words: wordCount(statementOf(text)), source };
  });
  return { units, blocks, heading };
}
