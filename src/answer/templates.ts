import type { Language } from '../search/index.ts';

export interface Templates {
  lead: string;
  leadReference: (reference: string) => string;
  leadCurrent: string;
  /** A document the corpus holds no text of, only others' mentions of it; and where its text is. */
  noFullText: (reference: string) => string;
  fullTextElsewhere: (issuer: string | null) => string;
  /** With `missing`, the article is shown whole for a clause past its last ("khoản 9 Điều 29"), with the clauses it has. */
  leadArticle: (article: string, title: string, missing?: { clause: string; first: string; last: string }) => string;
  unknownArticle: (law: string, article: string, first: string, last: string) => string;
  basis: string;
  numbered: (number: string) => string;
  /** Under the sources: the version of the law the guide describes. */
  lawVersion: (version: string) => string;
  ofIssuer: (reference: string, issuer: string) => string;
  otherIssuer: (references: string) => string;
  greeting: string;
  thanks: string;
  farewell: string;
  /** To a verdict on the answer ("sai rồi", "thế thì tốt"). */
  reaction: string;
  card: (card: { reference: string; issuer: string | null; date: string | null; subject: string | null }) => string;
  datedNotice: (dates: string) => string;
  undated: string;
  /** The quoted documents that give no date, by title. */
  undatedNotice: (titles: string) => string;
  sourcesHeading: string;
  notFound: string;
  /** First line of a "not sure" reply, before the nearest topics. */
  notSure: string;
  /** What the bot covers, said when it declines. */
  scope: string;
  unknownReference: (references: string) => string;
  didYouMean: (suggestions: string) => string;
  empty: string;
  tryAsking: string;
  /** The example questions the product offers (after small talk, and as the bot's /start buttons). */
  examples: string[];
  kind: Record<string, string>;
}

export const TEMPLATES: Record<Language, Templates> = {
  vi: {
    lead: 'Kho tài liệu ghi:',
    leadReference: (ref) => `Về ${ref}:`,
    leadCurrent: 'Theo luật hiện hành:',
    noFullText: (ref) => `Kho chưa có toàn văn ${ref}.`,
    fullTextElsewhere: (issuer) => `Kho tài liệu chỉ có các bài viết nhắc đến văn bản này, nên không trích được nội dung của nó; toàn văn do ${issuer ?? 'cơ quan ban hành'} phát hành, xem trên cổng thông tin của cơ quan đó.`,
    leadArticle: (article, title, missing) =>
      missing ? `${article} không có khoản ${missing.clause} (chỉ có từ khoản ${missing.first} đến khoản ${missing.last}); toàn văn ${article}. ${title}` : `${article}. ${title}`,
    unknownArticle: (law, article, first, last) => `${law} không có ${article}; văn bản có từ Điều ${first} đến Điều ${last}.`,
    basis: 'Căn cứ',
    numbered: (number) => (/^\d/.test(number) ? `số ${number}` : number),
    lawVersion: (version) => `Luật hiện hành: ${version}.`,
    ofIssuer: (ref, issuer) => `${ref} của ${issuer}`,
    otherIssuer: (refs) => `Kho tài liệu không có ${refs}; văn bản số này trong kho là của cơ quan khác.`,
    greeting: 'Chào bạn! Tôi trả lời câu hỏi về bầu cử và các chỉ thị, nghị quyết, có trích dẫn nguồn. Bạn cứ gõ câu hỏi, có dấu hay không dấu đều được.',
    thanks: 'Không có gì ạ! Bạn cần hỏi thêm điều gì về bầu cử cứ gõ nhé.',
    farewell: 'Tạm biệt bạn! Khi cần hỏi về bầu cử, bạn cứ nhắn nhé.',
    reaction: 'Cảm ơn bạn đã cho biết! Nếu câu trả lời chưa đúng ý, bạn thử hỏi lại cụ thể hơn nhé.',
    card: ({ reference, issuer, date, subject }) =>
      `${reference}${issuer ? ` của ${issuer}` : ''}${date ? `, ban hành ngày ${date}` : ', kho tài liệu không ghi ngày ban hành'}${subject ? `, về ${subject}` : ''}${subject?.endsWith('…') ? '' : '.'}`,
    datedNotice: (dates) => `Lưu ý: trích dẫn lấy từ tài liệu ngày ${dates}, phản ánh thời điểm đó, không nhất thiết là quy định hiện hành.`,
    undated: 'không rõ ngày',
    undatedNotice: (titles) => `Lưu ý: ${titles} không ghi ngày; nội dung phản ánh thời điểm viết, không nhất thiết là quy định hiện hành.`,
    sourcesHeading: 'Nguồn:',
    notFound: 'Xin lỗi, kho tài liệu chưa có nội dung trả lời câu hỏi này.',
    notSure: 'Kho tài liệu có thể không trả lời đúng câu này. Gần nhất là các mục sau:',
    scope: 'Tôi chỉ trả lời về bầu cử đại biểu Quốc hội và Hội đồng nhân dân ở Việt Nam (luật bầu cử, cách đi bầu, kiểm phiếu) và các chỉ thị, nghị quyết về bầu cử có trong kho tài liệu.',
    unknownReference: (refs) => `Kho tài liệu không có văn bản ${refs}.`,
    didYouMean: (s) => `Có phải bạn muốn hỏi: ${s}?`,
    empty: 'Bạn hãy gõ một câu hỏi về bầu cử hoặc về các chỉ thị, nghị quyết.',
    tryAsking: 'Bạn có thể hỏi, ví dụ:',
    examples: ['Mấy giờ thì bắt đầu bỏ phiếu?', 'Tôi có được nhờ người khác bầu thay không?', 'Chỉ thị 03-CT/TU ban hành ngày nào?', 'Phiếu bầu thế nào thì không hợp lệ?'],
    kind: { law: 'Luật', directive: 'Chỉ thị', guidance: 'Hướng dẫn do Cử tri hỏi biên soạn', news: 'Tin bài' },
  },
  en: {
    lead: 'The corpus says:',
    leadReference: (ref) => `On ${ref}:`,
    leadCurrent: 'Under the law in force:',
    noFullText: (ref) => `No text of ${ref} here.`,
    fullTextElsewhere: (issuer) => `The corpus holds only articles that mention this document, so it cannot quote what it says; the full text is published by ${issuer ?? 'its issuer'}, on that body's portal.`,
    leadArticle: (article, title, missing) => {
      const named = article.replace('Điều', 'Article').replace('khoản', 'clause');
      return missing ? `${named} has no clause ${missing.clause} (its clauses run from ${missing.first} to ${missing.last}); the whole of ${named}. ${title}` : `${named}. ${title}`;
    },
    unknownArticle: (law, article, first, last) => `${law} has no ${article.replace('Điều', 'Article').replace('khoản', 'clause')}; its articles run from ${first} to ${last}.`,
    basis: 'Legal basis',
    numbered: (number) => (/^\d/.test(number) ? `No. ${number}` : number),
    lawVersion: (version) => `Law in force: ${version}.`,
    ofIssuer: (ref, issuer) => `${ref} of ${issuer}`,
    otherIssuer: (refs) => `The corpus holds no ${refs}; the document with this number in the corpus is from another issuer.`,
    greeting: 'Hello! I answer questions about elections and party directives, quoting and citing the documents. Just type your question.',
    thanks: 'You are welcome! Ask me anything else about the elections.',
    farewell: 'Goodbye! Message me whenever you have a question about the elections.',
    reaction: 'Thanks for telling me! If the answer missed the point, try asking again in more detail.',
    card: ({ reference, issuer, date, subject }) =>
      `${reference}${issuer ? `, issued by ${issuer}` : ''}${date ? ` on ${date}` : '; the corpus gives no issue date'}${subject ? `, on: ${subject}` : ''}${subject?.endsWith('…') ? '' : '.'}`,
    datedNotice: (dates) => `Note: these quotes come from documents dated ${dates} and describe that time, not necessarily the rules in force today.`,
    undated: 'undated',
    undatedNotice: (titles) => `Note: ${titles} gives no date; it describes the time it was written, not necessarily the rules in force today.`,
    sourcesHeading: 'Sources:',
    notFound: 'Sorry, the corpus has nothing that answers this question.',
    notSure: 'The corpus may not answer exactly this. The nearest topics are:',
    scope: 'I only answer questions about electing deputies to the National Assembly and People\'s Councils of Vietnam (the election law, how to vote, counting) and the election directives and resolutions in the corpus.',
    unknownReference: (refs) => `The corpus holds no document ${refs}.`,
    didYouMean: (s) => `Did you mean: ${s}?`,
    empty: 'Please type a question about elections or about party directives and resolutions.',
    tryAsking: 'You could ask, for example:',
    examples: ['When do polls open?', 'Can someone vote on my behalf?', 'When was Directive 03-CT/TU issued?', 'What makes a ballot invalid?'],
    kind: { law: 'Law', directive: 'Directive', guidance: "Voters' guide by Cử tri hỏi", news: 'News' },
  },
};
