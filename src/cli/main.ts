import { runCli } from './run.js';

// The only place that touches process state: everything below takes it as parameters.
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  today: () => new Date().toISOString().slice(0, 10),
});
