/**
 * The dashboard's only script, inlined into the page and allowed by a CSP hash. It reads the
 * findings from a JSON data block and renders them with textContent only: no markup is ever built
 * from data, so a hostile message or path shows as text. Plain ES2019, no dependencies.
 */
export const DASHBOARD_SCRIPT = String.raw`(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var rows = data.rows;
  var PAGE = 100;
  var I = { id: 0, sev: 1, state: 2, repo: 3, tool: 4, rule: 5, msg: 6, loc: 7, sla: 8, age: 9, first: 10, note: 11 };
  var NO_SLA = 1e9;

  // Hours left on the SLA (negative: overdue), as the Markdown summary words it.
  function slaText(r) {
    var h = r[I.sla];
    if (h === null) return data.states[r[I.state]] === 'open' ? 'no SLA' : '—';
    if (h < 0) return 'overdue ' + Math.round(-h / 24 * 10) / 10 + ' d';
    return h >= 48 ? 'due in ' + Math.floor(h / 24) + ' d' : 'due in ' + h + ' h';
  }
  function breached(r) {
    return r[I.sla] !== null && r[I.sla] < 0;
  }
  var view = { q: '', sev: '', state: 'active', repo: '', breached: false, sort: '', dir: 1, page: 0 };
  var table = document.getElementById('findings-table');
  var tbody = table.querySelector('tbody');
  var count = document.getElementById('findings-count');
  var pageInfo = document.getElementById('page-info');
  var prev = document.getElementById('page-prev');
  var next = document.getElementById('page-next');
  var haystack = rows.map(function (r) {
    return [r[I.id], data.repos[r[I.repo]], data.tools[r[I.tool]], data.rules[r[I.rule]], r[I.msg], r[I.loc], r[I.note]].join('\n').toLowerCase();
  });

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }

  function matches(r, i) {
    if (view.sev !== '' && String(r[I.sev]) !== view.sev) return false;
    var st = data.states[r[I.state]];
    if (view.state === 'active' ? st === 'fixed' : view.state !== 'all' && st !== view.state) return false;
    if (view.repo !== '' && String(r[I.repo]) !== view.repo) return false;
    if (view.breached && !breached(r)) return false;
    if (view.q !== '' && haystack[i].indexOf(view.q) === -1) return false;
    return true;
  }

  var KEYS = {
    severity: function (r) { return r[I.sev]; },
    state: function (r) { return r[I.state]; },
    finding: function (r) { return r[I.msg].toLowerCase(); },
    repository: function (r) { return data.repos[r[I.repo]].toLowerCase(); },
    location: function (r) { return r[I.loc].toLowerCase(); },
    sla: function (r) { return r[I.sla] === null ? NO_SLA : r[I.sla]; },
    age: function (r) { return -r[I.age]; },
    first: function (r) { return r[I.first]; }
  };

  function row(r) {
    var tr = el('tr');
    tr.dataset.id = r[I.id];
    var sev = data.severities[r[I.sev]];
    var sevCell = el('td');
    sevCell.appendChild(el('span', sev, 'sev sev-' + sev));
    tr.appendChild(sevCell);
    tr.appendChild(el('td', data.states[r[I.state]], 'state'));
    var finding = el('td', null, 'finding');
    finding.appendChild(el('div', r[I.msg], 'msg'));
    var meta = el('div', null, 'meta');
    meta.appendChild(el('code', data.rules[r[I.rule]]));
    meta.appendChild(document.createTextNode(' · ' + data.tools[r[I.tool]] + ' · '));
    meta.appendChild(el('code', r[I.id].slice(0, 10), 'fid'));
    if (r[I.note]) meta.appendChild(el('div', r[I.note], 'note'));
    finding.appendChild(meta);
    tr.appendChild(finding);
    tr.appendChild(el('td', data.repos[r[I.repo]], 'repo'));
    tr.appendChild(el('td', r[I.loc], 'loc'));
    tr.appendChild(el('td', slaText(r), breached(r) ? 'sla breached' : 'sla'));
    tr.appendChild(el('td', r[I.age] + ' d', 'num'));
    tr.appendChild(el('td', r[I.first], 'date'));
    return tr;
  }

  function render() {
    var list = [];
    for (var i = 0; i < rows.length; i++) if (matches(rows[i], i)) list.push(rows[i]);
    if (view.sort !== '') {
      var key = KEYS[view.sort];
      list.sort(function (a, b) {
        var x = key(a), y = key(b);
        return (x < y ? -1 : x > y ? 1 : 0) * view.dir;
      });
    }
    var pages = Math.max(1, Math.ceil(list.length / PAGE));
    if (view.page >= pages) view.page = pages - 1;
    var shown = list.slice(view.page * PAGE, view.page * PAGE + PAGE);
    var fragment = document.createDocumentFragment();
    shown.forEach(function (r) { fragment.appendChild(row(r)); });
    tbody.replaceChildren(fragment);
    count.textContent = list.length + ' of ' + rows.length + ' findings';
    pageInfo.textContent = 'page ' + (view.page + 1) + ' of ' + pages;
    prev.disabled = view.page === 0;
    next.disabled = view.page >= pages - 1;
  }

  function bind(id, event, apply) {
    document.getElementById(id).addEventListener(event, function (e) {
      apply(e.target);
      view.page = 0;
      render();
    });
  }
  bind('filter-text', 'input', function (t) { view.q = t.value.trim().toLowerCase(); });
  bind('filter-severity', 'change', function (t) { view.sev = t.value; });
  bind('filter-state', 'change', function (t) { view.state = t.value; });
  bind('filter-repository', 'change', function (t) { view.repo = t.value; });
  bind('filter-breached', 'change', function (t) { view.breached = t.checked; });
  prev.addEventListener('click', function () { view.page--; render(); });
  next.addEventListener('click', function () { view.page++; render(); });

  table.querySelectorAll('th[data-sort] button').forEach(function (button) {
    button.addEventListener('click', function () {
      var th = button.parentNode;
      var key = th.getAttribute('data-sort');
      view.dir = view.sort === key ? -view.dir : 1;
      view.sort = key;
      table.querySelectorAll('th[data-sort]').forEach(function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', view.dir === 1 ? 'ascending' : 'descending');
      render();
    });
  });

  // The server-rendered tables (repositories, rotation, targets): sort by a cell's data-value
  // (numbers) or its text.
  document.querySelectorAll('table.sortable').forEach(function (t) {
    t.querySelectorAll('th button').forEach(function (button, column) {
      var dir = 1;
      button.addEventListener('click', function () {
        var body = t.querySelector('tbody');
        var list = Array.prototype.slice.call(body.rows);
        function value(tr) {
          var cell = tr.cells[column];
          var v = cell.getAttribute('data-value');
          return v !== null ? Number(v) : cell.textContent.toLowerCase();
        }
        list.sort(function (a, b) {
          var x = value(a), y = value(b);
          return (x < y ? -1 : x > y ? 1 : 0) * dir;
        });
        t.querySelectorAll('th').forEach(function (h) { h.removeAttribute('aria-sort'); });
        button.parentNode.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
        dir = -dir;
        list.forEach(function (tr) { body.appendChild(tr); });
      });
    });
  });

  render();
  document.documentElement.setAttribute('data-ready', 'true');
})();
`;
