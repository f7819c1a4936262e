import { answerJson, formatDate, type Answer } from '../answer/index.ts';
import type { Language } from '../search/index.ts';

/** Text as HTML text: corpus words and questions are shown, never parsed as markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

const PAGE_TEXTS = {
  vi: {
    title: 'Cử tri hỏi',
    intro: 'Hỏi về bầu cử, cách đi bầu, luật bầu cử và các chỉ thị. Câu trả lời trích nguyên văn tài liệu và ghi nguồn.',
    label: 'Câu hỏi của bạn',
    placeholder: 'Ví dụ: Mấy giờ thì bắt đầu bỏ phiếu?',
    submit: 'Hỏi',
    starters: 'Câu hỏi thường gặp',
    sources: 'Nguồn (bấm để xem đoạn trích đầy đủ)',
    topics: 'Các mục gần nhất',
    helpful: 'Câu trả lời có giúp ích không?',
    thanks: 'Cảm ơn bạn đã góp ý!',
    switchTo: 'English',
    other: 'en',
    error: 'Có lỗi, bạn thử lại nhé.',
    link: 'Mở văn bản gốc',
    asking: 'Đang tìm…',
  },
  en: {
    title: 'Ask about the elections',
    intro: 'Ask about Vietnamese elections, how to vote, the election law and party directives. Answers quote the documents and cite them.',
    label: 'Your question',
    placeholder: 'For example: When do polls open?',
    submit: 'Ask',
    starters: 'Common questions',
    sources: 'Sources (open one to read the whole passage)',
    topics: 'Nearest topics',
    helpful: 'Was this answer helpful?',
    thanks: 'Thank you for your feedback!',
    switchTo: 'Tiếng Việt',
    other: 'vi',
    error: 'Something went wrong; please try again.',
    link: 'Open the original',
    asking: 'Searching…',
  },
} as const;

export type PageTexts = (typeof PAGE_TEXTS)[Language];
export const pageTexts = (language: Language): PageTexts => PAGE_TEXTS[language];

export interface PageOptions {
  language: Language;
  starters: string[];
  question?: string;
  answer?: Answer;
  /** Id the answer's 👍/👎 are stored under; none when feedback cannot be stored. */
  answerId?: string | null;
  /** A line shown instead of an answer: a refusal, a thank-you. */
  notice?: string;
}

/** A form that asks `question` when its button is pressed: starters and topics work without scripts. */
function askButton(question: string, language: Language, label = question): string {
  return `<form method="post" action="/ask" class="inline"><input type="hidden" name="lang" value="${language}"><button type="submit" name="question" value="${escapeHtml(question)}">${escapeHtml(label)}</button></form>`;
}

/** The answer as the API gives it, laid out: the text, each source expandable to its full passage, topics, feedback. */
export function answerHtml(answer: Answer, answerId: string | null | undefined, t: PageTexts): string {
  const json = answerJson(answer);
  const sources = json.citations
    .map((c) => {
      const details = [c.issuer ?? c.publisher, c.article, c.date ? formatDate(c.date, answer.language) : null].filter(Boolean).map((d) => escapeHtml(String(d))).join(' · ');
      const link = c.url ? `<p><a href="${escapeHtml(c.url)}" rel="noopener noreferrer">${t.link}</a></p>` : '';
      return `<details><summary>[${c.n}] ${escapeHtml(c.title)}</summary><p class="meta">${details}</p><p class="passage">${escapeHtml(c.passage)}</p>${link}</details>`;
    })
    .join('');
  const topics = json.suggestions.length ? `<h3>${t.topics}</h3><div class="buttons">${json.suggestions.map((s) => askButton(s.question, answer.language, s.label)).join('')}</div>` : '';
  const feedback = answerId
    ? `<form method="post" action="/feedback" class="feedback"><input type="hidden" name="answerId" value="${escapeHtml(answerId)}"><input type="hidden" name="lang" value="${answer.language}"><span>${t.helpful}</span> <button type="submit" name="vote" value="up" aria-label="👍 yes">👍</button> <button type="submit" name="vote" value="down" aria-label="👎 no">👎</button></form>`
    : '';
  return `<div class="answer" lang="${answer.language === 'en' ? 'en' : 'vi'}"><div class="text">${escapeHtml(json.text)}</div>${sources ? `<h3>${t.sources}</h3>${sources}` : ''}${topics}${feedback}</div>`;
}

/** The whole page, server-rendered, so it works as plain forms where scripts are off. */
export function renderPage(options: PageOptions): string {
  const { language, starters, question, answer, answerId, notice } = options;
  const t = pageTexts(language);
  const starterList = starters.map((q) => askButton(q, language)).join('');
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.title}</title>
<link rel="stylesheet" href="/assets/app.css">
<script src="/assets/app.js" defer></script>
</head>
<body>
<main>
<header><h1>${t.title}</h1><a class="switch" href="/?lang=${t.other}" hreflang="${t.other}">${t.switchTo}</a></header>
<p class="intro">${t.intro}</p>
<form id="ask" method="post" action="/ask">
<label for="question">${t.label}</label>
<textarea id="question" name="question" rows="3" maxlength="1000" required placeholder="${escapeHtml(t.placeholder)}">${escapeHtml(question ?? '')}</textarea>
<input type="hidden" name="lang" value="${language}">
<button type="submit">${t.submit}</button>
</form>
<section id="result" aria-live="polite" data-texts="${escapeHtml(JSON.stringify(t))}">${notice ? `<p class="notice">${escapeHtml(notice)}</p>` : ''}${answer ? answerHtml(answer, answerId, t) : ''}</section>
<section><h2>${t.starters}</h2><div class="buttons" id="starters">${starterList}</div></section>
</main>
</body>
</html>
`;
}
