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
  // Many edges: the page draws them itself, one path per width (vis strokes every edge on its
  // own at every frame, the cost of a click at 20,000 edges); vis keeps them hidden.
  var OWN_EDGES = raw.edges.length > 4000;
  var edges = new vis.DataSet(OWN_EDGES ? raw.edges.map(function (e) { return { id: e.id, from: e.from, to: e.to, value: e.value, hidden: true }; }) : raw.edges);
  var adj = [], adjE = []; for (var i = 0; i < N; i++) { adj.push([]); adjE.push([]); }
  raw.edges.forEach(function (e) { adj[e.from].push(e.to); adj[e.to].push(e.from); adjE[e.from].push(e.id); adjE[e.to].push(e.id); });
  var container = $('kg-network');
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, raw.options);
  var ready = false;
  network.once('afterDrawing', function () {
    ready = true; window.kgReady = true; document.body.setAttribute('data-ready', '1');
  });

  // ------------------------------------------------------------------ labels that never overlap
  // vis draws no labels; after every frame the page draws the labels that fit at the current zoom,
  // most important first (the focus, the highlighted neighbourhood, then by papers behind a node),
  // each at the first free spot around its node, so more appear as you zoom in.
  var LABELS = P.labels, FONT_PX = 12, LINE_H = 15, MAX_LABELS = 250, MAX_TRIES = 3000;
  var FACE = (raw.options.nodes && raw.options.nodes.font && raw.options.nodes.font.face) || 'sans-serif';
  var widths = new Float32Array(N).fill(-1), drawn = [], numbers = [];
  var importance = [];
  for (var q = 0; q < N; q++) importance.push(q);
  function rank(i) { var k = info[i].k; return k === 'Group' ? 2 : k === 'Paper' ? 1 : 0; }
  importance.sort(function (a, b) { return (rank(a) - rank(b)) || ((raw.nodes[b].value || 0) - (raw.nodes[a].value || 0)) || (a - b); });
  var byWeight = raw.edges.map(function (e, k) { return k; }).filter(function (k) { return (raw.edges[k].value || 1) > 0; });
  byWeight.sort(function (a, b) { return (raw.edges[b].value || 0) - (raw.edges[a].value || 0) || a - b; });
  function drawLabels(ctx) {
    var scale = network.getScale(), vp = network.getViewPosition(), W = container.clientWidth, H = container.clientHeight;
    var bodyNodes = network.body.nodes, pr = network.canvas.pixelRatio || window.devicePixelRatio || 1;
    var CELL = 48, grid = new Map(), boxes = [], nums = [];
    function cells(b, f) {
      for (var gx = Math.floor(b[0] / CELL); gx <= Math.floor((b[0] + b[2]) / CELL); gx++)
        for (var gy = Math.floor(b[1] / CELL); gy <= Math.floor((b[1] + b[3]) / CELL); gy++) if (f(gx * 4096 + gy) === false) return false;
      return true;
    }
    function free(b) {
      if (b[0] < 0 || b[1] < 0 || b[0] + b[2] > W || b[1] + b[3] > H) return false;
      return cells(b, function (key) {
        var l = grid.get(key); if (!l) return true;
        for (var j = 0; j < l.length; j++) { var o = l[j]; if (b[0] < o[0] + o[2] && o[0] < b[0] + b[2] && b[1] < o[1] + o[3] && o[1] < b[1] + b[3]) return false; }
        return true;
      });
    }
    function occupy(b) { cells(b, function (key) { var l = grid.get(key); if (!l) grid.set(key, l = []); l.push(b); }); }
    // the discs of the nodes in view: a label prefers a spot clear of them
    var ngrid = new Map(), nn = 0;
    for (var z = 0; z < N && nn < 4000; z++) {
      if (hidden[z]) continue;
      var zn = bodyNodes[z]; if (!zn) continue;
      var zx = (zn.x - vp.x) * scale + W / 2, zy = (zn.y - vp.y) * scale + H / 2;
      if (zx < 0 || zx > W || zy < 0 || zy > H) continue;
      var zr = ((zn.shape && zn.shape.radius) || zn.options.size || 8) * scale, zb = [zx - zr, zy - zr, 2 * zr, 2 * zr];
      nn++;
      cells(zb, function (key) { var l = ngrid.get(key); if (!l) ngrid.set(key, l = []); l.push(zb); });
    }
    function clearOfNodes(b) {
      return cells(b, function (key) {
        var l = ngrid.get(key); if (!l) return true;
        for (var j = 0; j < l.length; j++) { var o = l[j]; if (b[0] < o[0] + o[2] && o[0] < b[0] + b[2] && b[1] < o[1] + o[3] && o[1] < b[1] + b[3]) return false; }
        return true;
      });
    }
    ctx.save();
    ctx.setTransform(pr, 0, 0, pr, 0, 0);
    ctx.font = FONT_PX + 'px ' + FACE; ctx.textBaseline = 'middle'; ctx.lineJoin = 'round';
    var order = importance;
    if (P.focus !== null && P.focus !== undefined) order = [P.focus].concat(order);
    if (highlighted !== null) order = [highlighted].concat(keptNodes, order);
    var tries = 0, done = new Uint8Array(N);
    for (var k = 0; k < order.length && boxes.length < MAX_LABELS && tries < MAX_TRIES; k++) {
      var id = order[k];
      if (done[id] || hidden[id]) continue;
      done[id] = 1;
      var nd = bodyNodes[id]; if (!nd) continue;
      var x = (nd.x - vp.x) * scale + W / 2, y = (nd.y - vp.y) * scale + H / 2;
      if (x < -20 || x > W + 20 || y < -20 || y > H + 20) continue;
      tries++;
      if (widths[id] < 0) widths[id] = ctx.measureText(LABELS[id]).width;
      var w = widths[id] + 4, r = ((nd.shape && nd.shape.radius) || nd.options.size || 8) * scale;
      var spots = [[x - w / 2, y + r + 2], [x + r + 3, y - LINE_H / 2], [x - w / 2, y - r - 2 - LINE_H], [x - r - 3 - w, y - LINE_H / 2]];
      for (var si = 0; si < 2 * spots.length; si++) {
        var b = [spots[si % 4][0], spots[si % 4][1], w, LINE_H];
        if (!free(b) || (si < 4 && !clearOfNodes(b))) continue;
        occupy(b); b.push(id); boxes.push(b);
        var faded = highlighted !== null && !keptSet[id];
        ctx.fillStyle = 'rgba(255,255,255,0.75)'; ctx.fillRect(b[0], b[1] + 1, b[2], b[3] - 2);
        ctx.fillStyle = faded ? 'rgba(60,60,60,0.35)' : (id === P.focus || id === highlighted ? '#000' : '#222');
        ctx.fillText(LABELS[id], b[0] + 2, b[1] + LINE_H / 2);
        break;
      }
    }
    if (P.weighted) {   // the shared papers of the strongest visible pairs, where they fit
      ctx.font = (FONT_PX - 1) + 'px ' + FACE;
      for (var e = 0, ne = 0; e < byWeight.length && ne < 200 && e < 20000; e++) {
        var ed = raw.edges[byWeight[e]];
        if (edgeHidden[byWeight[e]] || hidden[ed.from] || hidden[ed.to]) continue;
        var A = bodyNodes[ed.from], B = bodyNodes[ed.to];
        var mx = ((A.x + B.x) / 2 - vp.x) * scale + W / 2, my = ((A.y + B.y) / 2 - vp.y) * scale + H / 2;
        if (mx < 0 || mx > W || my < 0 || my > H) continue;
        var t = String(ed.value), tw = ctx.measureText(t).width + 4, nb = [mx - tw / 2, my - 6, tw, 12];
        if (!free(nb)) continue;
        occupy(nb); nb.push(byWeight[e]); nums.push(nb); ne++;
        ctx.fillStyle = 'rgba(255,255,255,0.85)'; ctx.fillRect(nb[0], nb[1], nb[2], nb[3]);
        ctx.fillStyle = '#555'; ctx.fillText(t, nb[0] + 2, my);
      }
    }
    ctx.restore();
    drawn = boxes; numbers = nums;
    document.body.setAttribute('data-labels', String(boxes.length));
  }
  network.on('afterDrawing', function (ctx) {
    var t0 = performance.now();
    drawHighlight(ctx); drawLabels(ctx);
    document.body.setAttribute('data-overlay-ms', String(Math.round(performance.now() - t0)));
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
    if (d.sh !== undefined && id !== P.focus) k += ' · ' + d.sh + ' shared' + (P.focus !== null && P.focus !== undefined ? ' with ' + info[P.focus].l : ' with partners');
    box.appendChild(el('div', 'kg-k', k));
    if (d.a && d.a.length) box.appendChild(el('div', 'kg-k', 'Also: ' + d.a.join(' · ')));
    if (d.pt && d.pt.length) {
      var groups = {};
      d.pt.forEach(function (x) { (groups[x[1]] = groups[x[1]] || []).push(x); });
      Object.keys(groups).sort().forEach(function (t) {
        var h = el('div', 'kg-k', 'Partner ' + t.toLowerCase() + 's by shared papers' + (full ? '' : ' (top 5)'));
        box.appendChild(h);
        var ul = el('ol', 'kg-partners');
        (full ? groups[t] : groups[t].slice(0, 5)).forEach(function (x) {
          var li = el('li');
          if (full && x[3] >= 0) {
            var b = el('button', 'kg-plink', x[0]); b.type = 'button';
            b.addEventListener('click', function () { if (hidden[x[3]]) { forced[x[3]] = true; applyFilter(); } select(x[3], true); });
            li.appendChild(b);
          } else li.appendChild(document.createTextNode(x[0]));
          li.appendChild(el('span', 'kg-n', ' ' + x[2]));
          li.setAttribute('data-shared', String(x[2]));
          ul.appendChild(li);
        });
        box.appendChild(ul);
      });
      if (full && d.np > d.pt.length) box.appendChild(el('div', 'kg-k', '… and ' + (d.np - d.pt.length) + ' more partners'));
    }
    var list = full ? d.p : d.p.slice(0, 3);
    if (d.g && !list.length) list = (full ? d.g : d.g.slice(0, 3)).map(function (pi) { return [pi, '']; });
    var ol2 = el('ol', 'kg-papers'), shown = 0;
    var more = el('button', 'kg-more'); more.type = 'button';
    function page() {
      var end = Math.min(list.length, shown + 100);
      for (; shown < end; shown++) { var li = el('li'); li.appendChild(paperBlock(list[shown][0], list[shown][1], full, full)); ol2.appendChild(li); }
      more.textContent = 'Show ' + Math.min(100, list.length - shown) + ' more of ' + (list.length - shown);
      more.hidden = shown >= list.length;
    }
    more.addEventListener('click', page);
    if (list.length) { box.appendChild(el('div', 'kg-k', d.g && !d.p.length ? 'Shared papers' : 'Papers')); box.appendChild(ol2); page(); if (full) box.appendChild(more); }
    var total = d.g && !d.p.length ? (d.sh || d.g.length) : d.n;
    if (total > list.length) box.appendChild(el('div', 'kg-k', '… ' + (total - list.length) + ' more papers'));
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
  function closePanel() { panel.hidden = true; unhighlight(); network.unselectAll(); document.body.removeAttribute('data-selected'); writeHash(); }
  $('kg-close').addEventListener('click', closePanel);
  document.addEventListener('keydown', function (ev) { if (ev.key === 'Escape' && !panel.hidden) { ev.preventDefault(); closePanel(); } });

  // ------------------------------------------------------------------ neighbourhood highlight
  // No DataSet update and no setOptions (each costs a pass over the whole graph in vis): after
  // vis has drawn the frame, a translucent veil goes over it and the neighbourhood is drawn again
  // on top with vis's own node and edge drawing, so a click costs the size of the neighbourhood.
  var highlighted = null, keptNodes = [], keptEdges = [], keptSet = null;
  // one draw at the next frame, shared with the redraw vis asks for after a selection or update
  function requestRedraw() { network.body.emitter.emit('_requestRedraw'); }
  function highlight(id) {
    var keep = {}; keep[id] = true;
    adj[id].forEach(function (j) { keep[j] = true; });
    keptNodes = Object.keys(keep).map(Number); keptEdges = adjE[id].slice();
    keptSet = new Uint8Array(N); keptNodes.forEach(function (i) { keptSet[i] = 1; });
    highlighted = id;
    document.body.setAttribute('data-highlighted', String(keptNodes.length));
    requestRedraw();
  }
  function unhighlight() {
    if (highlighted === null) return;
    highlighted = null; keptNodes = []; keptEdges = []; keptSet = null;
    document.body.removeAttribute('data-highlighted');
    requestRedraw();
  }
  var edgeBucket = null;
  function drawEdges(ctx) {
    if (!OWN_EDGES) return;
    var bn = network.body.nodes, B = 6, scale = network.getScale();
    if (!edgeBucket) {   // widths as vis scales them (1..9 by shared papers), in B steps
      var lo = Infinity, hi = -Infinity;
      raw.edges.forEach(function (e) { var w = e.value || 1; if (w < lo) lo = w; if (w > hi) hi = w; });
      edgeBucket = raw.edges.map(function (e) { return !P.weighted || hi === lo ? 0 : Math.min(B - 1, Math.floor((Math.sqrt((e.value || 1) - lo) / Math.sqrt(hi - lo)) * B)); });
    }
    ctx.save();
    ctx.strokeStyle = 'rgba(179,188,198,0.8)';
    for (var b = 0; b < B; b++) {
      ctx.beginPath();
      var any = false;
      for (var k = 0; k < raw.edges.length; k++) {
        if (edgeBucket[k] !== b) continue;
        var e = raw.edges[k];
        if (edgeHidden[k] || hidden[e.from] || hidden[e.to]) continue;
        var A = bn[e.from], C = bn[e.to];
        ctx.moveTo(A.x, A.y); ctx.lineTo(C.x, C.y); any = true;
      }
      if (any) { ctx.lineWidth = P.weighted ? 1 + 8 * b / (B - 1) * 0.6 : 0.8; ctx.stroke(); }
    }
    ctx.restore();
  }
  network.on('beforeDrawing', drawEdges);
  function drawHighlight(ctx) {
    if (highlighted === null) return;
    var W = container.clientWidth, H = container.clientHeight;
    var a = network.DOMtoCanvas({ x: 0, y: 0 }), b = network.DOMtoCanvas({ x: W, y: H });
    ctx.save();
    ctx.fillStyle = 'rgba(255,255,255,0.72)';
    ctx.fillRect(a.x, a.y, b.x - a.x, b.y - a.y);
    ctx.restore();
    var bn = network.body.nodes, be = network.body.edges;
    if (OWN_EDGES) {
      ctx.save(); ctx.strokeStyle = '#555'; ctx.lineWidth = 1.5 / Math.max(network.getScale(), 0.05) ; ctx.beginPath();
      keptEdges.forEach(function (e) {
        var ed = raw.edges[e];
        if (edgeHidden[e] || hidden[ed.from] || hidden[ed.to]) return;
        ctx.moveTo(bn[ed.from].x, bn[ed.from].y); ctx.lineTo(bn[ed.to].x, bn[ed.to].y);
      });
      ctx.stroke(); ctx.restore();
    }
    keptEdges.forEach(function (e) {
      if (OWN_EDGES) return;
      var ed = raw.edges[e];
      if (edgeHidden[e] || hidden[ed.from] || hidden[ed.to] || !be[e] || !be[e].connected) return;
      try { be[e].draw(ctx); } catch (err) { /* an edge vis has not laid out yet */ }
    });
    keptNodes.forEach(function (i) { if (!hidden[i] && bn[i]) { try { bn[i].draw(ctx); } catch (err) { /* idem */ } } });
  }
  function select(id, focus) {
    network.selectNodes([id]);
    highlight(id);
    showPanel(nodeContent(id, true));
    document.body.setAttribute('data-selected', String(id));
    selected = id; writeHash();
    if (focus) network.focus(id, { scale: Math.max(network.getScale(), 1.2), animation: { duration: 300, easingFunction: 'easeInOutQuad' } });
  }
  network.on('click', function (p) {
    hideTip();
    if (p.nodes.length) select(p.nodes[0], false);
    else if (p.edges.length) { unhighlight(); showPanel(edgeContent(p.edges[0], true)); }
    else { unhighlight(); panel.hidden = true; document.body.removeAttribute('data-selected'); selected = null; writeHash(); }
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
    cb.addEventListener('change', function () { on[k] = cb.checked; filterChanged(); });
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
  range.addEventListener('input', function () { minPapers = +range.value; $('kg-min-out').textContent = range.value; filterChanged(); });

  function isEntity(d) { return d.k !== 'Paper' && d.k !== 'Group'; }
  var W8 = P.weighted, edgeHidden = new Uint8Array(raw.edges.length);
  if (W8) {  // the slider filters pairs: their shared papers
    var maxW = 1; raw.edges.forEach(function (e) { if ((e.value || 1) > maxW) maxW = e.value; });
    range.max = String(Math.min(maxW, 50));
  }
  function applyFilter() {
    if (W8) return applyPairFilter();
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
  function applyPairFilter() {
    var vis = new Uint8Array(N), i, eu = [], shownE = 0;
    raw.edges.forEach(function (e, k) {
      var ok = (e.value || 1) >= minPapers && on[info[e.from].k] && on[info[e.to].k];
      if (ok) { vis[e.from] = 1; vis[e.to] = 1; shownE++; }
      var h = ok ? 0 : 1;
      if (edgeHidden[k] !== h) { edgeHidden[k] = h; eu.push({ id: e.id, hidden: !ok }); }
    });
    if (eu.length && !OWN_EDGES) edges.update(eu);
    if (OWN_EDGES) requestRedraw();
    var upd = [], shown = 0;
    for (i = 0; i < N; i++) {
      if (forced[i] || i === P.focus) vis[i] = 1;
      if (vis[i]) shown++;
      if (hidden[i] !== (vis[i] ? 0 : 1)) { hidden[i] = vis[i] ? 0 : 1; upd.push({ id: i, hidden: !vis[i] }); }
    }
    if (upd.length) nodes.update(upd);
    document.body.setAttribute('data-visible-nodes', String(shown));
    document.body.setAttribute('data-visible-edges', String(shownE));
    return shown;
  }
  var MAX_ZOOM = 4;
  function fitVisible(animate) {
    var ids = []; for (var i = 0; i < N; i++) if (!hidden[i]) ids.push(i);
    network.fit({ nodes: ids.length ? ids : undefined, maxZoomLevel: MAX_ZOOM, animation: animate ? { duration: 250, easingFunction: 'easeInOutQuad' } : false });
  }
  function filterChanged() { applyFilter(); fitVisible(false); writeHash(); }

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
  $('kg-fit').addEventListener('click', function () {   // the view only: the filters stay
    forced = {}; unhighlight(); panel.hidden = true; network.unselectAll(); selected = null;
    document.body.removeAttribute('data-selected'); applyFilter(); fitVisible(true); writeHash();
  });
  function clearFilters() {
    forced = {}; kinds.forEach(function (k) { on[k] = true; });
    types.querySelectorAll('input').forEach(function (cb) { cb.checked = true; });
    range.value = '1'; minPapers = 1; $('kg-min-out').textContent = '1';
    filterChanged();
  }
  $('kg-clear').addEventListener('click', clearFilters);
  // the current view as SVG: what is on the canvas (nodes, edges, the labels drawn), as shapes and text
  function viewSvg() {
    var NS = 'http://www.w3.org/2000/svg', W = container.clientWidth, H = container.clientHeight;
    var scale = network.getScale(), vp = network.getViewPosition(), bn = network.body.nodes;
    function X(x) { return ((x - vp.x) * scale + W / 2).toFixed(1); }
    function Y(y) { return ((y - vp.y) * scale + H / 2).toFixed(1); }
    function mk(tag, at, text) { var e = document.createElementNS(NS, tag); for (var k in at) e.setAttribute(k, String(at[k])); if (text !== undefined) e.textContent = text; return e; }
    var root = mk('svg', { xmlns: NS, width: W, height: H, viewBox: '0 0 ' + W + ' ' + H, 'font-family': FACE, 'font-size': FONT_PX });
    root.appendChild(mk('rect', { x: 0, y: 0, width: W, height: H, fill: '#fff' }));
    var g = mk('g', { stroke: '#b3bcc6', 'stroke-opacity': 0.8 });
    raw.edges.forEach(function (e, k) {
      if (edgeHidden[k] || hidden[e.from] || hidden[e.to]) return;
      var A = bn[e.from], B = bn[e.to];
      g.appendChild(mk('line', { x1: X(A.x), y1: Y(A.y), x2: X(B.x), y2: Y(B.y), 'stroke-width': P.weighted ? Math.max(0.6, Math.sqrt(e.value || 1)) : 0.6 }));
    });
    root.appendChild(g);
    for (var i = 0; i < N; i++) {
      if (hidden[i] || !bn[i]) continue;
      var x = +X(bn[i].x), y = +Y(bn[i].y), r = Math.max(1, ((bn[i].shape && bn[i].shape.radius) || bn[i].options.size || 8) * scale);
      if (x < -r || x > W + r || y < -r || y > H + r) continue;
      root.appendChild(mk('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: r.toFixed(1), fill: P.colors[info[i].k] || '#999', stroke: '#fff', 'stroke-width': 0.5 }));
    }
    drawn.forEach(function (b) { root.appendChild(mk('text', { x: (b[0] + 2).toFixed(1), y: (b[1] + LINE_H / 2 + 4).toFixed(1), fill: '#222' }, LABELS[b[4]])); });
    return new XMLSerializer().serializeToString(root);
  }
  function download(blob, name) {
    var a = document.createElement('a'); a.href = URL.createObjectURL(blob); a.download = name;
    document.body.appendChild(a); a.click(); a.remove(); setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
  }
  $('kg-svg').addEventListener('click', function () { download(new Blob([viewSvg()], { type: 'image/svg+xml' }), (P.name.split('/').pop() || 'view') + '.svg'); });
  $('kg-png').addEventListener('click', function () {
    var c = container.querySelector('canvas');
    c.toBlob(function (b) {
      var a = document.createElement('a'); a.href = URL.createObjectURL(b); a.download = (P.name.split('/').pop() || 'view') + '.png';
      document.body.appendChild(a); a.click(); a.remove(); setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
    }, 'image/png');
  });

  // ------------------------------------------------------------------ state in the URL (#off=Paper&min=2&sel=IEMOCAP)
  var selected = null, restoring = false;
  function writeHash() {
    if (restoring) return;
    var u = new URLSearchParams(), off = kinds.filter(function (k) { return !on[k]; });
    if (off.length) u.set('off', off.join(','));
    if (minPapers > 1) u.set('min', String(minPapers));
    if (selected !== null && selected !== P.focus) u.set('sel', info[selected].l);
    var h = u.toString();
    try { history.replaceState(null, '', h ? '#' + h : location.pathname + location.search); } catch (e) { /* sandboxed */ }
    document.body.setAttribute('data-state', h);
  }
  function readHash() {
    var u = new URLSearchParams(location.hash.replace(/^#/, '')), changed = false;
    restoring = true;
    if (u.has('off')) { u.get('off').split(',').forEach(function (k) { if (k in on) { on[k] = false; changed = true; } });
      types.querySelectorAll('input').forEach(function (cb) { cb.checked = on[cb.value]; }); }
    if (u.has('min')) { minPapers = Math.max(1, parseInt(u.get('min'), 10) || 1); range.value = String(minPapers); $('kg-min-out').textContent = String(minPapers); changed = true; }
    applyFilter();
    if (changed) fitVisible(false);
    if (u.has('sel')) { var n = norm(u.get('sel')); for (var i = 0; i < N; i++) if (norm(info[i].l) === n) { if (hidden[i]) { forced[i] = true; applyFilter(); } select(i, true); break; } }
    restoring = false;
    writeHash();
  }

  // ------------------------------------------------------------------ notes, start
  var notes = $('kg-notes');
  (P.notes || []).forEach(function (t) { notes.appendChild(el('div', null, t)); });
  applyFilter();
  fitVisible(false);
  if (P.focus !== null && P.focus !== undefined) network.selectNodes([P.focus]);  // nothing faded: the view is its neighbourhood
  if (location.hash.length > 1) readHash();
  // for tests, notebooks and scripts: the network and a small API
  window.kg = {
    network: network, nodes: nodes, edges: edges, find: find, select: select, search: search, applyFilter: applyFilter,
    visibleCount: function () { return nodes.get({ filter: function (n) { return !n.hidden; } }).length; },
    setType: function (k, v) { on[k] = !!v; types.querySelectorAll('input').forEach(function (cb) { if (cb.value === k) cb.checked = !!v; }); return applyFilter(); },
    setMin: function (m) { minPapers = m; range.value = String(m); $('kg-min-out').textContent = String(m); return applyFilter(); },
    ready: function () { return ready; },
    labels: function () { return drawn.map(function (b) { return { x: b[0], y: b[1], w: b[2], h: b[3], id: b[4], label: LABELS[b[4]] }; }); },
    numbers: function () { return numbers.map(function (b) { return { x: b[0], y: b[1], w: b[2], h: b[3], edge: b[4] }; }); },
    fit: fitVisible, clearFilters: clearFilters, svg: function () { return viewSvg(); }
  };
})();
