import type { Resolution } from './resolve.ts';

/** What retrieval found for one reading of a message. */
export interface ReadingEvidence {
  resolution: Resolution;
  answered: boolean;
  /** Declined as another topic: out of scope, another law, another subject. */
  otherTopic: boolean;
  /** Share of the reading's weighted words the corpus holds. */
  coverage: number;
}

// Share of a message's weighted words the corpus must hold for the message to lean on the last topic.
export const OWN_WORDS = 0.5;

/** The readings of a message, most likely first: the resolution and the others it carries. */
export function readingsOf(resolution: Resolution): Resolution[] {
  const readings: Resolution[] = [];
  for (let r: Resolution | undefined = resolution; r; r = r.otherwise) readings.push(r);
  return readings;
}

/**
 * Which reading of a message to answer, from what retrieval found for each: the first that finds an
 * answer; when none does, the message as it stands. A message about another topic (declined as such,
 * or, unless it leans on the last turn, with less than half its words in the corpus) is always read as
 * it stands: it never borrows the last topic to get an answer.
 */
export function chooseReading(evidence: ReadingEvidence[]): number {
  const [first] = evidence;
  if (!first) return 0;
  const anotherTopic = first.resolution.kind === 'fresh' && (first.otherTopic || (!first.resolution.leaning && first.coverage < OWN_WORDS));
  if (first.answered || anotherTopic) return 0;
  const answered = evidence.findIndex((e) => e.answered);
  if (answered >= 0) return answered;
  const fresh = evidence.findIndex((e) => e.resolution.kind === 'fresh');
  return Math.max(fresh, 0);
}
