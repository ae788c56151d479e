import { re, type PatternRule } from '../rule.js';

/**
 * Delimiter attacks: chat-template tokens and role markers that try to close the user turn and open a
 * privileged one (`<|im_start|>system`, `[INST]`, `<<SYS>>`, `</s>`, `### System:`), and long separator runs
 * followed by instructions. These run on the folded view without leet mapping, so `|` and digits keep their
 * meaning.
 */
export const DELIMITER_ATTACK_RULES: readonly PatternRule[] = [
  {
    // ChatML / Llama-3 / GPT special tokens
    id: 'da.chat_template_token',
    category: 'delimiter_attack',
    weight: 0.85,
    view: 'symbols',
    pattern: re(
      `<\\|\\s{0,2}(?:im_start|im_end|im_sep|endoftext|startoftext|system|user|assistant|eot_id|start_header_id|end_header_id|begin_of_text|end_of_text|end|fim_prefix|fim_suffix|fim_middle|endofprompt)\\s{0,2}\\|>`,
    ),
  },
  {
    // Llama-2 / Mistral instruction markers
    id: 'da.inst_markers',
    category: 'delimiter_attack',
    weight: 0.75,
    view: 'symbols',
    pattern: re(`\\[\\/?inst\\]|<<\\/?sys>>|<\\/?start_of_turn>|<\\/?end_of_turn>`),
  },
  {
    // end-of-sequence tag "</s>" followed by more text
    id: 'da.end_of_sequence',
    category: 'delimiter_attack',
    weight: 0.45,
    view: 'symbols',
    pattern: re(`<\\/s>\\s{0,3}(?:<s>|\\[|[a-z#])`),
  },
  {
    // XML-like role tags: "<system>", "</user_input>", "<admin>"
    id: 'da.role_tags',
    category: 'delimiter_attack',
    weight: 0.5,
    view: 'symbols',
    pattern: re(`<\\/?\\s{0,2}(?:system|system_prompt|system-prompt|sys|admin|developer|instructions?|user_input|user-input|assistant|human|prompt|context|im_start)\\s{0,2}>`),
  },
  {
    // markdown role headers: "### System:", "## New Instructions", "### Assistant:" (not "### Instruction:")
    id: 'da.markdown_role_header',
    category: 'delimiter_attack',
    weight: 0.5,
    view: 'symbols',
    pattern: re(`(?:^|\\n)\\s{0,3}#{1,6}\\s{0,3}(?:system|system prompt|system message|new instructions?|new system prompt|admin|developer|override|assistant|ai|jailbreak)\\s{0,2}(?::|\\n|$)`),
  },
  {
    // JSON role injection: {"role": "system", ...}
    id: 'da.json_role',
    category: 'delimiter_attack',
    weight: 0.5,
    view: 'symbols',
    pattern: re(`["']role["']\\s{0,3}:\\s{0,3}["'](?:system|developer)["']`),
  },
  {
    // a long run of separators or escaped newlines followed by an instruction within 80 characters
    id: 'da.separator_then_instruction',
    category: 'delimiter_attack',
    weight: 0.55,
    view: 'symbols',
    pattern: re(
      `(?:[-=*#~+]{8}|(?:\\\\ {0,2}n\\s{0,3}){4}|(?:\\n[ \\t]{0,4}){6})[^a-z]{0,40}(?:(?:now|then|and|please|ok|okay|nun|jetzt|bitte)[^a-z]{1,3})?(?:ignore|disregard|forget|new instructions?|system|you are now|now you|generate|write|print|output|say|assistant|admin|override|generieren|schreibe|vergiss|ignoriere)\\b`,
    ),
  },
  {
    // escaped-newline runs on their own: "\n\n\n\n" typed as text
    id: 'da.escaped_newlines',
    category: 'delimiter_attack',
    weight: 0.35,
    view: 'symbols',
    pattern: re(`(?:\\\\ {0,2}n\\s{0,3}){3}`),
  },
  {
    // a typed "\\n" followed by a role or instruction label: "\\n Instruction: ...", "\\nSystem:"
    id: 'da.escaped_newline_label',
    category: 'delimiter_attack',
    weight: 0.6,
    view: 'symbols',
    pattern: re(`\\\\ {0,2}n\\s{0,3}(?:instruction|instructions|new instruction|new instructions|system|system prompt|assistant|task|anweisung|anweisungen|admin)\\s{0,2}:`),
  },
];
