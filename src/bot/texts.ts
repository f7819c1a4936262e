import type { Language } from '../search/index.ts';
import { TEMPLATES } from '../answer/index.ts';

export { MAX_QUESTION_LENGTH } from '../search/index.ts';

export interface BotTexts {
  greeting: (name: string) => string;
  examplesHeading: string;
  examples: string[];
  help: string;
  about: string;
  askUsage: string;
  tooLong: (max: number) => string;
  notText: string;
  rateLimited: string;
  failed: string;
  sourcesHeading: (n: number) => string;
  sourceGone: string;
  passageHeading: string;
  feedbackThanks: string;
  feedbackFailed: string;
  notAdmin: string;
  reindexStarted: string;
  reindexProgress: (done: number, total: number) => string;
  reindexDone: (s: { documents: number; passages: number; seconds: string; computed: number; reused: number }) => string;
  reindexWarnings: (warnings: string[]) => string;
  reindexFailed: (reason: string) => string;
  reindexBusy: string;
  uploadTooBig: string;
  uploadWrongType: string;
  uploadSaved: (file: string) => string;
  uploadInvalid: (reason: string) => string;
  stats: (s: { answered: number; declined: number; up: number; down: number; documents: number; passages: number; builtAt: string; embedder: string; uptime: string }) => string;
  commands: Array<{ command: string; description: string }>;
  newConversation: string;
}

export const BOT_TEXTS: Record<Language, BotTexts> = {
  vi: {
    greeting: (name) =>
      `Chào ${name}! Tôi trả lời câu hỏi về bầu cử, quy trình bỏ phiếu và các chỉ thị, nghị quyết, bằng cách trích nguyên văn tài liệu và ghi rõ nguồn. Bạn cứ gõ câu hỏi, có dấu hay không dấu đều được.`,
    examplesHeading: 'Thử một câu hỏi:',
    newConversation: 'Đã bắt đầu cuộc trò chuyện mới: câu hỏi tiếp theo sẽ được hiểu riêng, không dựa vào các câu trước.',
    examples: TEMPLATES.vi.examples,
    help:
      'Gõ câu hỏi bằng tiếng Việt (có dấu hoặc không dấu) hoặc tiếng Anh. Tôi trả lời được về: quyền bầu cử, danh sách và thẻ cử tri, bỏ phiếu ở nơi khác, giờ bỏ phiếu, cách bỏ phiếu, phiếu không hợp lệ, kiểm phiếu, khiếu nại, ứng cử, và các chỉ thị, nghị quyết có trong kho tài liệu (ví dụ "Chỉ thị 05-CT/TW yêu cầu gì?").\n\nTôi không trả lời được những gì kho tài liệu không có, và không tư vấn pháp lý.\n\nTrong nhóm, dùng /ask <câu hỏi>, nhắc tên tôi, hoặc trả lời tin nhắn của tôi.\n\nBạn có thể hỏi tiếp mà không nhắc lại (“còn người bị tạm giam thì sao?”, “điều nào quy định?”, “nguồn 2”): tôi nhớ 3 câu hỏi gần nhất của cuộc trò chuyện và nguồn đã trích trong 15 phút, không lưu tên hay thông tin nào khác của bạn. /moi: bắt đầu cuộc trò chuyện mới.\n/sources: danh sách tài liệu · /about: giới thiệu',
    about:
      'Cử tri hỏi là trợ lý trả lời dựa trên một kho tài liệu: luật bầu cử, hướng dẫn cho cử tri, tin bài và các chỉ thị. Mỗi câu trả lời trích nguyên văn tài liệu và ghi nguồn, ngày, đường dẫn. Đây không phải lời khuyên pháp lý; khi cần, hãy hỏi Ủy ban nhân dân hoặc tổ bầu cử nơi bạn ở.',
    askUsage: 'Cách dùng: /ask <câu hỏi>, ví dụ /ask Mấy giờ thì bắt đầu bỏ phiếu?',
    tooLong: (max) => `Câu hỏi dài quá (tối đa ${max} ký tự). Bạn hãy hỏi ngắn gọn hơn nhé.`,
    notText: 'Tôi chỉ đọc được câu hỏi gõ bằng chữ. Bạn hãy gõ câu hỏi nhé.',
    rateLimited: 'Bạn hỏi nhanh quá, hãy đợi một chút rồi hỏi tiếp nhé.',
    failed: 'Xin lỗi, đã có lỗi khi xử lý câu hỏi. Bạn thử lại sau ít phút nhé.',
    sourcesHeading: (n) => `Kho tài liệu có ${n} tài liệu:`,
    sourceGone: 'Đoạn trích này không còn trong kho (kho vừa được cập nhật). Bạn hãy hỏi lại nhé.',
    passageHeading: 'Đoạn trích đầy đủ',
    feedbackThanks: 'Cảm ơn bạn đã góp ý!',
    feedbackFailed: 'Chưa lưu được góp ý của bạn, xin bấm lại sau ít phút.',
    notAdmin: 'Xin lỗi, chỉ quản trị viên mới dùng được lệnh này.',
    reindexStarted: 'Đang lập lại chỉ mục…',
    reindexProgress: (done, total) => `Đang lập lại chỉ mục… ${done}/${total} đoạn`,
    reindexDone: (s) =>
      `Đã lập lại chỉ mục: ${s.documents} tài liệu, ${s.passages} đoạn (${s.computed} đoạn tính vector mới, ${s.reused} đoạn dùng lại), ${s.seconds} giây.`,
    reindexWarnings: (warnings) => `Lưu ý:\n${warnings.map((w) => `• ${w}`).join('\n')}`,
    reindexFailed: (reason) => `Lập chỉ mục thất bại: ${reason}. Chỉ mục cũ vẫn đang phục vụ.`,
    reindexBusy: 'Đang có một lần lập chỉ mục chạy, bạn đợi nó xong nhé.',
    uploadTooBig: 'Tệp lớn quá (tối đa 1 MB).',
    uploadWrongType: 'Chỉ nhận tệp .md hoặc .txt.',
    uploadSaved: (file) => `Đã lưu tài liệu ${file}.`,
    uploadInvalid: (reason) => `Tài liệu không hợp lệ: ${reason}. Kho tài liệu không thay đổi.`,
    stats: (s) =>
      `Câu hỏi đã trả lời: ${s.answered}, từ chối: ${s.declined}\nGóp ý: 👍 ${s.up} · 👎 ${s.down}\nChỉ mục: ${s.documents} tài liệu, ${s.passages} đoạn, lập lúc ${s.builtAt}, vector: ${s.embedder}\nThời gian chạy: ${s.uptime}`,
    commands: [
      { command: 'start', description: 'Bắt đầu và xem câu hỏi mẫu' },
      { command: 'ask', description: 'Hỏi (dùng trong nhóm)' },
      { command: 'help', description: 'Tôi trả lời được gì' },
      { command: 'moi', description: 'Bắt đầu cuộc trò chuyện mới' },
      { command: 'sources', description: 'Danh sách tài liệu' },
      { command: 'about', description: 'Giới thiệu' },
    ],
  },
  en: {
    greeting: (name) =>
      `Hello ${name}! I answer questions about elections, voting procedure and party directives by quoting documents word for word and citing them. Just type your question.`,
    examplesHeading: 'Try a question:',
    newConversation: 'A new conversation: your next question is read on its own, not with the ones before.',
    examples: TEMPLATES.en.examples,
    help:
      'Type a question in Vietnamese or English. I can answer about: the right to vote, the voter list and card, voting away from home, polling hours, how to vote, invalid ballots, counting, complaints, candidates, and the directives and resolutions in the corpus (e.g. "What does Directive 05-CT/TW require?").\n\nI cannot answer what the corpus does not hold, and I give no legal advice.\n\nIn groups, use /ask <question>, mention me, or reply to my message.\n\nYou can follow up without repeating yourself (“what about prisoners?”, “which article says so?”, “source 2”): I remember the last 3 questions of our conversation and the sources quoted for 15 minutes, and nothing else about you, not your name. /new: start a new conversation.\n/sources: the documents · /about: about this bot',
    about:
      'Cử tri hỏi answers from a corpus of documents: the election law, a voters’ guide, news and directives. Every answer quotes the documents and cites source, date and link. It is not legal advice; for your own case, ask your commune People’s Committee or polling team.',
    askUsage: 'Usage: /ask <question>, e.g. /ask When do polls open?',
    tooLong: (max) => `That question is too long (at most ${max} characters). Please ask more briefly.`,
    notText: 'I can only read typed questions. Please type your question.',
    rateLimited: 'You are asking very fast; please wait a moment.',
    failed: 'Sorry, something went wrong while answering. Please try again in a few minutes.',
    sourcesHeading: (n) => `The corpus holds ${n} documents:`,
    sourceGone: 'This passage is no longer in the corpus (it was just updated). Please ask again.',
    passageHeading: 'Full passage',
    feedbackThanks: 'Thank you for your feedback!',
    feedbackFailed: 'Your feedback could not be saved; please tap again in a few minutes.',
    notAdmin: 'Sorry, only admins can use this command.',
    reindexStarted: 'Rebuilding the index…',
    reindexProgress: (done, total) => `Rebuilding the index… ${done}/${total} passages`,
    reindexDone: (s) =>
      `Index rebuilt: ${s.documents} documents, ${s.passages} passages (${s.computed} embedded, ${s.reused} reused), ${s.seconds} s.`,
    reindexWarnings: (warnings) => `Warnings:\n${warnings.map((w) => `• ${w}`).join('\n')}`,
    reindexFailed: (reason) => `Reindex failed: ${reason}. The previous index is still serving.`,
    reindexBusy: 'A reindex is already running; please wait for it to finish.',
    uploadTooBig: 'That file is too large (1 MB at most).',
    uploadWrongType: 'Only .md or .txt files are accepted.',
    uploadSaved: (file) => `Saved the document ${file}.`,
    uploadInvalid: (reason) => `The document is invalid: ${reason}. The corpus is unchanged.`,
    stats: (s) =>
      `Questions answered: ${s.answered}, declined: ${s.declined}\nFeedback: 👍 ${s.up} · 👎 ${s.down}\nIndex: ${s.documents} documents, ${s.passages} passages, built ${s.builtAt}, embedder ${s.embedder}\nUptime: ${s.uptime}`,
    commands: [
      { command: 'start', description: 'Start and see example questions' },
      { command: 'ask', description: 'Ask (in groups)' },
      { command: 'help', description: 'What I can answer' },
      { command: 'new', description: 'Start a new conversation' },
      { command: 'sources', description: 'The documents' },
      { command: 'about', description: 'About this bot' },
    ],
  },
};

/** English for users whose Telegram is set to English, Vietnamese for everyone else. */
export function languageOf(languageCode: string | undefined): Language {
  return languageCode?.toLowerCase().startsWith('en') ? 'en' : 'vi';
}
