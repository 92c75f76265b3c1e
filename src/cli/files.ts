/** Reading scenario files from disk, with files they reference resolved relative to them. */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadScenarioText, type LoadResult } from '../scenario';

export function loadScenarioFile(path: string): LoadResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : code === 'EACCES' ? 'permission denied' : String(code ?? e);
    return { ok: false, issues: [{ path: '(file)', message: `cannot read ${path}: ${why}`, hint: 'check the path' }] };
  }
  const base = dirname(resolve(path));
  return loadScenarioText(text, {
    fileName: path,
    readFile: (rel) => {
      try {
        return readFileSync(resolve(base, rel), 'utf8');
      } catch {
        return null;
      }
    },
  });
}
