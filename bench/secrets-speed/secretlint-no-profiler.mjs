// Preload (`node --import`) for the secretlint 12.0.0 CLI: switches its profiler off. 12.0.0 records
// a performance mark for every step of every file and searches all earlier marks on each new one
// (secretlint issue #1653), so its time per file grows with the number of files already linted;
// 13.x only profiles on request (PR #1673). With this preload, 12.0.0 runs as 13.x would on that
// point: the fairest secretlint to compare with. It changes no finding (the profiler only measures).
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const cli = new URL('../.work/secretlint-cli/package.json', import.meta.url);
const profilerPath = createRequire(cli).resolve('@secretlint/profiler');
const { secretLintProfiler } = await import(pathToFileURL(profilerPath).href);
secretLintProfiler.mark = () => {};
