/* kg overlap explorer: matrices (dataset × method / task / dataset), datasets used together
   (UpSet-style) and trends per month, all counted here from the papers for the current filters.
   Text from the data only ever goes into the page with textContent. */
(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('kg-data').textContent);
  var E = D.E, P = D.P, MONTHS = D.months, TYPES = D.types;
  var $ = kgDom.$, el = kgDom.el, link = kgDom.link, safeUrl = kgDom.safeUrl, plural = kgDom.plural;
  var SVGNS = 'http://www.w3.org/2000/svg';
  var COLORS = { Dataset: [78, 121, 167], Method: [89, 161, 79], Task: [242, 142, 43] };
  var LINE = ['#4e79a7', '#e15759', '#59a14f', '#f28e2b', '#b07aa1', '#76b7b2', '#9c755f', '#edc948'];
  var DEFAULT = { tab: 'matrix', pair: 'Dataset-Method', q: '', sort: 'count', value: 'count', min: 1,
                  task: '', field: '', from: '', to: '', rows: 50, cols: 40, trend: '' };
  var S = {};

  function norm(s) { return String(s || '').normalize('NFKC').toLowerCase().replace(/[^0-9a-z\u3400-\u9fff]+/g, ''); }
  var keys = [];   // the normalised names of an entity, made when first searched
  function entityKeys(k) {
    var ks = keys[k];
    if (!ks) { var e = E[k]; ks = keys[k] = [norm(e[0])].concat(e[2].map(norm)).filter(Boolean); }
    return ks;
  }
  function matches(k, n) { var ks = entityKeys(k); for (var j = 0; j < ks.length; j++) if (ks[j].indexOf(n) >= 0) return true; return false; }
  function short(s, n) { s = String(s); return s.length <= n ? s : s.slice(0, n - 1) + '…'; }
  function paperUrl(p) { return p[2] === 0 ? 'https://arxiv.org/abs/' + p[0] : safeUrl(p[2]); }

  // ------------------------------------------------------------------ state <-> URL (#...)
  function readHash() {
    var s = {}, k;
    for (k in DEFAULT) s[k] = DEFAULT[k];
    var h = location.hash.replace(/^#/, '');
    if (h) {
      var u = new URLSearchParams(h);
      for (k in DEFAULT) if (u.has(k)) s[k] = typeof DEFAULT[k] === 'number' ? (parseInt(u.get(k), 10) || DEFAULT[k]) : u.get(k);
    }
    if (['Dataset-Method', 'Dataset-Task', 'Dataset-Dataset'].indexOf(s.pair) < 0) s.pair = DEFAULT.pair;
    if (['matrix', 'upset', 'trends'].indexOf(s.tab) < 0) s.tab = 'matrix';
    return s;
  }
  var hashTimer = 0;
  /** the state into data-state now, into the address (#...) once the typing or clicking pauses:
      a history call is a round trip to the browser that would delay the frame of every keystroke */
  function writeHash() {
    var u = new URLSearchParams();
    for (var k in DEFAULT) if (S[k] !== DEFAULT[k]) u.set(k, String(S[k]));
    var h = u.toString();
    document.body.setAttribute('data-state', h);
    clearTimeout(hashTimer);
    hashTimer = setTimeout(function () {
      try { history.replaceState(null, '', h ? '#' + h : location.pathname + location.search); } catch (e) { /* sandboxed */ }
    }, 200);
  }

  // ------------------------------------------------------------------ filters
  function taskIndex() { if (!S.task) return -1; for (var k = 0; k < E.length; k++) if (E[k][1] === 2 && E[k][0] === S.task) return k; return -2; }
  function fieldIndex() { return S.field ? D.fields.indexOf(S.field) : -1; }
  function monthBounds() {
    var lo = S.from ? MONTHS.indexOf(S.from) : 0, hi = S.to ? MONTHS.indexOf(S.to) : MONTHS.length - 1;
    return [lo < 0 ? 0 : lo, hi < 0 ? MONTHS.length - 1 : hi];
  }
  /** indices of the papers that pass the task, field and time filters */
  function filtered() {
    var t = taskIndex(), f = fieldIndex(), mb = monthBounds(), timed = !!(S.from || S.to), out = [];
    if (t === -2) return out;
    for (var i = 0; i < P.length; i++) {
      var p = P[i];
      if (timed && (p[3] < mb[0] || p[3] > mb[1])) continue;
      if (f >= 0 && p[4].indexOf(f) < 0) continue;
      if (t >= 0 && p[5].indexOf(t) < 0) continue;
      out.push(i);
    }
    return out;
  }

  // ------------------------------------------------------------------ matrix model
  var M = null;   // the matrix on show: rows, cols, cell map, totals
  var cache = { key: null }, recent = new Map();   // the counts of the last few filter settings
  var ETYPE = new Int8Array(E.length);   // the type of every entity, as a small integer
  for (var ek = 0; ek < E.length; ek++) ETYPE[ek] = E[ek][1];
  /** the cells (row -> col -> number of papers) of the filtered papers, kept while only the
      search, sort, values or minimum change; the papers behind a cell are found when asked */
  function countCells() {
    var key = [S.pair, S.task, S.field, S.from, S.to].join('\u0001');
    if (cache.key === key) return cache;
    if (recent.has(key)) { cache = recent.get(key); recent.delete(key); recent.set(key, cache); return cache; }
    var pr = S.pair.split('-'), rt = TYPES.indexOf(pr[0]), ct = TYPES.indexOf(pr[1]), same = rt === ct;
    var papers = filtered(), cells = new Map(), tot = new Int32Array(E.length);
    for (var a = 0; a < papers.length; a++) {
      var es = P[papers[a]][5], rs = [], cs = [];
      for (var j = 0; j < es.length; j++) {
        var e = es[j], ty = ETYPE[e];
        if (ty === rt) rs.push(e);
        if (ty === ct && !same) cs.push(e);
        tot[e]++;
      }
      if (same) cs = rs;
      for (var x = 0; x < rs.length; x++) for (var y = 0; y < cs.length; y++) {
        if (same && rs[x] === cs[y]) continue;
        var row = cells.get(rs[x]);
        if (!row) cells.set(rs[x], row = new Map());
        row.set(cs[y], (row.get(cs[y]) || 0) + 1);
      }
    }
    cache = { key: key, pr: pr, cells: cells, tot: tot, list: papers, papers: papers.length, byMin: new Map(), memo: null };
    recent.set(key, cache);
    if (recent.size > 4) recent.delete(recent.keys().next().value);   // the least recently used
    return cache;
  }
  /** the filtered papers that link both r and c (in the order of the papers), the last asked kept */
  function cellPapers(r, c) {
    var C = M.C;
    if (C.memo && C.memo[0] === r && C.memo[1] === c) return C.memo[2];
    var out = [], list = C.list;
    for (var i = 0; i < list.length; i++) { var es = P[list[i]][5]; if (es.indexOf(r) >= 0 && es.indexOf(c) >= 0) out.push(list[i]); }
    C.memo = [r, c, out];
    return out;
  }
  /** the row and column totals and partners of the cells with at least min papers, kept per
      minimum while the filters stay (so a search or a new order does not recount them) */
  function aggregate(C, min) {
    var A = C.byMin.get(min);
    if (A) return A;
    var rtot = new Map(), ctot = new Map(), rowCols = new Map(), colRows = new Map();
    C.cells.forEach(function (row, r) { row.forEach(function (n, c) {
      if (n < min) return;
      rtot.set(r, (rtot.get(r) || 0) + n); ctot.set(c, (ctot.get(c) || 0) + n);
      var l = rowCols.get(r); if (!l) rowCols.set(r, l = []); l.push(c);
      var m = colRows.get(c); if (!m) colRows.set(c, m = []); m.push(r);
    }); });
    A = { rtot: rtot, ctot: ctot, rowCols: rowCols, colRows: colRows,
          rows: Array.from(rtot.keys()), cols: Array.from(ctot.keys()), top: new Map() };
    C.byMin.set(min, A);
    return A;
  }
  function computeMatrix() {
    var C = countCells(), cells = C.cells, min = Math.max(1, S.min | 0), A = aggregate(C, min);
    var rtot = A.rtot, ctot = A.ctot, rowCols = A.rowCols, colRows = A.colRows;
    var nr = rtot.size, nc = ctot.size;
    var rows = A.rows, cols = A.cols;
    var n = norm(S.q), msg = '';
    var byTot = function (t) { return function (a, b) { return (t.get(b) - t.get(a)) || cmpLabel(a, b); }; };
    if (n) {
      var mr = rows.filter(function (k) { return matches(k, n); }), mc = mr.length ? [] : cols.filter(function (k) { return matches(k, n); });
      var keep = new Set();
      if (mr.length) {          // the matching rows and their partners
        mr.forEach(function (r) { rowCols.get(r).forEach(function (c) { keep.add(c); }); });
        rows = mr; cols = Array.from(keep);
        msg = plural(mr.length, 'matching row');
      } else if (mc.length) {   // the matching columns and their partners
        mc.forEach(function (c) { colRows.get(c).forEach(function (r) { keep.add(r); }); });
        cols = mc; rows = Array.from(keep);
        msg = plural(mc.length, 'matching column');
      } else { rows = []; cols = []; msg = 'no match'; }
      rows = topK(rows, byTot(rtot), S.rows, rtot); cols = topK(cols, byTot(ctot), S.cols, ctot);
    } else {                    // without a search the first rows and columns are kept per size
      var tk = S.rows + '\u0001' + S.cols, top = A.top.get(tk);
      if (!top) A.top.set(tk, top = [topK(rows.slice(), byTot(rtot), S.rows, rtot), topK(cols.slice(), byTot(ctot), S.cols, ctot)]);
      rows = top[0].slice(); cols = top[1].slice();
    }
    M = { rt: C.pr[0], ct: C.pr[1], C: C, cells: cells, tot: C.tot, rows: rows, cols: cols, nr: nr, nc: nc, min: min,
          papers: C.papers, msg: msg };
    orderMatrix();
    return M;
  }
  /** the k first of items in the order of cmp, without sorting them all (items can be 80,000) */
  function topK(items, cmp, k, tot) {
    if (items.length <= 4 * k) return items.sort(cmp).slice(0, k);
    if (tot) {                  // cmp puts bigger totals first: only items at least the k-th total can be in
      var ts = new Float64Array(items.length);
      for (var t = 0; t < items.length; t++) ts[t] = tot.get(items[t]);
      var lim = ts.slice().sort()[items.length - k];
      var keep = [];
      for (t = 0; t < items.length; t++) if (ts[t] >= lim) keep.push(items[t]);
      return keep.sort(cmp).slice(0, k);
    }
    var out = [];
    for (var i = 0; i < items.length; i++) {
      var x = items[i];
      if (out.length < k) { out.push(x); if (out.length === k) out.sort(cmp); continue; }
      if (cmp(x, out[k - 1]) >= 0) continue;
      var j = k - 1; while (j > 0 && cmp(x, out[j - 1]) < 0) j--;
      out.splice(j, 0, x); out.pop();
    }
    return out.length < k ? out.sort(cmp) : out;
  }
  var lower = [];   // lower-case labels, made when first compared
  function lowerLabel(k) { var x = lower[k]; if (x === undefined) x = lower[k] = E[k][0].toLowerCase(); return x; }
  function cmpLabel(a, b) { var x = lowerLabel(a), y = lowerLabel(b); return x < y ? -1 : x > y ? 1 : a - b; }
  /** the papers a cell counts, 0 below the minimum */
  function cell(r, c) { var row = M.cells.get(r), n = row && row.get(c); return n && n >= M.min ? n : 0; }
  function value(r, c, n) {
    if (S.value !== 'jaccard') return n;
    return n / (M.tot[r] + M.tot[c] - n);
  }
  /** rows and columns in the chosen order; "similar": a greedy chain, each next row the one most
      like the last (cosine of the count vectors), starting from the biggest; deterministic */
  function chain(items, vec) {
    if (items.length < 3) return items;
    var rows = items.map(vec), d = rows[0].length, vs = new Float64Array(items.length * d), ns = new Float64Array(items.length);
    rows.forEach(function (v, r) { var s = 0; for (var i = 0; i < d; i++) { vs[r * d + i] = v[i]; s += v[i] * v[i]; } ns[r] = Math.sqrt(s) || 1; });
    var left = items.map(function (_, i) { return i; }), out = [left.shift()];
    while (left.length) {
      var last = out[out.length - 1], best = 0, bs = -1, a = last * d;
      for (var j = 0; j < left.length; j++) {
        var b = left[j] * d, s = 0;
        for (var i = 0; i < d; i++) s += vs[a + i] * vs[b + i];
        s /= ns[last] * ns[left[j]];
        if (s > bs + 1e-12) { bs = s; best = j; }
      }
      out.push(left.splice(best, 1)[0]);
    }
    return out.map(function (i) { return items[i]; });
  }
  function orderMatrix() {
    if (S.sort === 'name') { M.rows.sort(cmpLabel); M.cols.sort(cmpLabel); return; }
    if (S.sort !== 'similar') return;
    var rows = M.rows, cols = M.cols;
    M.rows = chain(rows, function (r) { return cols.map(function (c) { return cell(r, c); }); });
    M.cols = chain(cols, function (c) { return M.rows.map(function (r) { return cell(r, c); }); });
  }

  // ------------------------------------------------------------------ details panel
  var tip = $('kg-tip'), panel = $('kg-panel'), active = null, lastFocus = null;
  function paperItem(pi, ents) {
    var p = P[pi], li = el('li');
    li.appendChild(el('div', 'kg-t', p[1]));
    var meta = el('div', 'kg-k'), u = paperUrl(p), txt = (/arxiv\.org/.test(u) ? 'arXiv:' : '') + p[0];
    if (u) meta.appendChild(link(u, txt)); else meta.textContent = txt;
    if (p[3] >= 0) meta.appendChild(document.createTextNode(' · ' + MONTHS[p[3]]));
    li.appendChild(meta);
    (ents || []).forEach(function (k) {
      var j = p[5].indexOf(k), ev = j >= 0 ? p[6][j] : '';
      if (ev) li.appendChild(el('div', 'kg-ev', E[k][0] + ': “' + ev + '”'));
    });
    return li;
  }
  function paperList(title, sub, ps, ents) {
    var box = el('div'), ol = el('ol'), shown = 0;
    box.appendChild(el('div', 'kg-t', title));
    box.appendChild(el('div', 'kg-k', sub));
    ps = ps.slice().sort(function (a, b) { return P[a][0] < P[b][0] ? 1 : P[a][0] > P[b][0] ? -1 : 0; });  // newest first
    var more = el('button', 'kg-more');
    more.type = 'button';
    function page() {
      var end = Math.min(ps.length, shown + 100);
      for (; shown < end; shown++) ol.appendChild(paperItem(ps[shown], ents));
      more.textContent = 'Show ' + Math.min(100, ps.length - shown) + ' more of ' + (ps.length - shown);
      more.hidden = shown >= ps.length;
    }
    more.addEventListener('click', page);
    box.appendChild(ol); box.appendChild(more);
    page();
    return box;
  }
  function openPanel(content, from) {
    $('kg-details').replaceChildren(content); panel.hidden = false; tip.hidden = true;
    lastFocus = from || null;
    $('kg-close').focus({ preventScroll: true });
  }
  function closePanel() {
    panel.hidden = true;
    if (active) { active.classList.remove('kg-on'); active = null; }
    if (lastFocus && document.contains(lastFocus)) lastFocus.focus({ preventScroll: true });
  }
  $('kg-close').addEventListener('click', closePanel);
  document.addEventListener('keydown', function (ev) { if (ev.key === 'Escape' && !panel.hidden) { ev.preventDefault(); closePanel(); } });
  function placeTip(ev) {
    var x = ev.clientX + 14, y = ev.clientY + 14;
    if (x + tip.offsetWidth > window.innerWidth) x = Math.max(0, ev.clientX - tip.offsetWidth - 14);
    if (y + tip.offsetHeight > window.innerHeight) y = Math.max(0, window.innerHeight - tip.offsetHeight - 4);
    tip.style.left = x + 'px'; tip.style.top = y + 'px';
  }

  // ------------------------------------------------------------------ matrix view
  var view = $('kg-view');
  function fmt(v) { return S.value === 'jaccard' ? v.toFixed(2).replace(/^0/, '') : String(v); }
  /** the width of the row labels' column (the table's widths come from its header row), from the
      labels' lengths: wide characters (CJK) count twice; at most 16em as the labels' own limit */
  function labelWidth(labels) {
    var w = 0;
    labels.forEach(function (l) { var n = 0; for (var i = 0; i < l.length; i++) n += l.charCodeAt(i) >= 0x2e80 ? 2 : 1; w = Math.max(w, n); });
    return Math.min(192, Math.max(60, Math.round(w * 6.6) + 14));
  }
  function renderMatrix() {
    computeMatrix();
    var rgb = COLORS[M.ct] || [80, 80, 80], box = el('section', 'kg-sec');
    var title = M.rt + 's × ' + M.ct.toLowerCase() + 's';
    box.appendChild(el('h2', null, title));
    var note = plural(M.papers, 'paper') + ' pass the filters; ' + plural(M.nr, M.rt.toLowerCase()) + ' × ' +
      plural(M.nc, M.ct.toLowerCase()) + ' share ' + (M.min > 1 ? 'at least ' + plural(M.min, 'paper') : 'papers');
    if (M.rows.length < M.nr || M.cols.length < M.nc) note += '; showing ' + M.rows.length + ' × ' + M.cols.length;
    box.appendChild(el('div', 'kg-sub', note));
    $('kg-msg').textContent = M.msg;
    var shown = 0;
    if (!M.rows.length || !M.cols.length) {
      box.appendChild(el('p', 'kg-k', M.msg === 'no match' ? 'Nothing matches “' + S.q + '”.' : 'No paper links both.'));
    } else {
      var max = 0, r, c;
      M.rows.forEach(function (r) { M.cols.forEach(function (c) { var v = cell(r, c); if (v) max = Math.max(max, value(r, c, v)); }); });
      var table = el('table', 'kg-m'), thead = el('thead'), hr = el('tr');
      table.setAttribute('data-pair', S.pair);
      var corner = el('th', 'kg-corner', M.rt + ' \\ ' + M.ct);
      corner.style.width = labelWidth(M.rows.map(function (r) { return short(E[r][0], 32); })) + 'px';
      hr.appendChild(corner);
      M.cols.forEach(function (c) {
        var th = el('th', 'kg-col'); th.scope = 'col';
        th.appendChild(el('span', null, short(E[c][0], 24)));
        th.title = E[c][0] + ' (' + plural(M.tot[c], 'paper') + ')';
        th.setAttribute('data-label', E[c][0]);
        hr.appendChild(th);
      });
      thead.appendChild(hr); table.appendChild(thead);
      var tbody = el('tbody');
      M.rows.forEach(function (r) {
        var tr = el('tr'), th = el('th', 'kg-row', short(E[r][0], 32));
        th.scope = 'row'; th.title = E[r][0] + ' (' + plural(M.tot[r], 'paper') + ')';
        th.setAttribute('data-label', E[r][0]);
        tr.appendChild(th);
        M.cols.forEach(function (c) {
          var n = cell(r, c), td = el('td');
          if (n) {
            var v = value(r, c, n), a = 0.12 + 0.88 * Math.sqrt(v / (max || 1));
            td.textContent = fmt(v);
            td.className = 'kg-c'; td.tabIndex = 0;
            td.style.background = 'rgba(' + rgb.join(',') + ',' + a.toFixed(3) + ')';
            if (a > 0.55) td.style.color = '#fff';
            td.setAttribute('data-count', String(n));
            td.setAttribute('data-r', String(r)); td.setAttribute('data-c', String(c));
            td.setAttribute('aria-label', E[r][0] + ' and ' + E[c][0] + ': ' + plural(n, 'paper'));
            shown++;
          }
          tr.appendChild(td);
        });
        tbody.appendChild(tr);
      });
      table.appendChild(tbody);
      var scroll = el('div', 'kg-scroll'); scroll.appendChild(table); box.appendChild(scroll);
      table.addEventListener('mouseover', function (ev) {
        var td = ev.target.closest && ev.target.closest('td.kg-c'); if (!td) return;
        var r = +td.getAttribute('data-r'), c = +td.getAttribute('data-c'), n = cell(r, c), ps = cellPapers(r, c);
        var t = el('div');
        t.appendChild(el('div', 'kg-t', E[r][0] + ' × ' + E[c][0]));
        t.appendChild(el('div', 'kg-k', plural(n, 'paper') + (S.value === 'jaccard' ? ' · Jaccard ' + fmt(value(r, c, n)) : '') + ' (click for the papers)'));
        ps.slice(0, 5).forEach(function (pi) { t.appendChild(el('div', null, '· ' + short(P[pi][1], 90))); });
        tip.replaceChildren(t); tip.hidden = false; placeTip(ev);
      });
      table.addEventListener('mouseout', function (ev) { if (ev.target.closest && ev.target.closest('td.kg-c')) tip.hidden = true; });
      var open = function (td) {
        var r = +td.getAttribute('data-r'), c = +td.getAttribute('data-c'), ps = cellPapers(r, c);
        if (active) active.classList.remove('kg-on');
        active = td; td.classList.add('kg-on');
        openPanel(paperList(E[r][0] + ' × ' + E[c][0], plural(ps.length, 'paper') + ' use both', ps, [r, c]), td);
      };
      table.addEventListener('click', function (ev) { var td = ev.target.closest && ev.target.closest('td.kg-c'); if (td) open(td); });
      table.addEventListener('keydown', function (ev) {
        var td = ev.target.closest && ev.target.closest('td.kg-c'); if (td && (ev.key === 'Enter' || ev.key === ' ')) { ev.preventDefault(); open(td); }
      });
    }
    view.replaceChildren(box);
    document.body.setAttribute('data-cells', String(shown));
    document.body.setAttribute('data-rows', String(M.rows.length));
    document.body.setAttribute('data-cols', String(M.cols.length));
  }

  // ------------------------------------------------------------------ datasets used together (UpSet)
  var U = null;
  function computeUpset() {
    var papers = filtered(), combos = new Map(), size = new Map(), min = Math.max(1, S.min | 0);
    papers.forEach(function (pi) {
      var ds = P[pi][5].filter(function (k) { return E[k][1] === 0; });
      ds.forEach(function (k) { size.set(k, (size.get(k) || 0) + 1); });
      if (ds.length < 2) return;
      ds.sort(function (a, b) { return a - b; });
      var key = ds.join(','), c = combos.get(key);
      if (!c) combos.set(key, c = []);
      c.push(pi);
    });
    var list = [];
    combos.forEach(function (ps, key) { if (ps.length >= min) list.push({ sets: key.split(',').map(Number), papers: ps }); });
    list.sort(function (a, b) { return (b.papers.length - a.papers.length) || (a.sets.length - b.sets.length) || (a.sets.join(',') < b.sets.join(',') ? -1 : 1); });
    var total = list.length;
    list = list.slice(0, 30);
    var members = new Map();
    list.forEach(function (x) { x.sets.forEach(function (k) { members.set(k, (members.get(k) || 0) + x.papers.length); }); });
    var ds = Array.from(members.keys()).sort(function (a, b) { return (members.get(b) - members.get(a)) || cmpLabel(a, b); });
    U = { combos: list, datasets: ds, size: size, total: total, papers: papers.length };
    return U;
  }
  function renderUpset() {
    computeUpset();
    var box = el('section', 'kg-sec');
    box.appendChild(el('h2', null, 'Datasets used together'));
    box.appendChild(el('div', 'kg-sub', plural(U.total, 'combination') + ' of two or more datasets used by the same papers' +
      (U.total > U.combos.length ? '; the ' + U.combos.length + ' most frequent' : '') +
      '. A column is one combination (papers using exactly these datasets); click it for the papers.'));
    $('kg-msg').textContent = '';
    if (!U.combos.length) { box.appendChild(el('p', 'kg-k', 'No paper uses two datasets.')); view.replaceChildren(box); document.body.setAttribute('data-combos', '0'); return; }
    var max = U.combos[0].papers.length, smax = 1;
    U.datasets.forEach(function (k) { smax = Math.max(smax, U.size.get(k)); });
    var table = el('table', 'kg-upset'), thead = el('thead'), hr = el('tr');
    hr.appendChild(el('th', 'kg-corner', 'papers'));
    hr.appendChild(el('th'));
    U.combos.forEach(function (x, i) {
      var th = el('th', 'kg-bar-col'), bar = el('div', 'kg-ubar');
      bar.style.height = Math.max(2, Math.round(110 * x.papers.length / max)) + 'px';
      th.appendChild(el('div', 'kg-barn', String(x.papers.length)));
      th.appendChild(bar);
      th.setAttribute('data-combo', String(i)); th.setAttribute('data-count', String(x.papers.length));
      th.tabIndex = 0; th.title = x.sets.map(function (k) { return E[k][0]; }).join(' + ') + ': ' + plural(x.papers.length, 'paper');
      hr.appendChild(th);
    });
    thead.appendChild(hr); table.appendChild(thead);
    var tbody = el('tbody');
    U.datasets.forEach(function (k) {
      var tr = el('tr'), th = el('th', 'kg-row', short(E[k][0], 32));
      th.title = E[k][0] + ': ' + plural(U.size.get(k), 'paper');
      tr.appendChild(th);
      var sz = el('td', 'kg-size'), b = el('div', 'kg-hbar');
      b.style.width = Math.max(2, Math.round(60 * U.size.get(k) / smax)) + 'px';
      sz.appendChild(b); sz.appendChild(el('span', 'kg-k', ' ' + U.size.get(k)));
      tr.appendChild(sz);
      U.combos.forEach(function (x, i) {
        var td = el('td', x.sets.indexOf(k) >= 0 ? 'kg-dot kg-in' : 'kg-dot');
        td.setAttribute('data-combo', String(i));
        tr.appendChild(td);
      });
      tbody.appendChild(tr);
    });
    table.appendChild(tbody);
    var open = function (t) {
      var x = U.combos[+t.getAttribute('data-combo')];
      openPanel(paperList(x.sets.map(function (k) { return E[k][0]; }).join(' + '), plural(x.papers.length, 'paper') + ' use exactly these datasets', x.papers, x.sets), t);
    };
    table.addEventListener('click', function (ev) { var t = ev.target.closest && ev.target.closest('[data-combo]'); if (t) open(t); });
    table.addEventListener('keydown', function (ev) { var t = ev.target.closest && ev.target.closest('[data-combo]'); if (t && ev.key === 'Enter') open(t); });
    var scroll = el('div', 'kg-scroll'); scroll.appendChild(table); box.appendChild(scroll);
    view.replaceChildren(box);
    document.body.setAttribute('data-combos', String(U.combos.length));
  }

  // ------------------------------------------------------------------ trends
  function findEntity(q) {
    var n = norm(q); if (!n) return -1;
    var best = -1, rank = 9, count = 0;
    for (var k = 0; k < E.length; k++) {
      var ks = entityKeys(k), r = 9;
      for (var j = 0; j < ks.length; j++) { if (ks[j] === n) { r = 0; break; } if (ks[j].indexOf(n) === 0) r = Math.min(r, 1); else if (ks[j].indexOf(n) > 0) r = Math.min(r, 2); }
      if (r < rank) { rank = r; best = k; }
    }
    return best;
  }
  function trendEntities() {
    var labels = S.trend ? S.trend.split('|') : [], out = [];
    labels.forEach(function (l) { var k = findEntity(l); if (k >= 0 && out.indexOf(k) < 0) out.push(k); });
    if (!out.length && !S.trend) {  // default: the three most used datasets
      var c = new Map();
      P.forEach(function (p) { p[5].forEach(function (k) { if (E[k][1] === 0) c.set(k, (c.get(k) || 0) + 1); }); });
      out = Array.from(c.keys()).sort(function (a, b) { return (c.get(b) - c.get(a)) || cmpLabel(a, b); }).slice(0, 3);
    }
    return out;
  }
  var T = null;
  function computeTrends() {
    var ents = trendEntities(), mb = monthBounds(), n = Math.max(0, mb[1] - mb[0] + 1);
    var saved = [S.from, S.to]; S.from = ''; S.to = '';
    var papers = filtered(); S.from = saved[0]; S.to = saved[1];
    var series = ents.map(function () { return new Array(n).fill(0); }), pos = new Map();
    ents.forEach(function (k, i) { pos.set(k, i); });
    var byCell = ents.map(function () { return []; });
    papers.forEach(function (pi) {
      var p = P[pi], m = p[3] - mb[0];
      if (p[3] < 0 || m < 0 || m >= n) return;
      p[5].forEach(function (k) { var i = pos.get(k); if (i !== undefined) { series[i][m]++; byCell[i].push(pi); } });
    });
    T = { ents: ents, months: MONTHS.slice(mb[0], mb[1] + 1), series: series, papers: byCell };
    return T;
  }
  function svg(tag, attrs, text) {
    var e = document.createElementNS(SVGNS, tag);
    for (var k in attrs) e.setAttribute(k, String(attrs[k]));
    if (text !== undefined) e.textContent = String(text);
    return e;
  }
  function trendChart(W, H) {
    var m = { l: 44, r: 34, t: 14, b: 46 }, w = W - m.l - m.r, h = H - m.t - m.b;
    var root = svg('svg', { xmlns: SVGNS, width: W, height: H, viewBox: '0 0 ' + W + ' ' + H, 'font-family': 'Arial, "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif', 'font-size': 11 });
    root.appendChild(svg('rect', { x: 0, y: 0, width: W, height: H, fill: '#fff' }));
    var n = T.months.length, ymax = 1;
    T.series.forEach(function (s) { s.forEach(function (v) { ymax = Math.max(ymax, v); }); });
    var step = Math.pow(10, Math.floor(Math.log10(ymax))), nice = Math.ceil(ymax / step) * step; if (nice / step > 6) step *= 2;
    var X = function (i) { return m.l + (n <= 1 ? w / 2 : i * w / (n - 1)); }, Y = function (v) { return m.t + h - v / nice * h; };
    for (var v = 0; v <= nice + 1e-9; v += Math.max(1, step)) {
      root.appendChild(svg('line', { x1: m.l, x2: m.l + w, y1: Y(v), y2: Y(v), stroke: '#e5e8eb' }));
      root.appendChild(svg('text', { x: m.l - 6, y: Y(v) + 4, 'text-anchor': 'end', fill: '#555' }, v));
    }
    var every = Math.max(1, Math.ceil(n / Math.max(1, Math.floor(w / 48))));
    T.months.forEach(function (mo, i) {
      if (i % every) return;
      root.appendChild(svg('text', { x: X(i), y: m.t + h + 16, 'text-anchor': 'middle', fill: '#555' }, mo));
    });
    root.appendChild(svg('text', { x: 12, y: m.t + h / 2, transform: 'rotate(-90 12 ' + (m.t + h / 2) + ')', 'text-anchor': 'middle', fill: '#333' }, 'papers per month'));
    T.series.forEach(function (s, i) {
      var col = LINE[i % LINE.length], pts = s.map(function (v, j) { return X(j).toFixed(1) + ',' + Y(v).toFixed(1); }).join(' ');
      root.appendChild(svg('polyline', { points: pts, fill: 'none', stroke: col, 'stroke-width': 2, 'class': 'kg-line', 'data-entity': E[T.ents[i]][0] }));
      s.forEach(function (v, j) {
        var c = svg('circle', { cx: X(j), cy: Y(v), r: n > 60 ? 1.5 : 3, fill: col, 'data-series': i, 'data-month': T.months[j], 'data-count': v });
        root.appendChild(c);
      });
    });
    var lx = m.l + 6;
    T.ents.forEach(function (k, i) {
      var g = svg('g', {});
      g.appendChild(svg('rect', { x: lx, y: H - 14, width: 10, height: 10, fill: LINE[i % LINE.length] }));
      var label = E[k][0] + ' (' + TYPES[E[k][1]].toLowerCase() + ', ' + T.series[i].reduce(function (a, b) { return a + b; }, 0) + ')';
      g.appendChild(svg('text', { x: lx + 14, y: H - 5, fill: '#222' }, label));
      root.appendChild(g);
      lx += 24 + label.length * 6.2;
    });
    return root;
  }
  function renderTrends() {
    computeTrends();
    var box = el('section', 'kg-sec');
    box.appendChild(el('h2', null, 'Papers per month'));
    box.appendChild(el('div', 'kg-sub', 'How many papers link to each entity, per month (the date the graph records, else the arXiv id). Add entities with the box above; click a name to remove it.'));
    var chips = el('div', 'kg-chips');
    T.ents.forEach(function (k, i) {
      var b = el('button', 'kg-chip', E[k][0] + ' ×'); b.type = 'button';
      b.style.borderColor = LINE[i % LINE.length];
      b.addEventListener('click', function () { var l = T.ents.filter(function (x) { return x !== k; }).map(function (x) { return E[x][0]; }); S.trend = l.join('|') || '-'; update(); });
      chips.appendChild(b);
    });
    box.appendChild(chips);
    $('kg-msg').textContent = '';
    if (!T.ents.length || !T.months.length) { box.appendChild(el('p', 'kg-k', 'Nothing to chart.')); view.replaceChildren(box); document.body.setAttribute('data-series', '0'); return; }
    var W = Math.max(480, Math.min(1200, view.clientWidth - 10 || 900)), chart = trendChart(W, 340);
    chart.id = 'kg-chart';
    chart.addEventListener('mouseover', function (ev) {
      var c = ev.target; if (!c.getAttribute || c.getAttribute('data-month') === null) return;
      var t = el('div'), mo = c.getAttribute('data-month'), j = T.months.indexOf(mo);
      t.appendChild(el('div', 'kg-t', mo));
      T.ents.forEach(function (k, i) { t.appendChild(el('div', null, E[k][0] + ': ' + plural(T.series[i][j], 'paper'))); });
      tip.replaceChildren(t); tip.hidden = false; placeTip(ev);
    });
    chart.addEventListener('mouseout', function () { tip.hidden = true; });
    chart.addEventListener('click', function (ev) {
      var c = ev.target; if (!c.getAttribute || c.getAttribute('data-month') === null) return;
      var i = +c.getAttribute('data-series'), mo = c.getAttribute('data-month'), k = T.ents[i];
      var ps = T.papers[i].filter(function (pi) { return MONTHS[P[pi][3]] === mo; });
      if (ps.length) openPanel(paperList(E[k][0] + ' · ' + mo, plural(ps.length, 'paper'), ps, [k]), null);
    });
    box.appendChild(chart);
    view.replaceChildren(box);
    document.body.setAttribute('data-series', String(T.ents.length));
  }

  // ------------------------------------------------------------------ export of the current view
  function matrixSvg() {
    var cw = 18, ch = 16, lw = 0, th = 0;
    M.rows.forEach(function (r) { lw = Math.max(lw, short(E[r][0], 32).length); });
    M.cols.forEach(function (c) { th = Math.max(th, short(E[c][0], 24).length); });
    lw = lw * 6 + 10; th = th * 6 + 10;
    var W = lw + M.cols.length * cw + 10, H = th + M.rows.length * ch + 30;
    var root = svg('svg', { xmlns: SVGNS, width: W, height: H, viewBox: '0 0 ' + W + ' ' + H, 'font-family': 'Arial, "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif', 'font-size': 10 });
    root.appendChild(svg('rect', { x: 0, y: 0, width: W, height: H, fill: '#fff' }));
    root.appendChild(svg('text', { x: 4, y: 14, 'font-size': 12, 'font-weight': 'bold' }, M.rt + 's × ' + M.ct.toLowerCase() + 's'));
    var rgb = COLORS[M.ct] || [80, 80, 80], max = 0;
    M.rows.forEach(function (r) { M.cols.forEach(function (c) { var v = cell(r, c); if (v) max = Math.max(max, value(r, c, v)); }); });
    M.cols.forEach(function (c, j) {
      var x = lw + j * cw + cw / 2 + 3, y = th + 16;
      root.appendChild(svg('text', { x: x, y: y, transform: 'rotate(-90 ' + x + ' ' + y + ')' }, short(E[c][0], 24)));
    });
    M.rows.forEach(function (r, i) {
      var y = th + 20 + i * ch;
      root.appendChild(svg('text', { x: lw - 4, y: y + ch - 4, 'text-anchor': 'end' }, short(E[r][0], 32)));
      M.cols.forEach(function (c, j) {
        var n = cell(r, c); if (!n) return;
        var v = value(r, c, n), a = 0.12 + 0.88 * Math.sqrt(v / (max || 1));
        root.appendChild(svg('rect', { x: lw + j * cw, y: y, width: cw - 1, height: ch - 1, fill: 'rgb(' + rgb.join(',') + ')', 'fill-opacity': a.toFixed(3) }));
        root.appendChild(svg('text', { x: lw + j * cw + cw / 2, y: y + ch - 4, 'text-anchor': 'middle', 'font-size': 8, fill: a > 0.55 ? '#fff' : '#222' }, fmt(v)));
      });
    });
    return root;
  }
  function currentSvg() {
    if (S.tab === 'trends') return T && T.ents.length ? trendChart(900, 340) : null;
    if (S.tab === 'matrix') return M && M.rows.length ? matrixSvg() : null;
    return upsetSvg();
  }
  function upsetSvg() {
    if (!U || !U.combos.length) return null;
    var cw = 16, rh = 16, lw = 200, top = 130, max = U.combos[0].papers.length;
    var W = lw + U.combos.length * cw + 20, H = top + U.datasets.length * rh + 20;
    var root = svg('svg', { xmlns: SVGNS, width: W, height: H, viewBox: '0 0 ' + W + ' ' + H, 'font-family': 'Arial, "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif', 'font-size': 10 });
    root.appendChild(svg('rect', { x: 0, y: 0, width: W, height: H, fill: '#fff' }));
    root.appendChild(svg('text', { x: 4, y: 14, 'font-size': 12, 'font-weight': 'bold' }, 'Datasets used together'));
    U.combos.forEach(function (x, j) {
      var bh = Math.max(2, 95 * x.papers.length / max), cx = lw + j * cw;
      root.appendChild(svg('rect', { x: cx + 2, y: top - 6 - bh, width: cw - 4, height: bh, fill: '#4e79a7' }));
      root.appendChild(svg('text', { x: cx + cw / 2, y: top - 9 - bh, 'text-anchor': 'middle', 'font-size': 8 }, x.papers.length));
      U.datasets.forEach(function (k, i) {
        root.appendChild(svg('circle', { cx: cx + cw / 2, cy: top + i * rh + rh / 2, r: 4, fill: x.sets.indexOf(k) >= 0 ? '#222' : '#e3e6ea' }));
      });
    });
    U.datasets.forEach(function (k, i) { root.appendChild(svg('text', { x: lw - 6, y: top + i * rh + rh / 2 + 4, 'text-anchor': 'end' }, short(E[k][0], 32))); });
    return root;
  }
  function download(blob, name) {
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob); a.download = name;
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
  }
  function svgText() { var s = currentSvg(); return s ? new XMLSerializer().serializeToString(s) : null; }
  function exportSvg() { var t = svgText(); if (t) download(new Blob([t], { type: 'image/svg+xml' }), 'kg-' + S.tab + '.svg'); return t; }
  function exportPng() {
    var t = svgText(); if (!t) return Promise.resolve(null);
    return new Promise(function (resolve) {
      var img = new Image(), url = URL.createObjectURL(new Blob([t], { type: 'image/svg+xml' }));
      img.onload = function () {
        var c = document.createElement('canvas'); c.width = img.width * 2; c.height = img.height * 2;
        var g = c.getContext('2d'); g.scale(2, 2); g.drawImage(img, 0, 0); URL.revokeObjectURL(url);
        c.toBlob(function (b) { download(b, 'kg-' + S.tab + '.png'); resolve(b.size); }, 'image/png');
      };
      img.src = url;
    });
  }
  $('kg-svg').addEventListener('click', exportSvg);
  $('kg-png').addEventListener('click', exportPng);

  // ------------------------------------------------------------------ controls
  function fillSelect(sel, values, labels) {
    values.forEach(function (v, i) { var o = el('option', null, labels ? labels[i] : v); o.value = v; sel.appendChild(o); });
  }
  fillSelect($('kg-task'), D.tasks.slice(0, 300).map(function (k) { return E[k][0]; }));
  fillSelect($('kg-field'), D.fields);
  var fromSel = $('kg-from'), toSel = $('kg-to');
  fillSelect(fromSel, [''].concat(MONTHS), ['first'].concat(MONTHS));
  fillSelect(toSel, [''].concat(MONTHS), ['last'].concat(MONTHS));
  var controls = { pair: 'kg-pair', q: 'kg-q', sort: 'kg-sort', value: 'kg-value', min: 'kg-min', task: 'kg-task', field: 'kg-field', from: 'kg-from', to: 'kg-to' };
  function syncControls() {
    for (var k in controls) {
      var c = $(controls[k]);
      if (c.tagName === 'SELECT' && S[k] && !Array.prototype.some.call(c.options, function (o) { return o.value === S[k]; })) {
        var o = el('option', null, S[k]); o.value = S[k]; c.appendChild(o);  // e.g. a task from a link, not in the top list
      }
      c.value = String(S[k]);
    }
    document.body.setAttribute('data-tab', S.tab);
    document.querySelectorAll('.kg-tabs button').forEach(function (b) { b.setAttribute('aria-selected', String(b.getAttribute('data-tab') === S.tab)); });
  }
  function render() {
    var t0 = performance.now();
    tip.hidden = true;
    if (S.tab === 'matrix') renderMatrix(); else if (S.tab === 'upset') renderUpset(); else renderTrends();
    document.body.setAttribute('data-render-ms', String(Math.round(performance.now() - t0)));
  }
  function update() { syncControls(); writeHash(); render(); }
  Object.keys(controls).forEach(function (k) {
    var c = $(controls[k]);
    c.addEventListener(c.tagName === 'INPUT' ? 'input' : 'change', function () {
      S[k] = typeof DEFAULT[k] === 'number' ? Math.max(1, parseInt(c.value, 10) || 1) : c.value;
      writeHash(); render();
    });
  });
  $('kg-form').addEventListener('submit', function (ev) { ev.preventDefault(); });
  $('kg-add').addEventListener('keydown', function (ev) {
    if (ev.key !== 'Enter') return;
    ev.preventDefault();
    var k = findEntity(ev.target.value);
    if (k < 0) { $('kg-msg').textContent = 'no match'; return; }
    var cur = (T ? T.ents : []).map(function (x) { return E[x][0]; });
    if (cur.indexOf(E[k][0]) < 0) cur.push(E[k][0]);
    S.trend = cur.join('|'); ev.target.value = ''; update();
  });
  document.querySelectorAll('.kg-tabs button').forEach(function (b) {
    b.addEventListener('click', function () { S.tab = b.getAttribute('data-tab'); closePanel(); update(); });
  });
  $('kg-reset').addEventListener('click', function () { var tab = S.tab; S = readHashFrom(''); S.tab = tab; closePanel(); update(); });
  function readHashFrom(h) { var s = {}; for (var k in DEFAULT) s[k] = DEFAULT[k]; return s; }
  window.addEventListener('hashchange', function () { clearTimeout(hashTimer); S = readHash(); syncControls(); render(); });  // an address typed in wins over a pending write

  S = readHash();
  syncControls();
  document.body.setAttribute('data-state', location.hash.replace(/^#/, ''));
  render();
  window.kg = {
    state: function () { return JSON.parse(JSON.stringify(S)); },
    set: function (o) { for (var k in o) S[k] = o[k]; update(); return document.body.getAttribute('data-render-ms'); },
    matrix: function () { return M && { rows: M.rows.map(function (r) { return E[r][0]; }), cols: M.cols.map(function (c) { return E[c][0]; }),
      cells: M.rows.map(function (r) { return M.cols.map(function (c) { return cell(r, c); }); }) }; },
    upset: function () { return U && U.combos.map(function (x) { return [x.sets.map(function (k) { return E[k][0]; }), x.papers.length]; }); },
    trends: function () { return T && { months: T.months, series: T.ents.map(function (k, i) { return [E[k][0], T.series[i]]; }) }; },
    svg: svgText, exportPng: exportPng
  };
  window.kgReady = true;
  document.body.setAttribute('data-ready', '1');
})();
