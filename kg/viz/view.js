/* kg network views. All text from the data is put into the page with textContent, never as HTML. */
(function () {
  'use strict';
  var raw = JSON.parse(document.getElementById('kg-data').textContent);
  var P = raw.page, info = P.info, einfo = P.einfo, papers = P.papers;
  var N = raw.nodes.length;
  var $ = kgDom.$, el = kgDom.el, link = kgDom.link, safeUrl = kgDom.safeUrl, plural = kgDom.plural;

  function norm(s) { return String(s || '').normalize('NFKC').toLowerCase().replace(/[^0-9a-z\u3400-\u9fff]+/g, ''); }

  // ------------------------------------------------------------------ network
  var nodes = new vis.DataSet(raw.nodes);
  var edges = new vis.DataSet(raw.edges);
  var adj = [], adjE = []; for (var i = 0; i < N; i++) { adj.push([]); adjE.push([]); }
  raw.edges.forEach(function (e) { adj[e.from].push(e.to); adj[e.to].push(e.from); adjE[e.from].push(e.id); adjE[e.to].push(e.id); });
  var container = $('kg-network');
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, raw.options);
  var ready = false;
  network.once('afterDrawing', function () {
    ready = true; window.kgReady = true; document.body.setAttribute('data-ready', '1');
  });

  // ------------------------------------------------------------------ tooltips and details
  function paperBlock(pi, evidence, withLink, withSummary) {
    var p = papers[pi], box = el('div', 'kg-paper');
    box.appendChild(el('div', 'kg-t', p.t));
    var meta = el('div', 'kg-k');
    var u = safeUrl(p.u);
    if (withLink && u) meta.appendChild(link(u, (/arxiv\.org/.test(u) ? 'arXiv:' : '') + p.id));
    else meta.textContent = (/arxiv\.org/.test(u) ? 'arXiv:' : '') + p.id;
    box.appendChild(meta);
    if (withSummary && p.s) box.appendChild(el('div', 'kg-sum', p.s));
    if (evidence) box.appendChild(el('div', 'kg-ev', '“' + evidence + '”'));
    return box;
  }
  function nodeContent(id, full) {
    var d = info[id], box = el('div');
    if (d.k === 'Paper') {
      box.appendChild(el('div', 'kg-k', 'Paper'));
      box.appendChild(paperBlock(d.pr, null, full, true));
      if (d.f && d.f.length) {
        box.appendChild(el('div', 'kg-k', 'Also: ' + d.f.map(function (x) { return x[1] + ' (' + x[0] + ')'; }).join(', ')));
      }
      if (full) {
        var ents = adj[id].map(function (j) { return info[j]; }).filter(function (x) { return x.k !== 'Paper' && x.k !== 'Group'; });
        if (ents.length) box.appendChild(el('div', 'kg-k', 'Linked to: ' + ents.map(function (x) { return x.l; }).join(', ')));
      }
      return box;
    }
    if (d.k === 'Group') {
      box.appendChild(el('div', 'kg-t', d.l));
      var ol = el('ol');
      d.g.forEach(function (pi) { var li = el('li'); li.appendChild(paperBlock(pi, null, full, false)); ol.appendChild(li); });
      box.appendChild(ol);
      if (d.n > d.g.length) box.appendChild(el('div', 'kg-k', '… and ' + (d.n - d.g.length) + ' more'));
      return box;
    }
    box.appendChild(el('div', 'kg-t', d.l));
    var k = d.k + ' · ' + plural(d.n, 'paper');
    if (d.nv) k += ' (' + d.nv + (d.k === 'Dataset' ? ' introduce it)' : ' propose it)');
    box.appendChild(el('div', 'kg-k', k));
    if (d.a && d.a.length) box.appendChild(el('div', 'kg-k', 'Also: ' + d.a.join(' · ')));
    var list = full ? d.p : d.p.slice(0, 3);
    var ol2 = el('ol');
    list.forEach(function (x) { var li = el('li'); li.appendChild(paperBlock(x[0], x[1], full, full)); ol2.appendChild(li); });
    if (list.length) box.appendChild(ol2);
    if (d.n > list.length) box.appendChild(el('div', 'kg-k', '… ' + (d.n - list.length) + ' more papers'));
    return box;
  }
  function edgeContent(id, full) {
    var d = einfo[id], box = el('div');
    if (d.c !== undefined && d.g) {
      if (d.l) box.appendChild(el('div', 'kg-t', d.l));
      box.appendChild(el('div', 'kg-k', plural(d.c, 'paper') + ' use both'));
      var ol = el('ol');
      (full ? d.g : d.g.slice(0, 5)).forEach(function (pi) { var li = el('li'); li.appendChild(paperBlock(pi, null, full, false)); ol.appendChild(li); });
      box.appendChild(ol);
      return box;
    }
    if (d.c !== undefined) { box.appendChild(el('div', 'kg-k', plural(d.c, 'paper'))); return box; }
    box.appendChild(el('div', 'kg-k', d.r));
    box.appendChild(paperBlock(d.p, d.e, full, false));
    return box;
  }
  var tip = $('kg-tip');
  function showTip(content, pointer) {
    tip.replaceChildren(content); tip.hidden = false;
    var w = container.clientWidth, h = container.clientHeight;
    var x = pointer.DOM.x + 14, y = pointer.DOM.y + 14;
    if (x + tip.offsetWidth > w) x = Math.max(0, pointer.DOM.x - tip.offsetWidth - 14);
    if (y + tip.offsetHeight > h) y = Math.max(0, h - tip.offsetHeight - 4);
    tip.style.left = x + 'px'; tip.style.top = y + 'px';
  }
  function hideTip() { tip.hidden = true; }
  network.on('hoverNode', function (p) { showTip(nodeContent(p.node, false), p.pointer); });
  network.on('hoverEdge', function (p) { showTip(edgeContent(p.edge, false), p.pointer); });
  network.on('blurNode', hideTip); network.on('blurEdge', hideTip);
  network.on('dragStart', hideTip); network.on('zoom', hideTip);

  var panel = $('kg-panel');
  function showPanel(content) { $('kg-details').replaceChildren(content); panel.hidden = false; }
  $('kg-close').addEventListener('click', function () { panel.hidden = true; unhighlight(); network.unselectAll(); });

  // ------------------------------------------------------------------ neighbourhood highlight
  // Fading is one global option (opacity, label colour, edge colour); only the neighbourhood gets
  // per-item values, so a click costs the size of the neighbourhood, not of the whole graph.
  var FADE_FONT = 'rgba(60,60,60,0.25)', FADED = 0.25;
  var EDGE = { color: '#b3bcc6', opacity: 0.8 }, EDGE_FADED = { color: '#e5e8eb', opacity: 0.5 }, EDGE_ON = { color: '#555', opacity: 1 };
  var highlighted = null, keptNodes = [], keptEdges = [];
  function setKept(opacity, font, edge) {
    nodes.update(keptNodes.map(function (i) { return { id: i, opacity: opacity, font: { color: font } }; }));
    edges.update(keptEdges.map(function (e) { return { id: e, color: edge }; }));
  }
  function highlight(id) {
    if (highlighted !== null) setKept(FADED, FADE_FONT, EDGE_FADED);
    else network.setOptions({ nodes: { opacity: FADED, font: { color: FADE_FONT } }, edges: { color: EDGE_FADED } });
    var keep = {}; keep[id] = true;
    adj[id].forEach(function (j) { keep[j] = true; });
    keptNodes = Object.keys(keep).map(Number); keptEdges = adjE[id].slice();
    setKept(1, '#222', EDGE_ON);
    highlighted = id;
    document.body.setAttribute('data-highlighted', String(keptNodes.length));
  }
  function unhighlight() {
    if (highlighted === null) return;
    network.setOptions({ nodes: { opacity: 1, font: { color: '#222' } }, edges: { color: EDGE } });
    setKept(1, '#222', EDGE);
    highlighted = null; keptNodes = []; keptEdges = [];
    document.body.removeAttribute('data-highlighted');
  }
  function select(id, focus) {
    network.selectNodes([id]);
    highlight(id);
    showPanel(nodeContent(id, true));
    document.body.setAttribute('data-selected', String(id));
    if (focus) network.focus(id, { scale: Math.max(network.getScale(), 1.2), animation: { duration: 300, easingFunction: 'easeInOutQuad' } });
  }
  network.on('click', function (p) {
    hideTip();
    if (p.nodes.length) select(p.nodes[0], false);
    else if (p.edges.length) { unhighlight(); showPanel(edgeContent(p.edges[0], true)); }
    else { unhighlight(); panel.hidden = true; document.body.removeAttribute('data-selected'); }
  });

  // ------------------------------------------------------------------ filters
  var kinds = P.kinds.filter(function (k) { return info.some(function (d) { return d.k === k; }); });
  var on = {}; kinds.forEach(function (k) { on[k] = true; });
  var minPapers = 1, forced = {}, hidden = new Uint8Array(N);
  var counts = {}; info.forEach(function (d) { counts[d.k] = (counts[d.k] || 0) + 1; });
  var shapeSvg = {
    square: '<rect x="2" y="2" width="10" height="10"/>', triangle: '<polygon points="7,1 13,13 1,13"/>',
    diamond: '<polygon points="7,0 14,7 7,14 0,7"/>', dot: '<circle cx="7" cy="7" r="6"/>',
    star: '<polygon points="7,0 9,5 14,5 10,8 12,14 7,10 2,14 4,8 0,5 5,5"/>',
    hexagon: '<polygon points="4,1 10,1 13,7 10,13 4,13 1,7"/>'
  };
  var types = $('kg-types');
  kinds.forEach(function (k) {
    var lab = el('label'), cb = el('input');
    cb.type = 'checkbox'; cb.checked = true; cb.value = k; cb.setAttribute('data-kind', k);
    cb.addEventListener('change', function () { on[k] = cb.checked; applyFilter(); });
    lab.appendChild(cb);
    // the legend swatch: fixed markup from this script, coloured from a fixed palette
    var sw = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    sw.setAttribute('width', '14'); sw.setAttribute('height', '14'); sw.setAttribute('viewBox', '0 0 14 14');
    sw.setAttribute('fill', P.colors[k]); sw.innerHTML = shapeSvg[P.shapes[k]];
    lab.appendChild(sw);
    lab.appendChild(document.createTextNode(k === 'Group' ? 'Grouped papers' : k));
    lab.appendChild(el('span', 'kg-n', ' ' + counts[k]));
    types.appendChild(lab);
  });
  var maxN = 1; info.forEach(function (d) { if (d.k !== 'Paper' && d.k !== 'Group' && d.n > maxN) maxN = d.n; });
  var range = $('kg-min');
  range.max = String(Math.min(maxN, 50));
  range.addEventListener('input', function () { minPapers = +range.value; $('kg-min-out').textContent = range.value; applyFilter(); });

  function isEntity(d) { return d.k !== 'Paper' && d.k !== 'Group'; }
  function applyFilter() {
    var vis = new Uint8Array(N), i;
    for (i = 0; i < N; i++) {
      var d = info[i];
      if (isEntity(d)) vis[i] = (on[d.k] && d.n >= minPapers) || forced[i] || i === P.focus ? 1 : 0;
    }
    for (i = 0; i < N; i++) {
      var d2 = info[i];
      if (isEntity(d2)) continue;
      var ok = (on[d2.k] || forced[i] || i === P.focus) ? 1 : 0;
      if (ok && adj[i].length && !forced[i] && i !== P.focus) {
        ok = adj[i].some(function (j) { return vis[j] && isEntity(info[j]); }) ? 1 : 0;
      }
      vis[i] = ok;
    }
    var upd = [], shown = 0;
    for (i = 0; i < N; i++) {
      if (vis[i]) shown++;
      if (hidden[i] !== (vis[i] ? 0 : 1)) { hidden[i] = vis[i] ? 0 : 1; upd.push({ id: i, hidden: !vis[i] }); }
    }
    if (upd.length) nodes.update(upd);
    document.body.setAttribute('data-visible-nodes', String(shown));
    return shown;
  }

  // ------------------------------------------------------------------ search
  var keys = info.map(function (d) {
    var k = [norm(d.l)];
    if (d.a) d.a.forEach(function (a) { k.push(norm(a)); });
    if (d.k === 'Paper') { var p = papers[d.pr]; k.push(norm(p.id), norm(p.t)); }
    return k.filter(Boolean);
  });
  if (N <= 3000) {
    var dl = $('kg-labels'), seen = {};
    info.forEach(function (d) {
      var labs = [d.l].concat(d.a || []);
      if (d.k === 'Paper') labs.push(papers[d.pr].t);
      labs.forEach(function (l) { if (!seen[l]) { seen[l] = 1; var o = el('option'); o.value = l; dl.appendChild(o); } });
    });
  }
  function search(q) {
    var n = norm(q); if (!n) return [];
    var exact = [], prefix = [], sub = [];
    for (var i = 0; i < N; i++) {
      var ks = keys[i], best = 3;
      for (var j = 0; j < ks.length; j++) {
        if (ks[j] === n) { best = 0; break; }
        if (best > 1 && ks[j].indexOf(n) === 0) best = 1;
        else if (best > 2 && ks[j].indexOf(n) > 0) best = 2;
      }
      if (best < 3) [exact, prefix, sub][best].push(i);
    }
    var byCount = function (a, b) { return (info[b].n - info[a].n) || (a - b); };
    return exact.sort(byCount).concat(prefix.sort(byCount), sub.sort(byCount));
  }
  var lastQ = null, hits = [], cursor = 0;
  function find(q) {
    if (q !== lastQ) { lastQ = q; hits = search(q); cursor = 0; } else if (hits.length) cursor = (cursor + 1) % hits.length;
    var msg = $('kg-found');
    if (!hits.length) { msg.textContent = 'no match'; return null; }
    var id = hits[cursor];
    if (hidden[id]) { forced[id] = true; applyFilter(); }
    select(id, true);
    msg.textContent = hits.length > 1 ? (cursor + 1) + ' of ' + hits.length + ' (Enter: next)' : '1 match';
    return id;
  }
  $('kg-search').addEventListener('submit', function (ev) { ev.preventDefault(); find($('kg-q').value); });
  $('kg-fit').addEventListener('click', function () {
    forced = {}; kinds.forEach(function (k) { on[k] = true; });
    types.querySelectorAll('input').forEach(function (cb) { cb.checked = true; });
    range.value = '1'; minPapers = 1; $('kg-min-out').textContent = '1';
    unhighlight(); panel.hidden = true; network.unselectAll(); applyFilter(); network.fit();
  });

  // ------------------------------------------------------------------ notes, start
  var notes = $('kg-notes');
  (P.notes || []).forEach(function (t) { notes.appendChild(el('div', null, t)); });
  applyFilter();
  if (P.focus !== null && P.focus !== undefined) {
    network.selectNodes([P.focus]); highlight(P.focus);
  }
  // for tests, notebooks and scripts: the network and a small API
  window.kg = {
    network: network, nodes: nodes, edges: edges, find: find, select: select, search: search, applyFilter: applyFilter,
    visibleCount: function () { return nodes.get({ filter: function (n) { return !n.hidden; } }).length; },
    setType: function (k, v) { on[k] = !!v; types.querySelectorAll('input').forEach(function (cb) { if (cb.value === k) cb.checked = !!v; }); return applyFilter(); },
    setMin: function (m) { minPapers = m; range.value = String(m); $('kg-min-out').textContent = String(m); return applyFilter(); },
    ready: function () { return ready; }
  };
})();
