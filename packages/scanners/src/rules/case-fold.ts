/**
 * Case folding by UTF-16 code unit, so that offsets into a folded text are offsets into the original: each code
 * unit maps to its lower-case form when that form is a single code unit, otherwise to itself (e.g. `İ`, whose
 * lower case is two code units, stays as it is; astral letters such as Deseret are not folded). This is what
 * case-insensitive literal matching needs: it never changes lengths.
 */

let table: Uint16Array | undefined;

function foldTable(): Uint16Array {
  if (table) return table;
  table = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) {
    table[c] = c;
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const lower = String.fromCharCode(c).toLowerCase();
    if (lower.length === 1) table[c] = lower.charCodeAt(0);
  }
  return table;
}

/** The folded code unit of `code`. */
export function foldCodeUnit(code: number): number {
  return foldTable()[code]!;
}

/** The whole table (index: code unit, value: folded code unit); built once on first use. */
export function caseFoldTable(): Uint16Array {
  return foldTable();
}

/** `text` with every code unit folded; same length as `text`. */
export function foldCase(text: string): string {
  const t = foldTable();
  let out = '';
  let changed = false;
  const codes = new Array<number>(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const f = t[c]!;
    if (f !== c) changed = true;
    codes[i] = f;
  }
  if (!changed) return text;
  const CHUNK = 8192;
  for (let i = 0; i < codes.length; i += CHUNK) out += String.fromCharCode(...codes.slice(i, i + CHUNK));
  return out;
}
