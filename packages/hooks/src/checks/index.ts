import type { FileCheck } from './check.js';
import { secretlintCheck } from './secretlint-check.js';

/** Every file check, in the order they run. The policy's `checks` switches them by id. */
export const fileChecks: readonly FileCheck[] = [secretlintCheck];
