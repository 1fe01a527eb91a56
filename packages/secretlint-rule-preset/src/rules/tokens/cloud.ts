import { END, END64, re, START, type TokenRuleSpec } from '../token-rule.js';
import { ASSIGN, UUID } from './assign.js';
import { mixesLettersAndDigits } from './validators.js';

// Clouds, hosting and infrastructure providers.
export const cloudTokens: readonly TokenRuleSpec[] = [
  {
    name: 'google-api-key',
    severity: 'high',
    docs: {
      title: 'Google API key',
      detects: 'Google Cloud / Firebase / Maps / Gemini API keys.',
      shapes: ['AIza<35 × A-Z a-z 0-9 _ ->'],
      why: 'An unrestricted key bills its project and reaches every API enabled on it (Gemini, Maps, Translate). Keys meant for browsers should still be restricted by referrer; high rather than critical because some are public by design.',
    },
    kinds: [
      {
        messageId: 'GOOGLE_API_KEY',
        message: 'found Google API key',
        pattern: re(`${START}AIza[0-9A-Za-z_-]{35}${END}`),
        keywords: ['aiza'],
      },
    ],
  },
  {
    name: 'google-oauth-client-secret',
    severity: 'critical',
    docs: {
      title: 'Google OAuth client secret',
      detects: 'OAuth 2.0 client secrets issued by Google Cloud.',
      shapes: ['GOCSPX-<28 × A-Z a-z 0-9 _ ->'],
      why: 'With the client id (usually next to it) anyone can run the OAuth flow as your application.',
    },
    kinds: [
      {
        messageId: 'GOOGLE_OAUTH_CLIENT_SECRET',
        message: 'found Google OAuth client secret',
        pattern: re(`${START}GOCSPX-[0-9A-Za-z_-]{28}${END}`),
        keywords: ['gocspx-'],
      },
    ],
  },
  {
    name: 'aws-bedrock-api-key',
    severity: 'critical',
    docs: {
      title: 'Amazon Bedrock API key',
      detects: 'Long-term (`ABSK…`) and short-term (`bedrock-api-key-…`) Amazon Bedrock API keys.',
      shapes: ['ABSK<base64, 112–272 characters>', 'bedrock-api-key-<base64>'],
      why: 'They call foundation models on the account’s bill and quota.',
    },
    kinds: [
      {
        messageId: 'AWS_BEDROCK_LONG_TERM_KEY',
        message: 'found Amazon Bedrock long-term API key',
        pattern: re(`${START}ABSK[A-Za-z0-9+/]{109,269}={0,2}${END64}`),
        keywords: ['absk'],
      },
      {
        messageId: 'AWS_BEDROCK_SHORT_TERM_KEY',
        message: 'found Amazon Bedrock short-term API key',
        pattern: re(`${START}bedrock-api-key-[A-Za-z0-9+/]{100,2000}={0,2}${END64}`),
        keywords: ['bedrock-api-key-'],
      },
    ],
  },
  {
    name: 'azure-storage-key',
    severity: 'critical',
    docs: {
      title: 'Azure storage account key, Service Bus / Event Hubs key, SAS signature',
      detects:
        '`AccountKey=` in Azure Storage / Cosmos DB connection strings, `SharedAccessKey=` in Service Bus / Event Hubs / IoT Hub connection strings, and the `sig=` of shared access signature URLs.',
      shapes: [
        'DefaultEndpointsProtocol=https;AccountName=<name>;AccountKey=<86 × base64>==;…',
        'Endpoint=sb://<ns>.servicebus.windows.net/;SharedAccessKeyName=<name>;SharedAccessKey=<43 × base64>=',
        'https://<account>.blob.core.windows.net/<path>?sv=<date>&…&sig=<signature>',
      ],
      why: 'An account key is full control of every container, queue and table in the account; a SAS grants what it says until it expires. The Azurite emulator key is ignored.',
    },
    kinds: [
      {
        messageId: 'AZURE_STORAGE_ACCOUNT_KEY',
        message: 'found Azure storage account key',
        pattern: re(
          String.raw`AccountKey[ \t]{0,4}=[ \t]{0,4}(?<value>[A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])`,
          'i',
        ),
        keywords: ['accountkey'],
      },
      {
        messageId: 'AZURE_SHARED_ACCESS_KEY',
        message: 'found Azure shared access key',
        pattern: re(
          String.raw`SharedAccessKey[ \t]{0,4}=[ \t]{0,4}(?<value>[A-Za-z0-9+/]{42,43}=)(?![A-Za-z0-9+/=])`,
          'i',
        ),
        keywords: ['sharedaccesskey'],
      },
      {
        messageId: 'AZURE_SAS_SIGNATURE',
        message: 'found Azure shared access signature',
        pattern: re(`[?&]sig=(?<value>[A-Za-z0-9%+/]{40,100}(?:%3D|=){0,2})(?![A-Za-z0-9%+/=])`),
        keywords: ['sig='],
        lineContext: /[?&]sv=\d{4}-\d{2}-\d{2}/,
      },
    ],
  },
  {
    name: 'azure-ad-client-secret',
    severity: 'critical',
    docs: {
      title: 'Microsoft Entra ID (Azure AD) client secret',
      detects: 'Application client secrets issued by Microsoft Entra ID (the `…Q~…` format).',
      shapes: ['<3 × A-Z a-z 0-9 _ ~ .><digit>Q~<31–34 × A-Z a-z 0-9 _ ~ . ->'],
      why: 'It authenticates as the application: whatever Graph or Azure permissions the app holds.',
    },
    kinds: [
      {
        messageId: 'AZURE_AD_CLIENT_SECRET',
        message: 'found Microsoft Entra ID client secret',
        pattern: re(
          String.raw`(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])`,
        ),
        keywords: ['q~'],
      },
    ],
  },
  {
    name: 'digitalocean-token',
    severity: 'critical',
    docs: {
      title: 'DigitalOcean token',
      detects: 'DigitalOcean personal access tokens, OAuth access tokens and refresh tokens.',
      shapes: ['dop_v1_<64 × hex>', 'doo_v1_<64 × hex>', 'dor_v1_<64 × hex>'],
      why: 'A personal access token controls droplets, databases, DNS and billing of the team.',
    },
    kinds: [
      {
        messageId: 'DIGITALOCEAN_TOKEN',
        message: 'found DigitalOcean token',
        pattern: re(`${START}do[opr]_v1_[0-9a-f]{64}${END}`),
        keywords: ['dop_v1_', 'doo_v1_', 'dor_v1_'],
      },
    ],
  },
  {
    name: 'heroku-api-key',
    severity: 'critical',
    docs: {
      title: 'Heroku API key',
      detects:
        'Heroku platform API keys: the current `HRKU-AA…` format, and legacy UUID keys assigned to a Heroku-named key.',
      shapes: ['HRKU-AA<58 × A-Z a-z 0-9 _ ->', 'HEROKU_API_KEY=<uuid>'],
      why: 'It deploys, scales, reads config vars (more secrets) and deletes apps of the account.',
    },
    kinds: [
      {
        messageId: 'HEROKU_API_KEY',
        message: 'found Heroku API key',
        pattern: re(`${START}HRKU-AA[0-9A-Za-z_-]{58}${END}`),
        keywords: ['hrku-'],
      },
      {
        messageId: 'HEROKU_LEGACY_API_KEY',
        message: 'found Heroku API key',
        pattern: re(
          String.raw`heroku[\w.-]{0,30}?(?:api[_.-]?key|token|auth|secret|key)${ASSIGN}(?<value>${UUID})(?![0-9A-Za-z-])`,
          'i',
        ),
        keywords: ['heroku'],
      },
    ],
  },
  {
    name: 'alibaba-access-key',
    severity: 'high',
    docs: {
      title: 'Alibaba Cloud AccessKey ID',
      detects: 'Alibaba Cloud AccessKey IDs (`LTAI…`).',
      shapes: ['LTAI<12–20 × A-Z a-z 0-9>'],
      why: 'The id names a key pair; its secret is almost always committed next to it (the generic rule looks for that one).',
    },
    kinds: [
      {
        messageId: 'ALIBABA_ACCESS_KEY_ID',
        message: 'found Alibaba Cloud AccessKey ID',
        pattern: re(`${START}LTAI[0-9A-Za-z]{12,20}${END}`),
        keywords: ['ltai'],
      },
    ],
  },
  {
    name: 'flyio-token',
    severity: 'critical',
    docs: {
      title: 'Fly.io token',
      detects: 'Fly.io access tokens and macaroon deploy/org tokens.',
      shapes: ['fo1_<43 × A-Z a-z 0-9 _ ->', 'fm1a_<base64>', 'fm1r_<base64>', 'fm2_<base64>'],
      why: 'Deploy and org tokens deploy, read secrets of, and destroy the apps they cover.',
    },
    kinds: [
      {
        messageId: 'FLYIO_ACCESS_TOKEN',
        message: 'found Fly.io access token',
        pattern: re(`${START}fo1_[0-9A-Za-z_-]{43}${END}`),
        keywords: ['fo1_'],
      },
      {
        messageId: 'FLYIO_MACAROON_TOKEN',
        message: 'found Fly.io macaroon token',
        pattern: re(`${START}(?:fm1[ar]|fm2)_[A-Za-z0-9+/]{100,4000}={0,3}${END64}`),
        keywords: ['fm1a_', 'fm1r_', 'fm2_'],
      },
    ],
  },
  {
    name: 'netlify-token',
    severity: 'critical',
    docs: {
      title: 'Netlify personal access token',
      detects: 'Netlify personal access tokens.',
      shapes: ['nfp_<36 × A-Z a-z 0-9>'],
      why: 'It manages sites, deploys and environment variables of the user’s teams.',
    },
    kinds: [
      {
        messageId: 'NETLIFY_TOKEN',
        message: 'found Netlify personal access token',
        pattern: re(`${START}nfp_[0-9A-Za-z]{36}${END}`),
        keywords: ['nfp_'],
      },
    ],
  },
  {
    name: 'pulumi-token',
    severity: 'critical',
    docs: {
      title: 'Pulumi access token',
      detects: 'Pulumi Cloud access tokens.',
      shapes: ['pul-<40 × hex>'],
      why: 'It reads stack state, which holds every secret of the infrastructure, and runs updates.',
    },
    kinds: [
      {
        messageId: 'PULUMI_TOKEN',
        message: 'found Pulumi access token',
        pattern: re(`${START}pul-[0-9a-f]{40}${END}`),
        keywords: ['pul-'],
      },
    ],
  },
  {
    name: 'terraform-cloud-token',
    severity: 'critical',
    docs: {
      title: 'HCP Terraform / Terraform Enterprise token',
      detects: 'User, team and organization API tokens of HCP Terraform (`….atlasv1.…`).',
      shapes: ['<14 × A-Z a-z 0-9>.atlasv1.<60–70 × A-Z a-z 0-9 _ = ->'],
      why: 'It queues runs and reads state and variables of the workspaces it reaches.',
    },
    kinds: [
      {
        messageId: 'TERRAFORM_CLOUD_TOKEN',
        message: 'found HCP Terraform API token',
        pattern: re(String.raw`${START}[0-9A-Za-z]{14}\.atlasv1\.[0-9A-Za-z_=-]{60,70}(?![A-Za-z0-9_=-])`),
        keywords: ['atlasv1'],
      },
    ],
  },
  {
    name: 'doppler-token',
    severity: 'critical',
    docs: {
      title: 'Doppler token',
      detects: 'Doppler personal, service, service-account, CLI, SCIM and audit tokens.',
      shapes: [
        'dp.pt.<40–44 × A-Z a-z 0-9>',
        'dp.st.<…>',
        'dp.sa.<…>',
        'dp.ct.<…>',
        'dp.scim.<…>',
        'dp.audit.<…>',
      ],
      why: 'Doppler is a secret manager: its tokens read the secrets it manages.',
    },
    kinds: [
      {
        messageId: 'DOPPLER_TOKEN',
        message: 'found Doppler token',
        // Service tokens may carry their config: dp.st.<config>.<token>
        pattern: re(
          String.raw`${START}dp\.(?:pt|st(?:\.[a-z0-9_-]{2,35})?|sa|ct|scim|audit)\.[0-9A-Za-z]{40,44}${END}`,
        ),
        keywords: ['dp.pt.', 'dp.st.', 'dp.sa.', 'dp.ct.', 'dp.scim.', 'dp.audit.'],
      },
    ],
  },
  {
    name: 'dynatrace-token',
    severity: 'critical',
    docs: {
      title: 'Dynatrace API token',
      detects: 'Dynatrace API and PaaS tokens.',
      shapes: ['dt0c01.<24 × A-Z 0-9>.<64 × A-Z 0-9>'],
      why: 'Depending on scopes it reads monitoring data, changes settings or installs agents.',
    },
    kinds: [
      {
        messageId: 'DYNATRACE_TOKEN',
        message: 'found Dynatrace API token',
        pattern: re(String.raw`${START}dt0c01\.[0-9A-Z]{24}\.[0-9A-Z]{64}${END}`),
        keywords: ['dt0c01.'],
      },
    ],
  },
  {
    name: 'openshift-token',
    severity: 'critical',
    docs: {
      title: 'OpenShift user token',
      detects: 'OpenShift OAuth user tokens.',
      shapes: ['sha256~<43 × A-Z a-z 0-9 _ ->'],
      why: 'It is a login to the cluster with the user’s roles.',
    },
    kinds: [
      {
        messageId: 'OPENSHIFT_TOKEN',
        message: 'found OpenShift user token',
        pattern: re(`${START}sha256~[0-9A-Za-z_-]{43}${END}`),
        keywords: ['sha256~'],
      },
    ],
  },
  {
    name: 'planetscale-token',
    severity: 'critical',
    docs: {
      title: 'PlanetScale token or password',
      detects: 'PlanetScale service tokens, OAuth tokens and database passwords.',
      shapes: ['pscale_tkn_<32–64>', 'pscale_oauth_<32–64>', 'pscale_pw_<32–64>'],
      why: 'Passwords connect to the database; tokens manage branches, deploy requests and passwords.',
    },
    kinds: [
      {
        messageId: 'PLANETSCALE_TOKEN',
        message: 'found PlanetScale token',
        pattern: re(`${START}pscale_(?:tkn|oauth|pw)_[0-9A-Za-z_.=-]{32,64}(?![A-Za-z0-9_.=-])`),
        keywords: ['pscale_'],
      },
    ],
  },
  {
    name: 'supabase-key',
    severity: 'critical',
    docs: {
      title: 'Supabase access token or secret key',
      detects: 'Supabase personal access tokens and secret API keys.',
      shapes: ['sbp_<40 × hex>', 'sb_secret_<30–60 × A-Z a-z 0-9 _ ->'],
      why: 'Access tokens manage projects; secret keys bypass row-level security on the database.',
    },
    kinds: [
      {
        messageId: 'SUPABASE_ACCESS_TOKEN',
        message: 'found Supabase access token',
        pattern: re(`${START}sbp_[0-9a-f]{40}${END}`),
        keywords: ['sbp_'],
      },
      {
        messageId: 'SUPABASE_SECRET_KEY',
        message: 'found Supabase secret key',
        pattern: re(`${START}sb_secret_[0-9A-Za-z_-]{30,60}${END}`),
        keywords: ['sb_secret_'],
      },
    ],
  },
  {
    name: 'cloudflare-origin-ca-key',
    severity: 'critical',
    docs: {
      title: 'Cloudflare Origin CA key',
      detects: 'Cloudflare Origin CA keys (used to issue origin certificates).',
      shapes: ['v1.0-<24 × hex>-<146 × hex>'],
      why: 'It issues and revokes origin certificates for the account’s zones.',
    },
    kinds: [
      {
        messageId: 'CLOUDFLARE_ORIGIN_CA_KEY',
        message: 'found Cloudflare Origin CA key',
        pattern: re(String.raw`${START}v1\.0-[0-9a-f]{24}-[0-9a-f]{146}${END}`),
        keywords: ['v1.0-'],
      },
    ],
  },
  {
    name: 'tailscale-key',
    severity: 'critical',
    docs: {
      title: 'Tailscale key',
      detects: 'Tailscale API access tokens, auth keys, OAuth client secrets, webhook and SCIM keys.',
      shapes: ['tskey-api-<id>-<secret>', 'tskey-auth-<id>-<secret>', 'tskey-client-<id>-<secret>'],
      why: 'Auth keys join machines to the tailnet; API tokens change its ACLs.',
    },
    kinds: [
      {
        messageId: 'TAILSCALE_KEY',
        message: 'found Tailscale key',
        pattern: re(
          `${START}tskey-(?:api|auth|client|webhook|scim)-[0-9A-Za-z]{6,24}-[0-9A-Za-z]{20,64}${END}`,
        ),
        keywords: ['tskey-'],
      },
    ],
  },
  {
    name: 'defined-networking-token',
    severity: 'critical',
    docs: {
      title: 'Defined Networking API token',
      detects: 'Defined Networking (managed Nebula) API tokens.',
      shapes: ['dnkey-<26>-<52>'],
      why: 'It manages the overlay network: hosts, roles and firewall rules.',
    },
    kinds: [
      {
        messageId: 'DEFINED_NETWORKING_TOKEN',
        message: 'found Defined Networking API token',
        pattern: re(`${START}dnkey-[0-9A-Za-z=_-]{26}-[0-9A-Za-z=_-]{52}(?![A-Za-z0-9_=-])`),
        keywords: ['dnkey-'],
      },
    ],
  },
  {
    name: 'scalingo-token',
    severity: 'critical',
    docs: {
      title: 'Scalingo API token',
      detects: 'Scalingo API tokens.',
      shapes: ['tk-us-<48 × A-Z a-z 0-9 _ ->'],
      why: 'It deploys and configures the user’s apps.',
    },
    kinds: [
      {
        messageId: 'SCALINGO_TOKEN',
        message: 'found Scalingo API token',
        pattern: re(`${START}tk-us-[0-9A-Za-z_-]{48}${END}`),
        keywords: ['tk-us-'],
      },
    ],
  },
  {
    name: 'harness-token',
    severity: 'critical',
    docs: {
      title: 'Harness API key',
      detects: 'Harness personal access tokens and service account tokens.',
      shapes: ['pat.<22>.<24>.<20>', 'sat.<22>.<24>.<20>'],
      why: 'It runs pipelines and reads the secrets they use.',
    },
    kinds: [
      {
        messageId: 'HARNESS_TOKEN',
        message: 'found Harness API key',
        pattern: re(
          String.raw`${START}(?:pat|sat)\.[0-9A-Za-z_-]{22}\.[0-9A-Za-z]{24}\.[0-9A-Za-z]{20}${END}`,
        ),
        keywords: ['pat.', 'sat.'],
      },
    ],
  },
  {
    name: 'octopus-deploy-key',
    severity: 'critical',
    docs: {
      title: 'Octopus Deploy API key',
      detects: 'Octopus Deploy API keys.',
      shapes: ['API-<26 × A-Z 0-9>'],
      why: 'It deploys releases to every environment the user may deploy to.',
    },
    kinds: [
      {
        messageId: 'OCTOPUS_DEPLOY_KEY',
        message: 'found Octopus Deploy API key',
        pattern: re(`${START}API-[0-9A-Z]{26}${END}`),
        keywords: ['api-'],
        validate: (value) => mixesLettersAndDigits(value.slice(4)),
      },
    ],
  },
];
