/* Shared helpers of heapchain's HTML pages. Data from the dump is untrusted: it only ever becomes
   text (createTextNode / textContent), never markup: no HTML-parsing property or call is used. */
"use strict";
var HC = (function () {
  var SVG = "http://www.w3.org/2000/svg";

  function data() {
    return JSON.parse(document.getElementById("heapchain-data").textContent);
  }

  /* el("td", {class: "num"}, "text", childNode, ...): strings become text nodes. Attribute values
     are our own names (class, scope, aria-*), never a URL or an event handler. */
  function el(tag, attrs) {
    var e = document.createElement(tag);
    setAttrs(e, attrs);
    for (var i = 2; i < arguments.length; i++) {
      append(e, arguments[i]);
    }
    return e;
  }

  function svg(tag, attrs) {
    var e = document.createElementNS(SVG, tag);
    setAttrs(e, attrs);
    return e;
  }

  function setAttrs(e, attrs) {
    for (var k in attrs || {}) {
      if (/^on/i.test(k) || k === "href" || k === "src" || k === "style") {
        throw new Error("refusing attribute " + k);
      }
      e.setAttribute(k, String(attrs[k]));
    }
  }

  function append(parent, child) {
    if (child === null || child === undefined) {
      return;
    }
    parent.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
  }

  /* Same units as the text report (Units.bytes): binary multiples, decimal names. */
  function bytes(n) {
    if (n === null || n === undefined || n < 0) {
      return "-";
    }
    if (n < 1024) {
      return n + " B";
    }
    var units = ["KB", "MB", "GB", "TB", "PB"];
    var v = n, u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return v.toFixed(1) + " " + units[u];
  }

  function count(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  }

  /* A GC-root path, one step per line: the root, then "field -> Class 0xid", numbered by step. */
  function pathList(rootKind, rootDetail, steps) {
    var box = el("div", {class: "path-box"});
    if (!steps || steps.length === 0) {
      box.appendChild(el("p", {class: "root"}, "(not reachable from any GC root)"));
      return box;
    }
    if (rootKind) {
      box.appendChild(el("p", {class: "root"}, "GC root: " + rootKind + (rootDetail ? " (" + rootDetail + ")" : "")));
    }
    var ol = el("ol", {class: "path"});
    var n = 0;
    steps.forEach(function (s) {
      if (s.elidedSteps) {
        ol.appendChild(el("li", {class: "elided"}, "... " + count(s.elidedSteps) + " steps left out ..."));
        n += s.elidedSteps;
        return;
      }
      n++;
      ol.appendChild(el("li", {class: "step", value: n},
        s.field ? el("span", {class: "field"}, "." + s.field) : null, s.field ? " \u2192 " : null,
        el("span", {class: "class-name"}, s["class"]), " ", el("span", {class: "object-id"}, s.objectId)));
    });
    box.appendChild(ol);
    return box;
  }

  /* A row that shows a detail row under it when its button is clicked; title names what unfolds. */
  function expandableRow(tbody, cells, columns, detail, title) {
    var button = el("button", {class: "expand", type: "button", "aria-expanded": "false", title: title || "show paths"}, "\u25b8");
    var row = el("tr", {class: "expandable"}, el("td", {}, button));
    cells.forEach(function (c) { row.appendChild(c); });
    var more = el("tr", {class: "detail"}, el("td", {colspan: columns + 1}, detail));
    more.hidden = true;
    button.addEventListener("click", function () {
      more.hidden = !more.hidden;
      button.setAttribute("aria-expanded", String(!more.hidden));
      button.textContent = more.hidden ? "\u25b8" : "\u25be";
    });
    tbody.appendChild(row);
    tbody.appendChild(more);
  }

  /* Vertical bar chart as inline SVG. bars: [{value, label}] where label is the hover text. */
  function barChart(container, bars, options) {
    var W = 1000, H = 260, left = 64, bottom = 22, top = 8;
    var plotW = W - left - 8, plotH = H - top - bottom;
    var max = 0;
    bars.forEach(function (b) { max = Math.max(max, b.value); });
    var scale = options.log
      ? function (v) { return max <= 0 ? 0 : Math.log10(1 + v) / Math.log10(1 + max); }
      : function (v) { return max <= 0 ? 0 : v / max; };
    var root = svg("svg", {viewBox: "0 0 " + W + " " + H, class: "chart-svg", role: "img",
      "aria-label": options.title});
    var step = plotW / Math.max(1, bars.length);
    bars.forEach(function (b, i) {
      var h = Math.max(b.value > 0 ? 1 : 0, scale(b.value) * plotH);
      var r = svg("rect", {class: "bar", x: (left + i * step).toFixed(2), y: (top + plotH - h).toFixed(2),
        width: Math.max(1, step * 0.85).toFixed(2), height: h.toFixed(2), "data-index": i});
      var tip = svg("title", {});
      tip.textContent = b.label;
      r.appendChild(tip);
      r.addEventListener("mouseenter", function () { options.onHover(i); });
      root.appendChild(r);
    });
    root.appendChild(label(4, top + 10, options.log ? bytes(max) + " (log)" : bytes(max)));
    root.appendChild(label(4, top + plotH, "0"));
    if (bars.length > 0) {
      root.appendChild(label(left, H - 6, options.firstLabel));
      var last = label(W - 8, H - 6, options.lastLabel);
      last.setAttribute("text-anchor", "end");
      root.appendChild(last);
    }
    container.replaceChildren(root);
  }

  /* Lines as inline SVG against a shared x (hours for trend), y in bytes from 0. series: [{cls, values,
     fit: {from, to} or null}]: a fit is a straight dashed line from x = 0 to the last x. Each point is a
     dot whose hover calls options.onHover(seriesIndex, pointIndex). */
  function lineChart(container, x, series, options) {
    var W = 1000, H = 300, left = 70, right = 16, top = 10, bottom = 28;
    var plotW = W - left - right, plotH = H - top - bottom;
    var xMax = 0, yMax = 0;
    x.forEach(function (v) { xMax = Math.max(xMax, v); });
    series.forEach(function (s) {
      s.values.forEach(function (v) { yMax = Math.max(yMax, v); });
      if (s.fit) {
        yMax = Math.max(yMax, s.fit.from, s.fit.to);
      }
    });
    function px(v) { return (left + (xMax > 0 ? v / xMax : 0) * plotW).toFixed(1); }
    /* A fit can fall below 0 between dumps; it is clipped to the plot rather than rescaling the axis. */
    function py(v) { return (top + plotH - (yMax > 0 ? Math.max(0, Math.min(1, v / yMax)) : 0) * plotH).toFixed(1); }
    var root = svg("svg", {viewBox: "0 0 " + W + " " + H, class: "chart-svg line-chart", role: "img", "aria-label": options.title});
    [0, 0.25, 0.5, 0.75, 1].forEach(function (f) {
      var y = py(yMax * f);
      root.appendChild(svg("line", {class: "grid", x1: left, x2: W - right, y1: y, y2: y}));
      var t = label(left - 6, Number(y) + 4, f === 0 ? "0" : bytes(Math.round(yMax * f)));
      t.setAttribute("text-anchor", "end");
      root.appendChild(t);
    });
    /* One x label per dump while they fit; otherwise the first and the last. */
    x.forEach(function (v, i) {
      if (x.length <= 12 || i === 0 || i === x.length - 1) {
        var t = label(px(v), H - 8, options.xLabel(v));
        t.setAttribute("text-anchor", i === 0 && x.length > 1 ? "start" : i === x.length - 1 && x.length > 1 ? "end" : "middle");
        root.appendChild(t);
      }
    });
    series.forEach(function (s, si) {
      if (s.fit && x.length > 1) {
        root.appendChild(svg("line", {class: "fit " + s.cls, x1: px(0), y1: py(s.fit.from), x2: px(xMax), y2: py(s.fit.to)}));
      }
      var points = s.values.map(function (v, i) { return px(x[i]) + "," + py(v); }).join(" ");
      root.appendChild(svg("polyline", {class: "line " + s.cls, points: points}));
      s.values.forEach(function (v, i) {
        var dot = svg("circle", {class: "dot " + s.cls, cx: px(x[i]), cy: py(v), r: 5, "data-series": si, "data-index": i});
        var tip = svg("title", {});
        tip.textContent = bytes(v);
        dot.appendChild(tip);
        dot.addEventListener("mouseenter", function () { options.onHover(si, i); });
        root.appendChild(dot);
      });
    });
    container.replaceChildren(root);
  }

  function label(x, y, text) {
    var t = svg("text", {x: x, y: y});
    t.textContent = text;
    return t;
  }

  /* A table whose header buttons sort and whose filter box narrows rows by the first column. */
  function sortableTable(table, columns, rows, filterInput, note) {
    var order = {key: columns.length - 1, desc: true};
    var thead = el("thead"), tbody = el("tbody");
    var head = el("tr");
    columns.forEach(function (c, i) {
      var b = el("button", {class: "sort", type: "button"}, c.title);
      b.addEventListener("click", function () {
        order = {key: i, desc: order.key === i ? !order.desc : c.numeric};
        draw();
      });
      head.appendChild(el("th", c.numeric ? {class: "num", scope: "col"} : {scope: "col"}, b));
    });
    thead.appendChild(head);
    table.replaceChildren(thead, tbody);
    function draw() {
      var needle = filterInput.value.toLowerCase();
      var shown = rows.filter(function (r) { return String(r[0]).toLowerCase().indexOf(needle) >= 0; });
      shown.sort(function (a, b) {
        var x = a[order.key], y = b[order.key];
        var c = x < y ? -1 : x > y ? 1 : 0;
        return order.desc ? -c : c;
      });
      var body = el("tbody");
      shown.forEach(function (r) {
        var tr = el("tr");
        columns.forEach(function (c, i) {
          tr.appendChild(el("td", {class: c.numeric ? "num" : "class-name"}, c.format ? c.format(r[i]) : r[i]));
        });
        body.appendChild(tr);
      });
      table.replaceChild(body, table.tBodies[0]);
      note.textContent = count(shown.length) + " of " + count(rows.length) + " rows shown";
    }
    filterInput.addEventListener("input", draw);
    draw();
  }

  return {data: data, el: el, svg: svg, bytes: bytes, count: count, pathList: pathList, expandableRow: expandableRow,
    barChart: barChart, lineChart: lineChart, sortableTable: sortableTable};
})();
