import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * `../shared/fixtures` beside the project, found by walking up from here: the mutation runs copy
 * the project into a sandbox a few folders deeper.
 */
export function sharedFixturesDir(from: string = import.meta.dirname): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'fixtures');
    if (existsSync(candidate)) return candidate;
  }
  throw new Error('../shared/fixtures not found beside the project');
}
