// Every `--format` (format-output.ts loads this only for formats other than text).
export { formatReport } from '@seckit/core';
