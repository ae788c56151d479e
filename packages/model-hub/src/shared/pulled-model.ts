import type { ModelVariant } from '@llm-shield/core';
import type { ModelRegistryEntry } from '../registry/model-entry.js';
import type { FileRole, PullPlan } from './pull-plan.js';

/** The files of a pulled model by role, the tokenizer config only when there is one. */
export interface PulledFiles<F> {
  model: F;
  tokenizer: F;
  tokenizerConfig?: F;
  config: F;
}

/** What a pulled model says about itself on every platform; `F` is the platform's file. */
export interface PulledModelBase<F> {
  entry: ModelRegistryEntry;
  /** Registry id. */
  modelId: string;
  /** Repo the files come from. */
  repoId: string;
  /** Commit of the files. */
  commit: string;
  /** Branch or tag that was resolved to `commit`, if any. */
  ref?: string;
  variant: ModelVariant;
  files: PulledFiles<F>;
  /** Warnings also given to `onWarning`. */
  warnings: string[];
}

/**
 * What every pulled model says about itself, in this order: entry, ids, commit, ref (the branch, if one was
 * resolved), variant, then `extra`, then its files by role.
 *
 * @param p - the plan
 * @param commit - the commit of the files
 * @param found - the files by role; every role but the tokenizer config must be there
 * @param extra - the platform's fields (cache directory, storage kind…)
 */
export function pulledModelFields<F, E extends object>(p: PullPlan, commit: string, found: Map<FileRole, F>, extra: E) {
  const get = (role: FileRole) => {
    const file = found.get(role);
    if (!file) throw new TypeError(`internal: ${role} missing`);
    return file;
  };
  const tokenizerConfig = found.get('tokenizerConfig');
  const files: PulledFiles<F> = { model: get('model'), tokenizer: get('tokenizer'), ...(tokenizerConfig ? { tokenizerConfig } : {}), config: get('config') };
  return {
    entry: p.entry,
    modelId: p.entry.id,
    repoId: p.entry.repoId,
    commit,
    ...(p.branch === undefined ? {} : { ref: p.branch }),
    variant: p.files.variant,
    ...extra,
    files,
  };
}
