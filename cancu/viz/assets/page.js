/* cancu viz page: builds the network from the JSON blob, the hover tips, the
 * side panel and the filters. Every document string reaches the page through
 * textContent, never parsed as markup, so no label or tooltip can become markup. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("cancu-data").textContent);
  var meta = {};
  data.meta.forEach(function (m) { meta[m.id] = m; });

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }
  function fold(s) {
    return String(s || "").normalize("NFC").replace(/\u0110/g, "D").replace(/\u0111/g, "d")
      .normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function tip(m) {
    var box = el("div", null, "tip");
    box.appendChild(el("b", m.label));
    m.tip.forEach(function (line) { box.appendChild(el("div", line)); });
    return box;
  }

  data.nodes.forEach(function (n) { n.title = tip(meta[n.id]); });
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("graph");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  window.cancuNetwork = network; /* for the console and the browser tests */
  network.once("afterDrawing", function () { document.body.setAttribute("data-drawn", "yes"); });
  network.fit();

  var body = document.getElementById("panel-body");
  function show(id) {
    var m = meta[id];
    body.textContent = "";
    if (!m) { return; }
    document.getElementById("panel-hint").hidden = true;
    body.appendChild(el("h2", m.label));
    var dl = el("dl");
    m.facts.forEach(function (kv) { dl.appendChild(el("dt", kv[0])); dl.appendChild(el("dd", kv[1])); });
    body.appendChild(dl);
    if (m.evidence.length) {
      body.appendChild(el("h2", "Evidence"));
      m.evidence.forEach(function (ev) {
        body.appendChild(el("div", ev.where, "where"));
        if (ev.quote) { body.appendChild(el("blockquote", ev.quote, "quote")); }
      });
    }
  }
  network.on("click", function (p) { if (p.nodes.length) { show(p.nodes[0]); } });

  var controls = {
    jurisdiction: document.getElementById("f-jurisdiction"),
    level: document.getElementById("f-level"),
    area: document.getElementById("f-area"),
    flag: document.getElementById("f-flag")
  };
  var search = document.getElementById("f-search");
  var count = document.getElementById("f-count");
  function apply() {
    var q = fold(search.value.trim());
    var hidden = {};
    var shown = 0;
    data.meta.forEach(function (m) {
      var ok = Object.keys(controls).every(function (k) {
        var v = controls[k].value.normalize("NFC");
        return !v || m[k] === v;
      }) && (!q || m.search.indexOf(q) !== -1);
      hidden[m.id] = !ok;
      if (ok) { shown += 1; }
    });
    nodes.update(data.meta.map(function (m) { return { id: m.id, hidden: hidden[m.id] }; }));
    edges.update(data.edges.map(function (e) { return { id: e.id, hidden: hidden[e.from] || hidden[e.to] }; }));
    count.textContent = shown + " / " + data.meta.length;
  }
  Object.keys(controls).forEach(function (k) { controls[k].addEventListener("change", apply); });
  search.addEventListener("input", apply);
  document.getElementById("f-reset").addEventListener("click", function () {
    Object.keys(controls).forEach(function (k) { controls[k].value = ""; });
    search.value = "";
    apply();
  });
  count.textContent = data.meta.length + " / " + data.meta.length;
}());
