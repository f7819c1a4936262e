import { readFileSync } from 'node:fs';
import type { Resolution } from './resolve.ts';

/** What retrieval found for one reading of a message. */
export interface ReadingEvidence {
  resolution: Resolution;
  answered: boolean;
  /** Declined as another topic (out of scope, another law, another subject) or as asking what no law states (an opinion). */
  otherTopic: boolean;
  /** Share of the reading's weighted words the corpus holds. */
  coverage: number;
  /** The decision's probability that the leading passages answer it. */
  probability: number;
  /** Its leading passage is in a document the last answer cited: it stays on the conversation's topic. */
  continues: boolean;
  /** Share of the message's own weighted words the document of its leading passage holds. */
  ownWords: number;
}

// Share of a message's weighted words the corpus must hold for the message to lean on the last topic.
export const OWN_WORDS = 0.5;
export const READING_CHOICE_FILE = new URL('./data/reading-choice.json', import.meta.url);

/** The two thresholds of the choice, as `npm run fit` chose them on the dev dialogues. */
export interface ReadingChoice {
  /** How sure the decision must be of a fragment read as it stands to keep that reading without weighing the others. */
  standsAlone: number;
  /**
   * A full question leaning on nothing that finds no answer as it stands may borrow the last topic when the answer so
   * found stays in the documents the last answer cited and its document holds this share of the message's own words.
   */
  borrowsAt: number;
}

const shipped = JSON.parse(readFileSync(READING_CHOICE_FILE, 'utf8')) as ReadingChoice;
export const READING_CHOICE: ReadingChoice = { standsAlone: shipped.standsAlone, borrowsAt: shipped.borrowsAt };

/** The readings of a message, most likely first: the resolution and the others it carries. */
export function readingsOf(resolution: Resolution): Resolution[] {
  const readings: Resolution[] = [];
  for (let r: Resolution | undefined = resolution; r; r = r.otherwise) readings.push(r);
  return readings;
}

/** A full question about another topic (declined as such, or leaning on nothing with under half its words in the corpus). */
const anotherTopic = (first: ReadingEvidence) =>
  first.resolution.kind === 'fresh' && (first.otherTopic || (first.resolution.full === true && !first.resolution.leaning && first.coverage < OWN_WORDS));

/**
 * A fragment (a question with no topic of its own, "bầu được những cấp nào") that retrieval answers only weakly as it stands
 * may lean on the last topic as well: weighed like one that leans.
 */
const weighsOthers = (first: ReadingEvidence, standsAlone: number) =>
  !first.resolution.full && first.resolution.otherwise !== undefined && !(first.answered && first.probability >= standsAlone);

/** Whether what retrieval found for a message's first reading settles the choice: the others need not be retrieved. */
export function settledBy(first: ReadingEvidence, choice: ReadingChoice = READING_CHOICE): boolean {
  return anotherTopic(first) || (first.answered && !first.resolution.leaning && !weighsOthers(first, choice.standsAlone));
}

/**
 * Which reading of a message to answer, from what retrieval found for each. A message that leans on
 * the last turn, or a fragment answered as it stands less surely than `standsAlone`, takes the reading that
 * stays on its topic (unless it is a full question), then the one most likely answered (a fragment its first reading
 * answers weakly: that reading, or one that stays on the topic); any other, the first that finds an answer.
 * When none does, the message as it stands. A full question about another topic (declined as such,
 * or, unless it leans on the last turn, with less than half its words in the corpus) is always read as
 * it stands: it never borrows the last topic to get an answer. A full question borrows only an answer that stays in the
 * last answer's documents; leaning on nothing, only one that also speaks of it (`borrowsAt`): Vietnamese drops the
 * subject it shares with the last question ("phải mời mấy người chứng kiến?" after one on the count).
 */
export function chooseReading(evidence: ReadingEvidence[], choice: ReadingChoice = READING_CHOICE): number {
  const [first] = evidence;
  if (!first) return 0;
  const { resolution } = first;
  if (anotherTopic(first)) return 0;
  // A full question that leans ("thế thủ tục đăng ký tạm trú online làm sao?") borrows only an answer that stays in the last
  // answer's documents: the lean is evidence enough of which topic, not that it is the last one.
  const borrows = (e: ReadingEvidence) =>
    !resolution.full || e.resolution.kind === 'fresh' || (e.continues && (resolution.leaning === true || e.ownWords >= choice.borrowsAt));
  const weighed = weighsOthers(first, choice.standsAlone);
  // A fragment answered weakly by its first reading, and weighed against the others, takes another only to stay on the last
  // topic: a reading that leaves the last answer's documents is no likelier the message's meaning than its first.
  const stays = (e: ReadingEvidence) => !weighed || resolution.leaning === true || !first.answered || e === first || e.continues;
  const answered = evidence.map((e, i) => ({ e, i })).filter(({ e }) => e.answered && borrows(e) && stays(e));
  // Leaning on the last turn, a fragment takes the reading that stays on its topic, then the one most likely answered;
  // a full question that leans ("thế còn …, … bao nhiêu?") only the most likely of those it may borrow.
  const rank = (e: ReadingEvidence) => (e.continues && !resolution.full ? 1 : 0) + e.probability;
  if ((resolution.leaning || weighed) && answered.length > 0) return answered.reduce((best, x) => (rank(x.e) > rank(best.e) ? x : best)).i;
  if (answered.length > 0) return (answered[0] as { i: number }).i;
  const fresh = evidence.findIndex((e) => e.resolution.kind === 'fresh');
  return Math.max(fresh, 0);
}
