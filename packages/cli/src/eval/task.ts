/** The evaluation tasks. Binary tasks have a positive class (injection, toxic); sentiment has three classes. */
export const EVAL_TASKS = ['prompt-injection', 'toxicity', 'sentiment'] as const;

/** One of {@link EVAL_TASKS}. */
export type EvalTask = (typeof EVAL_TASKS)[number];

/** The three sentiment classes, in the order used by confusion matrices. */
export const SENTIMENT_CLASSES = ['negative', 'neutral', 'positive'] as const;

/** One of {@link SENTIMENT_CLASSES}. */
export type SentimentClass = (typeof SENTIMENT_CLASSES)[number];

/** True when `value` names an {@link EvalTask}. */
export function isEvalTask(value: string): value is EvalTask {
  return (EVAL_TASKS as readonly string[]).includes(value);
}
