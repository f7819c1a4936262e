import { stripDiacritics } from '../text/normalize.ts';
import { extractTerms } from '../text/terms.ts';

/**
 * Questions built from a topic's title (a law article's "Quyền và nghĩa vụ của người sử dụng đất",
 * a guide's heading) in the shapes people type to a legal hotline or a chat bot: training data for
 * the answer-or-decline model, never for the frozen test sets. The same shapes serve topics the
 * corpus answers and topics it must decline, so the shape itself tells the model nothing.
 */

/** A small deterministic generator (mulberry32), so a refit on the same data gives the same model. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)] as T;

// Situations people tell before they ask; they carry no topic of their own.
const SITUATIONS = [
  'Nhà tôi đang có chuyện cần hỏi.',
  'Tôi là người dân ở quê, không rành luật lắm.',
  'Năm nay tôi ngoài 40 tuổi, làm nghề tự do.',
  'Mẹ tôi lớn tuổi rồi, hay nhờ tôi hỏi giùm.',
  'Em mới ra trường, đi làm được hơn một năm.',
  'Chồng tôi đi làm ăn xa, ít khi về nhà.',
];

const SHAPES: Array<(topic: string, random: () => number) => string> = [
  (t) => `${t} được quy định như thế nào?`,
  (t) => `Cho tôi hỏi ${t} gồm những gì?`,
  (t) => `${t} là sao vậy ạ`,
  (t) => `quy định về ${t}`,
  (t) => t,
  (t) => `Luật nói gì về ${t}?`,
  (t) => `Tôi muốn biết về ${t}, phải làm sao?`,
  (t, random) => `${pick(SITUATIONS, random)} Xin hỏi ${t} thế nào ạ?`,
  (t) => `ad ơi cho hỏi ${t} với`,
];

// Chat spellings of common words, as voters type them.
const CHAT: Array<[RegExp, string]> = [
  [/\bkhông\b/giu, 'ko'],
  [/\bđược\b/giu, 'dc'],
  [/\bgì\b/giu, 'j'],
  [/\bvậy\b/giu, 'v'],
  [/\bnhư thế nào\b/giu, 'ntn'],
];

/** A title read as part of a sentence: its first letter lower-cased unless it is an acronym, its end trimmed. */
export function topicPhrase(title: string): string {
  const trimmed = title.replace(/[.:;?!\s]+$/u, '').trim();
  return /^\p{Lu}\p{Ll}/u.test(trimmed) ? trimmed[0]?.toLowerCase() + trimmed.slice(1) : trimmed;
}

/** How a user may type a question: as written, without diacritics, or in chat spelling. */
export function typedVariant(question: string, random: () => number): string {
  const r = random();
  if (r < 0.35) return stripDiacritics(question);
  if (r < 0.5) return CHAT.reduce((q, [pattern, chat]) => q.replace(pattern, chat), question);
  return question;
}

/** `count` questions about a titled topic, in varied shapes and typing. */
export function questionsAbout(title: string, count: number, random: () => number): string[] {
  const topic = topicPhrase(title);
  const questions = new Set<string>();
  for (let tries = 0; questions.size < count && tries < count * 4; tries++) questions.add(typedVariant(pick(SHAPES, random)(topic, random), random));
  return [...questions];
}

/** A question asked after a situation told first, as people write to a hotline, typed as they may type it. */
export function toldAsStory(question: string, random: () => number): string {
  return typedVariant(`${pick(SITUATIONS, random)} ${question}`, random);
}

/** A question as a search-box query: its content words only ("người già yếu bầu thế nào" from a heading). */
export function keywordsOf(question: string): string {
  return extractTerms(question).exact.join(' ');
}
