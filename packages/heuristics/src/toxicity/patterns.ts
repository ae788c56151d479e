import type { ToxicityCategory } from './categories.js';
import { isDehumanizing, isIdentityGroup } from './lexicon.js';
import type { ToxicToken } from './tokens.js';

/** Evidence found by a phrase rule over a token range. */
export interface PatternHit {
  /** Rule id, e.g. `pattern.threat.intent`. */
  rule: string;
  /** Inclusive first and exclusive last token index. */
  from: number;
  to: number;
  /** Evidence per category (`toxic` gets the largest of them). */
  evidence: Partial<Record<ToxicityCategory, number>>;
}

const words = (list: string) => new Set(list.split('|'));

/** Second-person references, including common misspellings ("ur", "u", "youre"). */
const SECOND_PERSON = words('you|u|ya|yu|yo|ye|youre|ur|your|yourself|urself|yourselves|yall|thou|thee|youu|yuo');
/** Objects a violent verb can threaten: people, not processes. */
const PERSON_OBJECT = words(
  'you|u|ya|yourself|urself|yourselves|yall|him|her|them|everyone|everybody|ur|your|his|their|himself|herself|themselves|' +
    'ya|yo|thee|somebody|someone|people|family|kids|children|wife|husband|mom|mother|dad|father|sister|brother',
);
/** Words allowed between a violent verb and its object ("kill all of you", "shoot every one of them"). */
const OBJECT_FILLER = words('all|of|every|one|each|the|those|these|off|up|down|both|u|and|ur|your|whole|entire|fucking|damn|fuckin');
/** Words that mark intent before a violent verb. */
const INTENT = words(
  'i|ill|im|id|we|well|gonna|going|will|shall|gotta|wanna|want|lets|should|must|to|would|could|hope|wish|promise|swear|plan|' +
    'planning|intend|cant|wait|gunna|finna|ima|imma|let|me|go|just|please|better|need|dare|might',
);
/** Violent verbs in the forms used for threats (present, infinitive, progressive). */
const VIOLENT_VERB = words(
  'kill|murder|stab|strangle|lynch|rape|behead|decapitate|slit|torture|castrate|assassinate|slaughter|massacre|' +
    'annihilate|exterminate|murda|mutilate|kil|kll',
);
/** Violent verbs that also have everyday senses ("hang them on the wall"): a threat only with a second-person object. */
const SECOND_PERSON_VIOLENT_VERB = words('shoot|choke|hang|hurt|punch|slap|burn|bury|bomb|skin|drown|poison|whip|nuke|stomp|smack|strangle|gut');
/** Second-person objects. */
const SECOND_PERSON_OBJECT = words('you|u|ya|yourself|urself|yourselves|yall|your|ur|thee|yo');
/** Verbs that threaten only when their object is a group ("gas the jews", "wipe out all muslims"). */
const GROUP_VIOLENT_VERB = words('gas|destroy|eliminate|wipe|deport|ban|beat|remove|purge|cleanse|expel|sterilize|enslave');
/** Negations that cancel a threat in their clause ("I would never hurt you"). */
const NEGATION = words('not|dont|never|wont|cant|didnt|wouldnt|no|doesnt|shouldnt|cannot|isnt|aint|nobody|nothing|nt');
/** Words after the object that make a violent verb a figure of speech ("shoot you an email"). */
const DATIVE = words('a|an|some|over|my|this|the|that|quick|back|up');
/** Verbs of a death wish ("you should die", "go rot"). */
const DEATH_WISH = words('die|rot|perish|croak');
/** Subjects of a death wish. */
const WISH_SUBJECT = words('you|u|ya|yall|he|she|they|ur|youre|hope|go|should|just|please|pls|plz|and');
/** Modals that turn a death verb into a wish ("should die", "deserve to die"). */
const WISH_MODAL = words('should|will|ill|must|gonna|deserve|deserves|to|need|ought|better|hope|wish|go|can|shall|gunna|would|may|just|please|pls|plz');

/** Fixed threatening or insulting phrases (lower case, apostrophes removed), with their category and evidence. */
const PHRASES: readonly (readonly [phrase: string, category: ToxicityCategory, evidence: number, rule: string])[] = [
  ['watch your back', 'threat', 0.8, 'pattern.threat.phrase'],
  ['watch ur back', 'threat', 0.8, 'pattern.threat.phrase'],
  ['i know where you live', 'threat', 0.85, 'pattern.threat.phrase'],
  ['i know where u live', 'threat', 0.85, 'pattern.threat.phrase'],
  ['your days are numbered', 'threat', 0.85, 'pattern.threat.phrase'],
  ['youre dead', 'threat', 0.75, 'pattern.threat.phrase'],
  ['you are dead', 'threat', 0.75, 'pattern.threat.phrase'],
  ['you will die', 'threat', 0.8, 'pattern.threat.phrase'],
  ['youre going to die', 'threat', 0.85, 'pattern.threat.phrase'],
  ['you are going to die', 'threat', 0.85, 'pattern.threat.phrase'],
  ['you gonna die', 'threat', 0.8, 'pattern.threat.phrase'],
  ['drop dead', 'threat', 0.75, 'pattern.threat.phrase'],
  ['die in a fire', 'threat', 0.85, 'pattern.threat.phrase'],
  ['die in a hole', 'threat', 0.8, 'pattern.threat.phrase'],
  ['kys', 'threat', 0.85, 'pattern.threat.phrase'],
  ['put a bullet', 'threat', 0.85, 'pattern.threat.phrase'],
  ['bullet in your head', 'threat', 0.9, 'pattern.threat.phrase'],
  ['bullet in ur head', 'threat', 0.9, 'pattern.threat.phrase'],
  ['i will find you', 'threat', 0.7, 'pattern.threat.phrase'],
  ['ill find you', 'threat', 0.7, 'pattern.threat.phrase'],
  ['hunt you down', 'threat', 0.85, 'pattern.threat.phrase'],
  ['beat the shit out of', 'threat', 0.85, 'pattern.threat.phrase'],
  ['beat the crap out of', 'threat', 0.8, 'pattern.threat.phrase'],
  ['beat the hell out of', 'threat', 0.8, 'pattern.threat.phrase'],
  ['kick your ass', 'threat', 0.8, 'pattern.threat.phrase'],
  ['beat you up', 'threat', 0.8, 'pattern.threat.phrase'],
  ['beat u up', 'threat', 0.8, 'pattern.threat.phrase'],
  ['break your neck', 'threat', 0.85, 'pattern.threat.phrase'],
  ['break your legs', 'threat', 0.85, 'pattern.threat.phrase'],
  ['break your face', 'threat', 0.85, 'pattern.threat.phrase'],
  ['smash your face', 'threat', 0.85, 'pattern.threat.phrase'],
  ['cut your throat', 'threat', 0.9, 'pattern.threat.phrase'],
  ['slit your throat', 'threat', 0.9, 'pattern.threat.phrase'],
  ['kill urself', 'threat', 0.85, 'pattern.threat.phrase'],
  ['kick ur ass', 'threat', 0.8, 'pattern.threat.phrase'],
  ['shut up', 'insult', 0.55, 'pattern.insult.phrase'],
  ['shut the', 'insult', 0.5, 'pattern.insult.phrase'],
  ['stfu', 'insult', 0.6, 'pattern.insult.phrase'],
  ['go to hell', 'insult', 0.7, 'pattern.insult.phrase'],
  ['rot in hell', 'insult', 0.75, 'pattern.insult.phrase'],
  ['burn in hell', 'insult', 0.75, 'pattern.insult.phrase'],
  ['get a life', 'insult', 0.55, 'pattern.insult.phrase'],
  ['get lost', 'insult', 0.4, 'pattern.insult.phrase'],
  ['pissed off', 'insult', 0.55, 'pattern.insult.phrase'],
  ['i hate you', 'insult', 0.6, 'pattern.insult.phrase'],
  ['i hate u', 'insult', 0.6, 'pattern.insult.phrase'],
  ['go away', 'insult', 0.25, 'pattern.insult.phrase'],
  ['grow up', 'insult', 0.3, 'pattern.insult.phrase'],
  ['piece of shit', 'insult', 0.85, 'pattern.insult.phrase'],
  ['piece of crap', 'insult', 0.75, 'pattern.insult.phrase'],
  ['piece of garbage', 'insult', 0.75, 'pattern.insult.phrase'],
  ['piece of trash', 'insult', 0.75, 'pattern.insult.phrase'],
  ['son of a', 'insult', 0.5, 'pattern.insult.phrase'],
  ['no one likes you', 'insult', 0.55, 'pattern.insult.phrase'],
  ['nobody likes you', 'insult', 0.55, 'pattern.insult.phrase'],
  ['you make me sick', 'insult', 0.55, 'pattern.insult.phrase'],
  ['waste of space', 'insult', 0.65, 'pattern.insult.phrase'],
  ['waste of oxygen', 'insult', 0.7, 'pattern.insult.phrase'],
  ['waste of air', 'insult', 0.65, 'pattern.insult.phrase'],
  ['kiss my', 'insult', 0.45, 'pattern.insult.phrase'],
  ['eat shit', 'insult', 0.85, 'pattern.insult.phrase'],
  ['suck my', 'insult', 0.8, 'pattern.insult.phrase'],
  ['blow me', 'insult', 0.7, 'pattern.insult.phrase'],
  ['go back to your country', 'identity_hate', 0.8, 'pattern.identity.phrase'],
  ['go back to where you came from', 'identity_hate', 0.8, 'pattern.identity.phrase'],
  ['send them back', 'identity_hate', 0.6, 'pattern.identity.phrase'],
];

const PHRASES_BY_FIRST = new Map<string, (readonly [string[], ToxicityCategory, number, string])[]>();
for (const [phrase, category, evidence, rule] of PHRASES) {
  const parts = phrase.split(' ');
  const list = PHRASES_BY_FIRST.get(parts[0]!) ?? [];
  list.push([parts, category, evidence, rule]);
  PHRASES_BY_FIRST.set(parts[0]!, list);
}

/** Indices of up to `count` tokens before `index` in the same clause, nearest first. */
function before(tokens: readonly ToxicToken[], index: number, count: number): number[] {
  const out: number[] = [];
  for (let k = index - 1; k >= 0 && out.length < count; k--) {
    if (tokens[k]!.clauseEnd) break;
    out.push(k);
  }
  return out;
}

/** Indices of up to `count` tokens after `index` in the same clause, nearest first. */
function after(tokens: readonly ToxicToken[], index: number, count: number): number[] {
  const out: number[] = [];
  for (let k = index; k + 1 < tokens.length && out.length < count; k++) {
    if (tokens[k]!.clauseEnd) break;
    out.push(k + 1);
  }
  return out;
}

function hasInsult(token: ToxicToken): boolean {
  const match = token.match;
  return match !== undefined && match.term.weight >= 0.25 && match.term.categories.some((c) => c === 'insult' || c === 'obscene');
}

/**
 * Phrase rules over the token sequence (token windows, no regular expressions): threats (an intent marker, a
 * violent verb and a person as object: "I will kill you", "kill yourself"; death wishes: "you should die"; fixed
 * phrases), directed insults (second person near an insult: "you are an idiot", "fuck you"), and identity hate
 * (an identity group next to an insult, a dehumanising word or a threat: "immigrants are vermin"). A violent verb
 * whose object is no person ("kill this process", "kill -9", "shoot the photo") is not a threat.
 * Each rule looks at a bounded window around each token, so the pass is linear in the number of tokens.
 */
export function findPatterns(tokens: readonly ToxicToken[]): PatternHit[] {
  const hits: PatternHit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]!.word;

    const phrases = PHRASES_BY_FIRST.get(word);
    if (phrases !== undefined) {
      for (const [parts, category, evidence, rule] of phrases) {
        if (i + parts.length > tokens.length) continue;
        let ok = true;
        for (let m = 1; m < parts.length && ok; m++) ok = tokens[i + m]!.word === parts[m] && !tokens[i + m - 1]!.clauseEnd;
        if (ok) hits.push({ rule, from: i, to: i + parts.length, evidence: { [category]: evidence } });
      }
    }

    if (VIOLENT_VERB.has(word) || GROUP_VIOLENT_VERB.has(word) || SECOND_PERSON_VIOLENT_VERB.has(word)) {
      const previous = before(tokens, i, 4);
      const negated = previous.some((k) => NEGATION.has(tokens[k]!.word));
      const intent = !negated && (previous.length === 0 || previous.some((k) => INTENT.has(tokens[k]!.word)));
      let object = -1;
      let group = false;
      for (const k of after(tokens, i, 4)) {
        const next = tokens[k]!.word;
        if (PERSON_OBJECT.has(next)) {
          object = k;
          break;
        }
        if (isIdentityGroup(next)) {
          object = k;
          group = true;
          break;
        }
        if (!OBJECT_FILLER.has(next)) break;
      }
      const dative = object >= 0 && !group && DATIVE.has(tokens[object + 1]?.word ?? '') && !tokens[object]!.clauseEnd;
      const secondPerson = object >= 0 && SECOND_PERSON_OBJECT.has(tokens[object]!.word);
      if (intent && object >= 0 && !dative && (group || VIOLENT_VERB.has(word) || (secondPerson && SECOND_PERSON_VIOLENT_VERB.has(word)))) {
        const from = previous.length > 0 ? previous[previous.length - 1]! : i;
        const evidence: PatternHit['evidence'] = { threat: 0.85, severe_toxic: 0.2 };
        if (group) evidence.identity_hate = 0.8;
        hits.push({ rule: group ? 'pattern.threat.group' : 'pattern.threat.intent', from: Math.min(from, i), to: object + 1, evidence });
      }
    }

    if (DEATH_WISH.has(word)) {
      const previous = before(tokens, i, 3);
      const negated = previous.some((k) => NEGATION.has(tokens[k]!.word));
      const modal = !negated && previous.some((k) => WISH_MODAL.has(tokens[k]!.word));
      const subject = previous.some((k) => WISH_SUBJECT.has(tokens[k]!.word) || isIdentityGroup(tokens[k]!.word));
      const imperative = previous.length === 0 && tokens[i + 1] !== undefined && !tokens[i]!.clauseEnd && ['in', 'already', 'alone', 'slowly', 'bitch', 'now'].includes(tokens[i + 1]!.word);
      if ((modal && subject) || imperative) {
        const from = previous.length > 0 ? previous[previous.length - 1]! : i;
        hits.push({ rule: 'pattern.threat.death_wish', from, to: i + 1, evidence: { threat: 0.8, severe_toxic: 0.15 } });
      }
    }

    if (hasInsult(tokens[i]!)) {
      const term = tokens[i]!.match!.term;
      const near = [...before(tokens, i, 4), ...after(tokens, i, 1)];
      const you = near.find((k) => SECOND_PERSON.has(tokens[k]!.word));
      const negated = before(tokens, i, 3).some((k) => NEGATION.has(tokens[k]!.word));
      if (you !== undefined && !negated) {
        const directedProfanity = you === i + 1 && term.categories.includes('obscene') && term.weight >= 0.7;
        hits.push({
          rule: directedProfanity ? 'pattern.insult.directed_profanity' : 'pattern.insult.second_person',
          from: Math.min(you, i),
          to: Math.max(you, i) + 1,
          evidence: directedProfanity ? { insult: 0.8, severe_toxic: 0.3 } : { insult: Math.min(0.9, 0.35 + term.weight * 0.5) },
        });
      }
      const group = [...before(tokens, i, 4), ...after(tokens, i, 4)].find((k) => isIdentityGroup(tokens[k]!.word));
      if (group !== undefined && term.weight >= 0.45) {
        hits.push({ rule: 'pattern.identity.insult', from: Math.min(group, i), to: Math.max(group, i) + 1, evidence: { identity_hate: 0.65, insult: 0.5 } });
      }
    }

    if (isIdentityGroup(word)) {
      const next = after(tokens, i, 4);
      const dehumanizing = next.find((k) => isDehumanizing(tokens[k]!.word) && tokens[k]!.match === undefined);
      const copula = next.some((k) => ['are', 'r', 'is', 'should', 'must', 'need', 'deserve', 'be', 'get', 'all'].includes(tokens[k]!.word));
      if (dehumanizing !== undefined && copula && word.endsWith('s')) {
        hits.push({ rule: 'pattern.identity.dehumanizing', from: i, to: dehumanizing + 1, evidence: { identity_hate: 0.6 } });
      }
      const previous = before(tokens, i, 2);
      if ((word === 'gay' || word === 'homo') && previous.some((k) => SECOND_PERSON.has(tokens[k]!.word) || tokens[k]!.word === 'so')) {
        hits.push({ rule: 'pattern.identity.as_insult', from: previous[previous.length - 1]!, to: i + 1, evidence: { identity_hate: 0.55, insult: 0.55 } });
      }
    }
  }
  return hits;
}
