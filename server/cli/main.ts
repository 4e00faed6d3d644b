#!/usr/bin/env node
/** `saiken`: the command line. Everything is in program.ts; this only runs it and sets the exit status. */
import { runCli } from './program.js';

process.exitCode = await runCli(process.argv.slice(2));
