import type { Severity } from '@seckit/core';
import type { FindingView } from '../metrics/build-summary.js';

export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${n} ${n === 1 ? word : pluralWord}`;
}

export function percent(share: number): string {
  return `${Math.floor(share * 1000) / 10}%`;
}

/** 24 → "24 h", 168 → "7 d". */
export function hours(h: number): string {
  return h % 24 === 0 && h >= 48 ? `${h / 24} d` : `${h} h`;
}

export const SEVERITY_ICON: Record<Severity, string> = {
  critical: '🟣',
  high: '🔴',
  medium: '🟠',
  low: '🟡',
  info: '⚪',
};

/** The short form of a finding id shown to people; `sec-report triage` accepts it. */
export function shortId(id: string): string {
  return id.slice(0, 10);
}

export function locationOf(f: Pick<FindingView, 'path' | 'line'>): string {
  if (f.path === undefined) return '(no file)';
  return f.line === undefined ? f.path : `${f.path}:${f.line}`;
}

/** "overdue 3.5 d", "due in 5 h", "no SLA". */
export function slaText(f: FindingView): string {
  if (f.sla === undefined) return f.state === 'open' ? 'no SLA' : '—';
  if (f.sla.breached) return `overdue ${f.sla.daysOverdue} d`;
  return f.sla.hoursLeft >= 48
    ? `due in ${Math.floor(f.sla.hoursLeft / 24)} d`
    : `due in ${f.sla.hoursLeft} h`;
}
