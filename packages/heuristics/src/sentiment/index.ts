export * from './labels.js';
export { analyzeSentiment } from './analyze.js';
export { tokenizeForSentiment, MAX_SENTIMENT_TOKEN_LENGTH, type SentimentToken } from './tokenize.js';
