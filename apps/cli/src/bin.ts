#!/usr/bin/env node
import { main } from './cli.js';

// `zhijian score … | head`: a closed pipe ends the program quietly.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

process.exitCode = await main(process.argv.slice(2), {
  openStdin: () => process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
