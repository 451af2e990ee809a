#!/usr/bin/env node
// Runs the TypeScript command line through tsx's loader, so no build step is needed.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/sargas.ts');
