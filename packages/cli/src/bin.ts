#!/usr/bin/env node
import { fileURLToPath } from 'node:url';
import { processIo } from './cli-io.js';
import { ARGV_ON_STDIN, isLongArgv, readArgvFromStdin, rerunWithArgvOnStdin } from './long-argv.js';
import { main } from './main.js';

const args = process.argv.slice(2);
if (process.env[ARGV_ON_STDIN] === '1') {
  process.exitCode = await main(await readArgvFromStdin(process.stdin), { ...processIo(), stdin: undefined });
} else if (isLongArgv(args)) {
  // A long command line crashes onnxruntime-node's session creation: run again with the arguments on a pipe.
  process.exitCode = await rerunWithArgvOnStdin(fileURLToPath(import.meta.url), args);
} else {
  process.exitCode = await main(args, processIo());
}
