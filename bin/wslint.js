#!/usr/bin/env node
// The installed command: runs the bundled CLI (built by `npm run build`, which `npm ci` runs through `prepare`).
import "../dist/wslint.js";
