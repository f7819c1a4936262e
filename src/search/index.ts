export { analyzeQuery, detectLanguage, type AnalyzedQuery, type Concept, type Language } from './query.ts';
export { DEFAULT_RETRIEVE_OPTIONS, retrieve, type Hit, type Outcome, type Retrieval, type RetrieveOptions } from './retrieve.ts';
export { quotes, rankOf, scoreGroup, type EvalQuestion, type EvalResult, type GroupScore } from './evaluate.ts';
export { articleLabel, citedArticles, findArticleRefs, type ArticleRef, type CitedArticle } from './articles.ts';
