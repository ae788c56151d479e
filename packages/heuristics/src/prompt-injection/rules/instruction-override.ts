import { foldPattern, re, words, SP, type PatternRule } from '../rule.js';

/** Verbs that tell a model to drop what it was told (English). */
const DROP = `(?:ignore|ignoring|disregard|disregarding|forget|forgetting|override|overwrite|bypass|never mind|pay no attention to|stop following|do not follow|don't follow|dont follow|no longer follow|do not obey|don't obey)`;
/** Weaker verbs, only counted with a qualifier that points back at earlier text. */
const DROP_WEAK = `(?:skip|drop|discard|neglect|overlook|abandon|dismiss|erase|delete|clear|remove|cancel|scrap|set aside|throw away|throw out|leave behind|put aside|reset|wipe|let go of)`;
/** Qualifiers that point back at what was said before. */
const PRIOR = `(?:previous|previously|prior|preceding|above|earlier|former|foregoing|initial|original|old|older|existing|system|default|past|last|given|provided)`;
/** Quantifiers and possessives: "all", "your". */
const ALL = `(?:all|any|every|each|your|these|those|its)`;
/** Things a model is told. */
const ORDERS = `(?:instructions?|instruction set|prompts?|directions?|directives?|rules?|guidelines?|commands?|orders?|tasks?|assignments?|context|information|guidance|programming|constraints?|restrictions?|messages?|conversation|inputs?|content|documents?|articles?|text|texts|sentences?|requests?|policies|policy|settings?|training|limitations?|guardrails?|safeguards?|filters?|ethics|morals|principles)`;
/** The core subset of {@link ORDERS} used with weaker context. */
const ORDERS_CORE = `(?:instructions?|prompts?|directions|directives?|rules|guidelines|commands|orders|tasks|assignments|programming|constraints|restrictions|guidance|policies|training|limitations|guardrails|safeguards|filters|ethics|morals|principles|context|documents|articles|information)`;

/**
 * Instruction override: attempts to make the model drop its instructions and follow new ones. English,
 * German and a few other European languages.
 */
export const INSTRUCTION_OVERRIDE_RULES: readonly PatternRule[] = [
  {
    // "ignore all previous instructions", "disregard the above prompt", "discard prior directives"
    id: 'io.ignore_previous',
    category: 'instruction_override',
    weight: 0.9,
    pattern: re(`\\b(?:${DROP}|${DROP_WEAK})${SP}${words(3)}${PRIOR}${SP}${words(2)}${ORDERS}\\b`),
  },
  {
    // "ignore all instructions", "forget your rules", "disregard any guidelines"
    id: 'io.ignore_all',
    category: 'instruction_override',
    weight: 0.75,
    pattern: re(`\\b${DROP}${SP}${words(2)}${ALL}${SP}${words(2)}${ORDERS_CORE}\\b`),
  },
  {
    // "ignore the instructions", "disregard the context" (weaker: "the" may refer to anything)
    id: 'io.ignore_the',
    category: 'instruction_override',
    weight: 0.45,
    pattern: re(`\\b${DROP}${SP}(?:the|my|our|his|her|their)${SP}${words(1)}${ORDERS_CORE}\\b`),
  },
  {
    // "ignore the above", "forget everything before that", "ignore everything and"
    id: 'io.ignore_everything',
    category: 'instruction_override',
    weight: 0.8,
    pattern: re(
      `\\b(?:ignore|disregard|forget|forgetting)${SP}(?:about${SP})?(?:everything|all of (?:that|this|it|the above)|all that|what (?:i|we|you) (?:said|told you|wrote|discussed|have been told|were told)${SP}(?:before|above|earlier|previously|so far|until now)|(?:the|all)${SP}above|(?:all${SP})?(?:everything${SP})?(?:you (?:know|were told|have been told|learned)))\\b`,
    ),
  },
  {
    // "ignore above and", "forget everything above print yay", "ignore what came before"
    id: 'io.ignore_above',
    category: 'instruction_override',
    weight: 0.75,
    pattern: re(`\\b(?:ignore|disregard|forget)${SP}(?:everything${SP}|all${SP}|anything${SP})?(?:above|before (?:that|this|it)|previous|prior|so far|until now|up to (?:now|here)|what came before|what (?:is|was) (?:above|written above|said before))\\b`),
  },
  {
    // "new instructions:", "your new task is", "now new tasks follow", "here are your new instructions"
    id: 'io.new_instructions',
    category: 'instruction_override',
    weight: 0.6,
    pattern: re(
      `\\b(?:(?:new|updated|real|actual|revised|further|different|additional) (?:instructions?|directives?|rules|orders|task|tasks|assignment|system prompt)\\s{0,2}(?::|-|follows?|are|is)|(?:your|the) new (?:instructions?|task|tasks|rules|role|directive|prompt) (?:is|are|will be)|(?:now|here) (?:come|comes|follow|follows|are) (?:your |some |the )?(?:new|further|more|additional|other) (?:instructions?|tasks?|orders|rules|directives?|assignments?)|(?:focus|concentrate) on (?:your|the|this|my) new (?:task|tasks|assignment|instructions?|goal)|(?:your )?instructions are now|change your (?:instructions|rules|programming|behaviou?r) to\\b)`,
    ),
  },
  {
    // "bypass your safety filters", "disable your content policy", "turn off the guardrails"
    id: 'io.disable_safety',
    category: 'instruction_override',
    weight: 0.8,
    pattern: re(
      `\\b(?:bypass|override|circumvent|disable|deactivate|turn off|switch off|get around|evade|break|ignore|ignoring|disregard|remove|lift|suspend|abandon|forget)${SP}${words(2)}(?:safety|content|ethical|moral|security|openai|usage|built-in|programmed|default)${SP}${words(1)}(?:filters?|guidelines|restrictions|polic(?:y|ies)|safeguards|guardrails|rules|programming|measures|protocols?|limitations|constraints|principles|standards)\\b`,
    ),
  },
  {
    // "do not answer the question but just output", "don't look in the documents provided", "answer by your own knowledge and not by the articles"
    id: 'io.ignore_context',
    category: 'instruction_override',
    weight: 0.55,
    pattern: re(
      `\\b(?:do not|don'?t|dont|don'nt|never) (?:answer|look (?:in|at)|use|read|consider|follow|respond to|rely on|evaluate)${SP}(?:the|this|these|any|my)?${SP}?(?:question|documents?|articles?|context|texts?|sources?|search results|provided)\\b[^.!?\\n]{0,40}\\b(?:but|just|instead|only|and)\\b|\\b(?:not|instead of) (?:by|from|according to|based on) the (?:articles?|documents?|provided|context|sources?|text)\\b|\\bdisregarding the (?:articles?|documents?|context|sources?|text)\\b`,
    ),
  },
  {
    // "ATTENTION - STOP - ...", "stop: write ...", "stop, ignore"
    id: 'io.stop_command',
    category: 'instruction_override',
    weight: 0.55,
    pattern: re(`(?:^|[.!?\\n]\\s{0,3}|\\b(?:attention|achtung)\\W{1,4})(?:stop|stopp|halt)\\s{0,2}[-:,!]\\s{0,3}(?:write|say|print|output|ignore|schreib|schreibe|sag|ich|i need|i benotige|tell)\\b`),
  },
  {
    // "just say X", "only output "LOL"", "respond only with 'pwned'"
    id: 'io.forced_output',
    category: 'instruction_override',
    weight: 0.35,
    pattern: re(`\\b(?:just|only|simply|instead) (?:say|output|print|write|reply with|respond with|answer with|type)\\b\\s{0,2}(?:["'\\u201c:]|the (?:word|phrase|text))|\\b(?:output|print|say) (?:only|just) ["'\\u201c]`),
  },
  {
    // injection-game markers: "pwned", "haha pwned"
    id: 'io.pwned',
    category: 'instruction_override',
    weight: 0.6,
    pattern: re(`\\b(?:pwned|pwn3d|hacked by|i have been pwned)\\b`),
  },
  {
    // "from now on, you will/only/always"
    id: 'io.from_now_on',
    category: 'instruction_override',
    weight: 0.35,
    pattern: re(`\\b(?:from now on|from this point (?:on|forward)|starting now|henceforth|ab (?:jetzt|sofort)|von nun an)\\b`),
  },
  {
    // "instead output", "instead print the following", "and instead respond"
    id: 'io.instead',
    category: 'instruction_override',
    weight: 0.3,
    pattern: re(`\\binstead (?:output|print|say|write|respond|reply|answer|return|tell)\\b`),
  },
  {
    // German: "ignoriere alle vorherigen Anweisungen", "vergiss alle Aufträge", "Ignorieren Sie die obigen Anweisungen"
    id: 'io.de_ignore_previous',
    category: 'instruction_override',
    weight: 0.9,
    pattern: re(
      `\\b(?:ignorier(?:e|en|t)?|vergiss|vergessen|vergesst|missachte|missachten|verwirf|verwerfen|uberspring|uberspringe|uberspringen|losche|loschen|streiche|streichen|beachte nicht|befolge nicht)${SP}(?:sie${SP})?${words(2)}(?:alle|alles|die|deine|ihre|eure|samtliche|jegliche|jede|den|das|vorherigen?|bisherigen?|obigen?|vorangehenden?|vorangegangenen?|fruheren?|vorigen?|ursprunglichen?|gegebenen?)${SP}${words(2)}(?:anweisungen|anweisung|instruktionen|instruktion|befehle|befehl|auftrage|auftrag|aufgaben|aufgabe|angaben|informationen|regeln|vorgaben|ausfuhrungen|anordnungen|prompts?|richtlinien|einschrankungen|texte|kontext|dokumente|artikel)\\b`,
    ),
  },
  {
    // German: "vergiss alles", "vergiss alles davor", "ignoriere alles"
    id: 'io.de_forget_everything',
    category: 'instruction_override',
    weight: 0.8,
    pattern: re(`\\b(?:vergiss|vergessen sie|vergesst|ignoriere|ignorieren sie|ignoriert)${SP}(?:bitte${SP})?(?:alles|das (?:obige|vorherige|bisherige)|was (?:ich|wir|du) (?:vorher |zuvor |davor )?(?:gesagt|besprochen|geschrieben))\\b`),
  },
  {
    // German, object first: "die obigen Ausführungen ignorieren", "alle vorangegangenen Aufgaben aus dem Kopf streichen"
    id: 'io.de_object_first',
    category: 'instruction_override',
    weight: 0.75,
    pattern: re(
      `\\b(?:vorherigen?|obigen?|bisherigen?|vorangehenden?|vorangegangenen?|fruheren?|vorigen?)${SP}(?:anweisungen|instruktionen|befehle|auftrage|aufgaben|angaben|informationen|ausfuhrungen|regeln|vorgaben)${SP}${words(4)}(?:ignorieren|vergessen|missachten|hinter sich|aus dem kopf|sind (?:irrelevant|ungultig|nicht (?:mehr )?(?:gultig|wichtig|relevant)))|\\babweichend (?:zu|von) (?:den |allen )?(?:vorherigen|bisherigen|obigen|vorigen) (?:instruktionen|anweisungen|vorgaben)\\b`,
    ),
  },
  {
    // German: "Nun folgen neue Aufgaben", "neue Anweisungen:", "konzentriere dich jetzt auf deine neue Aufgabe"
    id: 'io.de_new_instructions',
    category: 'instruction_override',
    weight: 0.6,
    pattern: re(
      `\\b(?:(?:nun|jetzt|es) folgen (?:neue|weitere|andere) (?:aufgaben|anweisungen|instruktionen|befehle)|neue (?:anweisungen|instruktionen|aufgabe|aufgaben|befehle|regeln)\\s{0,2}:|(?:konzentriere dich|konzentrieren sie sich|fokussiere dich) (?:jetzt |nun )?auf (?:deine|ihre|die) neue (?:aufgabe|aufgaben))`,
    ),
  },
  {
    // Other languages: Spanish, French, Italian, Portuguese, Dutch, Croatian/Serbian
    id: 'io.multilingual_ignore',
    category: 'instruction_override',
    weight: 0.85,
    pattern: re(
      `\\b(?:olvida|olvide|olvidad|olvidar|ignora|ignore|ignorad|descarta|oubliez|oublie|ignorez|dimentica|dimenticate|ignorate|esqueca|esquece|esqueça|negeer|vergeet|zaboravi|zanemari|ignoriraj)${SP}${words(1)}(?:todas las|todas|todo lo que|todo|toutes les|tous les|tutte le|tutto|todas as|tudo|alle|sve|sva|las|les|le|as|de|previous)${SP}${words(1)}(?:instrucciones|instruccion|indicaciones|reglas|instructions|consignes|regles|istruzioni|regole|instrucoes|regras|instructies|regels|instrukcije|upute|pravila|lo que|que digo|que sabes|ce qui precede|anteriores|precedentes|precedenti|vorige)\\b`,
    ),
  },
  {
    // "drop all your instructions", "clear your rules", "reset your programming"
    id: 'io.drop_your',
    category: 'instruction_override',
    weight: 0.75,
    pattern: re(`\\b${DROP_WEAK}${SP}(?:all${SP}|of${SP})?(?:your|all your|all of your)${SP}${words(1)}${ORDERS_CORE}\\b`),
  },
  {
    // "despite what you've been told", "regardless of your instructions"
    id: 'io.despite_instructions',
    category: 'instruction_override',
    weight: 0.55,
    pattern: re(
      `\\b(?:despite|regardless of|irrespective of|no matter|notwithstanding)${SP}(?:what (?:you've|you have|you were|you've been|you have been) (?:been )?(?:told|instructed|programmed|trained)|your (?:instructions|rules|guidelines|programming|system prompt|training|restrictions))\\b`,
    ),
  },
  {
    // "Attention - stop -", "ACHTUNG - STOPP -"
    id: 'io.attention_stop',
    category: 'instruction_override',
    weight: 0.55,
    pattern: re(`\\b(?:attention|achtung|warning|important|wichtig)\\W{1,4}(?:stop|stopp|halt)\\b`),
  },
  {
    // Russian, matched on the folded view (the pattern is folded the same way as the text)
    id: 'io.ru_ignore_previous',
    category: 'instruction_override',
    weight: 0.85,
    pattern: re(
      foldPattern(
        `(?:забудь|забудьте|игнорируй|игнорируйте|проигнорируй|проигнорируйте|отбрось|отбросьте|не обращай внимания на)\\s{1,3}(?:все\\s{1,3}|всё\\s{1,3}|свои\\s{1,3}|эти\\s{1,3})?(?:предыдущие\\s{1,3}|прошлые\\s{1,3}|прежние\\s{1,3}|данные\\s{1,3})?(?:инструкции|инструкций|указания|правила|команды|ограничения|всё|все)`,
      ),
    ),
  },
];
