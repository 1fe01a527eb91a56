import { presetSendgridSpans } from '../../preset-overlap.js';
import { END, END64, re, START, type TokenRuleSpec } from '../token-rule.js';

// Chat, e-mail, SMS and social platforms.
export const messagingTokens: readonly TokenRuleSpec[] = [
  {
    name: 'slack-extended',
    severity: 'critical',
    docs: {
      title: 'Slack configuration tokens, legacy tokens and workflow webhooks',
      detects:
        'Slack app configuration access and refresh tokens, legacy `xoxs-` tokens, and Workflow Builder / trigger webhook URLs. Bot, user and app tokens and incoming webhooks are left to secretlint’s preset.',
      shapes: [
        'xoxe.xoxp-1-<163–166 × A-Z a-z 0-9>',
        'xoxe-1-<146 × A-Z a-z 0-9>',
        'xoxs-<digits>-<digits>-<digits>-<hex>',
        'https://hooks.slack.com/workflows/T<id>/A<id>/<digits>/<secret>',
        'https://hooks.slack.com/triggers/T<id>/<digits>/<secret>',
      ],
      why: 'Configuration tokens create and modify apps of the workspace; webhook URLs post into channels as the workflow.',
    },
    kinds: [
      {
        messageId: 'SLACK_CONFIG_ACCESS_TOKEN',
        message: 'found Slack configuration access token',
        pattern: re(String.raw`${START}xoxe\.xox[bp]-\d-[0-9A-Za-z]{163,166}${END}`),
        keywords: ['xoxe'],
      },
      {
        messageId: 'SLACK_CONFIG_REFRESH_TOKEN',
        message: 'found Slack configuration refresh token',
        pattern: re(String.raw`${START}xoxe-\d-[0-9A-Za-z]{146}${END}`),
        keywords: ['xoxe'],
      },
      {
        messageId: 'SLACK_LEGACY_TOKEN',
        message: 'found Slack legacy token',
        pattern: re(String.raw`${START}xoxs-\d{1,15}-\d{1,15}-\d{1,15}-[0-9a-fA-F]{32,64}${END}`),
        keywords: ['xoxs-'],
      },
      {
        messageId: 'SLACK_WORKFLOW_WEBHOOK',
        message: 'found Slack workflow webhook URL',
        pattern: re(
          String.raw`https://hooks\.slack\.com/(?:workflows|triggers)/T[0-9A-Z]{6,12}/(?:[0-9A-Z]{6,14}/)?\d{6,20}/[0-9A-Za-z]{20,40}(?![0-9A-Za-z])`,
        ),
        keywords: ['hooks.slack.com'],
      },
    ],
  },
  {
    name: 'discord-token',
    severity: 'high',
    docs: {
      title: 'Discord webhook URL or bot token',
      detects: 'Discord webhook URLs, and bot tokens in files that mention Discord.',
      shapes: [
        'https://discord.com/api/webhooks/<17–20 digits>/<60–68 × A-Z a-z 0-9 _ ->',
        'DISCORD_BOT_TOKEN=<M|N|O><23–27>.<6>.<27–40>',
      ],
      why: 'A bot token controls the bot in every server it joined; a webhook URL posts as the webhook (phishing in trusted channels).',
    },
    kinds: [
      {
        messageId: 'DISCORD_WEBHOOK',
        message: 'found Discord webhook URL',
        pattern: re(
          String.raw`https://(?:ptb\.|canary\.)?discord(?:app)?\.com/api/webhooks/\d{17,20}/[0-9A-Za-z_-]{60,68}${END}`,
        ),
        keywords: ['discord'],
      },
      {
        messageId: 'DISCORD_BOT_TOKEN',
        message: 'found Discord bot token',
        pattern: re(
          String.raw`(?<![A-Za-z0-9_.-])[MNO][0-9A-Za-z_-]{23,27}\.[0-9A-Za-z_-]{6}\.[0-9A-Za-z_-]{27,40}(?![A-Za-z0-9_.-])`,
        ),
        keywords: ['discord'],
        // The format alone is not unique enough; a file that never mentions Discord does not hold one.
        fileContext: 'discord',
      },
    ],
  },
  {
    name: 'telegram-bot-token',
    severity: 'critical',
    docs: {
      title: 'Telegram bot token',
      detects: 'Telegram Bot API tokens. The BotFather documentation example is ignored.',
      shapes: ['<8–10 digits>:AA<33 × A-Z a-z 0-9 _ ->'],
      why: 'It is the bot: it reads every message sent to it and writes as it.',
    },
    kinds: [
      {
        messageId: 'TELEGRAM_BOT_TOKEN',
        message: 'found Telegram bot token',
        // Also inside Bot API URLs: https://api.telegram.org/bot<token>/sendMessage
        pattern: re(String.raw`(?:(?<=/bot)|(?<![A-Za-z0-9_:-]))\d{8,10}:AA[0-9A-Za-z_-]{33}${END}`),
        keywords: [':aa'],
      },
    ],
  },
  {
    name: 'microsoft-teams-webhook',
    severity: 'high',
    docs: {
      title: 'Microsoft Teams incoming webhook URL',
      detects: 'Microsoft Teams (Office 365 connector) incoming webhook URLs.',
      shapes: [
        'https://<tenant>.webhook.office.com/webhookb2/<uuid>@<uuid>/IncomingWebhook/<32 × hex>/<uuid>',
      ],
      why: 'It posts into the channel as the connector, a trusted-looking source for phishing.',
    },
    kinds: [
      {
        messageId: 'TEAMS_WEBHOOK',
        message: 'found Microsoft Teams webhook URL',
        pattern: re(
          String.raw`https://[0-9A-Za-z-]{1,60}\.webhook\.office\.com/webhookb2/[0-9a-f-]{36}@[0-9a-f-]{36}/IncomingWebhook/[0-9a-f]{32}/[0-9a-f-]{36}(?:/[0-9A-Za-z_-]{20,80})?`,
        ),
        keywords: ['webhook.office.com'],
      },
    ],
  },
  {
    name: 'twilio-key',
    severity: 'high',
    docs: {
      title: 'Twilio API key SID',
      detects:
        'Twilio API key SIDs (`SK` + 32 hex). The auth token and API key secret are found by the generic rule.',
      shapes: ['SK<32 × hex>'],
      why: 'The SID names a key whose secret is usually committed beside it; high rather than critical because the SID alone is not enough.',
    },
    kinds: [
      {
        messageId: 'TWILIO_API_KEY',
        message: 'found Twilio API key SID',
        pattern: re(`${START}SK[0-9a-f]{32}${END}`),
        keywords: ['sk'],
        anchors: [{ literal: 'SK', offset: 0 }],
      },
    ],
  },
  {
    name: 'mailgun-key',
    severity: 'critical',
    docs: {
      title: 'Mailgun API key',
      detects: 'Mailgun private API keys.',
      shapes: ['key-<32 × hex>'],
      why: 'It sends mail from the account’s verified domains (phishing with valid DKIM) and reads its logs.',
    },
    kinds: [
      {
        messageId: 'MAILGUN_KEY',
        message: 'found Mailgun API key',
        pattern: re(`${START}key-[0-9a-f]{32}${END}`),
        keywords: ['key-'],
      },
    ],
  },
  {
    name: 'mailchimp-key',
    severity: 'critical',
    docs: {
      title: 'Mailchimp API key',
      detects: 'Mailchimp Marketing API keys (data-center suffixed).',
      shapes: ['<32 × hex>-us<1–2 digits>'],
      why: 'It exports the audience (personal data) and sends campaigns to it.',
    },
    kinds: [
      {
        messageId: 'MAILCHIMP_KEY',
        message: 'found Mailchimp API key',
        pattern: re(String.raw`${START}[0-9a-f]{32}-us\d{1,2}${END}`),
        keywords: ['-us'],
        anchors: [{ literal: '-us', offset: 32 }],
      },
    ],
  },
  {
    name: 'brevo-key',
    severity: 'critical',
    docs: {
      title: 'Brevo (Sendinblue) API or SMTP key',
      detects: 'Brevo (formerly Sendinblue) API keys and SMTP keys.',
      shapes: ['xkeysib-<64 × hex>-<16 × A-Z a-z 0-9>', 'xsmtpsib-<64 × hex>-<16 × A-Z a-z 0-9>'],
      why: 'It sends e-mail and SMS as the account and reads its contacts.',
    },
    kinds: [
      {
        messageId: 'BREVO_KEY',
        message: 'found Brevo key',
        pattern: re(`${START}x(?:keysib|smtpsib)-[0-9a-f]{64}-[0-9A-Za-z]{16}${END}`),
        keywords: ['xkeysib-', 'xsmtpsib-'],
      },
    ],
  },
  {
    name: 'sendgrid-key',
    severity: 'critical',
    docs: {
      title: 'SendGrid API key (the ones secretlint’s preset misses)',
      detects:
        'SendGrid API keys whose segments contain `-`, which secretlint’s sendgrid rule does not accept (its pattern allows no `-` in the first segment and at most one in the second). Keys the preset reports are left to it.',
      shapes: ['SG.<22 × A-Z a-z 0-9 _ ->.<43 × A-Z a-z 0-9 _ ->'],
      why: 'It sends e-mail as the account’s verified senders and domains, and reads contact lists.',
    },
    kinds: [
      {
        messageId: 'SENDGRID_KEY',
        message: 'found SendGrid API key',
        pattern: re(String.raw`${START}SG\.[0-9A-Za-z_-]{22}\.[0-9A-Za-z_-]{43}${END}`),
        keywords: ['sg.'],
        reportedElsewhere: presetSendgridSpans,
      },
    ],
  },
  {
    name: 'facebook-access-token',
    severity: 'high',
    docs: {
      title: 'Facebook / Meta access token',
      detects: 'Facebook Graph API user, page and system-user access tokens.',
      shapes: ['EAA<B–Z><100–400 × A-Z a-z 0-9>'],
      why: 'It acts on the pages, ad accounts or WhatsApp business accounts it was granted.',
    },
    kinds: [
      {
        messageId: 'FACEBOOK_ACCESS_TOKEN',
        message: 'found Facebook access token',
        pattern: re(`(?<![A-Za-z0-9+/=_-])EAA[B-Z][0-9A-Za-z]{100,400}${END64}`),
        keywords: ['eaa'],
      },
    ],
  },
];
