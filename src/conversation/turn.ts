import type { Answer, Citation } from '../answer/index.ts';
import { CONVERSATION_TTL_MS, CONVERSATION_TURNS, type Conversation, type ConversationTurn } from './resolve.ts';

/** A question that shows this source again: the article of the law it is or rests on, else its section or title. */
function askFor(citation: Citation): string {
  if (citation.article && citation.kind === 'law') return `${citation.article} ${citation.title}`;
  // A guide sentence cites the election law by article: asking for the basis opens that article.
  if (citation.article && citation.kind === 'guidance') return `${citation.article} Luật Bầu cử`;
  return citation.section ?? citation.title;
}

/**
 * The turn an answer adds to a conversation: its topic (the question as answered, or for an answer about
 * the last one, the question that one answered) and how to ask for each source again.
 */
export function turnOf(answer: Answer, at: number, topic = answer.question): ConversationTurn {
  return {
    question: topic,
    sources: answer.citations.map((c) => ({ n: c.n, docId: c.docId, ask: askFor(c), law: c.kind === 'law', article: c.kind === 'law' || c.kind === 'guidance' ? c.article : null })),
    at,
  };
}

/** The conversation after a turn: the turns still fresh at `turn.at`, then this one, the last few kept. */
export function remember(conversation: Conversation | undefined, turn: ConversationTurn, ttlMs = CONVERSATION_TTL_MS): Conversation {
  const fresh = (conversation?.turns ?? []).filter((t) => turn.at - t.at <= ttlMs);
  return { turns: [...fresh, turn].slice(-CONVERSATION_TURNS) };
}
