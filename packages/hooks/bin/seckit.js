#!/usr/bin/env node
// seckit CLI. Exit codes: 0 passed, 1 blocked by findings, 2 usage / configuration / internal error.
// The CLI is one bundle of seckit's own code (dist/bundle/): a pre-commit hook pays for Node
// start-up plus a handful of files, not for resolving and loading 200 small modules.
import '../dist/bundle/main.js';
