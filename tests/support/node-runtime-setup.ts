/**
 * Builds the headless runtime bundle once before the unit tests, so that test files running in
 * parallel do not each build it (src/kernel/node/runtime-bundle.ts caches it by source hash).
 */
import { nodeRuntimeBundle } from '../../src/kernel/node/runtime-bundle.ts';

export async function setup(): Promise<void> {
  await nodeRuntimeBundle();
}
