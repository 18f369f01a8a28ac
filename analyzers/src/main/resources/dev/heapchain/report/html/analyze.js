/* The analyze page: renders the data island with HC's helpers (text nodes only). */
"use strict";
(function () {
  var d = HC.data();
  var r = d.report, v = d.view;
  var el = HC.el, bytes = HC.bytes, count = HC.count;

  function header(table, titles) {
    var tr = el("tr");
    titles.forEach(function (t) {
      tr.appendChild(el("th", /^#|bytes|retained|shallow|snapshots|count|chains|longest|pins|objects|instances/i.test(t)
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

  /* The chart and heaviest-epoch table of one owner group: each group's epochs are a space of their own. */
  function chart() {
    var select = document.getElementById("epoch-group");
    v.groups.forEach(function (g, i) {
      select.appendChild(el("option", {value: String(i)}, g.owner + " (" + count(g.epochSeries.epochs) + " epochs)"));
    });
    var log = document.getElementById("log-scale");
    var readout = document.getElementById("chart-readout");
    var note = document.getElementById("chart-note");
    var t = document.getElementById("heaviest-epochs");
    function draw() {
      var g = v.groups[Number(select.value) || 0];
      var s = g ? g.epochSeries : {epochs: 0, bucketSize: 1, retainedBytes: [], firstEpoch: [], lastEpoch: [], epochCount: [],
        snapshots: [], maxRetainedBytes: []};
      var bars = s.retainedBytes.map(function (b, i) {
        var range = s.firstEpoch[i] === s.lastEpoch[i] ? "epoch " + s.firstEpoch[i]
          : "epochs " + s.firstEpoch[i] + "\u2013" + s.lastEpoch[i] + " (" + count(s.epochCount[i]) + " epochs)";
        return {value: b, label: range + ": " + count(s.snapshots[i]) + " snapshots, " + bytes(b) + " retained" +
          (s.epochCount[i] > 1 ? " (largest epoch " + bytes(s.maxRetainedBytes[i]) + ")" : "")};
      });
      note.textContent = s.epochs === 0 ? "No snapshots found." : s.bucketSize > 1
        ? count(s.epochs) + " epochs in " + count(bars.length) + " bars of " + count(s.bucketSize) +
          " consecutive epochs each (bytes added up); every epoch is in the --json report."
        : count(s.epochs) + " epochs, one bar each.";
      HC.barChart(document.getElementById("chart"), bars, {
        log: log.checked, title: "Retained bytes by epoch" + (g ? ", " + g.owner : ""),
        firstLabel: s.epochs ? "epoch " + s.firstEpoch[0] : "",
        lastLabel: s.epochs ? "epoch " + s.lastEpoch[s.lastEpoch.length - 1] : "",
        onHover: function (i) { readout.textContent = bars[i].label; }
      });
      while (t.firstChild) {
        t.removeChild(t.firstChild);
      }
      header(t, ["epoch", "snapshots", "retained", "retains mostly"]);
      var body = el("tbody");
      (g ? g.heaviestEpochs : []).forEach(function (e) {
        body.appendChild(el("tr", {}, num(e.epoch), num(count(e.count)), num(bytes(e.retainedBytes)),
          el("td", {}, e.mostlyClass === null ? "-" : el("span", {class: "class-name"}, e.mostlyClass),
            e.mostlyClass === null ? null : " (" + bytes(e.mostlyBytes) + ")")));
      });
      t.appendChild(body);
    }
    select.addEventListener("change", draw);
    log.addEventListener("change", draw);
    draw();
  }

  function verdictCell(outcome) {
    return el("td", {class: "verdict " + (outcome === "leak" ? "leak" : outcome === "suspect" ? "suspect" : "ok")},
      outcome === "leak" || outcome === "suspect" ? outcome.toUpperCase() : outcome);
  }

  function watermarkText(c) {
    var w = c.watermark;
    return w === null ? "-" : w.field + " = " + w.value + ": " + count(w.below) + " below, " + count(w.above) + " above";
  }

  /* One row per owner group (chains of one owner kind), expandable to its chains. */
  function groups() {
    document.getElementById("groups-note").textContent = r.groups.length === 0 ? "No snapshot chains."
      : count(r.groups.length) + (r.groups.length === 1 ? " owner group" : " owner groups") +
        ", worst outcome first. Click a row for its chains.";
    var t = document.getElementById("group-table");
    header(t, ["", "owner", "verdict", "chains", "snapshots", "retained"]);
    var body = el("tbody");
    r.groups.forEach(function (g) {
      var inner = el("table", {class: "inner"});
      header(inner, ["chain", "verdict", "snapshots", "epochs", "trim watermark"]);
      var rows = el("tbody");
      g.chains.forEach(function (i) {
        var c = r.chains[i];
        if (!c) {
          return; // beyond the chains the page keeps; all are in the --json report
        }
        rows.appendChild(el("tr", {}, el("td", {class: "class-name"}, c.identity), verdictCell(c.outcome),
          num(count(c.length)), el("td", {}, c.minEpoch + "\u2013" + c.maxEpoch), el("td", {}, watermarkText(c))));
      });
      inner.appendChild(rows);
      HC.expandableRow(body, [el("td", {class: "class-name"}, g.owner), verdictCell(g.outcome), num(count(g.chainCount)),
        num(count(g.snapshots)), num(bytes(g.retainedBytes))], 5, inner, "show chains");
    });
    t.appendChild(body);
  }

  /* Objects, or one class's instances, that retain more than a tenth of the heap, with where it accumulates. */
  function suspects() {
    var note = document.getElementById("suspects-note");
    note.textContent = r.suspects.length === 0
      ? "None: no object or class outside the class loaders retains a tenth of the reachable heap."
      : "Objects, or one class's instances, retaining more than a tenth of the reachable heap; class loaders and their class lists are passed through. Click a row for the path to where the memory accumulates.";
    if (r.suspects.length === 0) {
      return;
    }
    var t = document.getElementById("suspect-table");
    header(t, ["", "suspect", "retained", "share", "held by", "accumulates in"]);
    var body = el("tbody");
    r.suspects.forEach(function (x) {
      var a = x.accumulation;
      var what = x.kind === "class" ? el("span", {}, count(x.instances) + " instances of ", el("span", {class: "class-name"}, x["class"]))
        : el("span", {}, el("span", {class: "class-name"}, x["class"]), " ", el("span", {class: "object-id"}, x.objectId));
      var where = el("span", {}, el("span", {class: "class-name"}, a["class"]), " (" + count(a.children) + " children" +
        (a.childClass === null ? "" : ", " + count(a.childClassCount) + " of them ") ,
        a.childClass === null ? null : el("span", {class: "class-name"}, a.childClass), ")");
      HC.expandableRow(body, [el("td", {}, what), num(bytes(x.retainedBytes)), num((100 * x.share).toFixed(1) + "%"),
        el("td", {}, x.heldBy === null ? "-" : x.heldBy), el("td", {}, where)], 5,
        HC.pathList(x.rootKind, x.rootDetail, x.pathToAccumulation));
    });
    t.appendChild(body);
  }

  function discovered() {
    if (r.discovered.length === 0) {
      return;
    }
    document.getElementById("discovered").hidden = false;
    var t = document.getElementById("discovered-table");
    header(t, ["class", "instances", "longest chain", "link", "epoch", "command"]);
    var body = el("tbody");
    r.discovered.forEach(function (d) {
      body.appendChild(el("tr", {}, el("td", {class: "class-name"}, d["class"]), num(count(d.instances)),
        num(count(d.longestChain)), el("td", {class: "field"}, d.linkField), el("td", {class: "field"}, d.epochField),
        el("td", {}, el("code", {class: "command"}, d.command))));
    });
    t.appendChild(body);
  }

  function owner(c) {
    return el("span", {}, el("span", {class: "class-name"}, c.identity), c.container ? " " : null,
      c.container ? el("span", {class: "object-id"}, c.container.objectId) : null);
  }

  function simple(name) {
    var n = name.indexOf("class ") === 0 ? name.substring(6) : name;
    return n.substring(n.lastIndexOf(".") + 1);
  }

  /* GC root -> ... -> owner -> container -> oldest ... newest snapshot, with the pin where it holds. */
  function drawChain(c) {
    var flow = el("div", {class: "chain-flow", role: "img", "aria-label": "chain " + c.identity});
    function box(role, text, cls) {
      return el("span", {class: "box" + (cls ? " " + cls : "")}, el("span", {class: "role"}, role), text);
    }
    function arrow(text) {
      flow.appendChild(el("span", {class: "arrow"}, text || "\u2192"));
    }
    var steps = c.pathToContainer.length > 0 ? c.pathToContainer : c.pathToOldest;
    var direct = c.pins.filter(function (p) { return p.kind === "direct"; });
    var bookkeeping = c.pins.filter(function (p) { return p.kind === "bookkeeping"; });
    flow.appendChild(box("GC root", (c.rootKind || "?") + (c.rootDetail ? " (" + c.rootDetail + ")" : "")));
    var hidden = Math.max(0, steps.length - (c.pathToContainer.length > 0 ? 2 : 1));
    if (hidden > 0) {
      arrow();
      flow.appendChild(box("path", count(hidden) + (hidden === 1 ? " object" : " objects")));
    }
    if (c.pathToContainer.length > 0) {
      arrow();
      flow.appendChild(box("owner", c.owner.label + (c.owner.detail ? " " + c.owner.detail : ""), bookkeeping.length ? "pinned" : ""));
      // The owner's own field when a rule names it; else the last step of the path to the container.
      arrow("." + (c.owner.field || steps[steps.length - 1].field || "?") + " \u2192");
      flow.appendChild(box("container", simple(c.container["class"])));
      arrow();
    } else {
      arrow();
    }
    flow.appendChild(box("oldest snapshot", "epoch " + c.minEpoch, "snapshot" + (direct.length ? " pinned" : "")));
    arrow("\u2026 " + count(Math.max(0, c.length - 2)) + " more \u2026");
    flow.appendChild(box("newest snapshot", "epoch " + c.maxEpoch, "snapshot"));
    if (c.watermark !== null) {
      flow.appendChild(el("span", {class: "pin"}, "trim watermark " + c.watermark.field + " = " + c.watermark.value + ": " +
        count(c.watermark.below) + " below, " + count(c.watermark.above) + " above"));
    }
    bookkeeping.forEach(function (p) {
      flow.appendChild(el("span", {class: "pin"}, "\u21b3 pins the owner: ", el("span", {class: "box"}, el("span", {class: "role"},
        "live-epoch list"), p.liveEpochs + ", head " + p.headEpoch + ": no handle carries it")));
    });
    direct.forEach(function (p) {
      flow.appendChild(el("span", {class: "pin"}, "\u21b3 pins the oldest snapshot: ", el("span", {class: "box"},
        el("span", {class: "role"}, "holder"), simple(p.holder["class"]) + (p.field ? "." + p.field : ""))));
    });
    return flow;
  }

  function drawing() {
    if (r.chains.length === 0) {
      return;
    }
    document.getElementById("drawing").hidden = false;
    document.getElementById("chain-drawing").appendChild(drawChain(r.chains[0]));
  }

  function chainDetail(c) {
    var box = el("div", {class: "chain-detail"});
    box.appendChild(drawChain(c));
    var rootedIsContainer = c.pathToContainer.length > 0;
    c.reasons.forEach(function (x) {
      box.appendChild(el("p", {}, el("strong", {}, x.outcome.toUpperCase() + " (" + x.kind + "): "), x.text));
    });
    if (c.watermark !== null) {
      box.appendChild(el("p", {}, "Trim watermark " + watermarkText(c) + (c.watermark.written === null ? ""
        : "; newest write " + c.watermark.written) + "."));
    }
    if (rootedIsContainer) {
      box.appendChild(el("h3", {}, "Path to the container"));
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
      : count(v.chains) + (v.chains === 1 ? " chain" : " chains") + ", worst outcome first, then largest retained. Click a row for its evidence and GC-root paths.";
    var t = document.getElementById("chain-table");
    header(t, ["", "#", "chain", "verdict", "snapshots", "epochs", "trim watermark", "retained", "GC root", "pins"]);
    var body = el("tbody");
    r.chains.forEach(function (c, i) {
      HC.expandableRow(body, [num(i + 1), el("td", {}, owner(c)), verdictCell(c.outcome), num(count(c.length)),
        el("td", {}, c.minEpoch + "\u2013" + c.maxEpoch), el("td", {}, watermarkText(c)), num(bytes(c.retainedBytes)),
        el("td", {}, c.rootKind || "-"), num(c.pins.length)], 9, chainDetail(c));
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
    var notes = {
      none: "Redaction: none (--redact none). This report may hold values from the dump (string and primitive-array contents) and names its classes, fields and threads.",
      values: "Redaction: values (the default). String and primitive-array contents from the dump are left out; class, field and thread names are shown. --redact names replaces them.",
      names: "Redaction: names (--redact names). String and array contents are left out, and the program's class, field, method, file and thread names are stable placeholders (class#1a2b3c4d); the platform's (java.*, jdk.*, ...) are kept."
    };
    document.getElementById("values-note").textContent = notes[v.redact] || ("Redaction: " + v.redact + ".");
  }

  sizeModel();
  drawing();
  suspects();
  discovered();
  groups();
  chart();
  chains();
  pins();
  topObjects();
  histogram();
  footer();
})();
