import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

/**
 * Compare `actual` with the expected-output file `<path>` (JSON).
 * UPDATE_EXPECTED=1 rewrites it; a missing or different file fails and leaves `<path>-changed` to review.
 */
export function matchExpected(
  path: string,
  actual: unknown,
  update = process.env.UPDATE_EXPECTED === '1',
): { ok: true } | { ok: false; reason: string } {
  const text = JSON.stringify(actual, null, 2) + '\n';
  const changed = `${path}-changed`;
  if (update) {
    writeFileSync(path, text);
    rmSync(changed, { force: true });
    return { ok: true };
  }
  if (!existsSync(path)) {
    writeFileSync(changed, text);
    return { ok: false, reason: `${path} does not exist; review ${changed} and rename it (or run with UPDATE_EXPECTED=1)` };
  }
  if (readFileSync(path, 'utf8') !== text) {
    writeFileSync(changed, text);
    return { ok: false, reason: `output differs from ${path}; compare with ${changed}` };
  }
  rmSync(changed, { force: true });
  return { ok: true };
}
