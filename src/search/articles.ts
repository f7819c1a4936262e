import { foldDiacritics } from '../text/normalize.ts';

/** An article (and clause) of a law a question names: "Điều 69", "khoản 2 điều 30", "Điều 69 khoản 4". */
export interface ArticleRef {
  article: string;
  clause: string | null;
}

// "khoản 2 điều 30", "điều 30 khoản 2", "Điều 69": the words typed with or without diacritics; in English, "clause 2 of Article 30".
// "đ.37" and "k.2" are how notes abbreviate them. A number of any length: "Điều 1000" is an article the law lacks.
const ARTICLE = /(?<![\p{L}\p{N}.])(?:(?:diem\s+[a-zđ]\s*,?\s*)?(?:khoan\s+|clause\s+|k\.\s*)(\d+)\s*,?\s*(?:cua\s+|of\s+)?)?(?:dieu\s+|article\s+|d\.\s*)(\d+[a-z]?)(?![\p{N}.]|[\p{L}])(?:\s*,?\s*(?:khoan\s+|clause\s+|k\.\s*)(\d+))?/giu;

/** The articles a question names, in order. "Điều 35.1.LQ.69" (a Code id) is not read as Điều 35. */
export function findArticleRefs(question: string): ArticleRef[] {
  const folded = foldDiacritics(question);
  return [...folded.matchAll(ARTICLE)].map((m) => ({ article: m[2] as string, clause: m[1] ?? m[3] ?? null }));
}

/** "Điều 69 khoản 4", as citations write it. */
export function articleLabel(ref: ArticleRef): string {
  return ref.clause ? `Điều ${ref.article} khoản ${ref.clause}` : `Điều ${ref.article}`;
}

/** An article a passage cites, with the number of the law it belongs to ("85/2015/qh13"), when it names one. */
export interface CitedArticle extends ArticleRef {
  law: string | null;
}

/**
 * The articles a passage's citations name: "(Điều 69, Luật Bầu cử số 85/2015/QH13)", "(Điều 71 khoản 1,
 * …)", "(Điều 160, Bộ luật Hình sự năm 2015; căn cứ Điều 95, Luật … 85/2015/QH13)". Each part of a
 * citation (split at ";") belongs to the first document number it names; "sửa đổi bởi Luật số
 * 83/2025/QH15" after it amends that law and does not take the article.
 */
export function citedArticles(text: string, lawKeyOf: (part: string) => string | null): CitedArticle[] {
  const cited: CitedArticle[] = [];
  for (const [, inside = ''] of text.matchAll(/\(([^()]*)\)/g)) {
    for (const part of inside.split(';')) {
      const law = lawKeyOf(part);
      for (const ref of findArticleRefs(part)) cited.push({ ...ref, law });
    }
  }
  return cited;
}
