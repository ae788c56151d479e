import { InvalidConfigError } from '@llm-shield/core';

/** A programming language the Code scanner can name. */
export interface CodeLanguage {
  /** Canonical name: llm-guard's spelling for its languages (`Python`, `C#`, `Visual Basic .NET`), else the usual one. */
  name: string;
  /** highlight.js grammar used to identify it; absent when only a fence's info string can name it. */
  hljs?: string;
  /** Lower-case names accepted in options and recognised in fence info strings (```py). */
  aliases: readonly string[];
  /** Distinctive patterns (one point each, counted once) for the rule-based identifier. */
  signatures: readonly RegExp[];
}

/**
 * The languages of llm-guard's Code scanner (the 26 of its `SUPPORTED_LANGUAGES`) plus TypeScript, SQL, Shell, HTML,
 * CSS, JSON and YAML, which prompts and answers often carry.
 */
export const CODE_LANGUAGES: readonly CodeLanguage[] = [
  { name: 'ARM Assembly', hljs: 'armasm', aliases: ['arm assembly', 'arm', 'armasm'], signatures: [/^[ \t]*(?:MOV|LDR|STR|ADD|SUB|CMP|BNE|BEQ|BL|PUSH|POP)\s+R\d/im, /\bR\d{1,2},\s*#\d/] },
  { name: 'AppleScript', hljs: 'applescript', aliases: ['applescript', 'osascript'], signatures: [/\btell application\b/, /\bend tell\b/, /\bdisplay dialog\b/] },
  { name: 'C', hljs: 'c', aliases: ['c', 'h'], signatures: [/#include\s*<(?:stdio|stdlib|string|math|unistd)\.h>/, /\bprintf\s*\(/, /\bmalloc\s*\(/, /\bint\s+main\s*\(\s*(?:void|int argc)?/, /\bstruct\s+\w+\s*\{/] },
  { name: 'C#', hljs: 'csharp', aliases: ['c#', 'csharp', 'cs'], signatures: [/\busing\s+System(?:\.\w+)*;/, /\bConsole\.Write(?:Line)?\s*\(/, /\bnamespace\s+\w+/, /\bpublic\s+(?:static\s+)?(?:void|string|int|bool|async\s+Task)\s+[A-Z]\w*\s*\(/, /\bvar\s+\w+\s*=\s*new\s+[A-Z]/, /\{\s*get;\s*set;\s*\}/] },
  { name: 'C++', hljs: 'cpp', aliases: ['c++', 'cpp', 'cc', 'cxx', 'hpp'], signatures: [/#include\s*<(?:iostream|vector|string|map|algorithm|memory)>/, /\bstd::/, /\bcout\s*<</, /\busing\s+namespace\s+std\b/, /\btemplate\s*</, /\bcin\s*>>/] },
  { name: 'COBOL', aliases: ['cobol', 'cbl'], signatures: [/\bIDENTIFICATION DIVISION\b/, /\bPROCEDURE DIVISION\b/, /\bWORKING-STORAGE SECTION\b/] },
  { name: 'Erlang', hljs: 'erlang', aliases: ['erlang', 'erl'], signatures: [/^-module\(/m, /^-export\(\[/m, /\bio:format\(/] },
  { name: 'Fortran', hljs: 'fortran', aliases: ['fortran', 'f90', 'f95'], signatures: [/^[ \t]*PROGRAM\s+\w+/im, /^[ \t]*END\s+PROGRAM\b/im, /\bIMPLICIT NONE\b/i, /^[ \t]*INTEGER\s*::/im] },
  { name: 'Go', hljs: 'go', aliases: ['go', 'golang'], signatures: [/^package\s+main\b/m, /\bfunc\s+(?:\(\w+\s+\*?\w+\)\s*)?\w+\s*\(/, /\bfmt\.\w+\(/, /:=/, /\bimport\s+\(\s*"/] },
  { name: 'Java', hljs: 'java', aliases: ['java'], signatures: [/\bpublic\s+class\s+\w+/, /\bSystem\.out\.print/, /\bpublic\s+static\s+void\s+main\s*\(\s*String/, /\bimport\s+java\./, /\bprivate\s+(?:final\s+)?(?:int|String|boolean|List<)/, /\bnew\s+(?:ArrayList|HashMap|Scanner)\s*</] },
  { name: 'JavaScript', hljs: 'javascript', aliases: ['javascript', 'js', 'jsx', 'mjs', 'node', 'nodejs'], signatures: [/\bconsole\.log\s*\(/, /\bfunction\s*\w*\s*\([^)]*\)\s*\{/, /\b(?:const|let)\s+\w+\s*=/, /=>\s*[{(\w]/, /\bdocument\.\w+/, /\brequire\(\s*['"]/, /\bmodule\.exports\b/, /===/] },
  { name: 'Kotlin', hljs: 'kotlin', aliases: ['kotlin', 'kt'], signatures: [/\bfun\s+\w+\s*\(/, /\bval\s+\w+\s*[:=]/, /\bprintln\s*\(/, /\bdata\s+class\b/] },
  { name: 'Lua', hljs: 'lua', aliases: ['lua'], signatures: [/\blocal\s+\w+\s*=/, /\bfunction\s+\w+[.:]?\w*\s*\([^)]*\)\s*$/m, /^[ \t]*end\s*$/m, /\bthen\s*$/m, /~=/] },
  { name: 'Mathematica/Wolfram Language', hljs: 'mathematica', aliases: ['mathematica/wolfram language', 'mathematica', 'wolfram', 'wl'], signatures: [/\b(?:Plot|Table|Module|Solve|Integrate)\[/, /:=\s*\w+\[/] },
  { name: 'PHP', hljs: 'php', aliases: ['php'], signatures: [/<\?php/, /\$\w+\s*=/, /\becho\s+["$]/, /->\w+\(/, /\bfunction\s+\w+\s*\(\s*\$/] },
  { name: 'Pascal', hljs: 'delphi', aliases: ['pascal', 'delphi', 'pas'], signatures: [/^[ \t]*program\s+\w+;/im, /^[ \t]*end\.\s*$/im, /\bwriteln\s*\(/i, /:=/, /^[ \t]*var\s*$/im] },
  { name: 'Perl', hljs: 'perl', aliases: ['perl', 'pl'], signatures: [/^#!.*\bperl\b/m, /\buse\s+strict;/, /\bmy\s+[$@%]\w+/, /\bprint\s+"[^"]*\\n";/] },
  { name: 'PowerShell', hljs: 'powershell', aliases: ['powershell', 'ps1', 'pwsh', 'ps'], signatures: [/\b(?:Get|Set|New|Remove|Write|Invoke)-[A-Z]\w+/, /\$\w+\s*=\s*Get-/, /-(?:Path|Name|Filter|Recurse)\b/, /\|\s*(?:Where|ForEach|Select)-Object\b/] },
  { name: 'Python', hljs: 'python', aliases: ['python', 'py', 'python3', 'py3'], signatures: [/^[ \t]*def\s+\w+\s*\([^)]*\)\s*(?:->\s*[\w[\], ]+)?:/m, /^[ \t]*(?:from\s+[\w.]+\s+)?import\s+\w+/m, /\bprint\s*\(/, /\bself\b/, /^[ \t]*(?:elif|except|with)\b.*:\s*$/m, /"""/, /\bNone\b|\bTrue\b|\bFalse\b/, /^[ \t]*for\s+\w+\s+in\s+.+:\s*$/m, /\bdef __init__\b/, /^[ \t]*>>>/m] },
  { name: 'R', hljs: 'r', aliases: ['r'], signatures: [/\w+\s*<-\s*(?:c|function|data\.frame|read\.csv)\(/, /\blibrary\(\w+\)/, /\bggplot\(/] },
  { name: 'Ruby', hljs: 'ruby', aliases: ['ruby', 'rb'], signatures: [/^[ \t]*def\s+\w+[?!]?\s*(?:\(|$)/m, /^[ \t]*end\s*$/m, /\bputs\s+/, /\.each\s+do\s*\|/, /\brequire\s+['"]/, /\battr_accessor\b/] },
  { name: 'Rust', hljs: 'rust', aliases: ['rust', 'rs'], signatures: [/\bfn\s+\w+\s*(?:<[^>]*>)?\s*\(/, /\blet\s+mut\s+/, /\bprintln!\s*\(/, /\bimpl\b/, /\buse\s+std::/, /&str\b|\bVec<|\bOption<|\bResult</] },
  { name: 'Scala', hljs: 'scala', aliases: ['scala'], signatures: [/\bobject\s+\w+\s+extends\s+App\b/, /\bdef\s+\w+\s*\([^)]*:\s*\w+[^)]*\)\s*:\s*\w+\s*=/, /\bcase\s+class\b/, /\bval\s+\w+\s*:\s*\w+/] },
  { name: 'Swift', hljs: 'swift', aliases: ['swift'], signatures: [/\bfunc\s+\w+\s*\([^)]*\)\s*(?:->\s*\w+)?\s*\{/, /\bimport\s+(?:UIKit|Foundation|SwiftUI)\b/, /\bvar\s+\w+\s*:\s*\w+/, /\bguard\s+let\b|\bif\s+let\b/] },
  { name: 'Visual Basic .NET', hljs: 'vbnet', aliases: ['visual basic .net', 'vb', 'vbnet', 'vb.net'], signatures: [/\bDim\s+\w+\s+As\b/, /\bEnd\s+(?:Sub|Function|Module|Class)\b/, /\bConsole\.WriteLine\(/, /^[ \t]*(?:Public\s+|Private\s+)?Sub\s+\w+\(/m] },
  { name: 'jq', aliases: ['jq'], signatures: [/^[ \t]*\.\[\]\s*\|/m, /\|\s*select\(\./] },
  { name: 'TypeScript', hljs: 'typescript', aliases: ['typescript', 'ts', 'tsx'], signatures: [/\binterface\s+\w+\s*\{/, /:\s*(?:string|number|boolean|void|any|unknown)\b/, /\bexport\s+(?:type|interface)\b/, /\bas\s+const\b/] },
  { name: 'SQL', hljs: 'sql', aliases: ['sql', 'mysql', 'postgresql', 'postgres', 'sqlite', 'tsql', 'plsql'], signatures: [/\bSELECT\s[^;]{0,200}?\bFROM\b/i, /\bINSERT\s+INTO\b/i, /\bCREATE\s+TABLE\b/i, /\bWHERE\s+\w+\s*(?:=|LIKE|IN)\b/i, /\bUPDATE\s+\w+\s+SET\b/i, /\b(?:INNER|LEFT)\s+JOIN\b/i, /\bGROUP\s+BY\b|\bORDER\s+BY\b/i] },
  { name: 'Shell', hljs: 'bash', aliases: ['shell', 'bash', 'sh', 'zsh', 'console', 'shellscript'], signatures: [/^#!\/bin\/(?:ba|z)?sh/m, /^[ \t]*(?:sudo|apt(?:-get)?|npm|pip|git|curl|wget|chmod|export|cd|ls|grep|echo|mkdir|rm)\s/m, /\$\{?\w+\}?/, /\bfi\s*$|\bdone\s*$|\besac\b/m, /\|\s*(?:grep|awk|sed|xargs|wc)\b/] },
  { name: 'HTML', hljs: 'xml', aliases: ['html', 'xml', 'xhtml', 'svg'], signatures: [/<!DOCTYPE\s+html/i, /<\/?(?:html|head|body|div|span|p|a|ul|li|script|table)\b[^>]*>/i, /<\/\w+>/] },
  { name: 'CSS', hljs: 'css', aliases: ['css', 'scss', 'less'], signatures: [/^[.#]?[\w-]+(?:\s+[.#]?[\w-]+)*\s*\{\s*$/m, /^[ \t]*(?:color|margin|padding|display|font-size|background(?:-color)?)\s*:\s*[^;]+;/m] },
  { name: 'JSON', hljs: 'json', aliases: ['json', 'jsonc'], signatures: [/^[ \t]*[{[]\s*"\w+"\s*:/, /"\w+"\s*:\s*(?:"|\d|true|false|null|\{|\[)/] },
  { name: 'YAML', hljs: 'yaml', aliases: ['yaml', 'yml'], signatures: [/^[ \t]*[\w-]+:\s+\S/m, /^[ \t]*-\s+[\w-]+:\s/m, /^---\s*$/m] },
];

const BY_ALIAS = new Map<string, CodeLanguage>();
for (const language of CODE_LANGUAGES) for (const alias of [language.name.toLowerCase(), ...language.aliases]) BY_ALIAS.set(alias, language);

/** The language a name or fence info string stands for (case-insensitive), or `undefined`. */
export function codeLanguageByName(name: string): CodeLanguage | undefined {
  return BY_ALIAS.get(name.trim().toLowerCase());
}

/**
 * Resolves a `languages` option to canonical names.
 * @throws InvalidConfigError naming `scanner`, `languages` and the unknown value.
 */
export function resolveCodeLanguages(scanner: string, names: readonly string[]): string[] {
  return names.map((name) => {
    const language = codeLanguageByName(name);
    if (!language) {
      throw new InvalidConfigError(`${scanner}: unknown programming language ${JSON.stringify(name)}; known: ${CODE_LANGUAGES.map((l) => l.name).join(', ')}.`, {
        details: { scanner, field: 'languages', value: name },
      });
    }
    return language.name;
  });
}
