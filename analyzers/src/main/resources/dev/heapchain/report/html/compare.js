/* The compare page: renders the heapchain.compare/1 document from the data island with HC's helpers
   (text nodes only). Deltas are current minus baseline; growth is marked as worse. */
"use strict";
(function () {
  var d = HC.data();
  var r = d.report, v = d.view;
  var el = HC.el, bytes = HC.bytes, count = HC.count;

  function header(table, titles) {
    var tr = el("tr");
    titles.forEach(function (t) {
      tr.appendChild(el("th", t.num ? {class: "num", scope: "col"} : {scope: "col"}, t.title || t));
    });
    table.appendChild(el("thead", {}, tr));
  }

  function num(text) {
    return el("td", {class: "num"}, text);
  }

  /* A delta cell: "+1,234" or "-5.0 MB", coloured by direction (more is worse in a leak report). */
  function delta(n, format) {
    var text = n === 0 ? "0" : (n > 0 ? "+" : "-") + format(Math.abs(n));
    return el("td", {class: "num delta " + (n > 0 ? "up" : n < 0 ? "down" : "same")}, text);
  }

  function sideOf(c) {
    return c === null ? {snapshots: "-", epochs: "-", retained: "-"}
      : {snapshots: count(c.snapshots), epochs: c.minEpoch + "\u2013" + c.maxEpoch, retained: bytes(c.retainedBytes)};
  }

  /* Two bars on one scale: the baseline's retained bytes over the current's. */
  function bars(c) {
    var W = 160, H = 18, max = v.maxChainRetainedBytes;
    var root = HC.svg("svg", {viewBox: "0 0 " + W + " " + H, class: "pair-bars", role: "img",
      "aria-label": "retained: baseline above, current below"});
    [[c.baseline, "baseline"], [c.current, "current"]].forEach(function (side, i) {
      var b = side[0] === null ? 0 : side[0].retainedBytes;
      var w = max > 0 ? Math.max(b > 0 ? 1 : 0, W * b / max) : 0;
      root.appendChild(HC.svg("rect", {class: "bar " + side[1], x: 0, y: i * 9 + 1, width: w.toFixed(1), height: 7}));
    });
    return el("td", {}, root);
  }

  function chains() {
    var t = document.getElementById("chain-table");
    document.getElementById("chains-note").textContent = r.chains.length === 0 ? "No chain on either side."
      : count(r.chains.length) + (r.chains.length === 1 ? " chain" : " chains") +
        ", matched by owner class and path from the GC root; matched first, then new, then vanished." +
        " Bars: retained bytes, baseline (grey) over current (red), on one scale.";
    header(t, ["status", "chain", {title: "snapshots before", num: true}, {title: "after", num: true},
      {title: "\u0394 snapshots", num: true}, "epochs before", "after", {title: "retained before", num: true},
      {title: "after", num: true}, {title: "\u0394 retained", num: true}, "retained"]);
    var body = el("tbody");
    r.chains.forEach(function (c) {
      var b = sideOf(c.baseline), a = sideOf(c.current);
      body.appendChild(el("tr", {class: "chain " + c.status}, el("td", {class: "status"},
          c.status + (c.change === "same" ? "" : ", " + c.change + " (" + c.outcome.toUpperCase() + ")")),
        el("td", {class: "class-name key"}, c.key), num(b.snapshots), num(a.snapshots), delta(c.snapshotsDelta, count),
        el("td", {class: "nowrap"}, b.epochs), el("td", {class: "nowrap"}, a.epochs), num(b.retained), num(a.retained),
        delta(c.retainedBytesDelta, bytes), bars(c)));
    });
    t.appendChild(body);
  }

  function epochs() {
    var t = document.getElementById("epoch-table");
    header(t, ["epochs", "range", {title: "count", num: true}, {title: "snapshots before", num: true},
      {title: "retained before", num: true}, {title: "snapshots after", num: true}, {title: "retained after", num: true}]);
    var body = el("tbody");
    r.epochRanges.forEach(function (e) {
      body.appendChild(el("tr", {}, el("td", {}, e.name),
        el("td", {class: "nowrap"}, e.fromEpoch === null ? "none" : e.fromEpoch + "\u2013" + e.toEpoch), num(count(e.epochs)),
        num(count(e.baseline.snapshots)), num(bytes(e.baseline.retainedBytes)),
        num(count(e.current.snapshots)), num(bytes(e.current.retainedBytes))));
    });
    t.appendChild(body);
  }

  function pins(id, list, none) {
    var ul = document.getElementById(id);
    list.forEach(function (p) {
      ul.appendChild(el("li", {}, p.kind + " pin by ", el("span", {class: "class-name"}, p.holderClass),
        p.field === null ? null : el("span", {class: "field"}, "." + p.field)));
    });
    if (list.length === 0) {
      ul.appendChild(el("li", {class: "note"}, none));
    }
  }

  function classes() {
    var note = document.getElementById("classes-note");
    if (r.classes === null) {
      note.textContent = "Not compared: a report without a class histogram (analyze it again to add one).";
      return;
    }
    note.textContent = "The " + count(r.classes.length) + " classes whose retained bytes grew most; a class outside" +
      " one report's top 200 counts as 0 there.";
    var t = document.getElementById("class-table");
    header(t, ["class", {title: "\u0394 instances", num: true}, {title: "\u0394 shallow", num: true},
      {title: "\u0394 retained", num: true}, {title: "retained before", num: true}, {title: "after", num: true}]);
    var body = el("tbody");
    r.classes.forEach(function (c) {
      body.appendChild(el("tr", {}, el("td", {class: "class-name"}, c["class"]), delta(c.instancesDelta, count),
        delta(c.shallowBytesDelta, bytes), delta(c.retainedBytesDelta, bytes), num(bytes(c.baseline.retainedBytes)),
        num(bytes(c.current.retainedBytes))));
    });
    t.appendChild(body);
  }

  chains();
  epochs();
  pins("new-pins", r.pins["new"], "No new pin.");
  pins("vanished-pins", r.pins.vanished, "No pin vanished.");
  classes();
})();
