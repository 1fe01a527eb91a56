import { decodeBase64 } from '../../rule-kit.js';

/** Parses base64(url) JSON into an object; undefined for anything else. */
export function decodeJsonObject(segment: string | undefined): Record<string, unknown> | undefined {
  if (segment === undefined) return undefined;
  const text = decodeBase64(segment);
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A signed JWT: the header decodes to JSON naming an algorithm other than `none`, the payload to a
 * JSON object, and there is a signature. Unsigned tokens grant nothing, and random `eyJ….eyJ…`
 * look-alikes fail the decoding.
 */
export function isSignedJwt(value: string): boolean {
  const [header, payload, signature] = value.split('.');
  const head = decodeJsonObject(header);
  if (head === undefined || typeof head.alg !== 'string' || head.alg.toLowerCase() === 'none') return false;
  return decodeJsonObject(payload) !== undefined && (signature ?? '').length >= 16;
}

/** Grafana's legacy API keys are base64 JSON `{"k":…,"n":…,"id":…}`. */
export function isGrafanaLegacyKey(value: string): boolean {
  const json = decodeJsonObject(value);
  return json !== undefined && 'k' in json;
}

/** Random upper-case bodies mix letters and digits; names such as `API-GATEWAYINTEGRATION` do not. */
export function mixesLettersAndDigits(value: string): boolean {
  const digits = value.replace(/[^0-9]/g, '').length;
  const letters = value.replace(/[^A-Za-z]/g, '').length;
  return digits >= 3 && letters >= 3;
}
