/**
 * The VADER modifier rules as data: negations, boosters/dampeners, special phrases and the empirical constants.
 * Reimplemented from the rules described in Hutto & Gilbert (2014), "VADER: A Parsimonious Rule-based Model for
 * Sentiment Analysis of Social Media Text" (ICWSM-14), and the MIT-licensed reference implementation
 * (https://github.com/cjhutto/vaderSentiment, Copyright (c) 2016 C.J. Hutto).
 */

/** Valence added by a booster word ("very good"), subtracted by a dampener ("slightly good"). */
export const BOOST_INCREMENT = 0.293;
/** Valence added when a valenced word is in ALL CAPS while the rest of the text is not. */
export const CAPS_INCREMENT = 0.733;
/** Multiplier applied to a valenced word in the scope of a negation ("not good"). */
export const NEGATION_SCALAR = -0.74;
/** Normalisation constant of the compound score, `x / sqrt(x² + alpha)`. */
export const NORMALIZATION_ALPHA = 15;
/**
 * Negativity bias (not a VADER rule; chosen on pre-2017 SemEval tweets, never on the 2017 test): negative valence
 * is weighted up and positive valence down before the sum, because in short social text a negative word is the more
 * telling signal, while mild positive words are often phatic ("thanks", "please", "sure", "play", "win").
 * With the asymmetric label thresholds this raised macro-averaged recall on the dev tweets by about 0.9 points.
 */
export const NEGATIVE_VALENCE_WEIGHT = 1.5;
/** See {@link NEGATIVE_VALENCE_WEIGHT}. */
export const POSITIVE_VALENCE_WEIGHT = 0.7;
/** Weight of all valence when the text ends in a question ("Who is ready for tonight?"): asking is not judging. */
export const QUESTION_VALENCE_WEIGHT = 0.5;
/** Weight of valence before a contrastive "but" ... */
export const BUT_BEFORE_WEIGHT = 0.5;
/** ... and after it. */
export const BUT_AFTER_WEIGHT = 1.5;

/** Words that negate a valenced word up to three tokens after them. Tokens containing "n't" also negate. */
export const NEGATIONS: ReadonlySet<string> = new Set([
  'aint', 'arent', 'cannot', 'cant', 'couldnt', 'darent', 'didnt', 'doesnt', "ain't", "aren't", "can't", "couldn't",
  "daren't", "didn't", "doesn't", 'dont', 'hadnt', 'hasnt', 'havent', 'isnt', 'mightnt', 'mustnt', 'neither',
  "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't", 'neednt', "needn't", 'never', 'none',
  'nope', 'nor', 'not', 'nothing', 'nowhere', 'oughtnt', 'shant', 'shouldnt', 'uhuh', 'wasnt', 'werent', "oughtn't",
  "shan't", "shouldn't", 'uh-uh', "wasn't", "weren't", 'without', 'wont', 'wouldnt', "won't", "wouldn't", 'rarely',
  'seldom', 'despite', 'nobody', 'neva', 'dnt',
]);

const UP = BOOST_INCREMENT;
const DOWN = -BOOST_INCREMENT;

/** Degree adverbs: boosters (positive) and dampeners (negative), by lower-case token. */
export const BOOSTERS: ReadonlyMap<string, number> = new Map([
  ...[
    'absolutely', 'amazingly', 'awfully', 'completely', 'considerable', 'considerably', 'decidedly', 'deeply',
    'effing', 'enormous', 'enormously', 'entirely', 'especially', 'exceptional', 'exceptionally', 'extreme',
    'extremely', 'fabulously', 'flipping', 'flippin', 'frackin', 'fracking', 'fricking', 'frickin', 'frigging',
    'friggin', 'fully', 'fuckin', 'fucking', 'fuggin', 'fugging', 'greatly', 'hella', 'highly', 'hugely',
    'incredible', 'incredibly', 'intensely', 'major', 'majorly', 'more', 'most', 'particularly', 'purely', 'quite',
    'really', 'remarkably', 'so', 'substantially', 'thoroughly', 'total', 'totally', 'tremendous', 'tremendously',
    'uber', 'unbelievably', 'unusually', 'utter', 'utterly', 'very', 'soo', 'sooo', 'soooo', 'too', 'mega',
    'freaking', 'freakin',
  ].map((word) => [word, UP] as const),
  ...[
    'almost', 'barely', 'hardly', 'kinda', 'kindof', 'kind-of', 'less', 'little', 'marginal', 'marginally',
    'occasional', 'occasionally', 'partly', 'scarce', 'scarcely', 'slight', 'slightly', 'somewhat', 'sorta',
    'sortof', 'sort-of', 'fairly', 'rather',
  ].map((word) => [word, DOWN] as const),
]);

/**
 * Words that are degree adverbs before another valenced word ("pretty upset", "super excited", "damn good") and
 * valenced words otherwise ("she is pretty", "damn!"). Value: the booster increment when used as an adverb.
 */
export const CONDITIONAL_BOOSTERS: ReadonlyMap<string, number> = new Map([
  ['pretty', UP],
  ['super', UP],
  ['damn', UP],
  ['real', UP],
  ['hella', UP],
  ['mad', UP],
]);

/** Two-word dampeners, checked on the two tokens before a valenced word ("kind of good"). */
export const BOOSTER_BIGRAMS: ReadonlyMap<string, number> = new Map([
  ['kind of', DOWN],
  ['sort of', DOWN],
  ['just enough', DOWN],
]);

/** Phrases whose valence replaces that of the word they contain ("the shit" is good, "yeah right" is not). */
export const SPECIAL_PHRASES: ReadonlyMap<string, number> = new Map([
  ['the shit', 3],
  ['the bomb', 3],
  ['bad ass', 1.5],
  ['badass', 1.5],
  ['bus stop', 0],
  ['yeah right', -2],
  ['kiss of death', -1.5],
  ['to die for', 3],
  ['beating heart', 3.1],
  ['broken heart', -2.9],
  ["can't stand", -2],
  ['cant stand', -2],
  ['fed up', -1.8],
  ['screwed up', -1.5],
  // tweet idioms (hand-written for this project): eagerness, and negations that praise
  ["can't wait", 2.2],
  ['cant wait', 2.2],
  ['cannot wait', 2.2],
  ['can not wait', 2.2],
  ["couldn't be happier", 3],
  ["couldn't be better", 2.5],
  ["can't complain", 1.2],
  ['no idea', 0],
  ['looking forward', 2.0],
  ['look forward', 2.0],
  ['make sure', 0],
  ['as well', 0],
  ['pretty sure', 0],
  ['who cares', -1.5],
]);

/** Contrastive conjunctions: valence before them is halved, after them boosted by half. */
export const CONTRASTIVE: ReadonlySet<string> = new Set(['but', 'however']);
