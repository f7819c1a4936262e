import { composeAnswer, type Answer } from './answer/index.ts';
import type { Config } from './config.ts';
import type { Passage } from './corpus/index.ts';
import { chooseReading, isGoing, readingsOf, remember, settledBy, resolveMessage, turnOf, type Conversation, type ReadingChoice, type ReadingEvidence, type Resolution } from './conversation/index.ts';
import { buildIndex, loadIndex, openIndex, readManifest, selectEmbedder, type BuildSummary, type CorpusIndex, type DocumentMeta, type Embedder } from './index/index.ts';
import type { Logger } from './logger.ts';
import { decisionModelFor, heldShare, isSmallTalk, neighboursFor, retrieve, shippedDecisionModel, topicOf, type Language, type Retrieval, type RetrieveOptions, type Topic } from './search/index.ts';

const REFRESH_INTERVAL_MS = 3000;
// Starter questions per index, found once.
const startersOf = new WeakMap<CorpusIndex, string[]>();
// Decline reasons that say a message is about another topic.
const OTHER_TOPIC = new Set(['out_of_scope', 'other_law', 'other_topic']);

/** A rebuild was asked for while another one runs. */
export class ReindexBusyError extends Error {
  constructor() {
    super('A reindex is already running');
    this.name = 'ReindexBusyError';
  }
}

export interface Assistant {
  /** The index answering now; replaced whole when a rebuild finishes. */
  readonly index: CorpusIndex;
  readonly embedder: Embedder;
  readonly reindexing: boolean;
  retrieve(question: string): Promise<Retrieval>;
  /** The answer, framed in `language` (English for a question asked in English); quotes stay in the documents' words. */
  ask(question: string, language?: Language): Promise<Answer>;
  /**
   * Answers a message of a conversation: resolves it against the turns before (a follow-up, a question
   * about the last answer, or a fresh question), answers that, and returns the conversation with this turn.
   */
  converse(conversation: Conversation | undefined, message: string, language?: Language, now?: number): Promise<ConverseReply>;
  /** The documents of the corpus, as the index answering now holds them. */
  documents(): DocumentMeta[];
  /** One document's text, passage by passage under its headings; null for an id the corpus lacks. */
  documentText(id: string): { document: DocumentMeta; text: string } | null;
  /** Questions a newcomer may start with: headings of the voters' guide (the questions voters ask) that are answered from their own section. */
  starters(count: number): Promise<string[]>;
  /** A topic a "not sure" reply offered, by its passage in the index answering now; null when there is no such passage. */
  topic(passageIndex: number): Topic | null;
  /**
   * Rebuilds from the corpus while the current index keeps answering, then swaps. A failure leaves
   * the current one in place. Throws ReindexBusyError at once when a rebuild is already running.
   */
  reindex(onProgress?: (done: number, total: number) => void): Promise<BuildSummary>;
  /**
   * Loads a newer index published by another process (e.g. `npm run reindex`), if there is one.
   * Looks at the disk at most every few seconds, unless `now` (another replica announced a build).
   */
  refresh(now?: boolean): Promise<boolean>;
  /** Resolves when no rebuild is running. */
  idle(): Promise<void>;
}

/** A message of a conversation answered: the reading taken, and the readings retrieved (all of them with `everyReading`), with what retrieval found for each. */
export interface ConverseReply {
  answer: Answer;
  retrieval: Retrieval;
  resolution: Resolution;
  conversation: Conversation | undefined;
  readings: Array<ReadingEvidence & { retrieval: Retrieval }>;
}

export interface AssistantOptions {
  config: Config;
  logger: Logger;
  /** Defaults to the one `config.embedding` selects. */
  embedder?: Embedder;
  onProgress?: (done: number, total: number) => void;
  /** Retrieval's model and weights, when not the ones shipped (`npm run fit` weighs its own). */
  retrieveOptions?: Partial<RetrieveOptions>;
  /** The reading choice's thresholds, when not the ones shipped (`npm run fit` replays conversations under fixed ones). */
  readingChoice?: ReadingChoice;
  /** Retrieve every reading of a message even when the first settles the choice: `npm run fit` weighs them all. */
  everyReading?: boolean;
}

/** Asks a conversation's messages in turn, a minute apart (well inside its lifetime), as a chat would: each reply with its message's index. */
export async function* replayConversation(assistant: Assistant, messages: string[]): AsyncGenerator<[number, ConverseReply]> {
  let conversation: Conversation | undefined;
  for (const [i, message] of messages.entries()) {
    const reply = await assistant.converse(conversation, message, 'vi', (i + 1) * 60_000);
    conversation = reply.conversation;
    yield [i, reply];
  }
}

/** What a conversation is about after this answer: the last topic still, when the message asked about the last answer. */
function conversationTopic(conversation: Conversation | undefined, resolution: Resolution, answer: Answer): string {
  return resolution.kind === 'about-answer' ? (conversation?.turns.at(-1)?.question ?? answer.question) : answer.question;
}

/** One line when retrieval decides with the shipped model's vector-free twin, the embedder not being the one it was fitted on. */
function sayVectorFree(embedder: Embedder, logger: Logger): void {
  const shipped = shippedDecisionModel();
  if (decisionModelFor(embedder.id, shipped).model === shipped) return;
  const fittedOn = shipped.embedder;
  logger.info({ embedder: embedder.id, fittedOn }, `decision: vector-free model, since the shipped one was fitted on ${fittedOn}; npm run fit with ${embedder.id} fits one on its vectors`);
}

/** Opens (building if needed) the index and answers questions from it: what the CLI and the bot share. */
export async function createAssistant(options: AssistantOptions): Promise<Assistant> {
  const { config, logger, onProgress, retrieveOptions = {}, readingChoice, everyReading = false } = options;
  const embedder = options.embedder ?? (await selectEmbedder(config.embedding, logger));
  if (!retrieveOptions.model) sayVectorFree(embedder, logger);
  const { corpusDir, indexDir } = config;
  // The labelled questions' vote is built per index: before the index serves, not on its first question.
  const ready = (next: CorpusIndex): CorpusIndex => {
    if (!retrieveOptions.neighbours) neighboursFor(next);
    return next;
  };
  let index = ready(await openIndex({ corpusDir, indexDir, embedder, logger, onProgress }));
  let running: Promise<BuildSummary> | null = null;
  let refreshing: Promise<boolean> | null = null;
  let lastCheck = 0;

  /** The passages of the documents that pass `keep`, in corpus order, decoding no others. */
  function* passagesOf(keep: (document: DocumentMeta) => boolean): Generator<Passage> {
    for (let i = 0; i < index.passageCount; i++) {
      const document = index.documentOf(i);
      if (document && keep(document)) yield index.passage(i) as Passage;
    }
  }

  async function answerOf(question: string, language: Language = 'vi', askedWith = retrieveOptions): Promise<{ retrieval: Retrieval; answer: Answer }> {
    const retrieval = await retrieve(index, embedder, question, askedWith);
    // A question asked in English is answered in English, whatever the user's app language.
    return { retrieval, answer: composeAnswer(retrieval, retrieval.query.language === 'en' ? 'en' : language) };
  }

  /** The guide's headings that are answered first from their own section, one guide document in turn. */
  async function answeredHeadings(): Promise<string[]> {
    const byDocument = new Map<string, string[]>();
    // Only the guide's passages are decoded: the document of a passage is known without it.
    for (const p of passagesOf((document) => document.kind === 'guidance')) {
      if (!p.section?.endsWith('?')) continue;
      const headings = byDocument.get(p.docId) ?? [];
      if (!headings.includes(p.section)) headings.push(p.section);
      byDocument.set(p.docId, headings);
    }
    const lists = [...byDocument.values()];
    const longest = Math.max(0, ...lists.map((l) => l.length));
    // One question from each guide document in turn, so the first few cover different topics.
    const ordered = Array.from({ length: longest }, (_, round) => lists.flatMap((l) => (l[round] ? [l[round] as string] : []))).flat();
    const answered: string[] = [];
    // Only what is answered from its own section is offered: an example that fails would teach the wrong thing.
    for (const heading of ordered) if ((await answerOf(heading)).answer.citations[0]?.section === heading) answered.push(heading);
    return answered;
  }

  return {
    get index() {
      return index;
    },
    embedder,
    get reindexing() {
      return running !== null;
    },
    retrieve: (question) => retrieve(index, embedder, question, retrieveOptions),
    ask: async (question, language) => (await answerOf(question, language)).answer,
    async converse(conversation, message, language = 'vi', now = Date.now()) {
      const readings = readingsOf(resolveMessage(conversation?.turns ?? [], message, now));
      const asked = conversation && isGoing(conversation.turns, now) ? { ...retrieveOptions, inConversation: true } : retrieveOptions;
      const lastCited = new Set(conversation?.turns.at(-1)?.sources.map((s) => s.docId));
      // The message's own words are weighed once, and only when a reading has a passage to hold them.
      let ownShare: ((docId: string) => number) | undefined;
      const found = [];
      // Readings are retrieved in turn (four at most) until what the first found settles the choice.
      for (const reading of readings) {
        const followUp = reading.kind === 'follow-up' ? { followUp: true } : {};
        const { retrieval, answer } = await answerOf(reading.question, language, { ...asked, ...followUp, ...(reading.carried ? { carried: reading.carried } : {}) });
        const lead = retrieval.hits[0];
        const continues = lastCited.has(lead?.document.id ?? '');
        const ownWords = lead ? (ownShare ??= heldShare(index, message))(lead.document.id) : 0;
        // Declined as another topic, or as asking what no law states (an opinion, a forecast): no topic borrowed makes a law state it.
        const otherTopic = retrieval.outcome !== 'answered' && (OTHER_TOPIC.has(retrieval.declineReason ?? '') || retrieval.features?.asksOpinion === 1);
        found.push({ resolution: reading, retrieval, answer, answered: retrieval.outcome === 'answered', continues, ownWords, coverage: retrieval.features?.coverage ?? 0, probability: retrieval.probability ?? 0, otherTopic });
        if (!everyReading && found.length === 1 && settledBy(found[0] as (typeof found)[number], readingChoice)) break;
      }
      const { resolution, retrieval, answer } = found[chooseReading(found, readingChoice)] as (typeof found)[number];
      // Small talk is no turn: "cảm ơn" between two questions leaves the conversation as it was.
      const next = isSmallTalk(answer.outcome) ? conversation : remember(conversation, turnOf(answer, now, conversationTopic(conversation, resolution, answer)));
      return { answer, retrieval, resolution, conversation: next, readings: found.map(({ answer: _, ...evidence }) => evidence) };
    },
    topic: (passageIndex) => topicOf(index, passageIndex),
    documents: () => index.documents,
    documentText(id) {
      const document = index.document(id);
      if (!document) return null;
      const parts: string[] = [];
      let section: string | null = null;
      for (const passage of passagesOf((d) => d.id === id)) {
        if (passage.section && passage.section !== section) parts.push(`## ${passage.section}`);
        section = passage.section;
        parts.push(passage.text);
      }
      return { document, text: parts.join('\n\n') };
    },
    async starters(count) {
      const offered = startersOf.get(index) ?? (await answeredHeadings());
      startersOf.set(index, offered);
      return offered.slice(0, count);
    },
    // Not async: a second call throws at once, so callers know before they report anything.
    reindex(progress) {
      if (running) throw new ReindexBusyError();
      running = (async () => {
        const summary = await buildIndex({ corpusDir, indexDir, embedder, onProgress: progress });
        index = ready(await loadIndex(indexDir));
        for (const warning of summary.warnings) logger.warn(warning);
        logger.info({ ...summary.manifest.counts, buildMs: summary.manifest.buildMs }, 'index rebuilt and swapped in');
        return summary;
      })().finally(() => {
        running = null;
      });
      return running;
    },
    async idle() {
      await running?.catch(() => undefined);
    },
    refresh(now = false) {
      // Called before every answer: look at the disk at most every few seconds.
      if (!now && Date.now() - lastCheck < REFRESH_INTERVAL_MS) return Promise.resolve(false);
      // One look at a time: two loads at once would hold two indexes, and the older could land last.
      refreshing ??= (async () => {
        lastCheck = Date.now();
        const manifest = await readManifest(indexDir);
        if (!manifest || manifest.builtAt === index.manifest.builtAt || manifest.embedder.id !== embedder.id) return false;
        index = ready(await loadIndex(indexDir));
        logger.info({ builtAt: manifest.builtAt }, 'picked up an index built by another process');
        return true;
      })().finally(() => {
        refreshing = null;
      });
      return refreshing;
    },
  };
}
