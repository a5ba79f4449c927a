#!/usr/bin/env node
// The `stepwise` command. Plain JavaScript so it starts without a build: it registers tsx
// (the TypeScript loader) and runs the TypeScript CLI.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
