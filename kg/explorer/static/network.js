// The network view: entities linked by the facts they share (Cytoscape.js).
// Every label is drawn on the canvas or set with textContent: nothing from the news is
// parsed as HTML.
(function () {
  "use strict";
  var box = document.getElementById("network");
  var status = document.getElementById("network-status");
  var more = document.getElementById("network-more");
  var COLORS = {Person: "#1f77b4", Organization: "#ff7f0e", GovernmentBody: "#2ca02c",
    ArmedForce: "#d62728", MediaOrganization: "#9467bd", Group: "#8c564b",
    Country: "#e377c2", City: "#17becf", Region: "#bcbd22", Place: "#7f7f7f"};
  fetch(box.dataset.src, {headers: {Accept: "application/json"}})
    .then(function (r) { return r.json().then(function (d) { return {ok: r.ok, data: d}; }); })
    .then(function (res) {
      var data = res.data;
      if (!res.ok) { status.textContent = data.error || "The network could not be drawn."; return; }
      var elements = [];
      data.nodes.forEach(function (n) {
        elements.push({group: "nodes", data: {id: n.id, label: n.label, cls: n["class"],
          href: n.href, size: 14 + Math.min(40, Math.sqrt(n.mentions) * 3),
          color: COLORS[n["class"]] || "#555"}});
      });
      data.edges.forEach(function (e, i) {
        elements.push({group: "edges", data: {id: "e" + i, source: e.source, target: e.target,
          weight: e.weight, width: 1 + Math.min(8, Math.log2(1 + e.weight) * 1.5)}});
      });
      var cy = cytoscape({
        container: box, elements: elements, wheelSensitivity: 0.3,
        style: [
          {selector: "node", style: {"label": "data(label)", "width": "data(size)",
            "height": "data(size)", "background-color": "data(color)", "font-size": 10,
            "text-valign": "bottom", "text-margin-y": 3, "color": "#222"}},
          {selector: "edge", style: {"width": "data(width)", "line-color": "#bbb",
            "curve-style": "haystack", "opacity": 0.8}},
          {selector: "node:selected", style: {"border-width": 3, "border-color": "#000"}}
        ],
        layout: {name: data.nodes.length > 300 ? "grid" : "cose", animate: false,
          randomize: false, nodeRepulsion: 8000, idealEdgeLength: 80}
      });
      cy.on("tap", "node", function (evt) { window.location.href = evt.target.data("href"); });
      box.dataset.nodes = String(data.nodes.length);
      box.dataset.edges = String(data.edges.length);
      status.textContent = data.nodes.length + " entities, " + data.shown_links + " of " +
        data.total_links + " links (the strongest first). Click an entity to open it.";
      if (data.more) { more.href = data.more; more.hidden = false; }
      window.kgNetwork = cy;
    })
    .catch(function (err) { status.textContent = "The network could not be drawn: " + err; });
})();
