/* The trend page: renders the heapchain.trend/1 document from the data island with HC's helpers
   (text nodes only): a line chart of bytes against hours, then one row per dump. */
"use strict";
(function () {
  var d = HC.data();
  var r = d.report;
  var el = HC.el, bytes = HC.bytes, count = HC.count;
  var HOUR = 3600000;
  var t0 = r.dumps.length ? r.dumps[0].capturedAtEpochMillis : 0;
  var hours = r.dumps.map(function (p) { return (p.capturedAtEpochMillis - t0) / HOUR; });

  function utc(ms) {
    return new Date(ms).toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC");
  }

  function hoursText(h) {
    return h < 2 ? (h * 60).toFixed(1) + " min" : h.toFixed(1) + " h";
  }

  function snapshots(p) {
    return p.chains.reduce(function (s, c) { return s + c.snapshots; }, 0);
  }

  function series(name, cls, key, fit) {
    return {name: name, cls: cls, values: r.dumps.map(function (p) { return p[key]; }),
      fit: {from: fit.startBytes, to: fit.startBytes + fit.bytesPerHour * r.spanHours},
      labels: r.dumps.map(function (p, i) {
        return name + ": " + bytes(p[key]) + " at +" + hoursText(hours[i]) + " (" + utc(p.capturedAtEpochMillis) + ", " + p.source + ")";
      })};
  }

  function chart() {
    var lines = [series("snapshot chains retained", "chains", "chainRetainedBytes", r.growth.chainRetainedBytes),
      series("live heap", "heap", "liveHeapBytes", r.growth.liveHeapBytes)];
    var legend = document.getElementById("legend");
    lines.forEach(function (s) {
      legend.appendChild(el("span", {class: "key " + s.cls}, "\u25cf " + s.name));
    });
    legend.appendChild(el("span", {class: "key fit"}, "- - least-squares fit"));
    var readout = document.getElementById("chart-readout");
    HC.lineChart(document.getElementById("chart"), hours, lines, {
      title: "Snapshot chains' retained bytes and live heap over time",
      xLabel: function (h) { return "+" + hoursText(h); },
      onHover: function (s, i) { readout.textContent = lines[s].labels[i]; }
    });
  }

  function chainList(p) {
    var t = el("table", {class: "inner"});
    t.appendChild(el("thead", {}, el("tr", {}, el("th", {class: "num", scope: "col"}, "snapshots"), el("th", {scope: "col"}, "chain"))));
    var body = el("tbody");
    p.chains.forEach(function (c) {
      body.appendChild(el("tr", {}, el("td", {class: "num"}, count(c.snapshots)), el("td", {class: "class-name"}, c.key)));
    });
    if (p.chains.length === 0) {
      body.appendChild(el("tr", {}, el("td", {colspan: 2}, "no chain in this dump")));
    }
    t.appendChild(body);
    return t;
  }

  function dumps() {
    var t = document.getElementById("dump-table");
    var head = el("tr", {}, el("th", {scope: "col"}, ""));
    [["#", true], ["captured", false], ["after", true], ["verdict", false], ["snapshots", true], ["epochs", false],
      ["chains retained", true], ["live heap", true], ["dump", false]].forEach(function (c) {
      head.appendChild(el("th", c[1] ? {class: "num", scope: "col"} : {scope: "col"}, c[0]));
    });
    t.appendChild(el("thead", {}, head));
    var body = el("tbody");
    r.dumps.forEach(function (p, i) {
      HC.expandableRow(body, [el("td", {class: "num"}, i + 1), el("td", {class: "nowrap"}, utc(p.capturedAtEpochMillis)),
        el("td", {class: "num"}, "+" + hoursText(hours[i])),
        el("td", {class: "verdict " + (p.outcome === "leak" ? "leak" : p.outcome === "suspect" ? "suspect" : "ok")},
          p.outcome === "leak" || p.outcome === "suspect" ? p.outcome.toUpperCase() : p.outcome),
        el("td", {class: "num"}, count(snapshots(p))),
        el("td", {class: "nowrap"}, p.oldestEpoch === null ? "-" : p.oldestEpoch + "\u2013" + p.newestEpoch),
        el("td", {class: "num"}, bytes(p.chainRetainedBytes)), el("td", {class: "num"}, bytes(p.liveHeapBytes)),
        el("td", {class: "class-name"}, p.source)], 9, chainList(p), "show chains");
    });
    t.appendChild(body);
  }

  chart();
  dumps();
})();
