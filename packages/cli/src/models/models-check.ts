import type { CliIo } from '../cli-io.js';
import { formatTable } from '../text-table.js';
import type { ModelsArgs } from './models-args.js';
import type { ModelsContext } from './models-context.js';
import { checkModelRevision, type RevisionCheck } from './check-revision.js';
import { formatPulledModel, pulledModelJson, type PulledModelJson } from './models-pull.js';
import { resolveTargets } from './resolve-targets.js';
import { shortCommit } from './short-commit.js';

/**
 * `llm-shield models check | update [MODEL | --all] [--apply]`: asks the hub for the head of each model's branch
 * and says whether the pin is behind it. With `--apply`, pulls the head of the models whose pin is behind or whose
 * cache does not hold the head yet (this writes `refs/<branch>`; a verified pin keeps selecting its commit until the
 * registry entry changes). Needs the network. Exit 1 when a pin is behind and `--apply` was not given, else 0.
 */
export async function modelsCheck(args: ModelsArgs, context: ModelsContext, io: CliIo): Promise<number> {
  const checks: RevisionCheck[] = [];
  for (const entry of resolveTargets(context.registry, args.model)) checks.push(await checkModelRevision(context.http, context.settings, entry));
  const applied: PulledModelJson[] = [];
  let text = '';
  if (args.apply) {
    for (const check of checks) {
      if (check.status === 'up-to-date' && !check.cacheBehind) continue;
      const pulled = await context.hub.pull(check.entry, {
        revision: check.branch,
        ...(args.variant === undefined ? {} : { variant: args.variant }),
      });
      applied.push(pulledModelJson(pulled));
      text += formatPulledModel(pulled);
      if (check.entry.revision.status === 'verified' && check.pinned !== null && check.pinned !== pulled.commit) {
        text += `  note: the verified registry pin ${shortCommit(check.pinned)} still selects the files scanners load; update the registry entry to move it.\n`;
      }
    }
  }
  const behind = checks.filter((check) => check.status === 'behind');
  if (args.json) {
    const models = checks.map((c) => ({
      model: c.entry.id,
      repoId: c.entry.repoId,
      branch: c.branch,
      pinned: c.pinned,
      pinStatus: c.pinStatus,
      head: c.head,
      cached: c.cached ?? null,
      status: c.status,
      cacheBehind: c.cacheBehind,
    }));
    io.stdout.write(`${JSON.stringify({ hubUrl: context.settings.hubUrl, models, applied }, null, 2)}\n`);
  } else {
    const rows = [['MODEL', 'REPO', 'BRANCH', 'PIN', 'HEAD', 'STATUS', 'CACHED']];
    for (const c of checks) {
      rows.push([
        c.entry.id,
        c.entry.repoId,
        c.branch,
        `${shortCommit(c.pinned)} (${c.pinStatus})`,
        shortCommit(c.head),
        c.status,
        c.cached === undefined ? '-' : c.cached === c.head ? 'head' : shortCommit(c.cached),
      ]);
    }
    io.stdout.write(`${formatTable(rows, rows[0]?.map(() => 'left' as const))}\n`);
    if (behind.length > 0 && !args.apply) {
      io.stdout.write(
        `${behind.length} pin(s) behind the branch head. \`llm-shield models update --apply\` pulls the head; ` +
          'confirm a head before pinning it in the registry.\n',
      );
    }
    io.stdout.write(text);
  }
  return behind.length > 0 && !args.apply ? 1 : 0;
}
