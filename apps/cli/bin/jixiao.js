#!/usr/bin/env node
// Node 20 cannot run TypeScript by itself; tsx's loader is registered once, then the CLI runs from source.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
