import { z } from 'zod';
import { SEVERITIES } from '../severity.js';

export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;
