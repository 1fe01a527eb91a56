/**
 * Keywords for the rules of @secretlint/secretlint-rule-preset-recommend 12.0.0: for each rule,
 * lowercase literals at least one of which occurs (ASCII case-insensitively) in any text the rule
 * can report. They are necessary conditions read off each rule's patterns in the preset's
 * module/index.js, so a file without any of a rule's keywords cannot give that rule a finding and
 * the rule is not run on it (secrets-anchors (d) item 6). A rule missing from this table always runs.
 *
 * Case: the patterns below are case-sensitive or use `/i` without `/u`, and in that mode JavaScript
 * folds only ASCII letters to ASCII letters, so ASCII case-insensitive keywords are sound.
 * test/secrets-engine-equivalence.test.ts checks the table against plain `lintSource`; update the
 * table (and that test) with the preset version.
 */
export const PRESET_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  // Three patterns: key ids `\b(A3T[A-Z0-9]|AKIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ASIA)[A-Z0-9]{16}\b`,
  // `(?:SECRET|secret|Secret)_?(?:ACCESS|access|Access)_?(?:KEY|key|Key)…` and
  // `(ACCOUNT|account|Account)_?(ID|id|Id)?…` (the last two only with those words).
  '@secretlint/secretlint-rule-aws': [
    'a3t',
    'akia',
    'agpa',
    'aida',
    'aroa',
    'aipa',
    'anpa',
    'anva',
    'asia',
    'secretaccess',
    'secret_access',
    'account',
  ],
  // Reports a `.json` file whose JSON.parse has a "private_key_id" key. JSON can spell any key
  // with `\uXXXX` escapes (the only escape that yields letters), hence the second keyword.
  // (Its `.p12` branch reads binary files, which seckit does not secret-scan.)
  '@secretlint/secretlint-rule-gcp': ['private_key_id', '\\u'],
  // `-----BEGIN[ ]?(…)?PRIVATE KEY(?: BLOCK)?-----…`, case-sensitive.
  '@secretlint/secretlint-rule-privatekey': ['private key-----', 'private key block-----'],
  // `https?://(.{1,256}):x-oauth-basic@github.com/` (package files), `_authToken=([^$].*)`
  // (.npmrc) and `(?<!\p{L})npm_[A-Za-z0-9_]{36}`.
  '@secretlint/secretlint-rule-npm': [':x-oauth-basic@github', '_authtoken=', 'npm_'],
  // `(https?|ftp|ftps)://user:password@host`.
  '@secretlint/secretlint-rule-basicauth': ['http://', 'https://', 'ftp://', 'ftps://'],
  // `\b(?:xoxb|xoxp|xapp|xoxa|xoxo|xoxr)-…` and `https://hooks\.slack\.com/services/T…` (/gi).
  '@secretlint/secretlint-rule-slack': [
    'xoxb-',
    'xoxp-',
    'xapp-',
    'xoxa-',
    'xoxo-',
    'xoxr-',
    'hooks.slack.com/services/',
  ],
  // `(?<!\p{L})SG\.\w{1,128}\.…` (69 characters).
  '@secretlint/secretlint-rule-sendgrid': ['sg.'],
  '@secretlint/secretlint-rule-shopify': ['shppa_', 'shpca_', 'shpat_', 'shpss_'],
  '@secretlint/secretlint-rule-github': ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
  '@secretlint/secretlint-rule-gitlab': ['glpat-'],
  '@secretlint/secretlint-rule-grafana': ['glc_', 'glsa_'],
  // Both alternatives contain the `T3BlbkFJ` marker ("OpenAI" in base64).
  '@secretlint/secretlint-rule-openai': ['t3blbkfj'],
  '@secretlint/secretlint-rule-anthropic': ['sk-ant-api0'],
  '@secretlint/secretlint-rule-groq': ['gsk_'],
  '@secretlint/secretlint-rule-huggingface': ['hf_'],
  '@secretlint/secretlint-rule-linear': ['lin_api_'],
  '@secretlint/secretlint-rule-notion': ['ntn_'],
  // `(?<!\p{L})ops_(ey[A-Za-z0-9+/=]{100,1280}fQ={0,2})`.
  '@secretlint/secretlint-rule-1password': ['ops_ey'],
  // `mongodb(?:\+srv)?://`, `(?:jdbc:)?mysql(?:x)?://`, `postgres(?:ql)?://` (all /gi).
  '@secretlint/secretlint-rule-database-connection-string': [
    'mongodb://',
    'mongodb+srv://',
    'mysql://',
    'mysqlx://',
    'postgres://',
    'postgresql://',
  ],
  '@secretlint/secretlint-rule-hashicorp-vault': ['hvs.', 'hvb.', 'hvr.'],
  '@secretlint/secretlint-rule-vercel': ['vcp_', 'vci_', 'vca_', 'vcr_', 'vck_'],
  '@secretlint/secretlint-rule-databricks': ['dapi'],
  '@secretlint/secretlint-rule-docker': ['dckr_pat_'],
  '@secretlint/secretlint-rule-figma': ['figd_'],
};

/**
 * Second, exact necessary conditions, checked on the decoded text of a file whose keywords matched,
 * for rules that are costly to run. The AWS rule has a keyword found in a tenth of ordinary code
 * (`account`), and its account-ID pattern opens with optional groups, which makes the regex engine
 * try it at every position (a quarter of a whole-tree scan's time went there). Each gate is the
 * rule's own pattern with its optional head and its trailing `["']?\b` dropped, so every match of
 * the rule contains a match of the gate; led by literals, the gates are ~4x faster than the rule.
 */
export const PRESET_GATES: Readonly<Record<string, (text: string) => boolean>> = {
  '@secretlint/secretlint-rule-aws': (text) =>
    /(?:A3T[A-Z0-9]|AKIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ASIA)[A-Z0-9]{16}/.test(text) ||
    /(?:SECRET|secret|Secret)_?(?:ACCESS|access|Access)_?(?:KEY|key|Key)["']?\s*(?::|=>|=)\s*["']?[A-Za-z0-9/+=]{40}/.test(
      text,
    ) ||
    // (ACCOUNT|account|Account) without its first letter: a literal start is found faster.
    /(?:CCOUNT|ccount)_?(?:ID|id|Id)?["']?\s*(?::|=>|=)\s*["']?[0-9]{4}-?[0-9]{4}-?[0-9]{4}/.test(text),
};
