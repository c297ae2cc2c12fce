/* sourced: the search page. search.json is a table of contents: the first word of each part of
   the sorted word list with the hash its name carries, and the pattern, number and hashes of the
   parts of document rows (wordPart, rowPart: "{n}" is a part's number, "{hash}" the hash its name
   carries; rowHashes holds eight hex digits per row part). A query fetches the part (or, for the
   start of a word, the few parts) its words fall in, ranks the documents that have every word,
   and fetches the rows of the first results only: a reader downloads a few small files, however
   big the site. Words are read as the build reads them (dev.sourced.render.SearchTerms). The
   address keeps the query (?q=), so results can be shared and the form still works as a plain
   GET where this script does not run. */
(function () {
  'use strict';
  var form = document.getElementById('search-form');
  var input = document.getElementById('search-q');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  if (!form || !input || !status || !list || !window.fetch || !window.Promise) return;
  var SHOWN = 20, PREFIX_PARTS = 3;
  var title = document.title;
  var fallback = status.innerHTML;
  var index = null, timer = 0, current = 0;
  var files = {};
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
  function get(url) {
    if (!files[url]) {
      files[url] = fetch(url, { credentials: 'same-origin' })
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); });
      files[url].catch(function () { delete files[url]; });
    }
    return files[url];
  }
  function terms(q) {
    var s = q.normalize ? q.normalize('NFD').replace(/[\u0300-\u036f\u1ab0-\u1aff\u20d0-\u20ff]/g, '') : q;
    var out = [];
    s.toLowerCase().split(/[^\p{L}\p{N}]+/u).forEach(function (t) {
      t = t.slice(0, index.longest);
      if (t.length > 1 && out.indexOf(t) < 0) out.push(t);
    });
    return out;
  }
  // The parts of the word list that hold the word, and the words starting with it.
  function partsFor(t) {
    var w = index.words, lo = 0, hi = w.length - 1, at = 0;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (w[mid][0] <= t) { at = mid; lo = mid + 1; } else hi = mid - 1;
    }
    var out = [wordPart(at)];
    for (var j = at + 1; j < w.length && out.length < PREFIX_PARTS && w[j][0].indexOf(t) === 0; j++)
      out.push(wordPart(j));
    return out;
  }
  function wordPart(i) {
    return index.wordPart.replace('{n}', i).replace('{hash}', index.words[i][1]);
  }
  // Each document with the word (or a word starting with it), scored by where the word is and
  // how rare it is; a word that only starts with the query counts half.
  function scores(t, parts) {
    var found = {};
    parts.forEach(function (part) {
      Object.keys(part).forEach(function (k) {
        if (k.indexOf(t) !== 0) return;
        var list = part[k].split(','), doc = -1;
        var idf = Math.log(1 + index.documents / list.length) * (k === t ? 1 : 0.5);
        list.forEach(function (v) {
          var n = parseInt(v, 36);
          doc += n >> 2;
          var s = (n & 3) * idf;
          if (!(found[doc] >= s)) found[doc] = s;
        });
      });
    });
    return found;
  }

  say(text('loading'));
  input.value = new URLSearchParams(location.search).get('q') || '';
  get(form.getAttribute('data-index'))
    .then(function (data) { index = data; run(); })
    .catch(function () {
      status.innerHTML = fallback;
      status.insertBefore(document.createTextNode(text('failed') + ' '), status.firstChild);
    });

  function run() {
    if (!index) return;
    var q = input.value.trim();
    var mine = ++current;
    document.title = q ? '“' + q + '” · ' + title : title;
    var ts = terms(q);
    if (!ts.length) { list.textContent = ''; say(text('prompt')); return; }
    Promise.all(ts.map(function (t) { return Promise.all(partsFor(t).map(get)); }))
      .then(function (partsPerTerm) {
        var each = ts.map(function (t, i) { return scores(t, partsPerTerm[i]); });
        var all = {}, some = {};
        Object.keys(each[0]).forEach(function (d) { all[d] = 0; });
        each.forEach(function (m) {
          Object.keys(all).forEach(function (d) { if (d in m) all[d] += m[d]; else delete all[d]; });
          Object.keys(m).forEach(function (d) { some[d] = (some[d] || 0) + m[d]; });
        });
        var partial = !Object.keys(all).length && Object.keys(some).length > 0;
        var hits = partial ? some : all;
        var ids = Object.keys(hits).map(Number).sort(function (a, b) {
          return hits[b] - hits[a] || a - b;
        });
        var first = ids.slice(0, SHOWN);
        // Results are shown as their rows arrive, in rank order: the first result does not wait
        // for the rows of the twentieth.
        var loaded = {};
        function partOf(d) {
          var k = Math.floor(d / index.perPart);
          return index.rowPart.replace('{n}', k).replace('{hash}', index.rowHashes.substr(8 * k, 8));
        }
        function update() {
          if (mine !== current) return;
          var rows = [];
          for (var i = 0; i < first.length && loaded[partOf(first[i])]; i++)
            rows.push(loaded[partOf(first[i])][first[i] % index.perPart]);
          show(rows, ids.length, partial, q);
        }
        if (!first.length) update();
        return Promise.all(first.map(partOf).filter(function (u, i, all) {
          return all.indexOf(u) === i;
        }).map(function (u) {
          return get(u).then(function (part) { loaded[u] = part; update(); });
        }));
      })
      .catch(function () { if (mine === current) say(text('failed')); });
  }

  // A row's text is a string, or [text, language] where the page's language has no translation
  // of it yet: that text keeps its own lang, and the page's words say it is not yet translated.
  function put(el, v) {
    if (!Array.isArray(v)) { el.appendChild(document.createTextNode(v == null ? '' : v)); return; }
    var span = document.createElement('span');
    span.className = 'untranslated';
    span.lang = v[1];
    span.textContent = v[0];
    el.appendChild(span);
  }
  function note(el, v) {
    if (!Array.isArray(v)) return;
    var small = document.createElement('small');
    small.className = 'untranslated-note';
    small.textContent = text('untranslated');
    el.appendChild(document.createTextNode(' '));
    el.appendChild(small);
  }
  // A message with {name} filled in by texts that may be untranslated ones.
  function fill(el, key, args) {
    String(words[key] || '').split(/(\{\w+\})/).forEach(function (piece) {
      var name = /^\{(\w+)\}$/.exec(piece);
      if (name && name[1] in args) { put(el, args[name[1]]); note(el, args[name[1]]); }
      else if (piece) el.appendChild(document.createTextNode(piece));
    });
  }

  function show(rows, n, partial, q) {
    list.textContent = '';
    rows.forEach(function (row) {
      var li = document.createElement('li');
      li.className = 'search-result search-' + row[0];
      var kind = document.createElement('span');
      kind.className = 'search-kind';
      kind.textContent = text('kind.' + row[0]) + ': ';
      var a = document.createElement('a');
      a.href = row[3];
      put(a, row[1]);
      var p = document.createElement('p');
      if (row[0] === 'claim') fill(p, 'claim', { verdict: row[4], claimant: row[5] });
      else put(p, row[2]);
      li.appendChild(kind);
      li.appendChild(a);
      note(li, row[1]);
      li.appendChild(p);
      list.appendChild(li);
    });
    var t = n === 0 ? text('none', { query: q })
      : text(partial ? 'partial' : 'found', { results: count(n), query: q });
    if (status.textContent !== t) say(t);
  }

  // While the reader types, the part of the word list each word falls in is fetched, so that
  // pressing Enter waits only for the rows of the results (as Pagefind's preload does).
  function preload() {
    if (index) terms(input.value).forEach(function (t) { get(partsFor(t)[0]); });
  }

  function keep() {
    var q = input.value.trim();
    history.replaceState(null, '', q ? '?q=' + encodeURIComponent(q) : location.pathname);
  }

  form.addEventListener('submit', function (e) { e.preventDefault(); keep(); run(); });
  input.addEventListener('input', function () {
    preload();
    clearTimeout(timer);
    timer = setTimeout(function () { keep(); run(); }, 200);
  });
})();
