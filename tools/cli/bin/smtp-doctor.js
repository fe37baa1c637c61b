#!/usr/bin/env node
// launcher placeholder; see tools/cli
import("../dist/main.js");
