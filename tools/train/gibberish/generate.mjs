/**
 * Generated gibberish and real-text samples for training and measuring the Gibberish scanner. Seeded, so every run
 * builds the same sets. Kinds: keyboard mashing, random strings, pseudo-words, word salad (random vocabulary words),
 * shuffled sentences; real: sentences and short fragments of the given texts.
 */

/** Mulberry32: a small seeded PRNG returning floats in [0, 1). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1234567890'];
const pick = (r, arr) => arr[Math.floor(r() * arr.length)];
const int = (r, lo, hi) => lo + Math.floor(r() * (hi - lo + 1));

/** Keyboard mashing: runs along keyboard rows, with occasional spaces and repeats. */
export function keyboardMash(r) {
  const n = int(r, 6, 60);
  let out = '';
  let row = pick(r, ROWS.slice(0, 3));
  let pos = int(r, 0, row.length - 1);
  for (let i = 0; i < n; i++) {
    if (r() < 0.15) row = pick(r, ROWS.slice(0, 3));
    pos = Math.max(0, Math.min(row.length - 1, pos + int(r, -2, 2)));
    out += row[pos];
    if (r() < 0.12) out += ' ';
  }
  return r() < 0.3 ? out.toUpperCase() : out;
}

/** Random strings: uniform letters (sometimes digits and symbols), random word breaks. */
export function randomString(r) {
  const n = int(r, 6, 80);
  const chars = r() < 0.5 ? 'abcdefghijklmnopqrstuvwxyz' : 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!@#$%^&*';
  let out = '';
  for (let i = 0; i < n; i++) out += r() < 0.15 ? ' ' : chars[Math.floor(r() * chars.length)];
  return out.trim() || 'xq';
}

/** Pseudo-words: letters drawn uniformly, in word-sized groups, sometimes with sentence punctuation. */
export function pseudoWords(r) {
  const words = [];
  const n = int(r, 2, 12);
  for (let i = 0; i < n; i++) {
    let w = '';
    const len = int(r, 2, 9);
    for (let j = 0; j < len; j++) w += String.fromCharCode(97 + Math.floor(r() * 26));
    words.push(w);
  }
  const s = words.join(' ');
  return r() < 0.5 ? `${s[0].toUpperCase()}${s.slice(1)}.` : s;
}

/** Word salad: real words picked at random from `vocabulary`. */
export function wordSalad(r, vocabulary) {
  const n = int(r, 4, 20);
  const words = [];
  for (let i = 0; i < n; i++) words.push(pick(r, vocabulary));
  const s = words.join(' ');
  return r() < 0.5 ? `${s[0].toUpperCase()}${s.slice(1)}.` : s;
}

/** A real sentence with its words shuffled. */
export function shuffled(r, sentence) {
  const words = sentence.split(/\s+/).filter(Boolean);
  for (let i = words.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [words[i], words[j]] = [words[j], words[i]];
  }
  return words.join(' ');
}

/** Sentences of at least `minWords` words from texts, split at sentence ends and line breaks. */
export function sentencesOf(texts, minWords = 1) {
  const out = [];
  for (const t of texts) {
    for (const s of t.split(/(?<=[.!?])\s+|\n+/)) {
      const trimmed = s.trim();
      if (trimmed && trimmed.split(/\s+/).length >= minWords) out.push(trimmed);
    }
  }
  return out;
}

/** `n` gibberish samples of every kind, labelled by kind. */
export function gibberishSamples(r, n, vocabulary, sentences) {
  const out = [];
  const long = sentences.filter((s) => s.split(' ').length >= 8);
  for (let i = 0; i < n; i++) {
    out.push({ kind: 'keyboard mashing', text: keyboardMash(r) });
    out.push({ kind: 'random string', text: randomString(r) });
    out.push({ kind: 'pseudo-words', text: pseudoWords(r) });
    out.push({ kind: 'word salad', text: wordSalad(r, vocabulary) });
    out.push({ kind: 'shuffled sentence', text: shuffled(r, pick(r, long)) });
  }
  return out;
}
