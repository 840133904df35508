#!/usr/bin/env node
// The built program; a committed shim so that npm links the command even before the first build.
import '../dist/server/bin.js';
