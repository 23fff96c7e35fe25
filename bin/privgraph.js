#!/usr/bin/env node
// The `privgraph` command. Runs the TypeScript sources through @swc-node/register so the
// CLI works straight after `npm install`, with no build step.
require('@swc-node/register');
require('../src/cli/main.ts');
