#!/usr/bin/env node
// Launcher committed with its executable bit, so `npx llm-shield` works right after install;
// the compiled CLI lives in dist/.
import '../dist/bin.js';
