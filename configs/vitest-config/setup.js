import { afterAll } from 'vitest';
import { removeTempDirs } from './test-utils.js';

afterAll(removeTempDirs);
