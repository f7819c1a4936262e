import type { Answer } from './compose.ts';
import { renderText } from './render.ts';

/** The JSON shape promised to scripts: `text` is the plain-text rendering; `resolvedQuestion` what was answered, in a conversation. */
export function answerJson(answer: Answer, message = answer.question) {
  return {
    question: message,
    resolvedQuestion: answer.question,
    answered: answer.answered,
    outcome: answer.reply,
    reason: answer.reason,
    suggestions: answer.topics.map((t) => ({ label: t.label, question: t.question })),
    text: renderText(answer),
    citations: answer.citations.map((c) => ({
      n: c.n,
      docId: c.docId,
      title: c.title,
      kind: c.kind,
      issuer: c.issuer,
      publisher: c.publisher,
      date: c.date,
      url: c.url,
      article: c.article,
      number: c.number,
      passage: c.passage,
      score: c.score,
    })),
  };
}
