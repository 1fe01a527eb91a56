/** The dashboard's stylesheet, inlined and allowed by a CSP hash (no external file, no CDN). */
export const DASHBOARD_STYLE = `
:root { --bg: #f6f7f9; --fg: #1d2329; --muted: #5b6670; --card: #fff; --line: #dde2e7;
  --critical: #7b2cbf; --high: #c1121f; --medium: #e36414; --low: #c9a227; --info: #8d99ae; --ok: #2b9348; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: var(--bg); color: var(--fg); }
header, main { max-width: 1280px; margin: 0 auto; padding: 16px 24px; }
h1 { font-size: 22px; margin: 8px 0 4px; } h2 { font-size: 17px; margin: 28px 0 10px; }
.sub { color: var(--muted); margin: 0; }
.gate { border-radius: 8px; padding: 12px 16px; margin: 12px 0; background: var(--card); border-left: 6px solid var(--ok); }
.gate.fail { border-left-color: var(--high); }
.gate h2 { margin: 0 0 6px; } .gate ul { margin: 4px 0 0; padding-left: 20px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); gap: 12px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
.card .value { font-size: 26px; font-weight: 650; } .card .label { color: var(--muted); }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(460px, 1fr)); gap: 12px; }
figure { margin: 0; background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 10px; }
figcaption { font-weight: 600; margin-bottom: 4px; }
svg { width: 100%; height: auto; display: block; }
svg .grid { stroke: var(--line); stroke-width: 1; } svg .tick { font-size: 11px; fill: var(--muted); }
svg .dot { fill: var(--fg); }
.filters { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-bottom: 8px; }
.filters input[type=search] { flex: 1 1 260px; padding: 6px 8px; border: 1px solid var(--line); border-radius: 6px; }
.filters select { padding: 5px; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
#findings-count { color: var(--muted); margin-left: auto; }
table { width: 100%; border-collapse: collapse; background: var(--card); border: 1px solid var(--line); }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th button { all: unset; cursor: pointer; font-weight: 600; } th button:focus-visible { outline: 2px solid var(--fg); }
th[aria-sort=ascending] button::after { content: " ▲"; } th[aria-sort=descending] button::after { content: " ▼"; }
td.finding .msg { white-space: pre-wrap; overflow-wrap: anywhere; } td.finding .meta { color: var(--muted); font-size: 12px; }
td.finding .note { color: var(--fg); font-style: italic; }
td.loc, td.repo { overflow-wrap: anywhere; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12px; }
td.sla.breached { color: var(--high); font-weight: 600; } td.num, td.date { white-space: nowrap; }
.sev { display: inline-block; padding: 1px 6px; border-radius: 4px; color: #fff; font-size: 12px; }
.sev-critical { background: var(--critical); } .sev-high { background: var(--high); } .sev-medium { background: var(--medium); }
.sev-low { background: var(--low); color: #1d2329; } .sev-info { background: var(--info); }
.pager { display: flex; gap: 8px; align-items: center; justify-content: flex-end; margin-top: 8px; }
.overdue { color: var(--high); font-weight: 600; } .due-soon { color: var(--medium); font-weight: 600; }
.passed { color: var(--ok); } .missed { color: var(--high); font-weight: 600; }
footer { color: var(--muted); font-size: 12px; max-width: 1280px; margin: 0 auto; padding: 16px 24px 32px; }
`;
