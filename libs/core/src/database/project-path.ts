import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Finds a file the project carries (reference data) from the working directory upwards, so it
 * resolves the same from sources, from `dist/` and inside the container.
 */
export function projectPath(relative: string): string {
  let dir = process.cwd();
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'vliegwiel'
    ) {
      return path.join(dir, relative);
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Cannot find the Vliegwiel project above ${process.cwd()} to read ${relative}`);
    dir = parent;
  }
}
