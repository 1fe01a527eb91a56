import { lintSource } from '@secretlint/core';
import { creator as recommended } from '@secretlint/secretlint-rule-preset-recommend';
import type {
  SecretLintCoreConfig,
  SecretLintCoreResultMessage,
  SecretLintRuleCreator,
} from '@secretlint/types';
import { creator, rules } from '../../src/index.js';

export type Message = SecretLintCoreResultMessage & { data?: { CREDENTIAL?: string } };

/** Runs the given secretlint rules (default: our whole preset) over one text. */
export async function lint(
  text: string,
  options: { path?: string; rules?: SecretLintCoreConfig['rules']; ruleOptions?: object } = {},
): Promise<Message[]> {
  const path = options.path ?? '/repo/file.txt';
  const config: SecretLintCoreConfig = {
    rules: options.rules ?? [{ id: creator.meta.id, rule: creator }],
  };
  const result = await lintSource({
    source: { filePath: path, content: text, ext: extname(path), contentType: 'text' },
    options: { config, maskSecrets: false },
  });
  return result.messages as Message[];
}

function extname(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot);
}

/** Runs one of our rules alone. */
export function lintWithRule(
  name: string,
  text: string,
  path?: string,
  ruleOptions?: object,
): Promise<Message[]> {
  const rule = rules.find((r) => r.meta.id === `@seckit/secretlint-rule-${name}`);
  if (rule === undefined) throw new Error(`no rule ${name}`);
  return lint(text, {
    ...(path === undefined ? {} : { path }),
    rules: [
      {
        id: rule.meta.id,
        rule: rule as SecretLintRuleCreator,
        ...(ruleOptions ? { options: ruleOptions } : {}),
      },
    ],
  });
}

/** secretlint's recommended preset alone (the AWS id scan on, as seckit's hooks run it). */
export function lintRecommended(text: string, path?: string): Promise<Message[]> {
  return lint(text, {
    ...(path === undefined ? {} : { path }),
    rules: recommended.rules
      .filter((r) => r.meta.id !== '@secretlint/secretlint-rule-filter-comments')
      .map((r) =>
        r.meta.id === '@secretlint/secretlint-rule-aws'
          ? { id: r.meta.id, rule: r, options: { enableIDScanRule: true } }
          : { id: r.meta.id, rule: r },
      ),
  });
}
