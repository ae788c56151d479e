import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes `body` into `path` between `<!-- NAME:start -->` and `<!-- NAME:end -->`, keeping whatever else the
 * file holds (other sections may be written by other tools or by hand). Creates the file with `title` when
 * it does not exist; appends the section when the markers are missing.
 *
 * @param {string} path - the Markdown file
 * @param {string} name - the section's marker name
 * @param {string} title - first line of a new file (e.g. `# Accuracy`)
 * @param {string} body - the section's Markdown
 */
export function updateMarkedSection(path, name, title, body) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const section = `${start}\n${body.trim()}\n${end}`;
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${title}\n\n${section}\n`);
    return;
  }
  const current = readFileSync(path, 'utf8');
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next =
    from >= 0 && to > from ? `${current.slice(0, from)}${section}${current.slice(to + end.length)}` : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(path, next);
}
