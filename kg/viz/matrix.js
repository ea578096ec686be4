/* kg matrix page: counts of papers per (row entity, column entity); the papers on hover and click. */
(function () {
  'use strict';
  var P = JSON.parse(document.getElementById('kg-data').textContent);
  var papers = P.papers;
  var $ = kgDom.$, el = kgDom.el, link = kgDom.link, safeUrl = kgDom.safeUrl, plural = kgDom.plural;
  var COLORS = { Dataset: [78, 121, 167], Method: [89, 161, 79], Task: [242, 142, 43], Metric: [176, 122, 161] };

  function cellContent(sec, c, full) {
    var box = el('div');
    box.appendChild(el('div', 'kg-t', sec.rows[c[0]][0] + ' × ' + sec.cols[c[1]][0]));
    box.appendChild(el('div', 'kg-k', plural(c[2].length, 'paper')));
    var ol = el('ol');
    (full ? c[2] : c[2].slice(0, 6)).forEach(function (pi) {
      var p = papers[pi], li = el('li'), u = safeUrl(p.u);
      li.appendChild(el('div', 'kg-t', p.t));
      var meta = el('div', 'kg-k');
      var txt = (/arxiv\.org/.test(u) ? 'arXiv:' : '') + p.id;
      if (full && u) { meta.appendChild(link(u, txt)); }
      else meta.textContent = txt;
      li.appendChild(meta);
      ol.appendChild(li);
    });
    box.appendChild(ol);
    if (!full && c[2].length > 6) box.appendChild(el('div', 'kg-k', '… ' + (c[2].length - 6) + ' more (click)'));
    return box;
  }

  var tip = $('kg-tip'), panel = $('kg-panel'), active = null, nCells = 0;
  $('kg-close').addEventListener('click', function () { panel.hidden = true; if (active) active.classList.remove('kg-on'); });
  P.sections.forEach(function (sec, si) {
    var root = $('kg-sections');
    root.appendChild(el('h2', null, sec.title));
    var note = plural(sec.nr, sec.rt.toLowerCase()) + ' × ' + plural(sec.nc, sec.ct.toLowerCase()) + ' that share papers';
    if (sec.nr > sec.rows.length || sec.nc > sec.cols.length) note += '; showing the ' + sec.rows.length + ' × ' + sec.cols.length + ' with most shared papers';
    root.appendChild(el('div', 'kg-sub', note));
    if (!sec.cells.length) { root.appendChild(el('p', 'kg-k', 'No paper links both.')); return; }
    var max = 1; sec.cells.forEach(function (c) { if (c[2].length > max) max = c[2].length; });
    var table = el('table', 'kg-m'); table.setAttribute('data-section', String(si));
    var thead = el('thead'), hr = el('tr');
    hr.appendChild(el('th'));
    sec.cols.forEach(function (c) { var th = el('th'); th.appendChild(el('div', null, c[0])); th.title = c[0] + ' (' + plural(c[1], 'paper') + ')'; hr.appendChild(th); });
    thead.appendChild(hr); table.appendChild(thead);
    var grid = sec.rows.map(function () { return new Array(sec.cols.length); });
    sec.cells.forEach(function (c) { grid[c[0]][c[1]] = c; });
    var tbody = el('tbody'), rgb = COLORS[sec.ct] || [80, 80, 80];
    sec.rows.forEach(function (r, ri) {
      var tr = el('tr'), th = el('th', null, r[0]);
      th.title = r[0] + ' (' + plural(r[1], 'paper') + ')';
      tr.appendChild(th);
      for (var ci = 0; ci < sec.cols.length; ci++) {
        var c = grid[ri][ci], td = el('td');
        if (c) {
          var n = c[2].length, a = 0.15 + 0.85 * Math.sqrt(n / max);
          td.textContent = String(n);
          td.className = 'kg-c';
          td.style.background = 'rgba(' + rgb.join(',') + ',' + a.toFixed(3) + ')';
          if (a > 0.55) td.style.color = '#fff';
          td.setAttribute('data-count', String(n));
          (function (c, td) {
            td.addEventListener('mouseenter', function (ev) {
              tip.replaceChildren(cellContent(sec, c, false)); tip.hidden = false;
              var x = ev.clientX + 14, y = ev.clientY + 14;
              if (x + tip.offsetWidth > window.innerWidth) x = Math.max(0, ev.clientX - tip.offsetWidth - 14);
              if (y + tip.offsetHeight > window.innerHeight) y = Math.max(0, window.innerHeight - tip.offsetHeight - 4);
              tip.style.left = x + 'px'; tip.style.top = y + 'px';
            });
            td.addEventListener('mouseleave', function () { tip.hidden = true; });
            td.addEventListener('click', function () {
              if (active) active.classList.remove('kg-on');
              active = td; td.classList.add('kg-on'); tip.hidden = true;
              $('kg-details').replaceChildren(cellContent(sec, c, true)); panel.hidden = false;
            });
          })(c, td);
          nCells++;
        }
        tr.appendChild(td);
      }
      tbody.appendChild(tr);
    });
    table.appendChild(tbody);
    var scroll = el('div', 'kg-scroll'); scroll.appendChild(table); root.appendChild(scroll);
  });
  document.body.setAttribute('data-cells', String(nCells));
  window.kg = { cells: nCells };
  window.kgReady = true;
  document.body.setAttribute('data-ready', '1');
})();
