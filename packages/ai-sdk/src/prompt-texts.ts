import type { InputText } from '@llm-shield/shield';
import type { PromptMessage, PromptPart, ToolResultOutput } from './prompt-types.js';

/** Where a scanned text lives in the prompt, to put its sanitized version back. */
interface TextLocation {
  message: number;
  part: number;
}

/** The texts of a prompt to scan and where they came from. */
export interface PromptTexts {
  texts: InputText[];
  locations: TextLocation[];
  /** The user text the output scanners see as the prompt (the last user turn). */
  lastUserText: string;
}

/** The text of a tool result's output (JSON values as JSON text). */
export function toolOutputText(output: ToolResultOutput): string {
  switch (output.type) {
    case 'text':
    case 'error-text':
      return typeof output.value === 'string' ? output.value : '';
    case 'json':
    case 'error-json':
      return JSON.stringify(output.value) ?? '';
    case 'content':
      return Array.isArray(output.value)
        ? output.value
            .map((item: { type: string; text?: string }) => (item.type === 'text' && typeof item.text === 'string' ? item.text : ''))
            .filter((text) => text.length > 0)
            .join('\n')
        : '';
    default:
      return '';
  }
}

function isText(part: PromptPart): part is { type: 'text'; text: string } {
  return part.type === 'text' && typeof (part as { text?: unknown }).text === 'string';
}

function isToolResult(part: PromptPart): part is Extract<PromptPart, { type: 'tool-result' }> & { output: ToolResultOutput; toolName: string } {
  return part.type === 'tool-result' && typeof (part as { output?: unknown }).output === 'object';
}

/**
 * Picks the texts to scan: the user turns (`last`: the last one; `all`: every one) and, with `toolResults`, the
 * tool results (after the last user turn, or all with `all`).
 */
export function collectPromptTexts(prompt: readonly PromptMessage[], messages: 'last' | 'all', toolResults: boolean): PromptTexts {
  let lastUser = -1;
  prompt.forEach((message, index) => {
    if (message.role === 'user') lastUser = index;
  });
  const texts: InputText[] = [];
  const locations: TextLocation[] = [];
  const userTexts: string[] = [];
  prompt.forEach((message, index) => {
    if (typeof message.content === 'string') return;
    const inScope = messages === 'all' || index >= lastUser;
    message.content.forEach((part, partIndex) => {
      if (message.role === 'user' && isText(part)) {
        if (index === lastUser) userTexts.push(part.text);
        if (!inScope || (messages === 'last' && index !== lastUser)) return;
        texts.push({ text: part.text, source: 'user' });
        locations.push({ message: index, part: partIndex });
      } else if (toolResults && inScope && isToolResult(part)) {
        const text = toolOutputText(part.output);
        if (text.length === 0) return;
        texts.push({ text, source: 'tool', toolName: part.toolName });
        locations.push({ message: index, part: partIndex });
      }
    });
  });
  return { texts, locations, lastUserText: userTexts.join('\n') };
}

/**
 * A copy of the prompt with the sanitized texts put back (a sanitized tool result becomes a `text` output); the
 * messages and parts not touched are shared with the original.
 */
export function applySanitized(prompt: readonly PromptMessage[], found: PromptTexts, sanitized: readonly string[]): PromptMessage[] {
  const copy = prompt.map((message) => (typeof message.content === 'string' ? message : { ...message, content: [...message.content] })) as PromptMessage[];
  found.locations.forEach((location, index) => {
    const text = sanitized[index]!;
    if (text === found.texts[index]!.text) return;
    const message = copy[location.message]!;
    if (typeof message.content === 'string') return;
    const part = message.content[location.part]!;
    message.content[location.part] = isText(part) ? { ...part, text } : { ...part, output: { type: 'text', value: text } };
  });
  return copy;
}
