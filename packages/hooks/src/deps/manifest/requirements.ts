import type { Span } from '../text-place.js';

/**
 * One logical line of a pip requirements file, after pip's own preprocessing: `\` continuations
 * joined, `#` comments (at the start or after whitespace) dropped. Offsets map back to the file.
 */
export interface ReqToken {
  text: string;
  span: Span;
}

export type ReqLine =
  | {
      kind: 'requirement';
      line: number;
      /** The requirement text (PEP 508, URL or path) and where it is. */
      req: ReqToken;
      editable: boolean;
      hashes: { alg: string; value: string; span: Span }[];
    }
  | { kind: 'include' | 'constraint'; line: number; option: ReqToken; target: ReqToken | undefined }
  | { kind: 'option'; line: number; option: ReqToken; value: ReqToken | undefined };

const COMMENT = /(^|\s+)#.*$/;

/** Options that take a value, with their long names. */
const VALUED: Record<string, string> = {
  '-r': '--requirement',
  '--requirement': '--requirement',
  '-c': '--constraint',
  '--constraint': '--constraint',
  '-e': '--editable',
  '--editable': '--editable',
  '-i': '--index-url',
  '--index-url': '--index-url',
  '--extra-index-url': '--extra-index-url',
  '-f': '--find-links',
  '--find-links': '--find-links',
  '--trusted-host': '--trusted-host',
  '--hash': '--hash',
  '--no-binary': '--no-binary',
  '--only-binary': '--only-binary',
  '--use-feature': '--use-feature',
  '-C': '--config-settings',
  '--config-settings': '--config-settings',
  '--global-option': '--global-option',
  '--install-option': '--install-option',
};

interface Segment {
  logical: number;
  file: number;
  length: number;
}

export function parseRequirements(text: string): ReqLine[] {
  const out: ReqLine[] = [];
  for (const logical of joinLines(text)) {
    const stripped = logical.text.replace(COMMENT, '');
    if (stripped.trim() === '') continue;
    const tokens = tokenize(stripped, logical.map);
    parseLogical(tokens, logical.line, out);
  }
  return out;
}

/** pip's join_lines: a line ending in `\` continues on the next, unless it is a comment line. */
function joinLines(text: string): { text: string; line: number; map: (i: number) => number }[] {
  const result: { text: string; line: number; map: (i: number) => number }[] = [];
  let pending: { parts: string[]; segments: Segment[]; line: number; length: number } | undefined;
  let offset = 0;
  const lines = text.split('\n');
  lines.forEach((rawLine, index) => {
    const lineStart = offset;
    offset += rawLine.length + 1;
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    const isComment = /^\s*#/.test(line);
    if (!line.endsWith('\\') || isComment) {
      if (pending !== undefined) {
        const piece = isComment ? ` ${line}` : line;
        pending.segments.push({
          logical: pending.length,
          file: lineStart - (isComment ? 1 : 0),
          length: piece.length,
        });
        pending.parts.push(piece);
        result.push(finish(pending));
        pending = undefined;
      } else {
        result.push({ text: line, line: index + 1, map: (i) => lineStart + i });
      }
      return;
    }
    // `line.strip("\\")`: pip drops backslashes at both ends of a continued line.
    let lead = 0;
    while (line[lead] === '\\') lead++;
    let trail = line.length;
    while (trail > lead && line[trail - 1] === '\\') trail--;
    const piece = line.slice(lead, trail);
    pending ??= { parts: [], segments: [], line: index + 1, length: 0 };
    pending.segments.push({ logical: pending.length, file: lineStart + lead, length: piece.length });
    pending.parts.push(piece);
    pending.length += piece.length;
  });
  if (pending !== undefined) result.push(finish(pending));
  return result;
}

function finish(p: { parts: string[]; segments: Segment[]; line: number }): {
  text: string;
  line: number;
  map: (i: number) => number;
} {
  const segments = p.segments;
  return {
    text: p.parts.join(''),
    line: p.line,
    map: (i) => {
      for (let s = segments.length - 1; s >= 0; s--) {
        const seg = segments[s]!;
        if (i >= seg.logical) return seg.file + Math.min(i - seg.logical, seg.length);
      }
      return segments[0]?.file ?? 0;
    },
  };
}

function tokenize(text: string, map: (i: number) => number): ReqToken[] {
  const tokens: ReqToken[] = [];
  const re = /\S+/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    tokens.push({ text: m[0], span: { start: map(m.index), end: map(m.index + m[0].length - 1) + 1 } });
  }
  return tokens;
}

/**
 * pip's break_args_options: words up to the first one starting with "-" are the requirement,
 * the rest are options (`--hash=…`); a line starting with "-" is all options.
 */
function parseLogical(tokens: ReqToken[], line: number, out: ReqLine[]): void {
  const firstOption = tokens.findIndex((t) => t.text.startsWith('-'));
  const reqTokens = firstOption < 0 ? tokens : tokens.slice(0, firstOption);
  const options = splitOptions(firstOption < 0 ? [] : tokens.slice(firstOption));
  if (reqTokens.length > 0) {
    const first = reqTokens[0]!;
    const last = reqTokens[reqTokens.length - 1]!;
    const req = {
      text: reqTokens.map((t) => t.text).join(' '),
      span: { start: first.span.start, end: last.span.end },
    };
    const hashes = options
      .filter((o) => o.name === '--hash')
      .flatMap((o) => (o.value ? [hashOf(o.value)] : []));
    out.push({ kind: 'requirement', line, req, editable: false, hashes });
    return;
  }
  const editable = options.find((o) => o.name === '--editable');
  if (editable !== undefined && editable.value !== undefined) {
    out.push({ kind: 'requirement', line, req: editable.value, editable: true, hashes: [] });
    return;
  }
  for (const o of options) {
    if (o.name === '--requirement' || o.name === '--constraint') {
      out.push({
        kind: o.name === '--requirement' ? 'include' : 'constraint',
        line,
        option: o.token,
        target: o.value,
      });
    } else {
      out.push({ kind: 'option', line, option: { text: o.name, span: o.token.span }, value: o.value });
    }
  }
}

interface Option {
  name: string;
  token: ReqToken;
  value: ReqToken | undefined;
}

function splitOptions(tokens: ReqToken[]): Option[] {
  const options: Option[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const eq = t.text.indexOf('=');
    const head = t.text.startsWith('--') && eq > 0 ? t.text.slice(0, eq) : t.text;
    const short = /^-[a-zA-Z]/.test(t.text) && !t.text.startsWith('--') ? t.text.slice(0, 2) : undefined;
    const name = VALUED[head] ?? (short !== undefined ? VALUED[short] : undefined);
    if (name === undefined) {
      options.push({ name: head, token: t, value: undefined });
      continue;
    }
    let value: ReqToken | undefined;
    if (head !== t.text) {
      value = { text: t.text.slice(eq + 1), span: { start: t.span.start + eq + 1, end: t.span.end } };
    } else if (short !== undefined && t.text.length > 2) {
      // `-rbase.txt`: optparse allows the value glued to a short option.
      value = { text: t.text.slice(2), span: { start: t.span.start + 2, end: t.span.end } };
    } else if (i + 1 < tokens.length) {
      value = tokens[++i];
    }
    options.push({ name, token: t, value });
  }
  return options;
}

function hashOf(token: ReqToken): { alg: string; value: string; span: Span } {
  const colon = token.text.indexOf(':');
  return colon < 0
    ? { alg: '', value: token.text, span: token.span }
    : { alg: token.text.slice(0, colon), value: token.text.slice(colon + 1), span: token.span };
}
