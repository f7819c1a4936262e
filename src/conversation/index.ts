export { CONVERSATION_TTL_MS, CONVERSATION_TURNS, isGoing, resolveMessage, type Conversation, type ConversationTurn, type Resolution } from './resolve.ts';
export { remember, turnOf } from './turn.ts';
export { chooseReading, OWN_WORDS, READING_CHOICE, READING_CHOICE_FILE, readingsOf, settledBy, type ReadingChoice, type ReadingEvidence } from './choose.ts';
