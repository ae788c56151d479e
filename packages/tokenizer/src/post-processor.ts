import { InvalidConfigError } from '@llm-shield/core';

/** A special token placed around the text: its id and segment (type) id. */
export interface SpecialTokenSlot {
  id: number;
  typeId: number;
}

/** What a `post_processor` of `tokenizer.json` does to one sequence. */
export interface SingleSequenceTemplate {
  /** Special tokens before the text (e.g. `[CLS]`, `<s>`). */
  prefix: SpecialTokenSlot[];
  /** Special tokens after the text (e.g. `[SEP]`, `</s>`): they always survive truncation. */
  suffix: SpecialTokenSlot[];
  /** Type id of the text's tokens. */
  typeId: number;
  /** Whether offsets of text tokens are trimmed of surrounding whitespace (RoBERTa/ByteLevel `trim_offsets`). */
  trimOffsets: boolean;
  /**
   * Whether the model takes `token_type_ids`: BertProcessing yes, RobertaProcessing no, TemplateProcessing yes
   * when its pair template gives the second sequence a non-zero type id (DeBERTa: yes), otherwise no.
   */
  usesTypeIds: boolean;
}

/** A `post_processor` entry of `tokenizer.json`. */
export interface PostProcessorConfig {
  type: string;
  [key: string]: unknown;
}

type TemplateItem = { SpecialToken?: { id: string; type_id?: number }; Sequence?: { id: string; type_id?: number } };

function tokenPair(value: unknown, name: string): number {
  if (Array.isArray(value) && typeof value[1] === 'number') return value[1];
  throw new InvalidConfigError(`post_processor.${name} must be [token, id] in tokenizer.json.`);
}

/** Reads the single-sequence template of a `post_processor` entry (`null`: no special tokens). */
export function readPostProcessor(config: PostProcessorConfig | null | undefined): SingleSequenceTemplate {
  const empty: SingleSequenceTemplate = { prefix: [], suffix: [], typeId: 0, trimOffsets: false, usesTypeIds: false };
  if (!config) return empty;
  switch (config.type) {
    case 'BertProcessing':
    case 'RobertaProcessing':
      return {
        prefix: [{ id: tokenPair(config['cls'], 'cls'), typeId: 0 }],
        suffix: [{ id: tokenPair(config['sep'], 'sep'), typeId: 0 }],
        typeId: 0,
        trimOffsets: config.type === 'RobertaProcessing' && config['trim_offsets'] !== false,
        usesTypeIds: config.type === 'BertProcessing',
      };
    case 'TemplateProcessing': {
      const special = (config['special_tokens'] ?? {}) as Record<string, { ids?: number[] }>;
      const slotsOf = (item: TemplateItem): SpecialTokenSlot[] => {
        const name = item.SpecialToken?.id ?? '';
        const ids = special[name]?.ids;
        if (!ids) throw new InvalidConfigError(`TemplateProcessing uses special token ${JSON.stringify(name)} without ids.`);
        return ids.map((id) => ({ id, typeId: item.SpecialToken?.type_id ?? 0 }));
      };
      const single = (config['single'] ?? []) as TemplateItem[];
      const result: SingleSequenceTemplate = { ...empty, prefix: [], suffix: [] };
      let seen = false;
      for (const item of single) {
        if (item.Sequence) {
          seen = true;
          result.typeId = item.Sequence.type_id ?? 0;
        } else if (item.SpecialToken) (seen ? result.suffix : result.prefix).push(...slotsOf(item));
      }
      const pair = (config['pair'] ?? []) as TemplateItem[];
      result.usesTypeIds = pair.some((item) => ((item.Sequence ?? item.SpecialToken)?.type_id ?? 0) !== 0);
      return result;
    }
    case 'ByteLevel':
      return { ...empty, trimOffsets: config['trim_offsets'] !== false };
    case 'Sequence': {
      const parts = ((config['processors'] as PostProcessorConfig[] | undefined) ?? []).map(readPostProcessor);
      return parts.reduce(
        (acc, part) => ({
          prefix: [...acc.prefix, ...part.prefix],
          suffix: [...part.suffix, ...acc.suffix],
          typeId: part.prefix.length + part.suffix.length > 0 ? part.typeId : acc.typeId,
          trimOffsets: acc.trimOffsets || part.trimOffsets,
          usesTypeIds: acc.usesTypeIds || part.usesTypeIds,
        }),
        empty,
      );
    }
    default:
      throw new InvalidConfigError(`Unsupported post_processor type ${JSON.stringify(config.type)} in tokenizer.json.`);
  }
}
