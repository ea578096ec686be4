/* DOM helpers shared by the kg pages. Text from the data only ever goes in with textContent. */
var kgDom = (function () {
  'use strict';
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function safeUrl(u) { return /^https?:\/\//i.test(u || '') ? u : ''; }
  function link(u, text) {
    var a = el('a', null, text);
    a.href = u; a.target = '_blank'; a.rel = 'noopener noreferrer';
    return a;
  }
  return {
    $: function (id) { return document.getElementById(id); },
    el: el,
    safeUrl: safeUrl,
    link: link,
    plural: function (n, w) { return n + ' ' + w + (n === 1 ? '' : 's'); }
  };
})();
