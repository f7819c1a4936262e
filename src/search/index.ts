export { analyzeQuery, detectLanguage, type AnalyzedQuery, type Concept, type Language } from './query.ts';
export { DEFAULT_RETRIEVE_OPTIONS, retrieve, topicOf, type Hit, type Outcome, type Retrieval, type RetrieveOptions, type Topic } from './retrieve.ts';
export { DECISION_MODEL_FILE, decideAnswer, shippedDecisionModel, type Decision, type DecisionModel, type DeclineReason } from './decide.ts';
export { FEATURE_NAMES, featureVector, type AnswerFeatures } from './features.ts';
export { BACKGROUND_FILE, formatBackground, type Background } from './background.ts';
export { auc, crossValidate, fitLogistic, logLoss, predict, type LogisticModel, type Sample } from './logistic.ts';
export { keywordsOf, questionsAbout, seededRandom, typedVariant } from './training.ts';
export { quotes, rankIn, rankOf, scoreGroup, type EvalQuestion, type EvalResult, type GroupScore } from './evaluate.ts';
export { articleLabel, citedArticles, findArticleRefs, type ArticleRef, type CitedArticle } from './articles.ts';
