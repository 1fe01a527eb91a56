import { escapeHtml } from './html-escape.js';

/**
 * Small inline SVG charts: no library, no external file, every label escaped. Each chart carries
 * role="img", an aria-label and a <title> per mark, so the numbers are there for screen readers
 * and as tooltips.
 */

export interface Series {
  name: string;
  color: string;
  values: readonly number[];
}

const W = 560;
const H = 220;
const PAD = { top: 12, right: 12, bottom: 34, left: 40 };

/** The top of the axis: four whole-number steps of 1, 2, 3, 4, 5, 6 or 8 times a power of ten. */
function niceMax(max: number): number {
  const raw = Math.max(1, max / 4);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  for (const step of [1, 2, 3, 4, 5, 6, 8, 10])
    if (raw <= step * magnitude) return Math.max(4, 4 * step * magnitude);
  return 40 * magnitude;
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

function axes(max: number, labels: readonly string[], x: (i: number) => number): string {
  const out: string[] = [];
  for (let i = 0; i <= 4; i++) {
    const v = (max / 4) * i;
    const y = PAD.top + (H - PAD.top - PAD.bottom) * (1 - i / 4);
    out.push(`<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y}" y2="${y}" class="grid"/>`);
    out.push(`<text x="${PAD.left - 6}" y="${y + 4}" text-anchor="end" class="tick">${fmt(v)}</text>`);
  }
  const every = Math.ceil(labels.length / 6);
  labels.forEach((label, i) => {
    if (i % every !== 0 && i !== labels.length - 1) return;
    // A label at the right edge ends there instead of running past it.
    const anchor = x(i) > W - PAD.right - 20 ? 'end' : 'middle';
    out.push(
      `<text x="${x(i)}" y="${H - PAD.bottom + 16}" text-anchor="${anchor}" class="tick">${escapeHtml(label)}</text>`,
    );
  });
  return out.join('');
}

function legend(series: readonly Series[]): string {
  let x = PAD.left;
  return series
    .map((s) => {
      const item = `<rect x="${x}" y="${H - 12}" width="10" height="10" fill="${s.color}"/><text x="${x + 14}" y="${H - 3}" class="tick">${escapeHtml(s.name)}</text>`;
      x += 24 + s.name.length * 7;
      return item;
    })
    .join('');
}

function frame(label: string, body: string): string {
  return `<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeHtml(label)}" xmlns="http://www.w3.org/2000/svg">${body}</svg>`;
}

/** Stacked areas: e.g. open findings per severity at the end of each period. */
export function stackedAreaChart(
  label: string,
  labels: readonly string[],
  series: readonly Series[],
): string {
  const n = labels.length;
  const totals = labels.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const max = niceMax(Math.max(0, ...totals));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (n <= 1 ? plotW / 2 : (plotW * i) / (n - 1));
  const y = (v: number) => PAD.top + plotH * (1 - v / max);
  const base = labels.map(() => 0);
  const areas: string[] = [];
  for (const s of series) {
    const top = base.map((b, i) => b + (s.values[i] ?? 0));
    const upper = top.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`);
    const lower = base.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).reverse();
    areas.push(
      `<polygon points="${[...upper, ...lower].join(' ')}" fill="${s.color}" fill-opacity="0.85"><title>${escapeHtml(s.name)}</title></polygon>`,
    );
    top.forEach((v, i) => {
      base[i] = v;
    });
  }
  const dots = totals
    .map(
      (t, i) =>
        `<circle cx="${x(i).toFixed(1)}" cy="${y(t).toFixed(1)}" r="3" class="dot"><title>${escapeHtml(labels[i] ?? '')}: ${t}</title></circle>`,
    )
    .join('');
  return frame(label, `${axes(max, labels, x)}${areas.join('')}${dots}${legend(series)}`);
}

/** Grouped bars: e.g. new and fixed findings per period. */
export function groupedBarChart(label: string, labels: readonly string[], series: readonly Series[]): string {
  const n = labels.length;
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values)));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, n);
  const barW = (slot * 0.8) / Math.max(1, series.length);
  const x = (i: number) => PAD.left + slot * i + slot / 2;
  const bars: string[] = [];
  labels.forEach((l, i) => {
    series.forEach((s, j) => {
      const v = s.values[i] ?? 0;
      const h = (plotH * v) / max;
      const bx = PAD.left + slot * i + slot * 0.1 + barW * j;
      bars.push(
        `<rect x="${bx.toFixed(1)}" y="${(PAD.top + plotH - h).toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}" fill="${s.color}"><title>${escapeHtml(l)}: ${v} ${escapeHtml(s.name)}</title></rect>`,
      );
    });
  });
  return frame(label, `${axes(max, labels, x)}${bars.join('')}${legend(series)}`);
}

/** Horizontal stacked bars with a label per row: e.g. open findings per repository and severity. */
export function horizontalStackedBars(
  label: string,
  rows: readonly { label: string; values: readonly number[] }[],
  series: readonly Omit<Series, 'values'>[],
): string {
  const rowH = 22;
  const labelW = 170;
  const height = Math.max(1, rows.length) * rowH + 30;
  const max = niceMax(Math.max(0, ...rows.map((r) => r.values.reduce((a, b) => a + b, 0))));
  const plotW = W - labelW - PAD.right;
  const out: string[] = [];
  rows.forEach((r, i) => {
    const y = 6 + i * rowH;
    const shown = r.label.length > 24 ? `${r.label.slice(0, 23)}…` : r.label;
    out.push(
      `<text x="${labelW - 8}" y="${y + 14}" text-anchor="end" class="tick"><title>${escapeHtml(r.label)}</title>${escapeHtml(shown)}</text>`,
    );
    let x = labelW;
    r.values.forEach((v, j) => {
      if (v === 0) return;
      const w = (plotW * v) / max;
      out.push(
        `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${rowH - 6}" fill="${series[j]?.color ?? '#999'}"><title>${escapeHtml(r.label)}: ${v} ${escapeHtml(series[j]?.name ?? '')}</title></rect>`,
      );
      x += w;
    });
    const sum = r.values.reduce((a, b) => a + b, 0);
    out.push(`<text x="${(x + 4).toFixed(1)}" y="${y + 14}" class="tick">${sum}</text>`);
  });
  let lx = labelW;
  const legendY = height - 12;
  for (const s of series) {
    out.push(
      `<rect x="${lx}" y="${legendY}" width="10" height="10" fill="${s.color}"/><text x="${lx + 14}" y="${legendY + 9}" class="tick">${escapeHtml(s.name)}</text>`,
    );
    lx += 24 + s.name.length * 7;
  }
  return `<svg viewBox="0 0 ${W} ${height}" role="img" aria-label="${escapeHtml(label)}" xmlns="http://www.w3.org/2000/svg">${out.join('')}</svg>`;
}
