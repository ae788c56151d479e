/**
 * Toxicity lexicon. Source: written for this project (no third-party word list was copied). The term list was
 * drafted by hand; the weights were then set by hand and adjusted against two training sets whose licenses allow
 * derived work: the Jigsaw Toxic Comment train pools (data CC0, comment text CC BY-SA 3.0, via
 * predibase/llm_distillation_playbook `data/data_pools/train.*.csv`) and the Davidson et al. (2017) hate/offensive
 * tweets (MIT, t-davidson/hate-speech-and-offensive-language). Nothing here is derived from TweetEval or any test
 * split.
 *
 * Content warning: this file necessarily lists slurs and profanity.
 *
 * Format of an entry: `[forms, weight, categories, severe]`.
 * - `forms`: `|`-separated lower-case word forms matched as whole tokens (after de-obfuscation). A form written
 *   `root*` matches any token that starts with `root`; `*root*` any token that contains it. Only roots that no
 *   common English word contains get those modes ("Scunthorpe" has `cunt` inside, so `cunt` is a prefix root).
 * - `weight`: evidence in (0, 1] for `toxic` and for each listed category; one hit with weight > 0.5 flags a text
 *   at the default threshold.
 * - `categories`: letters, `o` obscene, `i` insult, `h` identity_hate, `t` threat; empty for `toxic` only.
 * - `severe`: evidence for `severe_toxic` (0 when absent).
 */
export type LexiconEntry = readonly [forms: string, weight: number, categories: string, severe?: number];

/** Profanity and sexual vulgarity. */
export const OBSCENE_TERMS: readonly LexiconEntry[] = [
  ['*fuck*|fucks|fucked|fucker|fuckers|fucking|fuckin|fuckoff|fuckface|fuckhead|fuckup|fuk|fuks|fuking|fukin|fukker|fck|fcking|fckin|fcuk|fcuking|fuq|fuqing|phuck|phucking|fuc|fucc|fukk|fuckk|effing|mofo|stfu|gtfo|fml|fk|fkn|fkin|fking|fkng|fuckwit|fucktard|fcked|fked', 0.92, 'o', 0.35],
  ['cunt*|cunts|kunt|cunty', 0.95, 'oi', 0.5],
  ['*motherf*|muthafucka|muthafuckas|mothafucka|motherfucka', 0.95, 'oi', 0.5],
  ['*cocksucker*|cocksucking|cocksuckers', 0.95, 'oi', 0.5],
  ['shit|shits|shitty|shitting|shitted|shithead|shitheads|shithole|shitholes|shite|shitface|bullshit|bullshitting|horseshit|batshit|dipshit|dipshits|chickenshit|apeshit|shitload|sht|shyt|shiit|shitter|shitstain|shitbag|shitheel|dogshit|jackshit|holyshit', 0.85, 'o', 0.15],
  ['*bitch*|bitches|bitching|bitchy|bitchass|biatch|biotch|bytch|beotch|betch|bich|bitchs', 0.9, 'oi', 0.2],
  ['asshole|assholes|arsehole|arseholes|ashole|assh0le|asswipe|asswipes|asshat|asshats|assclown|asskisser|assface|asslicker|asshead|assbag|fatass|dumbass|dumbasses|jackass|jackasses|smartass|lardass|kissass|asses|azz|arse|arses|a55', 0.85, 'oi', 0.15],
  ['ass', 0.72, 'oi', 0.1],
  ['dick|dicks|dickhead|dickheads|dickface|dickwad|dickweed|dickish|dicking|dickless|dicksucker|dik', 0.85, 'oi', 0.15],
  ['cock|cocks|cockhead|cockface|cockbite', 0.8, 'o', 0.15],
  ['pussy|pussies|pussys|pussie|puss', 0.85, 'oi', 0.15],
  ['bastard|bastards|basterd|bastardo', 0.85, 'oi', 0.1],
  ['wanker|wankers|wank|wanking|wanked|wankstain', 0.85, 'oi', 0.1],
  ['twat|twats|twatwaffle', 0.88, 'oi', 0.2],
  ['prick|pricks', 0.72, 'oi', 0.1],
  ['whore|whores|whoring|hoe|hoes|hoebag|slut|sluts|slutty|skank|skanks|skanky|thot|thots|tramp', 0.85, 'oi', 0.2],
  ['douche|douches|douchebag|douchebags|douchey|douchecanoe', 0.8, 'oi', 0.05],
  ['piss|pissing|pisser|pisses|pissoff', 0.7, 'o', 0.05],
  ['pissed', 0.45, 'o'],
  ['bollocks|bollox|buggered|knobhead|knob|bellend|tosser|minger', 0.65, 'oi', 0.05],
  ['tits|titties|titty|boobs|boobies|booby', 0.6, 'o', 0.05],
  ['penis|penises|vagina|vaginas|anus|scrotum|testicles|genitals|clitoris', 0.55, 'o'],
  ['cum|cumming|cumshot|jizz|jizzed|semen|spunk|blowjob|blowjobs|handjob|rimjob|dildo|dildos|buttplug|masturbate|masturbating|wanking|orgasm|boner|erection|horny|sexting', 0.7, 'o', 0.1],
  ['porn|porno|pornography|pornstar|naked|nude|nudes|sexy', 0.35, 'o'],
  ['sex|sexual|fetish', 0.15, 'o'],
  ['anal|buttsex|buttfuck|gangbang|bukkake|bestiality|pedophile|pedophiles|paedophile|pedo|pedos|paedo|molester|rapist|rapists', 0.7, 'oi', 0.2],
  ['crap|crappy|craps|crapper', 0.55, 'o'],
  ['damn|damned|dammit|damnit|goddamn|goddamned|goddammit|dang', 0.4, 'o'],
  ['hell', 0.28, 'o'],
  ['wtf|omfg|lmfao|ffs|af', 0.45, 'o'],
  ['bloody|bleeding|frigging|friggin|freaking|freakin|effin', 0.2, 'o'],
  ['butt|butts|butthole|buttholes|butthead|buttface|butthurt|booty|ballsack|nutsack', 0.4, 'o'],
  ['suck|sucks|sucked|sucking|sucker|suckers|sux', 0.52, 'oi', 0.05],
  ['screw|screwed|screwing', 0.3, 'o'],
  ['poop|poopy|poo|turd|turds|fart|farts|farting|puke|vomit|bum|bums|bumhole|bumholes|bugger|buggers', 0.35, 'oi'],
];

/** Name-calling and contempt. */
export const INSULT_TERMS: readonly LexiconEntry[] = [
  ['idiot|idiots|idiotic|idiocy|idjit|eejit', 0.82, 'i', 0.05],
  ['moron|morons|moronic', 0.85, 'i', 0.05],
  ['imbecile|imbeciles|cretin|cretins|dimwit|dimwits|nitwit|nitwits|halfwit|halfwits|numbskull|numbnuts|dunce|dolt|dumbo|nimrod|simpleton|ignoramus|bozo|buffoon|buffoons|twit|twits|tard|tards|fucktard', 0.8, 'i', 0.05],
  ['retard|retards|retarded|retardo|libtard|libtards|mongoloid|spaz|spazz', 0.85, 'ih', 0.1],
  ['stupid|stupidity|stoopid|stupidest|stupider', 0.5, 'i'],
  ['dumb|dumber|dumbest|dummy|dummies', 0.45, 'i'],
  ['loser|losers|looser|loosers', 0.72, 'i'],
  ['scum|scumbag|scumbags|scummy|lowlife|lowlifes|dirtbag|dirtbags|sleazebag|slimeball|maggot|maggots|vermin|parasite|parasites|cockroach|cockroaches|subhuman|subhumans|untermensch', 0.78, 'i', 0.05],
  ['pathetic|worthless|brainless|spineless|gutless|despicable|contemptible|imbecilic|thug|thugs', 0.55, 'i'],
  ['useless|clueless|disgraceful|shameful|liar|liars|inept|witless', 0.45, 'i'],
  ['jerk|jerks|creep|creeps|creepy|pervert|perverts|perv|pervy|weirdo|weirdos|freak|freaks|psycho|psychos|lunatic|lunatics|nutjob|nutcase|sicko|sickos|degenerate|degenerates', 0.55, 'i'],
  ['ugly|fatty|fatso|lardass|hideous|disgusting|repulsive|vile', 0.45, 'i'],
  ['fat', 0.3, 'i'],
  ['pig|pigs|swine', 0.3, 'i'],
  ['hypocrite|hypocrites|hypocritical|coward|cowards|cowardly|bully|bullies|troll|trolls|clown|clowns|fool|fools|foolish|ignorant|incompetent|arrogant|lame|nerd|nerds|wimp|wimps|sissy|wuss|crybaby|snowflake|snowflakes|bimbo|hag|hags|trash|garbage|filth|filthy|nazi|nazis|fascist|fascists|racist|racists|bigot|bigots|ignoramus', 0.25, 'i'],
  ['creepy|gross|obese|ridiculous|absurd|nonsense|crazy|insane|sick|evil|nasty|dirty|baby|witch|rubbish|pompous|pretentious|geek|dork|dorks|loony|commie|commies|lying|trolling|mindless|hopeless', 0.12, 'i'],
  ['shut', 0.25, 'i'],
  ['hate|hated|hates|hating|hater|haters', 0.35, ''],
  ['rape|raped|raping|rapes', 0.5, 'ot', 0.15],
];

/** Slurs against protected groups. */
export const IDENTITY_SLURS: readonly LexiconEntry[] = [
  ['nigger*|nigga|niggas|niggaz|niggah|niggahs|nigguh|nigguhs|niggar|niggers|niccas|nicca|niglet|niglets|sandnigger|sandniggers|nigs', 0.97, 'hio', 0.4],
  ['*faggot*|fag|fags|fagg|faggit|fagget|faggy|fagot|fagots|faggots', 0.95, 'hio', 0.35],
  ['dyke|dykes|tranny|trannies|shemale|shemales|ladyboy|lesbo|lesbos|poof|poofter|poofs|sodomite|sodomites|batty|queers', 0.75, 'hi', 0.1],
  ['kike|kikes|kyke|yid|yids|heeb|hebe|spic|spics|spick|wetback|wetbacks|beaner|beaners|gook|gooks|raghead|ragheads|towelhead|towelheads|paki|pakis|jigaboo|jigaboos|porchmonkey|darkie|darkies|wog|wogs|gyppo|pikey|zipperhead|zipperheads|slanteyes|injun|injuns|honkey', 0.85, 'hi', 0.2],
  ['homo|homos|chink|chinks|cracker|crackers|slant|redskin|redskins|gringo|gringos|kraut|krauts|coon|coons|honky|squaw|negro|negros|queer|coloreds|mulatto|oriental|orientals|illegals|jihadi|jihadis|muzzie|muzzies|moslem|moslems|islamist|islamists', 0.35, 'h'],
];

/**
 * Names of identity groups. They carry no weight alone ("gay", "Muslim", "women" are not toxic); next to a
 * profanity, an insult or a hateful predicate in the same clause they make the text identity hate.
 */
export const IDENTITY_GROUPS: string =
  'gay|gays|lesbian|lesbians|homosexual|homosexuals|bisexual|bisexuals|trans|transgender|transgenders|transsexual|lgbt|lgbtq|' +
  'jew|jews|jewish|judaism|zionist|zionists|israeli|israelis|muslim|muslims|islam|islamic|arab|arabs|christian|christians|' +
  'catholic|catholics|hindu|hindus|sikh|sikhs|buddhist|buddhists|atheist|atheists|black|blacks|african|africans|white|whites|' +
  'asian|asians|chinese|japanese|korean|koreans|indian|indians|pakistani|pakistanis|mexican|mexicans|latino|latinos|latina|' +
  'latinas|hispanic|hispanics|immigrant|immigrants|migrant|migrants|refugee|refugees|foreigner|foreigners|negroes|' +
  'woman|women|female|females|girls|feminist|feminists|men|males|gypsy|gypsies|roma|irish|polish|russians|russian|' +
  'americans|turks|turkish|kurds|serbs|serbian|croats|albanians|greeks|armenians|iranians|palestinians|' +
  'disabled|autistic|deaf|blind|gypsies';

/**
 * Words that dehumanise or condemn a group. No weight alone; after an identity group in the same clause
 * ("immigrants are vermin", "muslims are terrorists") they make the text identity hate.
 */
export const DEHUMANIZING: string =
  'animals|animal|beasts|savages|savage|vermin|parasites|parasite|cockroaches|rats|pigs|dogs|apes|monkeys|subhuman|' +
  'subhumans|inferior|terrorists|terrorist|criminals|criminal|rapists|thieves|invaders|invasion|scum|filth|filthy|dirty|' +
  'disgusting|evil|disease|plague|cancer|trash|garbage|degenerates|degenerate|perverts|pedophiles|sick|worthless|' +
  'stupid|dumb|lazy|primitive|barbaric|barbarians|uncivilized|illegal|illegals|deported|deport|banned|exterminated|' +
  'gassed|wiped|eliminated|die|burn|hanged|shot|killed|kill|hate|hated|ruin|ruining|destroying|destroy';
