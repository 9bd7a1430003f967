#!/usr/bin/env node
// Starts the built `fellwatch` admin CLI (run `npx tsc -b` or `npm run build` first).
import '../dist/main.js';
