import type { Language } from '../search/index.ts';

export interface Templates {
  lead: (sources: number) => string;
  leadReference: (reference: string) => string;
  leadCurrent: (version: string) => string;
  card: (card: { reference: string; issuer: string | null; date: string | null; subject: string | null }) => string;
  article: string;
  datedNotice: (dates: string) => string;
  undated: string;
  undatedNotice: string;
  sourcesHeading: string;
  notFound: string;
  unknownReference: (references: string) => string;
  didYouMean: (suggestions: string) => string;
  empty: string;
  tryAsking: string;
  examples: string[];
  published: string;
  issuedBy: string;
  kind: Record<string, string>;
}

export const TEMPLATES: Record<Language, Templates> = {
  vi: {
    lead: (n) => (n === 1 ? 'Tài liệu trong kho có đoạn sau liên quan đến câu hỏi của bạn:' : `Có ${n} đoạn trong kho tài liệu liên quan đến câu hỏi của bạn:`),
    leadReference: (ref) => `Về ${ref}, kho tài liệu ghi như sau:`,
    leadCurrent: (version) => `Theo luật hiện hành (${version}):`,
    card: ({ reference, issuer, date, subject }) =>
      `${reference}${issuer ? ` của ${issuer}` : ''}${date ? `, ban hành ngày ${date}` : ', kho tài liệu không ghi ngày ban hành'}${subject ? `, về ${subject}` : ''}${subject?.endsWith('…') ? '' : '.'}`,
    article: 'căn cứ',
    datedNotice: (dates) => `Lưu ý: trích dẫn lấy từ tài liệu ngày ${dates}, phản ánh thời điểm đó, không nhất thiết là quy định hiện hành.`,
    undated: 'không rõ ngày',
    undatedNotice: 'Lưu ý: tài liệu trích dẫn không ghi ngày; nội dung phản ánh thời điểm viết, không nhất thiết là quy định hiện hành.',
    sourcesHeading: 'Nguồn:',
    notFound: 'Xin lỗi, kho tài liệu chưa có nội dung trả lời câu hỏi này.',
    unknownReference: (refs) => `Kho tài liệu không có văn bản ${refs}.`,
    didYouMean: (s) => `Có phải bạn muốn hỏi: ${s}?`,
    empty: 'Bạn hãy gõ một câu hỏi về bầu cử hoặc về các chỉ thị, nghị quyết.',
    tryAsking: 'Bạn có thể hỏi, ví dụ:',
    examples: ['Chỉ thị 03-CT/TU ban hành ngày nào?', 'Lạng Sơn triển khai công tác bầu cử ra sao?', 'Chỉ thị 05-CT/TW yêu cầu gì?'],
    published: 'đăng',
    issuedBy: 'ban hành',
    kind: { law: 'Luật', directive: 'Chỉ thị', guidance: 'Hướng dẫn', news: 'Tin bài' },
  },
  en: {
    lead: (n) => (n === 1 ? 'One passage in the corpus answers your question:' : `${n} passages in the corpus relate to your question:`),
    leadReference: (ref) => `On ${ref}, the corpus says:`,
    leadCurrent: (version) => `Under the law in force (${version}):`,
    card: ({ reference, issuer, date, subject }) =>
      `${reference}${issuer ? `, issued by ${issuer}` : ''}${date ? ` on ${date}` : '; the corpus gives no issue date'}${subject ? `, on: ${subject}` : ''}${subject?.endsWith('…') ? '' : '.'}`,
    article: 'basis',
    datedNotice: (dates) => `Note: these quotes come from documents dated ${dates} and describe that time, not necessarily the rules in force today.`,
    undated: 'undated',
    undatedNotice: 'Note: the quoted documents are undated; they describe the time they were written, not necessarily the rules in force today.',
    sourcesHeading: 'Sources:',
    notFound: 'Sorry, the corpus has nothing that answers this question.',
    unknownReference: (refs) => `The corpus holds no document ${refs}.`,
    didYouMean: (s) => `Did you mean: ${s}?`,
    empty: 'Please type a question about elections or about party directives and resolutions.',
    tryAsking: 'You could ask, for example:',
    examples: ['When was Directive 03-CT/TU issued?', 'How did Lang Son prepare the 2021 election?', 'What does Directive 05-CT/TW require?'],
    published: 'published',
    issuedBy: 'issued',
    kind: { law: 'Law', directive: 'Directive', guidance: 'Guidance', news: 'News' },
  },
};
