import { projectDefaults } from '@seckit/vitest-config';
import { defineProject } from 'vitest/config';

export default defineProject({ test: { ...projectDefaults, name: 'secretlint-rule-preset' } });
