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
  // vis's own edges hidden: a selected node need not select its edges in vis too (a hub's thousands)
  if (OWN_EDGES) { raw.options.interaction = raw.options.interaction || {}; raw.options.interaction.selectConnectedEdges = false; }
  var container = $('kg-network');
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, raw.options);
  var ready = false;

  // ------------------------------------------------------------------ a cached base layer (big pages)
  // What does not change with a click (clusters, edges, nodes) is kept as a bitmap of the last
  // full frame: while the view stays, a frame draws that bitmap and then the highlight and the
  // labels over it, instead of stroking every edge and node again (the cost of a click or search
  // at 80,000 papers). While the view moves (an animation, a drag, a wheel zoom) the bitmap is
  // drawn moved and scaled, and the full frame follows when it stops. Filters redraw in full.
  var CACHE = N + raw.edges.length > 3000, renderer = network.renderer;
  var base = null, baseKey = '', baseView = null, baseOk = false, frame = 'full', animating = false;
  function viewKey() { var v = network.body.view, c = network.canvas.frame.canvas; return [v.scale, v.translation.x, v.translation.y, c.width, c.height].join(','); }
  function moving() { return animating || renderer.dragging || renderer.zooming; }
  function invalidate() { baseOk = false; }
  function drawBase(ctx) {
    frame = 'full';
    if (!CACHE || !base || !baseOk) return;
    var key = viewKey();
    if (key === baseKey) frame = 'cached';
    else if (moving() && base.width === network.canvas.frame.canvas.width) frame = 'moved';
    else return;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    if (frame === 'cached') ctx.drawImage(base, 0, 0);
    else {   // only the part of the bitmap that lands on the canvas, scaled: the work of one canvas
      var v = network.body.view, pr = network.canvas.pixelRatio || 1, k = v.scale / baseView.s;
      var ox = (v.translation.x - baseView.x * k) * pr, oy = (v.translation.y - baseView.y * k) * pr;
      var sx0 = Math.max(0, -ox / k), sy0 = Math.max(0, -oy / k);
      var sx1 = Math.min(base.width, (base.width - ox) / k), sy1 = Math.min(base.height, (base.height - oy) / k);
      if (sx1 - sx0 >= 1 && sy1 - sy0 >= 1) ctx.drawImage(base, sx0, sy0, sx1 - sx0, sy1 - sy0, sx0 * k + ox, sy0 * k + oy, (sx1 - sx0) * k, (sy1 - sy0) * k);
    }
    ctx.restore();
  }
  function keepBase() {   // after a full frame, before the highlight and the labels go on it
    if (!CACHE || frame !== 'full') return;
    var c = network.canvas.frame.canvas, v = network.body.view;
    if (!base) base = document.createElement('canvas');
    if (base.width !== c.width || base.height !== c.height) { base.width = c.width; base.height = c.height; }
    var g = base.getContext('2d'); g.setTransform(1, 0, 0, 1, 0, 0); g.clearRect(0, 0, base.width, base.height); g.drawImage(c, 0, 0);
    baseKey = viewKey(); baseView = { s: v.scale, x: v.translation.x, y: v.translation.y }; baseOk = true;
  }
  if (CACHE) {
    var drawEdgesVis = renderer._drawEdges, drawNodesVis = renderer._drawNodes;
    renderer._drawEdges = function (ctx) { if (frame === 'full') drawEdgesVis.call(renderer, ctx); };
    renderer._drawNodes = function (ctx, always) {
      if (frame !== 'full') return { drawExternalLabels: null };
      // the base shows no selection or hover: those are drawn over it
      var bn = network.body.nodes, marked = [];
      for (var k in bn) if (bn[k].selected || bn[k].hover) { marked.push([bn[k], bn[k].selected, bn[k].hover]); bn[k].selected = false; bn[k].hover = false; }
      var r = drawNodesVis.call(renderer, ctx, always);
      marked.forEach(function (m) { m[0].selected = m[1]; m[0].hover = m[2]; });
      return r;
    };
    network.on('animationFinished', function () { animating = false; requestRedraw(); });
    network.on('dragEnd', function () { requestRedraw(); });
  }
  network.on('beforeDrawing', drawBase);
  network.once('afterDrawing', function () {
    ready = true; window.kgReady = true; document.body.setAttribute('data-ready', '1');
  });

  // ------------------------------------------------------------------ labels that never overlap
  // vis draws no labels; after every frame the page draws the labels that fit at the current zoom,
  // most important first (the focus, the highlighted neighbourhood, then by papers behind a node),
  // each at the first free spot around its node, so more appear as you zoom in.
  var LABELS = P.labels, FONT_PX = 12, LINE_H = 15, MAX_LABELS = 250, MAX_LABELS_OVERVIEW = 40, MAX_TRIES = 3000;
  var FACE = (raw.options.nodes && raw.options.nodes.font && raw.options.nodes.font.face) || 'sans-serif';
  var widths = new Float32Array(N).fill(-1), numWidths = new Map(), drawn = [], numbers = [];
  var importance = [];
  for (var q = 0; q < N; q++) importance.push(q);
  function rank(i) { var k = info[i].k; return k === 'Group' ? 2 : k === 'Paper' ? 1 : 0; }
  importance.sort(function (a, b) { return (rank(a) - rank(b)) || ((raw.nodes[b].value || 0) - (raw.nodes[a].value || 0)) || (a - b); });
  var byWeight = raw.edges.map(function (e, k) { return k; }).filter(function (k) { return (raw.edges[k].value || 1) > 0; });
  byWeight.sort(function (a, b) { return (raw.edges[b].value || 0) - (raw.edges[a].value || 0) || a - b; });
  function clusterText(c) { var t = CL[c].l; return t.length <= 40 ? t : t.slice(0, 39) + '…'; }
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
    var cboxes = [];
    if (overview()) {   // the clusters' names first, bold, at the middle of their disc
      ctx.font = 'bold ' + (FONT_PX + 1) + 'px ' + FACE;
      for (var c = 0; c < CL.length; c++) {
        if (!clusterShown[c]) continue;
        var cx = (CL[c].x - vp.x) * scale + W / 2, cy = (CL[c].y - vp.y) * scale + H / 2, cr = CL[c].r * scale;
        var text = clusterText(c), cw = ctx.measureText(text).width + 6;
        var cspots = [[cx - cw / 2, cy - LINE_H / 2], [cx - cw / 2, cy - cr * 0.5 - LINE_H / 2], [cx - cw / 2, cy + cr * 0.5 - LINE_H / 2],
                      [cx - cw / 2, cy - cr - LINE_H - 2], [cx - cw / 2, cy + cr + 2]];
        for (var cs = 0; cs < cspots.length; cs++) {
          var cb = [cspots[cs][0], cspots[cs][1], cw, LINE_H + 2];
          if (!free(cb)) continue;
          occupy(cb); cb.push(c); cboxes.push(cb);
          ctx.fillStyle = 'rgba(255,255,255,0.85)'; ctx.fillRect(cb[0], cb[1], cb[2], cb[3]);
          ctx.fillStyle = 'rgb(' + CLCOLORS[c % CLCOLORS.length].split(',').map(function (v) { return Math.round(v * 0.55); }).join(',') + ')';
          ctx.fillText(text, cb[0] + 3, cb[1] + (LINE_H + 2) / 2);
          break;
        }
      }
      ctx.font = FONT_PX + 'px ' + FACE;
    }
    clusterBoxes = cboxes;
    var tries = 0, done = new Uint8Array(N);
    var cap = cboxes.length ? MAX_LABELS_OVERVIEW : MAX_LABELS;   // the overview: the clusters' names and fewer node labels
    for (var k = 0; k < order.length && boxes.length < cap && tries < MAX_TRIES; k++) {
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
    if (P.weighted && !cboxes.length) {   // the shared papers of the strongest visible pairs, where they fit (not in the overview)
      ctx.font = (FONT_PX - 1) + 'px ' + FACE;
      for (var e = 0, ne = 0; e < byWeight.length && ne < 200 && e < 20000; e++) {
        var ed = raw.edges[byWeight[e]];
        if (edgeHidden[byWeight[e]] || hidden[ed.from] || hidden[ed.to]) continue;
        var A = bodyNodes[ed.from], B = bodyNodes[ed.to];
        var mx = ((A.x + B.x) / 2 - vp.x) * scale + W / 2, my = ((A.y + B.y) / 2 - vp.y) * scale + H / 2;
        if (mx < 0 || mx > W || my < 0 || my > H) continue;
        var t = String(weightOf(byWeight[e])), tw = numWidths.get(t);
        if (tw === undefined) { tw = ctx.measureText(t).width + 4; numWidths.set(t, tw); }
        var nb = [mx - tw / 2, my - 6, tw, 12];
        if (!free(nb)) continue;
        occupy(nb); nb.push(byWeight[e]); nums.push(nb); ne++;
        ctx.fillStyle = 'rgba(255,255,255,0.85)'; ctx.fillRect(nb[0], nb[1], nb[2], nb[3]);
        ctx.fillStyle = '#555'; ctx.fillText(t, nb[0] + 2, my);
      }
    }
    ctx.restore();
    drawn = boxes; numbers = nums;
    document.body.setAttribute('data-labels', String(boxes.length));
    document.body.setAttribute('data-cluster-labels', String(cboxes.length));
  }
  network.on('afterDrawing', function (ctx) {
    var t0 = performance.now();
    keepBase();
    var t1 = performance.now();
    if (frame === 'moved') return;   // labels wait until the view stops
    drawHighlight(ctx);
    var t2 = performance.now();
    drawLabels(ctx);
    timing = { frame: frame, base: t1 - t0, highlight: t2 - t1, labels: performance.now() - t2 };
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
  function closePanel() { panel.hidden = true; unhighlight(); network.unselectAll(); document.body.removeAttribute('data-selected'); selected = null; deselectCluster(); writeHash(); }
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
  var edgeBucket = null, EDGE_BUDGET = 1.2e7, timing = null, edgeOrder = null;
  /** the view rectangle in canvas coordinates, a margin around it */
  function viewRect() {
    var scale = network.getScale(), pad = 20 / Math.max(scale, 1e-6);
    var v0 = network.DOMtoCanvas({ x: 0, y: 0 }), v1 = network.DOMtoCanvas({ x: container.clientWidth, y: container.clientHeight });
    return [v0.x - pad, v0.y - pad, v1.x + pad, v1.y + pad];
  }
  /** the part of the segment A-C inside rect (Liang-Barsky): [t0, t1], or null when none is */
  function clip(ax, ay, cx, cy, rc) {
    if ((ax < rc[0] && cx < rc[0]) || (ax > rc[2] && cx > rc[2]) || (ay < rc[1] && cy < rc[1]) || (ay > rc[3] && cy > rc[3])) return null;
    var dx = cx - ax, dy = cy - ay, t0 = 0, t1 = 1;
    var pp = [-dx, dx, -dy, dy], qq = [ax - rc[0], rc[2] - ax, ay - rc[1], rc[3] - ay];
    for (var s = 0; s < 4; s++) {
      if (pp[s] === 0) { if (qq[s] < 0) return null; continue; }
      var r = qq[s] / pp[s];
      if (pp[s] < 0) { if (r > t1) return null; if (r > t0) t0 = r; }
      else { if (r < t0) return null; if (r < t1) t1 = r; }
    }
    return [t0, t1];
  }
  function drawEdges(ctx) {
    if (!OWN_EDGES || frame !== 'full') return;
    var bn = network.body.nodes, B = 6, scale = network.getScale();
    if (!edgeBucket) {   // widths as vis scales them (1..9 by shared papers), in B steps
      var lo = Infinity, hi = -Infinity;
      raw.edges.forEach(function (e) { var w = e.value || 1; if (w < lo) lo = w; if (w > hi) hi = w; });
      edgeBucket = raw.edges.map(function (e) { return !P.weighted || hi === lo ? 0 : Math.min(B - 1, Math.floor((Math.sqrt((e.value || 1) - lo) / Math.sqrt(hi - lo)) * B)); });
      edgeOrder = raw.edges.map(function (e, k) { return k; });
      edgeOrder.sort(function (a, b) { return (raw.edges[b].value || 1) - (raw.edges[a].value || 1) || a - b; });
    }
    // zoomed in, most edges run far off the canvas: each is cut to the part in view (clip) or left
    // out, so that the canvas never strokes lines thousands of pixels long
    var rc = viewRect();
    // the strongest pairs first; the weaker are left out once the strokes would cover EDGE_BUDGET
    // pixels (zoomed in on a hub, thousands of long wide lines cost seconds to draw)
    var segs = [], spent = 0, left = 0, widths = [];
    for (var b = 0; b < B; b++) { segs.push([]); widths.push(Math.min(P.weighted ? 1 + 8 * b / (B - 1) * 0.6 : 0.8, 4 / Math.max(scale, 1e-6))); }
    for (var q = 0; q < edgeOrder.length; q++) {
      var k = edgeOrder[q], e = raw.edges[k];
      if (edgeHidden[k] || hidden[e.from] || hidden[e.to]) continue;
      var A = bn[e.from], C = bn[e.to], ax = A.x, ay = A.y, dx = C.x - ax, dy = C.y - ay;
      var tt = clip(ax, ay, C.x, C.y, rc); if (!tt) continue;
      var bk = edgeBucket[k], px = (tt[1] - tt[0]) * Math.sqrt(dx * dx + dy * dy) * scale * Math.max(1, widths[bk] * scale);
      if (spent + px > EDGE_BUDGET) { left++; continue; }
      spent += px;
      segs[bk].push(ax + tt[0] * dx, ay + tt[0] * dy, ax + tt[1] * dx, ay + tt[1] * dy);
    }
    ctx.save();
    ctx.strokeStyle = 'rgba(179,188,198,0.8)';
    for (b = 0; b < B; b++) {
      var sg = segs[b]; if (!sg.length) continue;
      ctx.beginPath();
      for (var j = 0; j < sg.length; j += 4) { ctx.moveTo(sg[j], sg[j + 1]); ctx.lineTo(sg[j + 2], sg[j + 3]); }
      ctx.lineWidth = widths[b]; ctx.stroke();
    }
    document.body.setAttribute('data-edges-left-out', String(left));
    ctx.restore();
  }
  // ------------------------------------------------------------------ clusters (communities)
  // A big graph opens on its communities: each a disc with the names of its most used entities;
  // zoomed in past OVERVIEW x the fit the discs fade and the nodes' own labels take over; a click
  // on a cluster's name (or inside its disc at the overview) lists it and zooms to it.
  var CL = P.clusters || [], CLOF = P.cl || [], clusterShown = new Int32Array(CL.length), overviewBelow = 0;
  var CLCOLORS = ['78,121,167', '242,142,43', '89,161,79', '176,122,161', '225,87,89', '118,183,178', '156,117,95', '237,201,72'];
  var clusterBoxes = [], selectedCluster = -1;
  function overview() { return CL.length > 0 && network.getScale() < overviewBelow; }
  function drawClusters(ctx) {
    if (!CL.length || frame !== 'full') return;
    var ov = overview();
    ctx.save();
    for (var c = 0; c < CL.length; c++) {
      if (!clusterShown[c]) continue;
      var d = CL[c], col = CLCOLORS[c % CLCOLORS.length];
      ctx.beginPath(); ctx.arc(d.x, d.y, d.r, 0, 2 * Math.PI);
      ctx.fillStyle = 'rgba(' + col + ',' + (c === selectedCluster ? 0.16 : ov ? 0.10 : 0.04) + ')'; ctx.fill();
      ctx.lineWidth = 1.5 / Math.max(network.getScale(), 0.05);
      ctx.strokeStyle = 'rgba(' + col + ',' + (ov || c === selectedCluster ? 0.55 : 0.2) + ')'; ctx.stroke();
    }
    ctx.restore();
  }
  function clusterNameAt(dom) {   // the cluster whose name is under the pointer
    for (var k = 0; k < clusterBoxes.length; k++) {
      var b = clusterBoxes[k];
      if (dom.x >= b[0] && dom.x <= b[0] + b[2] && dom.y >= b[1] && dom.y <= b[1] + b[3]) return b[4];
    }
    return -1;
  }
  function clusterAt(dom) {   // the cluster whose name is under the pointer, else (overview) whose disc
    var named = clusterNameAt(dom);
    if (named >= 0 || !overview()) return named;
    var pt = network.DOMtoCanvas(dom);
    for (var c = 0; c < CL.length; c++) if (clusterShown[c] && Math.hypot(pt.x - CL[c].x, pt.y - CL[c].y) <= CL[c].r) return c;
    return -1;
  }
  network.on('beforeDrawing', drawClusters);
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
      var rc = viewRect();
      // one stroke per edge: a hub's thousands of lines in one path all cross at the hub, and the
      // canvas fills such a path (its outline unioned) several times slower than the lines one by one
      ctx.save(); ctx.strokeStyle = '#555'; ctx.lineWidth = 1.5 / Math.max(network.getScale(), 0.05);
      keptEdges.forEach(function (e) {
        var ed = raw.edges[e];
        if (edgeHidden[e] || hidden[ed.from] || hidden[ed.to]) return;
        var A = bn[ed.from], C = bn[ed.to], tt = clip(A.x, A.y, C.x, C.y, rc);
        if (!tt) return;
        ctx.beginPath(); ctx.moveTo(A.x + tt[0] * (C.x - A.x), A.y + tt[0] * (C.y - A.y)); ctx.lineTo(A.x + tt[1] * (C.x - A.x), A.y + tt[1] * (C.y - A.y)); ctx.stroke();
      });
      ctx.restore();
    }
    keptEdges.forEach(function (e) {
      if (OWN_EDGES) return;
      var ed = raw.edges[e];
      if (edgeHidden[e] || hidden[ed.from] || hidden[ed.to] || !be[e] || !be[e].connected) return;
      try { be[e].draw(ctx); } catch (err) { /* an edge vis has not laid out yet */ }
    });
    if (!CACHE) { keptNodes.forEach(function (i) { if (!hidden[i] && bn[i]) { try { bn[i].draw(ctx); } catch (err) { /* idem */ } } }); return; }
    // big pages: the neighbourhood's nodes in one path per type (vis draws a node at a time, with
    // its label machinery: a hub's thousand neighbours cost hundreds of ms); the node itself by vis
    var rc2 = viewRect(), byKind = {};
    keptNodes.forEach(function (i) {
      var n = bn[i]; if (hidden[i] || !n || i === highlighted) return;
      if (n.x < rc2[0] || n.x > rc2[2] || n.y < rc2[1] || n.y > rc2[3]) return;
      (byKind[info[i].k] = byKind[info[i].k] || []).push(i);
    });
    ctx.save(); ctx.lineWidth = 1 / Math.max(network.getScale(), 0.05); ctx.strokeStyle = 'rgba(40,40,40,0.6)';
    Object.keys(byKind).forEach(function (k) {
      ctx.beginPath();
      byKind[k].forEach(function (i) { shapePath(ctx, P.shapes[k], bn[i].x, bn[i].y, (bn[i].shape && bn[i].shape.radius) || bn[i].options.size || 8); });
      ctx.fillStyle = P.colors[k] || '#999'; ctx.fill(); ctx.stroke();
    });
    ctx.restore();
    if (bn[highlighted] && !hidden[highlighted]) { try { bn[highlighted].draw(ctx); } catch (err) { /* idem */ } }
  }
  function shapePath(ctx, shape, x, y, r) {
    var pts = null;
    if (shape === 'dot') { ctx.moveTo(x + r, y); ctx.arc(x, y, r, 0, 2 * Math.PI); return; }
    if (shape === 'square') { ctx.rect(x - r, y - r, 2 * r, 2 * r); return; }
    if (shape === 'diamond') pts = [[0, -1], [1, 0], [0, 1], [-1, 0]];
    else if (shape === 'triangle') pts = [[0, -1.1], [0.95, 0.55], [-0.95, 0.55]];
    else if (shape === 'hexagon') pts = [[-0.5, -0.87], [0.5, -0.87], [1, 0], [0.5, 0.87], [-0.5, 0.87], [-1, 0]];
    else if (shape === 'star') { pts = []; for (var k = 0; k < 10; k++) { var a = -Math.PI / 2 + k * Math.PI / 5, q = k % 2 ? 0.45 : 1.1; pts.push([q * Math.cos(a), q * Math.sin(a)]); } }
    else { ctx.moveTo(x + r, y); ctx.arc(x, y, r, 0, 2 * Math.PI); return; }
    ctx.moveTo(x + pts[0][0] * r, y + pts[0][1] * r);
    for (var j = 1; j < pts.length; j++) ctx.lineTo(x + pts[j][0] * r, y + pts[j][1] * r);
    ctx.closePath();
  }
  function select(id, focus) {
    if (selectedCluster >= 0) deselectCluster();
    network.selectNodes([id], !OWN_EDGES);
    highlight(id);
    showPanel(nodeContent(id, true));
    document.body.setAttribute('data-selected', String(id));
    selected = id; writeHash();
    if (focus) animating = true;
    if (focus) network.focus(id, { scale: Math.max(network.getScale(), 1.2), animation: { duration: 300, easingFunction: 'easeInOutQuad' } });
  }
  network.on('click', function (p) {
    hideTip();
    // a cluster's name is drawn over the nodes and edges under it: a click on the name is a click on the cluster
    var named = clusterNameAt(p.pointer.DOM);
    if (named >= 0) { selectCluster(named, true); return; }
    if (p.nodes.length) select(p.nodes[0], false);
    else if (p.edges.length) { unhighlight(); showPanel(edgeContent(p.edges[0], true)); }
    else {
      var c = clusterAt(p.pointer.DOM);
      if (c >= 0) { selectCluster(c, true); return; }
      unhighlight(); panel.hidden = true; document.body.removeAttribute('data-selected'); selected = null; deselectCluster(); writeHash();
    }
  });
  function clusterContent(c) {
    var d = CL[c], box = el('div');
    box.appendChild(el('div', 'kg-t', d.l));
    box.appendChild(el('div', 'kg-k', 'Cluster · ' + plural(d.m, 'node') + ' · ' + plural(d.n, 'paper')));
    box.appendChild(el('div', 'kg-k', 'Most used entities'));
    var ol = el('ol', 'kg-cluster-top');
    d.top.forEach(function (i) {
      var li = el('li'), b = el('button', 'kg-plink', info[i].l); b.type = 'button';
      b.addEventListener('click', function () { if (hidden[i]) { forced[i] = true; applyFilter(); } select(i, true); });
      li.appendChild(b); li.appendChild(el('span', 'kg-n', ' ' + info[i].k + ' · ' + info[i].n));
      ol.appendChild(li);
    });
    box.appendChild(ol);
    return box;
  }
  function deselectCluster() { if (selectedCluster >= 0) { selectedCluster = -1; document.body.removeAttribute('data-cluster'); requestRedraw(); } }
  function selectCluster(c, zoom) {
    unhighlight(); network.unselectAll(); selected = null; document.body.removeAttribute('data-selected');
    selectedCluster = c; document.body.setAttribute('data-cluster', String(c));
    showPanel(clusterContent(c));
    if (zoom) {
      var ids = []; for (var i = 0; i < N; i++) if (CLOF[i] === c && !hidden[i]) ids.push(i);
      animating = !restoring;
      network.fit({ nodes: ids.length ? ids : undefined, maxZoomLevel: MAX_ZOOM, animation: restoring ? false : { duration: 300, easingFunction: 'easeInOutQuad' } });
    }
    requestRedraw(); writeHash();
  }

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

  // months and fields: for the papers that pass, each node's papers and each edge's shared papers
  // are counted again (P.filters: per paper its month, fields and nodes), so sizes of what is
  // left, the pair slider and the numbers on the edges all follow the filter
  var F = P.filters, TF = { from: '', to: '', field: '' }, cnt = null, ew = null, edgeKey = null;
  if (F) {
    $('kg-time').hidden = false;
    F.fields.forEach(function (f) { var o = el('option', null, f); o.value = f; $('kg-field').appendChild(o); });
    F.months.forEach(function (m) { ['kg-from', 'kg-to'].forEach(function (s) { var o = el('option', null, m); o.value = m; $(s).appendChild(o); }); });
    ['from', 'to', 'field'].forEach(function (k) { $('kg-' + k).addEventListener('change', function () { TF[k] = $('kg-' + k).value; filterChanged(); }); });
  }
  function timeActive() { return !!(F && (TF.from || TF.to || TF.field)); }
  function countFiltered() {
    if (!timeActive()) { cnt = null; ew = null; return; }
    var lo = TF.from ? F.months.indexOf(TF.from) : 0, hi = TF.to ? F.months.indexOf(TF.to) : F.months.length - 1;
    if (lo < 0) lo = 0; if (hi < 0) hi = F.months.length - 1;
    var timed = !!(TF.from || TF.to), fi = TF.field ? F.fields.indexOf(TF.field) : -1;
    if (W8 && !edgeKey) { edgeKey = new Map(); raw.edges.forEach(function (e, k) { edgeKey.set(Math.min(e.from, e.to) * N + Math.max(e.from, e.to), k); }); }
    cnt = new Int32Array(N); ew = W8 ? new Float64Array(raw.edges.length) : null;
    var pm = F.pm, pf = F.pf, pn = F.pn;
    for (var k = 0; k < pm.length; k++) {
      if (timed && (pm[k] < lo || pm[k] > hi)) continue;
      if (TF.field && (fi < 0 || pf[k].indexOf(fi) < 0)) continue;
      var ns = pn[k];
      for (var a = 0; a < ns.length; a++) {
        cnt[ns[a]]++;
        if (ew) for (var b = a + 1; b < ns.length; b++) { var e = edgeKey.get(ns[a] * N + ns[b]); if (e !== undefined) ew[e]++; }
      }
    }
  }
  function weightOf(k) { return ew ? ew[k] : (raw.edges[k].value || 1); }
  if (W8) {  // the slider filters pairs: their shared papers
    var maxW = 1; raw.edges.forEach(function (e) { if ((e.value || 1) > maxW) maxW = e.value; });
    range.max = String(Math.min(maxW, 50));
  }
  // big pages: the hidden flags set on vis's nodes themselves and its list of visible nodes
  // rebuilt (a DataSet update merges every node's options again: most of a filter's cost)
  function setHidden(upd) {
    invalidate();
    if (!CACHE) { nodes.update(upd); return; }
    var bn = network.body.nodes;
    upd.forEach(function (u) { bn[u.id].options.hidden = u.hidden; });
    network._updateVisibleIndices();
    requestRedraw();
  }
  function applyFilter() {
    countFiltered();
    var shown = W8 ? applyPairFilter() : applyNodeFilter();
    clusterShown.fill(0);
    for (var i = 0; i < N; i++) if (!hidden[i] && CLOF[i] >= 0) clusterShown[CLOF[i]]++;
    return shown;
  }
  function applyNodeFilter() {
    var vis = new Uint8Array(N), i;
    for (i = 0; i < N; i++) {
      var d = info[i];
      if (isEntity(d)) vis[i] = (on[d.k] && (cnt ? cnt[i] >= Math.max(1, minPapers) : d.n >= minPapers)) || forced[i] || i === P.focus ? 1 : 0;
    }
    for (i = 0; i < N; i++) {
      var d2 = info[i];
      if (isEntity(d2)) continue;
      var ok = ((on[d2.k] && (!cnt || cnt[i] > 0)) || forced[i] || i === P.focus) ? 1 : 0;
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
    if (upd.length) setHidden(upd);
    document.body.setAttribute('data-visible-nodes', String(shown));
    return shown;
  }
  function applyPairFilter() {
    var vis = new Uint8Array(N), i, eu = [], shownE = 0;
    raw.edges.forEach(function (e, k) {
      var ok = weightOf(k) >= Math.max(1, minPapers) && on[info[e.from].k] && on[info[e.to].k];
      if (ok) { vis[e.from] = 1; vis[e.to] = 1; shownE++; }
      var h = ok ? 0 : 1;
      if (edgeHidden[k] !== h) { edgeHidden[k] = h; eu.push({ id: e.id, hidden: !ok }); }
    });
    if (eu.length && !OWN_EDGES) {
      invalidate();
      if (CACHE) { var be = network.body.edges; eu.forEach(function (u) { be[u.id].options.hidden = u.hidden; }); network._updateVisibleIndices(); requestRedraw(); }
      else edges.update(eu);
    }
    if (OWN_EDGES) { invalidate(); requestRedraw(); }
    var upd = [], shown = 0;
    for (i = 0; i < N; i++) {
      if (forced[i] || i === P.focus) vis[i] = 1;
      if (vis[i]) shown++;
      if (hidden[i] !== (vis[i] ? 0 : 1)) { hidden[i] = vis[i] ? 0 : 1; upd.push({ id: i, hidden: !vis[i] }); }
    }
    if (upd.length) setHidden(upd);
    document.body.setAttribute('data-visible-nodes', String(shown));
    document.body.setAttribute('data-visible-edges', String(shownE));
    return shown;
  }
  var MAX_ZOOM = 4, OVERVIEW = 2;
  function fitVisible(animate) {
    var ids = []; for (var i = 0; i < N; i++) if (!hidden[i]) ids.push(i);
    animating = !!animate;
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
    if (F) ['from', 'to', 'field'].forEach(function (k) { TF[k] = ''; $('kg-' + k).value = ''; });
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
    CL.forEach(function (d, c) {
      if (!clusterShown[c]) return;
      var col = CLCOLORS[c % CLCOLORS.length];
      root.appendChild(mk('circle', { cx: X(d.x), cy: Y(d.y), r: (d.r * scale).toFixed(1), fill: 'rgb(' + col + ')', 'fill-opacity': 0.08, stroke: 'rgb(' + col + ')', 'stroke-opacity': 0.5 }));
    });
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
    clusterBoxes.forEach(function (b) { root.appendChild(mk('text', { x: (b[0] + 3).toFixed(1), y: (b[1] + LINE_H / 2 + 5).toFixed(1), fill: '#333', 'font-weight': 'bold' }, clusterText(b[4]))); });
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
    ['field', 'from', 'to'].forEach(function (k) { if (TF[k]) u.set(k, TF[k]); });
    if (selected !== null && selected !== P.focus) u.set('sel', info[selected].l);
    else if (selectedCluster >= 0) u.set('cluster', String(selectedCluster + 1));
    var h = u.toString();
    try { history.replaceState(null, '', h ? '#' + h : location.pathname + location.search); } catch (e) { /* sandboxed */ }
    document.body.setAttribute('data-state', h);
  }
  function readHash() {
    var u = new URLSearchParams(location.hash.replace(/^#/, '')), changed = false;
    restoring = true;
    if (u.has('off')) { u.get('off').split(',').forEach(function (k) { if (k in on) { on[k] = false; changed = true; } });
      types.querySelectorAll('input').forEach(function (cb) { cb.checked = on[cb.value]; }); }
    if (F) ['field', 'from', 'to'].forEach(function (k) {
      var v = u.get(k) || '', sel = $('kg-' + k);
      if (v && Array.prototype.some.call(sel.options, function (o) { return o.value === v; })) { TF[k] = v; sel.value = v; changed = true; }
    });
    if (u.has('min')) { minPapers = Math.max(1, parseInt(u.get('min'), 10) || 1); range.value = String(minPapers); $('kg-min-out').textContent = String(minPapers); changed = true; }
    applyFilter();
    if (changed) fitVisible(false);
    if (u.has('sel')) { var n = norm(u.get('sel')); for (var i = 0; i < N; i++) if (norm(info[i].l) === n) { if (hidden[i]) { forced[i] = true; applyFilter(); } select(i, true); break; } }
    else if (u.has('cluster')) { var c = parseInt(u.get('cluster'), 10) - 1; if (c >= 0 && c < CL.length) selectCluster(c, true); }
    restoring = false;
    writeHash();
  }

  // ------------------------------------------------------------------ notes, start
  var notes = $('kg-notes');
  (P.notes || []).forEach(function (t) { notes.appendChild(el('div', null, t)); });
  applyFilter();
  fitVisible(false);
  overviewBelow = network.getScale() * OVERVIEW;
  if (P.focus !== null && P.focus !== undefined) network.selectNodes([P.focus]);  // nothing faded: the view is its neighbourhood
  if (location.hash.length > 1) readHash();
  // for tests, notebooks and scripts: the network and a small API
  window.kg = {
    network: network, nodes: nodes, edges: edges, find: find, select: select, search: search, applyFilter: applyFilter,
    visibleCount: function () { var n = 0; for (var i = 0; i < N; i++) if (!hidden[i]) n++; return n; },
    setType: function (k, v) { on[k] = !!v; types.querySelectorAll('input').forEach(function (cb) { if (cb.value === k) cb.checked = !!v; }); return applyFilter(); },
    setMin: function (m) { minPapers = m; range.value = String(m); $('kg-min-out').textContent = String(m); return applyFilter(); },
    ready: function () { return ready; },
    labels: function () { return drawn.map(function (b) { return { x: b[0], y: b[1], w: b[2], h: b[3], id: b[4], label: LABELS[b[4]] }; }); },
    numbers: function () { return numbers.map(function (b) { return { x: b[0], y: b[1], w: b[2], h: b[3], edge: b[4] }; }); },
    fit: fitVisible, clearFilters: clearFilters, svg: function () { return viewSvg(); },
    clusters: function () { return clusterBoxes.map(function (b) { return { x: b[0], y: b[1], w: b[2], h: b[3], cluster: b[4], label: CL[b[4]].l }; }); },
    overview: overview, selectCluster: selectCluster, timing: function () { return timing; },
    setFilter: function (k, v) { TF[k] = v || ''; $('kg-' + k).value = TF[k]; filterChanged(); return document.body.getAttribute('data-visible-nodes'); },
    counts: function () { return cnt ? Array.from(cnt) : null; },
    weights: function () { return ew ? Array.from(ew) : null; }
  };
})();
