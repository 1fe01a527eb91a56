import { END, END64, re, START, type TokenRuleSpec } from '../token-rule.js';
import { ASSIGN, UUID } from './assign.js';
import { isGrafanaLegacyKey, isSignedJwt } from './validators.js';

// Source control, CI/CD, package registries, observability and developer platforms.
export const devtoolTokens: readonly TokenRuleSpec[] = [
  {
    name: 'jwt',
    severity: 'high',
    docs: {
      title: 'JSON Web Token',
      detects:
        'Signed JWTs: three base64url segments whose header names an algorithm other than `none` and whose payload is a JSON object. jwt.io’s default example token is ignored.',
      shapes: ['eyJ<header>.eyJ<payload>.<signature>'],
      why: 'A JWT is a bearer credential: whoever holds it is the subject until it expires, and service tokens often never expire. High rather than critical because many are short-lived.',
    },
    kinds: [
      {
        messageId: 'JWT',
        message: 'found JSON Web Token',
        pattern: re(
          String.raw`(?<![A-Za-z0-9_.-])eyJ[A-Za-z0-9_-]{10,2000}\.eyJ[A-Za-z0-9_-]{10,8000}\.[A-Za-z0-9_-]{16,2000}(?![A-Za-z0-9_.-])`,
        ),
        keywords: ['eyj'],
        validate: isSignedJwt,
      },
    ],
  },
  {
    name: 'gitlab-token',
    severity: 'critical',
    docs: {
      title: 'GitLab tokens other than personal access tokens',
      detects:
        'GitLab pipeline trigger, runner authentication, runner registration, deploy, CI/CD job, feature-flag client, feed, incoming-mail, Kubernetes agent, OAuth application secret and SCIM tokens, and `_gitlab_session` cookies. Personal access tokens (`glpat-`) are left to secretlint’s preset.',
      shapes: [
        'glptt-<40 × hex>',
        'glrt-<20+>',
        'GR1348941<20>',
        'gldt-<20+>',
        'glcbt-<id>_<20+>',
        'glffct-<20+>',
        'glft-<20+>',
        'glimt-<25+>',
        'glagent-<50+>',
        'gloas-<64>',
        'glsoat-<20+>',
        '_gitlab_session=<32 × a-z 0-9>',
      ],
      why: 'Each grants a slice of the instance: triggering pipelines, registering runners that receive CI secrets, cloning with deploy tokens, or a whole signed-in session.',
    },
    kinds: [
      {
        messageId: 'GITLAB_PIPELINE_TRIGGER_TOKEN',
        message: 'found GitLab pipeline trigger token',
        pattern: re(`${START}glptt-[0-9a-f]{40}${END}`),
        keywords: ['glptt-'],
      },
      {
        messageId: 'GITLAB_RUNNER_TOKEN',
        message: 'found GitLab runner authentication token',
        pattern: re(String.raw`${START}glrt-[0-9A-Za-z_-]{20,300}(?:\.[0-9a-z]{9})?${END}`),
        keywords: ['glrt-'],
      },
      {
        messageId: 'GITLAB_RUNNER_REGISTRATION_TOKEN',
        message: 'found GitLab runner registration token',
        pattern: re(`${START}GR1348941[0-9A-Za-z_-]{20}${END}`),
        keywords: ['gr1348941'],
      },
      {
        messageId: 'GITLAB_DEPLOY_TOKEN',
        message: 'found GitLab deploy token',
        pattern: re(`${START}gldt-[0-9A-Za-z_-]{20,64}${END}`),
        keywords: ['gldt-'],
      },
      {
        messageId: 'GITLAB_CI_JOB_TOKEN',
        message: 'found GitLab CI/CD job token',
        pattern: re(`${START}glcbt-[0-9A-Za-z]{1,5}_[0-9A-Za-z_-]{20,64}${END}`),
        keywords: ['glcbt-'],
      },
      {
        messageId: 'GITLAB_FEATURE_FLAG_TOKEN',
        message: 'found GitLab feature flag client token',
        pattern: re(`${START}glffct-[0-9A-Za-z_-]{20,64}${END}`),
        keywords: ['glffct-'],
      },
      {
        messageId: 'GITLAB_FEED_TOKEN',
        message: 'found GitLab feed token',
        pattern: re(`${START}glft-[0-9A-Za-z_-]{20,64}${END}`),
        keywords: ['glft-'],
      },
      {
        messageId: 'GITLAB_INCOMING_MAIL_TOKEN',
        message: 'found GitLab incoming mail token',
        pattern: re(`${START}glimt-[0-9A-Za-z_-]{25,64}${END}`),
        keywords: ['glimt-'],
      },
      {
        messageId: 'GITLAB_AGENT_TOKEN',
        message: 'found GitLab Kubernetes agent token',
        pattern: re(`${START}glagent-[0-9A-Za-z_-]{50,64}${END}`),
        keywords: ['glagent-'],
      },
      {
        messageId: 'GITLAB_OAUTH_APP_SECRET',
        message: 'found GitLab OAuth application secret',
        pattern: re(`${START}gloas-[0-9A-Za-z_-]{64}${END}`),
        keywords: ['gloas-'],
      },
      {
        messageId: 'GITLAB_SCIM_TOKEN',
        message: 'found GitLab SCIM token',
        pattern: re(`${START}glsoat-[0-9A-Za-z_-]{20,64}${END}`),
        keywords: ['glsoat-'],
      },
      {
        messageId: 'GITLAB_SESSION_COOKIE',
        message: 'found GitLab session cookie',
        pattern: re(`_gitlab_session=(?<value>[0-9a-z]{32})(?![0-9a-z])`),
        keywords: ['_gitlab_session'],
      },
    ],
  },
  {
    name: 'pypi-token',
    severity: 'critical',
    docs: {
      title: 'PyPI upload token',
      detects: 'API tokens of pypi.org and test.pypi.org (macaroons).',
      shapes: ['pypi-AgEIcHlwaS5vcmc<base64url, 50+>', 'pypi-AgENdGVzdC5weXBpLm9yZw<base64url, 50+>'],
      why: 'It publishes new releases of the owner’s packages: a supply-chain attack on every user.',
    },
    kinds: [
      {
        messageId: 'PYPI_TOKEN',
        message: 'found PyPI upload token',
        pattern: re(`${START}pypi-Ag(?:EIcHlwaS5vcmc|ENdGVzdC5weXBpLm9yZw)[0-9A-Za-z_-]{50,1000}${END}`),
        keywords: ['pypi-ag'],
      },
    ],
  },
  {
    name: 'rubygems-token',
    severity: 'critical',
    docs: {
      title: 'RubyGems API key',
      detects: 'rubygems.org API keys.',
      shapes: ['rubygems_<48 × hex>'],
      why: 'It pushes and yanks gem versions of the owner.',
    },
    kinds: [
      {
        messageId: 'RUBYGEMS_TOKEN',
        message: 'found RubyGems API key',
        pattern: re(`${START}rubygems_[0-9a-f]{48}${END}`),
        keywords: ['rubygems_'],
      },
    ],
  },
  {
    name: 'clojars-token',
    severity: 'critical',
    docs: {
      title: 'Clojars deploy token',
      detects: 'Clojars deploy tokens.',
      shapes: ['CLOJARS_<60 × a-z 0-9>'],
      why: 'It deploys artifacts under the owner’s groups.',
    },
    kinds: [
      {
        messageId: 'CLOJARS_TOKEN',
        message: 'found Clojars deploy token',
        pattern: re(`${START}CLOJARS_[0-9A-Za-z]{60}${END}`, 'i'),
        keywords: ['clojars_'],
      },
    ],
  },
  {
    name: 'packagist-token',
    severity: 'critical',
    docs: {
      title: 'Private Packagist token',
      detects: 'Private Packagist organization and user tokens.',
      shapes: ['packagist_ort_<68 × hex>', 'packagist_out_<…>', 'packagist_uut_<…>', 'packagist_urt_<…>'],
      why: 'It reads, and with update tokens publishes, the organization’s private packages.',
    },
    kinds: [
      {
        messageId: 'PACKAGIST_TOKEN',
        message: 'found Private Packagist token',
        pattern: re(`${START}packagist_[ou][ru]t_[0-9a-f]{68}${END}`),
        keywords: ['packagist_'],
      },
    ],
  },
  {
    name: 'artifactory-token',
    severity: 'critical',
    docs: {
      title: 'JFrog Artifactory API key or reference token',
      detects: 'Artifactory API keys and reference tokens.',
      shapes: ['AKCp<69 × A-Z a-z 0-9>', 'cmVmdGtu<56 × A-Z a-z 0-9>'],
      why: 'It reads and deploys artifacts, and often reaches every repository of the instance.',
    },
    kinds: [
      {
        messageId: 'ARTIFACTORY_API_KEY',
        message: 'found Artifactory API key',
        pattern: re(`${START}AKCp[0-9A-Za-z]{69}${END}`),
        keywords: ['akcp'],
      },
      {
        messageId: 'ARTIFACTORY_REFERENCE_TOKEN',
        message: 'found Artifactory reference token',
        pattern: re(`${START}cmVmdGtu[0-9A-Za-z]{56}${END}`),
        keywords: ['cmvmdgtu'],
      },
    ],
  },
  {
    name: 'sonarqube-token',
    severity: 'critical',
    docs: {
      title: 'SonarQube / SonarCloud token',
      detects: 'SonarQube user, project-analysis and global-analysis tokens.',
      shapes: ['squ_<40 × hex>', 'sqp_<40 × hex>', 'sqa_<40 × hex>'],
      why: 'It reads source code and findings of the projects it can analyse.',
    },
    kinds: [
      {
        messageId: 'SONARQUBE_TOKEN',
        message: 'found SonarQube token',
        pattern: re(`${START}sq[upa]_[0-9a-f]{40}${END}`),
        keywords: ['squ_', 'sqp_', 'sqa_'],
      },
    ],
  },
  {
    name: 'sourcegraph-token',
    severity: 'critical',
    docs: {
      title: 'Sourcegraph access token',
      detects: 'Sourcegraph access tokens.',
      shapes: ['sgp_<40 × hex>', 'sgp_<16 × hex>_<40 × hex>', 'sgp_local_<40 × hex>'],
      why: 'It searches all code the user can see, across every connected code host.',
    },
    kinds: [
      {
        messageId: 'SOURCEGRAPH_TOKEN',
        message: 'found Sourcegraph access token',
        pattern: re(`${START}sgp_(?:[0-9a-f]{16}_|local_)?[0-9a-f]{40}${END}`),
        keywords: ['sgp_'],
      },
    ],
  },
  {
    name: 'buildkite-token',
    severity: 'critical',
    docs: {
      title: 'Buildkite API access token',
      detects: 'Buildkite user API access tokens.',
      shapes: ['bkua_<40 × hex>'],
      why: 'It creates builds and reads logs and artifacts of the organization’s pipelines.',
    },
    kinds: [
      {
        messageId: 'BUILDKITE_TOKEN',
        message: 'found Buildkite API access token',
        pattern: re(`${START}bkua_[0-9a-f]{40}${END}`),
        keywords: ['bkua_'],
      },
    ],
  },
  {
    name: 'sentry-token',
    severity: 'critical',
    docs: {
      title: 'Sentry token',
      detects: 'Sentry organization auth tokens and user auth tokens. DSNs are public by design and ignored.',
      shapes: ['sntrys_eyJ<base64 JSON>_<43 × base64>', 'sntryu_<64 × hex>'],
      why: 'It reads events (which hold user data and stack traces) and uploads releases and source maps.',
    },
    kinds: [
      {
        messageId: 'SENTRY_ORG_TOKEN',
        message: 'found Sentry organization auth token',
        pattern: re(`${START}sntrys_eyJ[A-Za-z0-9+/]{30,600}={0,2}_[A-Za-z0-9+/]{43}${END64}`),
        keywords: ['sntrys_'],
      },
      {
        messageId: 'SENTRY_USER_TOKEN',
        message: 'found Sentry user auth token',
        pattern: re(`${START}sntryu_[0-9a-f]{64}${END}`),
        keywords: ['sntryu_'],
      },
    ],
  },
  {
    name: 'datadog-key',
    severity: 'critical',
    docs: {
      title: 'Datadog API or application key',
      detects:
        'Datadog API keys (32 hex) and application keys (40 hex) assigned to a `DD_API_KEY` / `DATADOG_APP_KEY`-style key.',
      shapes: ['DD_API_KEY=<32 × hex>', 'DATADOG_APP_KEY: <40 × hex>'],
      why: 'An API key submits data billed to the account; an application key reads it, dashboards and monitors included.',
    },
    kinds: [
      {
        messageId: 'DATADOG_KEY',
        message: 'found Datadog key',
        pattern: re(
          `(?:datadog|(?<![A-Za-z0-9])dd)[_.-]?(?:api|app|application)[_.-]?key${ASSIGN}(?<value>[0-9a-f]{40}|[0-9a-f]{32})(?![0-9A-Za-z])`,
          'i',
        ),
        keywords: ['datadog', 'dd_', 'dd-', 'dd.', 'ddap'],
        anchors: ['datadog', 'dd_', 'dd-', 'dd.', 'ddap'].map((literal) => ({ literal, offset: 0 })),
      },
    ],
  },
  {
    name: 'new-relic-key',
    severity: 'critical',
    docs: {
      title: 'New Relic key',
      detects: 'New Relic user API keys, insert keys and ingest license keys.',
      shapes: ['NRAK-<27 × A-Z 0-9>', 'NRII-<32>', '<36 × hex>NRAL'],
      why: 'User keys query and change the account through NerdGraph; license and insert keys write data billed to it.',
    },
    kinds: [
      {
        messageId: 'NEW_RELIC_USER_KEY',
        message: 'found New Relic user API key',
        pattern: re(`${START}NRAK-[0-9A-Z]{27}${END}`),
        keywords: ['nrak-'],
      },
      {
        messageId: 'NEW_RELIC_INSERT_KEY',
        message: 'found New Relic insert key',
        pattern: re(`${START}NRII-[0-9A-Za-z_-]{32}${END}`),
        keywords: ['nrii-'],
      },
      {
        messageId: 'NEW_RELIC_LICENSE_KEY',
        message: 'found New Relic license key',
        pattern: re(`${START}[0-9a-f]{36}NRAL${END}`),
        keywords: ['nral'],
      },
    ],
  },
  {
    name: 'grafana-legacy-api-key',
    severity: 'critical',
    docs: {
      title: 'Grafana legacy API key',
      detects: 'Grafana’s pre-service-account API keys (base64 JSON starting `{"k":`).',
      shapes: ['eyJrIjoi<base64, 70–400>'],
      why: 'It acts on the Grafana organization with the key’s role (often Admin).',
    },
    kinds: [
      {
        messageId: 'GRAFANA_LEGACY_API_KEY',
        message: 'found Grafana API key',
        pattern: re(`${START}eyJrIjoi[A-Za-z0-9]{70,400}={0,3}${END64}`),
        keywords: ['eyjrijoi'],
        validate: isGrafanaLegacyKey,
      },
    ],
  },
  {
    name: 'postman-token',
    severity: 'critical',
    docs: {
      title: 'Postman API key',
      detects: 'Postman API keys.',
      shapes: ['PMAK-<24 × hex>-<34 × hex>'],
      why: 'It reads collections and environments, which are where teams keep their other API keys.',
    },
    kinds: [
      {
        messageId: 'POSTMAN_TOKEN',
        message: 'found Postman API key',
        pattern: re(`${START}PMAK-[0-9a-f]{24}-[0-9a-f]{34}${END}`),
        keywords: ['pmak-'],
      },
    ],
  },
  {
    name: 'atlassian-token',
    severity: 'critical',
    docs: {
      title: 'Atlassian API token',
      detects: 'Atlassian Cloud API tokens (Jira, Confluence, Bitbucket).',
      shapes: ['ATATT3<150–250 × A-Z a-z 0-9 _ = ->'],
      why: 'With the account e-mail it is a full login to the REST APIs of every product the user can use.',
    },
    kinds: [
      {
        messageId: 'ATLASSIAN_TOKEN',
        message: 'found Atlassian API token',
        pattern: re(`${START}ATATT3[0-9A-Za-z_=-]{150,250}(?![A-Za-z0-9_=-])`),
        keywords: ['atatt3'],
      },
    ],
  },
  {
    name: 'linear-client-secret',
    severity: 'critical',
    docs: {
      title: 'Linear OAuth client secret',
      detects:
        'Linear OAuth application client secrets (32 hex) assigned to a Linear-named key. Linear API keys (`lin_api_`) are left to secretlint’s preset.',
      shapes: ['LINEAR_CLIENT_SECRET=<32 × hex>'],
      why: 'With the client id it runs the OAuth flow as the application.',
    },
    kinds: [
      {
        messageId: 'LINEAR_CLIENT_SECRET',
        message: 'found Linear client secret',
        pattern: re(
          String.raw`linear[\w.-]{0,30}?client[_.-]?secret${ASSIGN}(?<value>[0-9a-f]{32})(?![0-9A-Za-z])`,
          'i',
        ),
        keywords: ['linear'],
        anchors: [{ literal: 'linear', offset: 0 }],
      },
    ],
  },
  {
    name: 'onepassword-secret-key',
    severity: 'critical',
    docs: {
      title: '1Password account Secret Key',
      detects:
        '1Password account Secret Keys (service-account tokens `ops_` are left to secretlint’s preset).',
      shapes: ['A3-<6>-<11 or 6-5>-<5>-<5>-<5>'],
      why: 'Together with the account password it unlocks the whole vault.',
    },
    kinds: [
      {
        messageId: 'ONEPASSWORD_SECRET_KEY',
        message: 'found 1Password Secret Key',
        pattern: re(
          `${START}A3-[0-9A-Z]{6}-(?:[0-9A-Z]{11}|[0-9A-Z]{6}-[0-9A-Z]{5})-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}${END}`,
        ),
        keywords: ['a3-'],
      },
    ],
  },
  {
    name: 'prefect-token',
    severity: 'critical',
    docs: {
      title: 'Prefect API key',
      detects: 'Prefect Cloud API keys.',
      shapes: ['pnu_<36 × A-Z a-z 0-9>'],
      why: 'It runs flows and reads their blocks, which store credentials.',
    },
    kinds: [
      {
        messageId: 'PREFECT_TOKEN',
        message: 'found Prefect API key',
        pattern: re(`${START}pnu_[0-9A-Za-z]{36}${END}`),
        keywords: ['pnu_'],
      },
    ],
  },
  {
    name: 'readme-token',
    severity: 'critical',
    docs: {
      title: 'ReadMe API key',
      detects: 'ReadMe.com API keys.',
      shapes: ['rdme_<70 × a-z 0-9>'],
      why: 'It rewrites the project’s public documentation.',
    },
    kinds: [
      {
        messageId: 'README_TOKEN',
        message: 'found ReadMe API key',
        pattern: re(`${START}rdme_[0-9a-z]{70}${END}`),
        keywords: ['rdme_'],
      },
    ],
  },
  {
    name: 'contentful-token',
    severity: 'critical',
    docs: {
      title: 'Contentful personal access token',
      detects: 'Contentful content-management personal access tokens.',
      shapes: ['CFPAT-<43 × A-Z a-z 0-9 _ ->'],
      why: 'It edits and publishes every space the user can reach.',
    },
    kinds: [
      {
        messageId: 'CONTENTFUL_TOKEN',
        message: 'found Contentful personal access token',
        pattern: re(`${START}CFPAT-[0-9A-Za-z_-]{43}${END}`),
        keywords: ['cfpat-'],
      },
    ],
  },
  {
    name: 'launchdarkly-token',
    severity: 'high',
    docs: {
      title: 'LaunchDarkly access token or SDK key',
      detects: 'LaunchDarkly API access tokens and server-side SDK keys.',
      shapes: ['api-<uuid>', 'sdk-<uuid>'],
      why: 'Access tokens flip feature flags in production; SDK keys read every flag rule.',
    },
    kinds: [
      {
        messageId: 'LAUNCHDARKLY_TOKEN',
        message: 'found LaunchDarkly key',
        pattern: re(`${START}(?:api|sdk)-${UUID}${END}`),
        keywords: ['api-', 'sdk-'],
      },
    ],
  },
  {
    name: 'okta-token',
    severity: 'critical',
    docs: {
      title: 'Okta API token',
      detects: 'Okta API tokens on a line that names Okta.',
      shapes: ['OKTA_API_TOKEN=00<40 × A-Z a-z 0-9 _ ->'],
      why: 'It administers the identity provider: users, groups, applications and sign-on policies.',
    },
    kinds: [
      {
        messageId: 'OKTA_TOKEN',
        message: 'found Okta API token',
        pattern: re(`${START}00[0-9A-Za-z_-]{40}${END}`),
        keywords: ['okta'],
        lineContext: /okta/i,
      },
    ],
  },
  {
    name: 'snyk-token',
    severity: 'critical',
    docs: {
      title: 'Snyk API token',
      detects: 'Snyk API tokens (UUIDs) assigned to a Snyk-named key.',
      shapes: ['SNYK_TOKEN=<uuid>'],
      why: 'It reads vulnerability reports and project source of the organization.',
    },
    kinds: [
      {
        messageId: 'SNYK_TOKEN',
        message: 'found Snyk API token',
        pattern: re(
          String.raw`snyk[\w.-]{0,30}?(?:token|key|auth)${ASSIGN}(?<value>${UUID})(?![0-9A-Za-z-])`,
          'i',
        ),
        keywords: ['snyk'],
      },
    ],
  },
];
