#!/usr/bin/env node
// The installed language server command (`wslint-language-server --stdio`): runs the bundle `npm run build` makes.
import "../dist/wslint-language-server.js";
