import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ContentError } from './content-error.ts';

export type YamlFile = { readonly id: string; readonly shown: string; readonly source: string };

/**
 * The `*.yaml` files directly inside `dir`, in name order, read as text. `shown` is the name used
 * in problem lines (`questions/x.yaml`); a `.yml` file is a problem (one spelling only);
 * subfolders and other files are skipped. An unreadable folder throws a ContentError.
 */
export function readYamlFiles(dir: string, what: string): { files: YamlFile[]; problems: string[] } {
  const shownDir = basename(dir.replace(/[/\\]+$/, '')) || dir;
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    throw new ContentError([`${shownDir}: (folder): cannot read the folder "${dir}"`]);
  }
  const files: YamlFile[] = [];
  const problems: string[] = [];
  for (const name of names) {
    const full = join(dir, name);
    if (!statSync(full, { throwIfNoEntry: false })?.isFile()) continue;
    const shown = `${shownDir}/${name}`;
    if (name.endsWith('.yml')) problems.push(`${shown}: (file): ${what} files must end in .yaml, not .yml`);
    if (!name.endsWith('.yaml')) continue;
    files.push({ id: name.slice(0, -'.yaml'.length), shown, source: readFileSync(full, 'utf8') });
  }
  return { files, problems };
}
