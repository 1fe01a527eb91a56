import { presetOpenAiSpans } from '../../preset-overlap.js';
import { END, re, START, type TokenRuleSpec } from '../token-rule.js';

// Payments, commerce, AI and other SaaS APIs.
export const saasTokens: readonly TokenRuleSpec[] = [
  {
    name: 'stripe-key',
    severity: 'critical',
    docs: {
      title: 'Stripe secret key, restricted key or webhook secret',
      detects:
        'Stripe secret and restricted keys in live and test mode, and webhook signing secrets. Publishable keys (`pk_`) are public and ignored; so is the key from Stripe’s own docs.',
      shapes: ['sk_live_<24+ × A-Z a-z 0-9>', 'sk_test_<…>', 'rk_live_<…>', 'rk_test_<…>', 'whsec_<32–64>'],
      why: 'A live secret key moves money: charges, refunds, payouts, and reads customer data. Test keys still expose the test account and are often promoted to live by copy-paste.',
    },
    kinds: [
      {
        messageId: 'STRIPE_SECRET_KEY',
        message: 'found Stripe secret key',
        pattern: re(`${START}[sr]k_(?:live|test)_[0-9A-Za-z]{24,247}${END}`),
        keywords: ['sk_live_', 'sk_test_', 'rk_live_', 'rk_test_'],
      },
      {
        messageId: 'STRIPE_WEBHOOK_SECRET',
        message: 'found Stripe webhook signing secret',
        pattern: re(`${START}whsec_[0-9A-Za-z+/=]{32,64}(?![A-Za-z0-9+/=_-])`),
        keywords: ['whsec_'],
      },
    ],
  },
  {
    name: 'square-token',
    severity: 'critical',
    docs: {
      title: 'Square access token or OAuth secret',
      detects: 'Square production and sandbox access tokens, and OAuth application secrets.',
      shapes: ['EAAA<60 × A-Z a-z 0-9 _ ->', 'sq0atp-<22>', 'sq0csp-<43>'],
      why: 'It takes payments and reads customers, orders and payouts of the seller.',
    },
    kinds: [
      {
        messageId: 'SQUARE_ACCESS_TOKEN',
        message: 'found Square access token',
        pattern: re(`${START}(?:EAAA[0-9A-Za-z_-]{60}|sq0atp-[0-9A-Za-z_-]{22})${END}`),
        keywords: ['eaaa', 'sq0atp-'],
      },
      {
        messageId: 'SQUARE_OAUTH_SECRET',
        message: 'found Square OAuth secret',
        pattern: re(`${START}sq0csp-[0-9A-Za-z_-]{43}${END}`),
        keywords: ['sq0csp-'],
      },
    ],
  },
  {
    name: 'shippo-token',
    severity: 'critical',
    docs: {
      title: 'Shippo API token',
      detects: 'Shippo live and test API tokens.',
      shapes: ['shippo_live_<40 × hex>', 'shippo_test_<40 × hex>'],
      why: 'It buys shipping labels on the account and reads customer addresses.',
    },
    kinds: [
      {
        messageId: 'SHIPPO_TOKEN',
        message: 'found Shippo API token',
        pattern: re(`${START}shippo_(?:live|test)_[0-9a-fA-F]{40}${END}`),
        keywords: ['shippo_'],
      },
    ],
  },
  {
    name: 'easypost-key',
    severity: 'critical',
    docs: {
      title: 'EasyPost API key',
      detects: 'EasyPost production and test API keys.',
      shapes: ['EZAK<54 × A-Z a-z 0-9>', 'EZTK<54 × A-Z a-z 0-9>'],
      why: 'It buys postage on the account and reads shipment data.',
    },
    kinds: [
      {
        messageId: 'EASYPOST_KEY',
        message: 'found EasyPost API key',
        pattern: re(`${START}EZ[AT]K[0-9A-Za-z]{54}${END}`),
        keywords: ['ezak', 'eztk'],
      },
    ],
  },
  {
    name: 'duffel-token',
    severity: 'critical',
    docs: {
      title: 'Duffel API token',
      detects: 'Duffel live and test access tokens.',
      shapes: ['duffel_live_<43>', 'duffel_test_<43>'],
      why: 'It books flights and stays charged to the account and reads passenger data.',
    },
    kinds: [
      {
        messageId: 'DUFFEL_TOKEN',
        message: 'found Duffel API token',
        pattern: re(`${START}duffel_(?:live|test)_[0-9A-Za-z_=-]{43}(?![A-Za-z0-9_=-])`),
        keywords: ['duffel_'],
      },
    ],
  },
  {
    name: 'flutterwave-key',
    severity: 'critical',
    docs: {
      title: 'Flutterwave secret key',
      detects: 'Flutterwave live and test secret keys (public keys are ignored).',
      shapes: ['FLWSECK-<32 × hex>-X', 'FLWSECK_TEST-<32 × hex>-X'],
      why: 'It initiates transfers and refunds from the merchant balance.',
    },
    kinds: [
      {
        messageId: 'FLUTTERWAVE_SECRET_KEY',
        message: 'found Flutterwave secret key',
        pattern: re(`${START}FLWSECK(?:_TEST)?-[0-9a-f]{32}-X${END}`),
        keywords: ['flwseck'],
      },
    ],
  },
  {
    name: 'openai-key',
    severity: 'critical',
    docs: {
      title: 'OpenAI API key (the ones secretlint’s preset misses)',
      detects:
        'OpenAI project, service-account and admin keys that end in `-`: secretlint’s openai rule ends its pattern with `\\b`, which cannot match after a `-`. Keys the preset reports are left to it.',
      shapes: [
        'sk-proj-<58 or 74>T3BlbkFJ<58 or 74>',
        'sk-svcacct-<…>T3BlbkFJ<…>',
        'sk-admin-<…>T3BlbkFJ<…>',
      ],
      why: 'It spends the organization’s credits and reads its files, assistants and fine-tuned models.',
    },
    kinds: [
      {
        messageId: 'OPENAI_KEY',
        message: 'found OpenAI API key',
        pattern: re(
          `${START}sk-(?:proj|svcacct|admin)-[0-9A-Za-z_-]{58,74}T3BlbkFJ[0-9A-Za-z_-]{58,74}${END}`,
        ),
        keywords: ['t3blbkfj'],
        reportedElsewhere: presetOpenAiSpans,
      },
    ],
  },
  {
    name: 'anthropic-admin-key',
    severity: 'critical',
    docs: {
      title: 'Anthropic Admin API key',
      detects: 'Anthropic Admin API keys (API keys `sk-ant-api0x-` are left to secretlint’s preset).',
      shapes: ['sk-ant-admin01-<93 × A-Z a-z 0-9 _ ->AA'],
      why: 'It manages the organization: members, workspaces and every API key.',
    },
    kinds: [
      {
        messageId: 'ANTHROPIC_ADMIN_KEY',
        message: 'found Anthropic Admin API key',
        pattern: re(`${START}sk-ant-admin01-[0-9A-Za-z_-]{93}AA${END}`),
        keywords: ['sk-ant-admin01-'],
      },
    ],
  },
  {
    name: 'huggingface-org-token',
    severity: 'critical',
    docs: {
      title: 'Hugging Face organization API token',
      detects: 'Hugging Face organization API tokens (user tokens `hf_` are left to secretlint’s preset).',
      shapes: ['api_org_<34 × A-Z a-z>'],
      why: 'It reads and writes the organization’s private models and datasets.',
    },
    kinds: [
      {
        messageId: 'HUGGINGFACE_ORG_TOKEN',
        message: 'found Hugging Face organization token',
        pattern: re(`${START}api_org_[A-Za-z]{34}${END}`),
        keywords: ['api_org_'],
      },
    ],
  },
  {
    name: 'perplexity-key',
    severity: 'critical',
    docs: {
      title: 'Perplexity API key',
      detects: 'Perplexity API keys.',
      shapes: ['pplx-<48 × A-Z a-z 0-9>'],
      why: 'It spends the account’s credits.',
    },
    kinds: [
      {
        messageId: 'PERPLEXITY_KEY',
        message: 'found Perplexity API key',
        pattern: re(`${START}pplx-[0-9A-Za-z]{48}${END}`),
        keywords: ['pplx-'],
      },
    ],
  },
  {
    name: 'xai-key',
    severity: 'critical',
    docs: {
      title: 'xAI API key',
      detects: 'xAI (Grok) API keys.',
      shapes: ['xai-<80 × A-Z a-z 0-9>'],
      why: 'It spends the team’s credits.',
    },
    kinds: [
      {
        messageId: 'XAI_KEY',
        message: 'found xAI API key',
        pattern: re(`${START}xai-[0-9A-Za-z]{80}${END}`),
        keywords: ['xai-'],
      },
    ],
  },
  {
    name: 'replicate-token',
    severity: 'critical',
    docs: {
      title: 'Replicate API token',
      detects: 'Replicate API tokens.',
      shapes: ['r8_<37 × A-Z a-z 0-9>'],
      why: 'It runs models billed to the account and reads its predictions.',
    },
    kinds: [
      {
        messageId: 'REPLICATE_TOKEN',
        message: 'found Replicate API token',
        pattern: re(`${START}r8_[0-9A-Za-z]{37}${END}`),
        keywords: ['r8_'],
      },
    ],
  },
  {
    name: 'infracost-token',
    severity: 'critical',
    docs: {
      title: 'Infracost API key',
      detects: 'Infracost API keys.',
      shapes: ['ico-<32 × A-Z a-z 0-9>'],
      why: 'It reads the organization’s cost estimates and repositories.',
    },
    kinds: [
      {
        messageId: 'INFRACOST_TOKEN',
        message: 'found Infracost API key',
        pattern: re(`${START}ico-[0-9A-Za-z]{32}${END}`),
        keywords: ['ico-'],
      },
    ],
  },
  {
    name: 'typeform-token',
    severity: 'critical',
    docs: {
      title: 'Typeform personal access token',
      detects: 'Typeform personal access tokens.',
      shapes: ['tfp_<40–64 × A-Z a-z 0-9 _ . = ->'],
      why: 'It reads every form response (personal data) of the account.',
    },
    kinds: [
      {
        messageId: 'TYPEFORM_TOKEN',
        message: 'found Typeform personal access token',
        pattern: re(`${START}tfp_[0-9A-Za-z_.=-]{40,64}(?![A-Za-z0-9_.=-])`),
        keywords: ['tfp_'],
      },
    ],
  },
  {
    name: 'frameio-token',
    severity: 'critical',
    docs: {
      title: 'Frame.io developer token',
      detects: 'Frame.io developer tokens.',
      shapes: ['fio-u-<64 × A-Z a-z 0-9 _ = ->'],
      why: 'It downloads the team’s unreleased media.',
    },
    kinds: [
      {
        messageId: 'FRAMEIO_TOKEN',
        message: 'found Frame.io developer token',
        pattern: re(`${START}fio-u-[0-9A-Za-z_=-]{64}(?![A-Za-z0-9_=-])`),
        keywords: ['fio-u-'],
      },
    ],
  },
  {
    name: 'adobe-client-secret',
    severity: 'critical',
    docs: {
      title: 'Adobe client secret',
      detects: 'Adobe Developer Console OAuth client secrets.',
      shapes: ['p8e-<32 × A-Z a-z 0-9>'],
      why: 'With the client id it obtains tokens for the organization’s Adobe APIs.',
    },
    kinds: [
      {
        messageId: 'ADOBE_CLIENT_SECRET',
        message: 'found Adobe client secret',
        pattern: re(`${START}p8e-[0-9A-Za-z]{32}${END}`),
        keywords: ['p8e-'],
      },
    ],
  },
  {
    name: 'airtable-token',
    severity: 'critical',
    docs: {
      title: 'Airtable personal access token',
      detects: 'Airtable personal access tokens.',
      shapes: ['pat<14 × A-Z a-z 0-9>.<64 × hex>'],
      why: 'It reads and writes the bases it was scoped to.',
    },
    kinds: [
      {
        messageId: 'AIRTABLE_TOKEN',
        message: 'found Airtable personal access token',
        pattern: re(String.raw`${START}pat[0-9A-Za-z]{14}\.[0-9a-f]{64}${END}`),
        keywords: ['pat'],
        anchors: [{ literal: 'pat', offset: 0 }],
      },
    ],
  },
  {
    name: 'mapbox-secret-token',
    severity: 'critical',
    docs: {
      title: 'Mapbox secret access token',
      detects: 'Mapbox secret tokens (public `pk.` tokens are ignored).',
      shapes: ['sk.eyJ<base64url>.<22+ × A-Z a-z 0-9 _ ->'],
      why: 'Secret scopes upload tilesets, list and create tokens, and bill the account.',
    },
    kinds: [
      {
        messageId: 'MAPBOX_SECRET_TOKEN',
        message: 'found Mapbox secret token',
        pattern: re(String.raw`${START}sk\.eyJ[0-9A-Za-z_-]{20,300}\.[0-9A-Za-z_-]{20,40}${END}`),
        keywords: ['sk.eyj'],
      },
    ],
  },
];
