#!/usr/bin/env node
// The endorse command: runs src/cli/endorse.ts through tsx, so a clone needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/endorse.ts');
main(process.argv.slice(2));
