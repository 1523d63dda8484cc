// Keeps every core busy with spinning worker threads, to prove the tests pass on a loaded machine.
//
//   node scripts/busy.mjs [--threads N] [--seconds S] [-- command args…]
//
// With a command: runs it (output inherited) while the cores are busy, then stops and exits with the command's code.
// Without one: busy for S seconds (default: until Ctrl-C). Threads default to the number of cores.
import { spawn } from 'node:child_process';
import os from 'node:os';
import { Worker } from 'node:worker_threads';

const argv = process.argv.slice(2);
const dashes = argv.indexOf('--');
const own = dashes === -1 ? argv : argv.slice(0, dashes);
const command = dashes === -1 ? [] : argv.slice(dashes + 1);
const option = (name, fallback) => {
  const i = own.indexOf(name);
  return i === -1 ? fallback : Number(own[i + 1]);
};
const threads = option('--threads', os.availableParallelism());
const seconds = option('--seconds', Number.POSITIVE_INFINITY);

const spin = 'for (;;) { let x = 0; for (let i = 0; i < 1e7; i++) x += Math.sqrt(i); if (x < 0) break; }';
const workers = Array.from({ length: threads }, () => new Worker(spin, { eval: true }));
console.log(`busy: ${threads} spinning threads${command.length ? ` while ${command.join(' ')} runs` : ''}`);

function stop(code) {
  for (const w of workers) void w.terminate();
  process.exit(code);
}

if (command.length) {
  const child = spawn(command[0], command.slice(1), { stdio: 'inherit' });
  child.on('exit', (code, signal) => stop(code ?? (signal ? 1 : 0)));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
} else {
  if (Number.isFinite(seconds)) setTimeout(() => stop(0), seconds * 1000);
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => stop(0));
}
