/* The analyze page: renders the data island with HC's helpers (text nodes only). */
"use strict";
(function () {
  var d = HC.data();
  var r = d.report, v = d.view;
  var el = HC.el, bytes = HC.bytes, count = HC.count;

  function header(table, titles) {
    var tr = el("tr");
    titles.forEach(function (t) {
      tr.appendChild(el("th", /^#|bytes|retained|shallow|snapshots|count|missing|pins|objects|instances/i.test(t)
        ? {class: "num", scope: "col"} : {scope: "col"}, t));
    });
    table.appendChild(el("thead", {}, tr));
  }

  function num(text) {
    return el("td", {class: "num"}, text);
  }

  function sizeModel() {
    var m = r.sizeModel;
    document.getElementById("size-model").appendChild(el("p", {class: "note"},
      "Size model " + m.id + ": references " + m.referenceBytes + " B, object header " + m.headerBytes +
      " B, alignment " + m.alignmentBytes + " B, field layout " + m.fieldLayout + ". Basis: " + m.basis));
  }

  function chart() {
    var s = v.epochSeries;
    var bars = s.retainedBytes.map(function (b, i) {
      var range = s.firstEpoch[i] === s.lastEpoch[i] ? "epoch " + s.firstEpoch[i]
        : "epochs " + s.firstEpoch[i] + "\u2013" + s.lastEpoch[i] + " (" + count(s.epochCount[i]) + " epochs)";
      return {value: b, label: range + ": " + count(s.snapshots[i]) + " snapshots, " + bytes(b) + " retained" +
        (s.epochCount[i] > 1 ? " (largest epoch " + bytes(s.maxRetainedBytes[i]) + ")" : "")};
    });
    var note = document.getElementById("chart-note");
    note.textContent = s.epochs === 0 ? "No snapshots found." : s.bucketSize > 1
      ? count(s.epochs) + " epochs in " + count(bars.length) + " bars of " + count(s.bucketSize) +
        " consecutive epochs each (bytes added up); every epoch is in the --json report."
      : count(s.epochs) + " epochs, one bar each.";
    var readout = document.getElementById("chart-readout");
    var log = document.getElementById("log-scale");
    function draw() {
      HC.barChart(document.getElementById("chart"), bars, {
        log: log.checked, title: "Retained bytes by epoch",
        firstLabel: s.epochs ? "epoch " + s.firstEpoch[0] : "",
        lastLabel: s.epochs ? "epoch " + s.lastEpoch[s.lastEpoch.length - 1] : "",
        onHover: function (i) { readout.textContent = bars[i].label; }
      });
    }
    log.addEventListener("change", draw);
    draw();
    var t = document.getElementById("heaviest-epochs");
    header(t, ["epoch", "snapshots", "retained", "retains mostly"]);
    var body = el("tbody");
    v.heaviestEpochs.forEach(function (e) {
      body.appendChild(el("tr", {}, num(e.epoch), num(count(e.count)), num(bytes(e.retainedBytes)),
        el("td", {}, e.mostlyClass === null ? "-" : el("span", {class: "class-name"}, e.mostlyClass),
          e.mostlyClass === null ? null : " (" + bytes(e.mostlyBytes) + ")")));
    });
    t.appendChild(body);
  }

  function owner(c) {
    return c.container ? el("span", {}, el("span", {class: "class-name"}, c.container["class"]), " ",
      el("span", {class: "object-id"}, c.container.objectId)) : "no owner found";
  }

  function chainDetail(c) {
    var box = el("div", {class: "chain-detail"});
    var rootedIsContainer = c.pathToContainer.length > 0;
    if (rootedIsContainer) {
      box.appendChild(el("h3", {}, "Path to the owner"));
      box.appendChild(HC.pathList(c.rootKind, c.rootDetail, c.pathToContainer));
    }
    box.appendChild(el("h3", {}, "Path to the oldest snapshot ", el("span", {class: "class-name"}, c.oldest["class"]),
      " ", el("span", {class: "object-id"}, c.oldest.objectId)));
    box.appendChild(HC.pathList(rootedIsContainer ? null : c.rootKind, c.rootDetail, c.pathToOldest));
    c.pins.forEach(function (p) {
      box.appendChild(el("h3", {}, "Pin (" + p.kind + "): path to ", el("span", {class: "class-name"}, p.holder["class"]),
        " ", el("span", {class: "object-id"}, p.holder.objectId)));
      box.appendChild(el("p", {}, p.explanation));
      box.appendChild(HC.pathList(p.rootKind, null, p.pathToHolder));
    });
    return box;
  }

  function chains() {
    document.getElementById("chains-note").textContent = v.chainsShown < v.chains
      ? "The " + count(v.chainsShown) + " largest of " + count(v.chains) + " chains; all are in the --json report."
      : count(v.chains) + (v.chains === 1 ? " chain" : " chains") + ", largest retained first. Click a row for its GC-root paths.";
    var t = document.getElementById("chain-table");
    header(t, ["", "#", "owner", "snapshots", "epochs", "missing", "retained", "GC root", "pins"]);
    var body = el("tbody");
    r.chains.forEach(function (c, i) {
      HC.expandableRow(body, [num(i + 1), el("td", {}, owner(c)), num(count(c.length)),
        el("td", {}, c.minEpoch + "\u2013" + c.maxEpoch), num(count(c.missingEpochs)), num(bytes(c.retainedBytes)),
        el("td", {}, c.rootKind || "-"), num(c.pins.length)], 8, chainDetail(c));
    });
    t.appendChild(body);
  }

  function pins() {
    var list = document.getElementById("pin-list");
    r.chains.forEach(function (c, i) {
      c.pins.forEach(function (p) {
        list.appendChild(el("li", {}, el("strong", {}, "Chain " + (i + 1) + " (" + p.kind + "): "), p.explanation,
          " Held by ", el("span", {class: "class-name"}, p.holder["class"]),
          p.field ? el("span", {class: "field"}, "." + p.field) : null, "."));
      });
    });
    if (!list.firstChild) {
      list.appendChild(el("li", {}, "Nothing pins a chain: no outside reference to an oldest snapshot, and no stuck live-epoch list."));
    }
  }

  function topObjects() {
    var t = document.getElementById("top-table");
    header(t, ["", "#", "class", "object", "retained", "shallow"]);
    var body = el("tbody");
    v.topObjects.forEach(function (o, i) {
      HC.expandableRow(body, [num(i + 1), el("td", {class: "class-name"}, o["class"]), el("td", {class: "object-id"}, o.objectId),
        num(bytes(o.retainedBytes)), num(bytes(o.shallowBytes))], 5,
        HC.pathList(o.path.rootKind, o.path.rootDetail, o.path.steps));
    });
    t.appendChild(body);
  }

  function histogram() {
    var h = v.histogram;
    var rows = h.className.map(function (n, i) { return [n, h.instances[i], h.shallowBytes[i]]; });
    var note = document.getElementById("histogram-note");
    HC.sortableTable(document.getElementById("histogram-table"),
      [{title: "class"}, {title: "instances", numeric: true, format: count}, {title: "shallow bytes", numeric: true, format: bytes}],
      rows, document.getElementById("histogram-filter"), note);
    if (rows.length < h.classes) {
      document.getElementById("histogram-limit").textContent =
        "(the " + count(rows.length) + " largest of " + count(h.classes) + " classes)";
    }
  }

  function footer() {
    document.getElementById("values-note").textContent = v.valuesIncluded
      ? "This report may hold values from the dump (string contents, thread names): it was made with --include-values."
      : "Values from the dump (string contents, primitive-array contents, thread names) are left out; analyze --include-values puts them in.";
  }

  sizeModel();
  chart();
  chains();
  pins();
  topObjects();
  histogram();
  footer();
})();
