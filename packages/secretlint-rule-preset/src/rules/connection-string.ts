import { isPlaceholderPassword } from '../placeholder.js';
import { presetBasicAuthSpans, presetConnectionStringSpans, type Span } from '../preset-overlap.js';
import {
  type Hit,
  LineCursor,
  overlaps,
  type RuleDefinition,
  type RuleOptions,
  type SourceFile,
} from '../rule-kit.js';

// scheme://user:password@host for any scheme: postgres(ql), mysql, mariadb, mongodb(+srv), redis(s),
// amqp(s), mssql, sqlserver, jdbc:<driver>, ldap(s), ftp(s), sftp, smtp(s), kafka, nats, clickhouse,
// http(s), git, ssh, … (a password in a URL is a password whatever the scheme). The user part has
// no `:` so the split is unambiguous, which also keeps backtracking linear.
export const URL_USERINFO =
  /(?<![A-Za-z0-9+.-])(?<scheme>[A-Za-z][A-Za-z0-9+.-]{1,30}(?::[A-Za-z][A-Za-z0-9+.-]{1,20}){0,2}):\/\/(?<user>[^\s:@/?#'"`<>\\]{0,128}):(?<value>[^\s@/?#'"`<>\\]{1,256})@(?=[A-Za-z0-9[_-])/dg;
// Oracle thin style: jdbc:oracle:thin:user/password@host
const ORACLE_THIN =
  /jdbc:oracle:(?:thin|oci):(?<user>[A-Za-z0-9_$#]{1,64})\/(?<value>[^\s@/'"`<>\\]{1,128})@/dgi;
// Password as a parameter of a URL or JDBC string: `?user=x&password=y`, `;password=y;`.
const URL_PARAM = /[?&;](?:password|passwd|pwd)=(?<value>[^\s&;#'"`<>]{1,256})/dgi;
// ADO.NET / ODBC: `Server=…;User Id=…;Password=…;` (value may be quoted).
const ADO_PASSWORD =
  /(?<![A-Za-z0-9_])(?:Password|Pwd)[ \t]{0,3}=[ \t]{0,3}(?<q>['"]?)(?<value>[^;'"\r\n]{1,128})\k<q>/dgi;
const ADO_CONTEXT =
  /(?:^|[;"'\s])(?:Server|Data Source|Host|Address|Addr|Network Address|Initial Catalog|Database|DSN|Driver)[ \t]{0,3}=/i;
const ADO_USER =
  /(?:^|[;"'\s])(?:User ID|UserID|Uid|User|Username)[ \t]{0,3}=[ \t]{0,3}['"]?([^;'"\r\n]{0,64})/i;

// A match holds exactly one `://` (neither the scheme, the user nor the password may hold a `/`), and
// its scheme starts at most 75 characters before it. So instead of trying the pattern at every
// position of the file (most of this rule's time on code trees), try it only at the few positions
// before each `://` where a scheme can start: the start of the run of scheme characters, or right
// after a `:` inside it (`jdbc:mysql://`). Same matches, in the same order, as a global scan.
const URL_USERINFO_AT = new RegExp(URL_USERINFO.source, 'dy');
const MAX_SCHEME = 75;

function isSchemeChar(c: number): boolean {
  // A-Z a-z 0-9 + . - :
  return (
    (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 58) || c === 43 || c === 46 || c === 45
  );
}

export function* urlUserinfoMatches(text: string): Generator<RegExpExecArray> {
  let lastEnd = 0;
  for (let at = text.indexOf('://'); at >= 0; at = text.indexOf('://', at + 1)) {
    const floor = Math.max(lastEnd, at - MAX_SCHEME);
    let runStart = at;
    while (runStart > floor && isSchemeChar(text.charCodeAt(runStart - 1))) runStart--;
    for (let start = runStart; start < at; start++) {
      if (start !== runStart && text.charCodeAt(start - 1) !== 58) continue;
      URL_USERINFO_AT.lastIndex = start;
      const m = URL_USERINFO_AT.exec(text);
      if (m !== null) {
        lastEnd = URL_USERINFO_AT.lastIndex;
        yield m;
        break;
      }
    }
  }
}

function groupSpan(m: RegExpMatchArray, name: string): Span | undefined {
  const span = (m as RegExpMatchArray & { indices?: RegExpIndicesArray }).indices?.groups?.[name];
  return span === undefined ? undefined : [span[0], span[1]];
}

function presetCovered(file: SourceFile): Span[] {
  if (!file.text.includes('://')) return [];
  return [...presetConnectionStringSpans(file.text), ...presetBasicAuthSpans(file.text)];
}

/** Passwords in connection strings and URLs of any scheme, JDBC and ADO.NET strings. */
export function findConnectionStringPasswords(file: SourceFile, options: RuleOptions = {}): Hit[] {
  const { text } = file;
  // What the preset reports, worked out only once a candidate survives the placeholder filters.
  let covered: Span[] | undefined;
  const hits: Hit[] = [];
  const seen = new Set<number>();
  const add = (span: Span, user: string, messageId: string) => {
    const value = text.slice(span[0], span[1]);
    if (seen.has(span[0]) || isPlaceholderPassword(user, value)) return;
    // CVS's `:pserver:anoncvs@host` is a protocol, not a password.
    if (user === '' && value.includes(':')) return;
    covered ??= options.reportPresetCovered === true ? [] : presetCovered(file);
    if (covered.some((c) => overlaps(c, span))) return;
    seen.add(span[0]);
    hits.push({ start: span[0], end: span[1], messageId });
  };
  if (file.text.includes('://')) {
    for (const m of urlUserinfoMatches(text)) {
      const span = groupSpan(m, 'value');
      if (span !== undefined) add(span, m.groups?.user ?? '', 'URL_PASSWORD');
    }
  }
  if (file.has('jdbc:') && file.has('jdbc:oracle')) {
    for (const m of text.matchAll(ORACLE_THIN)) {
      const span = groupSpan(m, 'value');
      if (span !== undefined) add(span, m.groups?.user ?? '', 'JDBC_PASSWORD');
    }
  }
  // Both patterns need `password`, `passwd` or `pwd` (answered by the caller's prefilter when it ran).
  if (file.has('password') || file.has('passwd') || file.has('pwd')) {
    const lines = new LineCursor(text);
    for (const m of text.matchAll(URL_PARAM)) {
      const span = groupSpan(m, 'value');
      // Only inside something that is a connection string (a scheme on the same line).
      if (span === undefined || !/[A-Za-z][A-Za-z0-9+.:-]{1,40}:\/\/|jdbc:/i.test(lines.at(span[0]).text))
        continue;
      add(span, '', 'URL_PASSWORD');
    }
    const adoLines = new LineCursor(text);
    for (const m of text.matchAll(ADO_PASSWORD)) {
      const span = groupSpan(m, 'value');
      if (span === undefined) continue;
      const line = adoLines.at(span[0]).text;
      if (!line.includes(';') || !ADO_CONTEXT.test(line) || /:\/\//.test(line)) continue;
      add(span, ADO_USER.exec(line)?.[1]?.trim() ?? '', 'CONNECTION_STRING_PASSWORD');
    }
  }
  return hits;
}

export const connectionStringRule: RuleDefinition = {
  name: 'connection-string',
  severity: 'high',
  keywords: ['://', 'jdbc:', 'password', 'passwd', 'pwd'],
  messages: {
    URL_PASSWORD: 'found password in a connection string or URL',
    JDBC_PASSWORD: 'found password in a JDBC connection string',
    CONNECTION_STRING_PASSWORD: 'found password in a connection string',
  },
  docs: {
    title: 'Passwords in connection strings and URLs',
    detects:
      'The password of `scheme://user:password@host` for every scheme (postgres, mysql, mariadb, mongodb+srv, redis/rediss, amqp(s), mssql/sqlserver, jdbc:*, ldap(s), ftp(s)/sftp, smtp(s), kafka, nats, clickhouse, http(s)…), `password=` parameters of URLs and JDBC strings, Oracle `user/password@host`, and `Password=` in ADO.NET / ODBC connection strings. Templated, default (`postgres:postgres`, `guest`), and placeholder passwords are ignored. URLs that secretlint’s preset already reports (its database-connection-string and basicauth rules) are left to it; option `reportPresetCovered: true` reports them too.',
    shapes: [
      'redis://:<password>@<host>:6379',
      'amqps://<user>:<password>@<host>/<vhost>',
      'jdbc:sqlserver://<host>;user=<user>;password=<password>',
      'Server=<host>;Database=<db>;User Id=<user>;Password=<password>;',
    ],
    why: 'The password opens the database or broker directly, usually from anywhere the host is reachable. The range covers only the password, so the fingerprint changes when the password does.',
  },
  find: findConnectionStringPasswords,
};
