/* sourced: the search page. Loads the index the build wrote (search.json) into the vendored
   MiniSearch and searches as you type; the address keeps the query (?q=), so results can be
   shared and the form still works as a plain GET where this script does not run. */
(function () {
  'use strict';
  var form = document.getElementById('search-form');
  var input = document.getElementById('search-q');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  if (!form || !input || !status || !list || !window.fetch || !window.MiniSearch) return;
  var title = document.title;
  var fallback = status.innerHTML;
  var mini = null, timer = 0;
  // The page's words, from the site's message files (data-messages on the form): texts with
  // {name} filled in here, and the result count's plural forms, chosen by the browser's CLDR
  // plural rules for the page's language.
  var words = JSON.parse(form.getAttribute('data-messages') || '{}');
  var lang = document.documentElement.lang || 'en';
  var plural = window.Intl && Intl.PluralRules ? new Intl.PluralRules(lang) : null;

  function text(key, args) {
    return String(words[key] || '').replace(/\{(\w+)\}/g, function (m, name) {
      return args && name in args ? args[name] : m;
    });
  }
  function count(n) {
    var forms = words.results || {};
    var form = forms['=' + n] || forms[plural ? plural.select(n) : 'other'] || forms.other || '#';
    return form.replace(/#/g, n.toLocaleString(lang));
  }
  function say(text) { status.textContent = text; }

  say(text('loading'));
  input.value = new URLSearchParams(location.search).get('q') || '';
  fetch(form.getAttribute('data-index'), { credentials: 'same-origin' })
    .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
    .then(function (data) {
      var docs = [];
      (data.articles || []).forEach(function (a) {
        docs.push({ kind: 'article', title: a.title, text: a.summary, extra: a.tags, url: a.url });
      });
      (data.facts || []).forEach(function (f) {
        docs.push({ kind: 'fact', title: f.label, text: f.value + ' (' + f.status + ')', url: f.url });
      });
      (data.claims || []).forEach(function (c) {
        docs.push({ kind: 'claim', title: c.claim,
          text: text('claim', { verdict: c.verdict, claimant: c.claimant }), url: c.url });
      });
      docs.forEach(function (d, i) { d.id = i; });
      mini = new window.MiniSearch({
        fields: ['title', 'text', 'extra'],
        storeFields: ['kind', 'title', 'text', 'url'],
        searchOptions: { boost: { title: 3 }, prefix: true, fuzzy: 0.2 }
      });
      mini.addAll(docs);
      run();
    })
    .catch(function () {
      status.innerHTML = fallback;
      status.insertBefore(document.createTextNode(text('failed') + ' '),
        status.firstChild);
    });

  function run() {
    if (!mini) return;
    var q = input.value.trim();
    list.textContent = '';
    document.title = q ? '“' + q + '” · ' + title : title;
    if (!q) { say(text('prompt')); return; }
    var hits = mini.search(q, { combineWith: 'AND' });
    var some = false;
    if (!hits.length) { hits = mini.search(q); some = hits.length > 0; }
    hits.slice(0, 50).forEach(function (h) {
      var li = document.createElement('li');
      li.className = 'search-result search-' + h.kind;
      var kind = document.createElement('span');
      kind.className = 'search-kind';
      kind.textContent = text('kind.' + h.kind) + ': ';
      var a = document.createElement('a');
      a.href = h.url;
      a.textContent = h.title;
      var p = document.createElement('p');
      p.textContent = h.text;
      li.appendChild(kind);
      li.appendChild(a);
      li.appendChild(p);
      list.appendChild(li);
    });
    var n = hits.length;
    say(n === 0 ? text('none', { query: q })
      : text(some ? 'partial' : 'found', { results: count(n), query: q }));
  }

  function keep() {
    var q = input.value.trim();
    history.replaceState(null, '', q ? '?q=' + encodeURIComponent(q) : location.pathname);
  }

  form.addEventListener('submit', function (e) { e.preventDefault(); keep(); run(); });
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { keep(); run(); }, 200);
  });
})();
