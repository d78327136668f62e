// eventgraph's web page: the graph (Cytoscape.js), the map (d3-geo over
// world-atlas's outlines) and the timeline (vis-timeline), linked through one
// state that the URL's hash keeps. What to show is model.js's; this file
// draws it and listens to the reader.
(function () {
  "use strict";
  const M = window.EventgraphModel;
  const timings = { start: performance.now() };
  const data = JSON.parse(document.getElementById("eventgraph-data").textContent);
  const ix = M.index(data);
  timings.parsed = performance.now();
  const $ = (id) => document.getElementById(id);

  const state = { group: "actor" };
  function readHash() {
    const s = M.parseHash(location.hash);
    for (const key of ["actor", "relation", "place", "event", "type", "from", "to"]) delete state[key];
    if (s.actor && ix.actors.has(s.actor)) state.actor = s.actor;
    if (s.relation && ix.relations.has(s.relation)) state.relation = s.relation;
    if (s.place && ix.places.has(s.place)) state.place = s.place;
    if (s.event && ix.happenings.has(s.event)) state.event = s.event;
    if (s.type && ix.types.includes(s.type)) state.type = s.type;
    state.group = s.group === "type" ? "type" : "actor";
    const day = /^\d{4}-\d{2}-\d{2}$/;
    if (day.test(s.from || "")) state.from = s.from;
    if (day.test(s.to || "")) state.to = s.to;
  }
  function writeHash() {
    const hash = M.formatHash(state.group === "actor" ? Object.assign({}, state, { group: "" }) : state);
    if (hash !== location.hash) history.replaceState(null, "", hash || location.pathname + location.search);
  }

  function element(tag, text, className) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (className) e.className = className;
    return e;
  }
  const plural = (n, one, many) => `${n} ${n === 1 ? one : many || one + "s"}`;
  const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const quadOf = new Map(data.style.quads.map((q) => [q.quad, q]));
  const quad = (n) => quadOf.get(n) || quadOf.get(0);

  // ---- header ----
  $("title").textContent = data.title;
  const dated = data.timeline.events.filter((h) => h.date).length;
  const reports = data.timeline.events.reduce((n, h) => n + h.mentions, 0);
  $("counts").textContent = `${plural(data.timeline.events.length, "event")} (${plural(reports, "report")}) · ` +
    `${plural(data.actors.length, "actor")} · ${plural(data.relations.length, "relation")}`;
  for (const a of data.actors) {
    const option = element("option");
    option.value = a.name;
    option.label = a.code && a.code !== a.name ? `${a.code} · ${a.kind}` : a.kind;
    $("actor-names").append(option);
  }
  for (const t of ix.types) {
    const option = element("option", t);
    option.value = t;
    $("type-filter").append(option);
  }
  const undated = data.timeline.events.length - dated;
  if (undated > 0) {
    $("undated-note").hidden = false;
    $("undated-note").textContent = `${plural(undated, "undated event")}: in the graph, not on the timeline`;
  }

  // ---- legend, from the same style as the DOT diagram ----
  const legend = $("legend");
  const kinds = [...new Set(data.actors.map((a) => a.kind))];
  for (const kind of kinds) {
    const s = data.style.kinds[kind];
    const item = element("span", null, "item");
    const swatch = element("span", null, "swatch");
    swatch.style.background = s.fill;
    swatch.style.borderColor = s.pen;
    if (s.shape === "ellipse") swatch.style.borderRadius = "50%";
    if (s.border) swatch.style.borderStyle = s.border;
    item.append(swatch, kind);
    legend.append(item);
  }
  for (const q of [...new Set(data.relations.map((r) => r.quad))].sort()) {
    const item = element("span", null, "item");
    const line = element("span", null, "line");
    line.style.borderTopColor = quad(q).colour;
    item.append(line, quad(q).name);
    legend.append(item);
  }
  if (data.relations.some((r) => !r.asserted)) {
    const item = element("span", null, "item");
    const line = element("span", null, "line");
    line.style.borderTopStyle = "dashed";
    line.style.borderTopColor = "#666";
    item.append(line, "denied, hypothetical or future");
    legend.append(item);
  }
  if (data.relations.length) legend.append(element("span", "thicker: more events", "item"));

  // ---- graph ----
  const elements = [];
  for (const a of data.actors) {
    const s = data.style.kinds[a.kind] || data.style.kinds.person;
    elements.push({
      group: "nodes",
      data: { id: a.id, label: a.name, shape: s.shape, fill: s.fill, pen: s.pen, border: s.border || "solid",
        w: Math.max(36, a.name.length * 7 + 14) },
      position: "x" in a ? { x: a.x, y: a.y } : undefined,
    });
  }
  for (const r of ix.relations.values()) {
    elements.push({
      group: "edges",
      data: { id: r.id, source: r.source, target: r.target, colour: quad(r.quad).colour,
        width: r.width, label: r.type + (r.count > 1 ? " \u00D7" + r.count : "") },
      classes: (r.asserted ? "" : "not-asserted") + (r.count === 0 ? " member-of" : ""),
    });
  }
  // Graphviz's layout where the page has it (the same picture as the diagrams, and
  // each actor stays in its place while filters come and go), else Cytoscape's.
  const placed = data.actors.every((a) => "x" in a);
  const cy = cytoscape({
    container: $("graph"),
    elements,
    minZoom: 0.05,
    maxZoom: 4,
    hideEdgesOnViewport: data.relations.length > 1000,  // panning a hairball stays smooth
    style: [
      { selector: "node", style: {
        shape: "data(shape)", "background-color": "data(fill)", "border-color": "data(pen)", "border-style": "data(border)",
        "border-width": 1.5, label: "data(label)", "font-size": 11, "text-valign": "center",
        "text-halign": "center", width: "data(w)", height: 26 } },
      { selector: "edge", style: {
        // Straight lines past a thousand relations: bezier bundles cost seconds there.
        "curve-style": data.relations.length > 1000 ? "straight" : "bezier",
        "line-color": "data(colour)", "target-arrow-color": "data(colour)", "target-arrow-shape": "triangle", width: "data(width)", "arrow-scale": 0.9,
        "font-size": 9, "text-rotation": "autorotate", "text-background-color": "#fff",
        "text-background-opacity": 0.85, "text-background-padding": 1 } },
      { selector: "edge.labelled", style: { label: "data(label)" } },
      { selector: "edge.not-asserted", style: { "line-style": "dashed" } },
      { selector: "edge.member-of", style: { "line-style": "dotted", "target-arrow-shape": "none" } },
      { selector: ".faded", style: { opacity: 0.15 } },
      { selector: ".hidden", style: { display: "none" } },
      { selector: "node.chosen", style: { "border-width": 4, "border-color": "#000" } },
      { selector: "edge.chosen", style: { "underlay-color": "#000", "underlay-opacity": 0.2,
        "underlay-padding": 3, "z-index": 10, label: "data(label)" } },
    ],
    layout: placed ? { name: "preset", padding: 20 }
      : { name: "concentric", animate: false, concentric: (n) => n.degree(), levelWidth: () => 4 },
  });
  if (cy.edges().length <= 40) cy.edges().addClass("labelled");
  timings.graph = performance.now();

  // ---- map ----
  // Each place is a circle at its coordinates, its area by its events, its
  // colour their commonest quad class; a subdivision's or a country's centre
  // is a dashed, paler circle; names beside them while there are few. Wheel
  // to zoom, drag to pan. No place, no map.
  const map = ix.places.size ? drawMap() : null;
  if (!map) document.querySelector(".panes").classList.add("no-map");
  timings.map = performance.now();

  function drawMap() {
    const SVG = "http://www.w3.org/2000/svg";
    const svgElement = (tag, attributes) => {
      const e = document.createElementNS(SVG, tag);
      for (const [k, v] of Object.entries(attributes || {})) e.setAttribute(k, v);
      return e;
    };
    const pane = $("map");
    const width = Math.max(pane.clientWidth, 200), height = Math.max(pane.clientHeight, 150);
    const world = JSON.parse($("eventgraph-world").textContent);
    const countries = topojson.feature(world, world.objects.countries).features;
    // Fit the places, with room around them (at least a few degrees).
    const places = [...ix.places.values()];
    const lons = places.map((p) => p.lon), lats = places.map((p) => p.lat);
    const [west, east] = [Math.min(...lons), Math.max(...lons)];
    const [south, north] = [Math.min(...lats), Math.max(...lats)];
    const pad = Math.max(6, 0.2 * Math.max(east - west, north - south));
    const clamp = (v, limit) => Math.max(-limit, Math.min(limit, v));
    const box = [[west - pad, south - pad], [east + pad, north + pad], [west - pad, north + pad], [east + pad, south - pad]]
      .map(([lon, lat]) => [clamp(lon, 180), clamp(lat, 85)]);
    const projection = d3.geoNaturalEarth1().fitExtent([[8, 8], [width - 8, height - 8]],
      { type: "MultiPoint", coordinates: box });
    const path = d3.geoPath(projection);

    const svg = svgElement("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "Map of the events' places" });
    const layer = svgElement("g");
    layer.append(svgElement("path", { class: "sphere", d: path({ type: "Sphere" }) }));
    for (const c of countries) {
      const d = path(c);
      if (!d) continue;
      const shape = svgElement("path", { class: "country", d });
      const title = svgElement("title");
      title.textContent = c.properties.name;
      shape.append(title);
      layer.append(shape);
    }
    const markers = new Map(), labels = new Map();
    const labelled = places.length <= 60;
    for (const p of places) {
      const [x, y] = projection([p.lon, p.lat]);
      if (labelled) {
        const label = svgElement("text", { class: "place-label", x, y });
        label.textContent = p.name;
        labels.set(p.id, label);
      }
      const circle = svgElement("circle", { class: `place ${p.precision}`, cx: x, cy: y, "data-place": p.id });
      circle.append(svgElement("title"));
      circle.addEventListener("click", (e) => {
        e.stopPropagation();
        selectPlace(p.id);
      });
      markers.set(p.id, circle);
    }
    // The biggest first, so that a small place on top of a big one stays clickable.
    const order = [...places].sort((a, b) => b.happenings.length - a.happenings.length);
    for (const p of order) layer.append(markers.get(p.id));
    for (const label of labels.values()) layer.append(label);
    svg.append(layer);
    pane.append(svg);

    let zoom = { k: 1, x: 0, y: 0 };
    let shownPlaces = new Map();
    const radius = (n) => (3 + 2.5 * Math.sqrt(n)) / zoom.k;
    function transform() {
      layer.setAttribute("transform", `translate(${zoom.x} ${zoom.y}) scale(${zoom.k})`);
      for (const [id, circle] of markers) {
        const r = radius((shownPlaces.get(id) || []).length || 1);
        circle.setAttribute("r", r);
        const label = labels.get(id);
        if (!label) continue;
        label.setAttribute("dx", r + 2 / zoom.k);
        label.setAttribute("dy", 4 / zoom.k);
        label.style.fontSize = `${11 / zoom.k}px`;
      }
    }
    // Screen pixels to the SVG's own units (it is scaled to fit its pane).
    const toSvg = (e) => {
      const r = svg.getBoundingClientRect();
      const s = Math.max(width / r.width, height / r.height);
      return [(e.clientX - r.left) * s - (r.width * s - width) / 2, (e.clientY - r.top) * s - (r.height * s - height) / 2];
    };
    svg.addEventListener("wheel", (e) => {
      e.preventDefault();
      const [px, py] = toSvg(e);
      const k = Math.min(64, Math.max(0.5, zoom.k * Math.exp(-e.deltaY * 0.002)));
      zoom = { k, x: px - ((px - zoom.x) * k) / zoom.k, y: py - ((py - zoom.y) * k) / zoom.k };
      transform();
    }, { passive: false });
    let drag = null;
    svg.addEventListener("pointerdown", (e) => {
      drag = { from: toSvg(e), zoom: Object.assign({}, zoom), moved: false };
    });
    svg.addEventListener("pointermove", (e) => {
      if (!drag || !e.buttons) return;
      const [px, py] = toSvg(e);
      drag.moved = drag.moved || Math.abs(px - drag.from[0]) + Math.abs(py - drag.from[1]) > 3;
      zoom = { k: zoom.k, x: drag.zoom.x + px - drag.from[0], y: drag.zoom.y + py - drag.from[1] };
      transform();
    });
    svg.addEventListener("click", () => {  // the sea or a country: let go of the place
      if (!(drag && drag.moved) && state.place) clearSelection();
      drag = null;
    });
    $("map-fit").addEventListener("click", () => {
      zoom = { k: 1, x: 0, y: 0 };
      transform();
    });

    function update(v) {
      shownPlaces = v.places;
      for (const [id, circle] of markers) {
        const there = v.places.get(id);
        circle.classList.toggle("hidden", !there);
        if (labels.has(id)) labels.get(id).classList.toggle("hidden", !there);
        circle.classList.toggle("chosen", state.place === id);
        circle.classList.toggle("faded", Boolean(state.place) && state.place !== id);
        if (!there) continue;
        const quads = new Map();
        for (const h of there) quads.set(ix.happenings.get(h).quad, (quads.get(ix.happenings.get(h).quad) || 0) + 1);
        const commonest = [...quads].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
        circle.style.fill = quad(commonest).colour;
        const p = ix.places.get(id);
        circle.firstChild.textContent = `${p.name}${p.country && p.country !== p.id ? " (" + p.country + ")" : ""}: ` +
          plural(there.length, "event");
      }
      transform();
      const events = [...v.places.values()].reduce((n, ids) => n + ids.length, 0);
      $("map-note").textContent = `${plural(v.places.size, "place")} · ${plural(events, "event")}`;
    }
    return { svg, markers, update };
  }

  // ---- timeline ----
  function groupOf(h) {
    return state.group === "type" ? h.type : M.sourceId(h);
  }
  const items = new vis.DataSet();
  items.add(data.timeline.events.filter((h) => h.date).map((h) => {
    const span = M.timelineSpan(h.date);
    const colour = quad(h.quad).colour;
    const item = {
      id: h.id, content: escapeHtml(h.headline), start: span.start, type: span.type, group: groupOf(h),
      title: escapeHtml(`${h.headline} · ${M.describeDate(h.date)}`),
      className: h.polarity === "asserted" ? "" : "not-asserted",
      style: `border-color:${colour};background-color:${M.tint(colour, 0.75)}`,
    };
    if (span.end) item.end = span.end;
    return item;
  }));
  let shown = new Set(ix.happenings.keys());
  const view = new vis.DataView(items, { filter: (item) => shown.has(item.id) });
  function groups() {
    const g = new vis.DataSet();
    if (state.group === "type") {
      for (const t of ix.types) g.add({ id: t, content: escapeHtml(t) });
    } else {
      const acting = new Set(data.timeline.events.filter((h) => h.date).map(M.sourceId));
      const names = (id) => (ix.actors.get(id) || { name: id }).name;
      for (const id of [...acting].sort((a, b) => names(a).localeCompare(names(b))))
        g.add({ id, content: escapeHtml(names(id)) });
    }
    return g;
  }
  // The whole period, a little wider, unless the hash asks for a window.
  const period = () => {
    const spans = data.timeline.events.filter((h) => h.date).map((h) => M.timelineSpan(h.date));
    if (!spans.length) return {};
    const start = spans.reduce((t, s) => Math.min(t, s.start.getTime()), Infinity);
    const end = spans.reduce((t, s) => Math.max(t, (s.end || s.start).getTime()), -Infinity);
    const pad = Math.max((end - start) * 0.1, 1000 * 60 * 60 * 24 * 7);
    return { start: new Date(start - pad), end: new Date(end + pad) };
  };
  const timeline = new vis.Timeline($("timeline"), view, groups(), {
    ...(M.parseHash(location.hash).from ? {} : period()),
    selectable: true,
    showCurrentTime: false,
    orientation: { axis: "top" },
    margin: { item: { horizontal: 4, vertical: 4 } },
    zoomMin: 1000 * 60 * 60 * 24 * 2,
    verticalScroll: true,
    maxHeight: "100%",
    tooltip: { followMouse: true, overflowMethod: "cap" },
    // Past a few hundred events, nearby ones are drawn as one numbered cluster
    // until the reader zooms in: thousands of boxes at once take seconds.
    cluster: items.length > 400 ? { maxItems: 4, showStipes: true } : false,
    onInitialDrawComplete: () => requestAnimationFrame(() => {
      timings.drawn = performance.now();
      api.ready = true;
    }),
  });

  // For the reader's console and the browser tests: what is drawn now; ready
  // once the timeline has drawn its first picture.
  const api = {
    cy, timeline, state, data, timings,
    shownEvents: () => view.getIds(),
    shownActors: () => cy.nodes().filter((n) => !n.hasClass("hidden")).map((n) => n.id()),
    shownRelations: () => cy.edges().filter((e) => !e.hasClass("hidden")).map((e) => e.id()),
    shownPlaces: () => (map ? [...map.markers].filter(([, c]) => !c.classList.contains("hidden")).map(([id]) => id) : []),
    ready: false,
  };
  window.eventgraphViewer = api;
  if (dated === 0) api.ready = true;  // an empty timeline never says it has drawn

  timings.timeline = performance.now();

  // ---- drawing a state ----
  function applyFilters() {
    const v = M.visible(ix, state);
    shown = new Set(v.happenings);
    view.refresh();
    cy.batch(() => {
      cy.elements().removeClass("hidden faded chosen");
      cy.nodes().forEach((n) => { if (!v.actors.has(n.id())) n.addClass("hidden"); });
      cy.edges().forEach((e) => { if (!v.relations.has(e.id())) e.addClass("hidden"); });
      let focus = null;
      if (state.relation) focus = cy.getElementById(state.relation);
      else if (state.actor) focus = cy.getElementById(state.actor);
      if (state.event && ix.relationOf.has(state.event)) {
        const edge = cy.getElementById(ix.relationOf.get(state.event));
        edge.addClass("chosen");
        edge.connectedNodes().addClass("chosen");
      }
      if (!focus && state.place) {  // the relations of the place's events
        const ids = ix.places.get(state.place).happenings.map((h) => ix.relationOf.get(h)).filter(Boolean);
        focus = cy.collection(ids.map((id) => cy.getElementById(id)));
      }
      if (focus && focus.nonempty()) {
        focus.addClass("chosen");
        const near = focus.isNode() ? focus.closedNeighborhood() : focus.union(focus.connectedNodes());
        cy.elements().not(near).addClass("faded");
        if (!focus.isNode()) focus.connectedNodes().addClass("chosen");
      }
    });
    const note = $("window-note");
    note.hidden = !(state.from || state.to);
    note.textContent = `Graph for ${state.from || "…"} to ${state.to || "…"}: ` +
      `${plural(v.relations.size, "relation")} of ${data.relations.length}`;
    if (map) map.update(v);
    $("type-filter").value = state.type || "";
    $("group-by").value = state.group;
    showDetails();
    writeHash();
  }

  // ---- the details pane ----
  function link(text, onClick) {
    const a = element("a", text, "event-link");
    a.tabIndex = 0;
    a.addEventListener("click", onClick);
    a.addEventListener("keydown", (e) => { if (e.key === "Enter") onClick(); });
    return a;
  }
  function facts(pairs) {
    const dl = element("dl");
    for (const [term, value] of pairs) {
      if (value === null || value === undefined || value === "") continue;
      dl.append(element("dt", term));
      const dd = element("dd");
      dd.append(value);
      dl.append(dd);
    }
    return dl;
  }
  const actorName = (a) => (a ? `${a.name}${a.role ? ", " + a.role : ""}` : "");
  function eventList(ids) {
    const ul = element("ul");
    const sorted = ids.map((id) => ix.happenings.get(id));
    for (const h of sorted) {
      const li = element("li");
      li.append(link(h.headline, () => selectEvent(h.id)), ` · ${h.date ? h.date.value : "undated"}`);
      ul.append(li);
    }
    return ul;
  }
  function showDetails() {
    const pane = $("details");
    pane.replaceChildren();
    if (state.event) return showEvent(pane, ix.happenings.get(state.event));
    if (state.relation) return showRelation(pane, ix.relations.get(state.relation));
    if (state.place) return showPlace(pane, ix.places.get(state.place));
    if (state.actor) return showActor(pane, ix.actors.get(state.actor));
    pane.append(element("h2", "Events"),
      element("p", "Click an actor or a relation in the graph, a place on the map or an event on the timeline, " +
        "to see its evidence. Drag or zoom the timeline to draw the graph for that time window.", "hint"));
    const byType = new Map();
    for (const h of data.timeline.events) byType.set(h.type, (byType.get(h.type) || 0) + 1);
    const ul = element("ul");
    for (const [type, n] of [...byType].sort((a, b) => b[1] - a[1]))
      ul.append(element("li", `${type}: ${n}`));
    pane.append(ul);
  }
  function showActor(pane, a) {
    const mine = data.timeline.events.filter((h) => M.involves(h, a.id));
    pane.append(element("h2", a.name), facts([["code", a.code], ["kind", a.kind], ["id", a.id],
      ["events", String(mine.length)]]));
    pane.append(element("h3", "Relations"));
    const ul = element("ul");
    const rels = [...ix.relations.values()].filter((r) => r.source === a.id || r.target === a.id);
    rels.sort((x, y) => y.count - x.count);
    for (const r of rels) {
      const li = element("li");
      li.append(link(relationTitle(r), () => selectRelation(r.id)));
      ul.append(li);
    }
    pane.append(ul);
  }
  function relationTitle(r) {
    const name = (id) => (ix.actors.get(id) || { name: id }).name;
    return `${name(r.source)} \u2192 ${name(r.target)}: ${r.type}` +
      (r.count > 1 ? ` \u00D7${r.count}` : "") + (r.asserted ? "" : " (not asserted)");
  }
  function showRelation(pane, r) {
    pane.append(element("h2", relationTitle(r)),
      facts([["class", quad(r.quad).name], ["events", String(r.count)], ["reports", String(r.mentions)]]));
    if (r.happenings.length) {
      pane.append(element("h3", "Its events"));
      pane.append(eventList(r.happenings));
    }
  }
  const PRECISION = { place: "the place itself", subdivision: "the centre of its subdivision",
    country: "the centre of its country" };
  function showPlace(pane, p) {
    pane.append(element("h2", p.name), facts([
      ["country", p.country],
      ["subdivision", p.subdivision],
      ["coordinates", `${p.lat.toFixed(4)}, ${p.lon.toFixed(4)} (${PRECISION[p.precision] || p.precision})`],
      ["GeoNames", p.geonames ? String(p.geonames) : ""],
      ["events", String(p.happenings.length)],
    ]));
    pane.append(element("h3", "Its events"));
    pane.append(eventList(p.happenings));
  }
  function showEvent(pane, h) {
    const actor = (a) => (a ? `${a.name} (${a.kind}${a.code && a.code !== a.name ? ", " + a.code : ""})` : "none");
    pane.append(element("h2", h.headline), facts([
      ["type", h.type + (h.mode ? ` (${h.mode})` : "")],
      ["class", quad(h.quad).name],
      ["source", h.source ? actor(h.source) : "unknown actor"],
      ["target", actor(h.target)],
      ["date", M.describeDate(h.date)],
      ["place", h.place ? link(h.place.name, () => selectPlace(h.place.id)) : ""],
      ["polarity", h.polarity],
      ["told", `${plural(h.mentions, "report")} from ${plural(h.sources, "source")}`],
    ]));
    const rel = ix.relationOf.get(h.id);
    if (rel) {
      const p = element("p");
      p.append("Relation: ", link(relationTitle(ix.relations.get(rel)), () => selectRelation(rel)));
      pane.append(p);
    }
    pane.append(element("h3", "Evidence"));
    for (const r of h.reports) {
      const box = element("div", null, "report");
      const quote = element("blockquote");
      for (const part of M.highlight(r.text, r.trigger)) quote.append(part.mark ? element("mark", part.text) : part.text);
      box.append(quote);
      const source = element("div", null, "source");
      if (r.attributed_to) source.append(`according to ${actorName(r.attributed_to)} · `);
      source.append(`confidence ${r.confidence} · `);
      const article = data.articles[r.article] || {};
      const title = article.title || r.article;
      source.append("in ");
      if (/^https?:\/\//i.test(article.url || "")) {
        const a = element("a", title);
        a.href = article.url;
        a.target = "_blank";
        a.rel = "noopener noreferrer";
        source.append(a);
      } else {
        source.append(title);
      }
      if (article.title) source.append(` (${r.article})`);
      box.append(source);
      pane.append(box);
    }
  }

  // ---- selections ----
  function selectActor(id) {
    Object.assign(state, { actor: id, relation: undefined, place: undefined, event: undefined });
    timeline.setSelection([]);
    applyFilters();
  }
  function selectRelation(id) {
    Object.assign(state, { relation: id, place: undefined, event: undefined });
    timeline.setSelection([]);
    applyFilters();
  }
  function selectPlace(id) {
    Object.assign(state, { place: id, actor: undefined, relation: undefined, event: undefined });
    timeline.setSelection([]);
    applyFilters();
  }
  function selectEvent(id) {
    state.event = id;
    if (shown.has(id) && items.get(id)) timeline.setSelection([id]);
    applyFilters();
  }
  function clearSelection() {
    Object.assign(state, { actor: undefined, relation: undefined, place: undefined, event: undefined });
    timeline.setSelection([]);
    applyFilters();
  }

  cy.on("tap", "node", (e) => selectActor(e.target.id()));
  cy.on("tap", "edge", (e) => selectRelation(e.target.id()));
  cy.on("tap", (e) => { if (e.target === cy) clearSelection(); });
  timeline.on("select", (props) => {
    if (props.items.length === 1 && ix.happenings.has(props.items[0])) {
      state.event = props.items[0];
      applyFilters();
    } else if (props.items.length === 0 && state.event) {
      state.event = undefined;
      applyFilters();
    }
  });
  // The window the reader drags or zooms the timeline to is the graph's window.
  timeline.on("rangechanged", (props) => {
    if (!props.byUser) return;
    state.from = M.isoDay(props.start);
    state.to = M.isoDay(props.end);
    applyFilters();
  });
  function showWholePeriod() {
    state.from = state.to = undefined;
    const whole = period();
    if (whole.start) timeline.setWindow(whole.start, whole.end, { animation: false });
  }
  $("whole-period").addEventListener("click", () => {
    showWholePeriod();
    applyFilters();
  });
  $("clear").addEventListener("click", () => {
    state.type = undefined;
    $("search").value = "";
    showWholePeriod();
    clearSelection();
  });
  $("type-filter").addEventListener("change", (e) => {
    state.type = e.target.value || undefined;
    applyFilters();
  });
  function regroup() {
    items.update(items.get().map((item) => ({ id: item.id, group: groupOf(ix.happenings.get(item.id)) })));
    timeline.setGroups(groups());
  }
  $("group-by").addEventListener("change", (e) => {
    state.group = e.target.value;
    regroup();
    applyFilters();
  });
  $("search").addEventListener("change", (e) => {
    const found = M.findActors(ix, e.target.value);
    if (!found.length) return;
    selectActor(found[0].id);
    const node = cy.getElementById(found[0].id);
    if (node.nonempty() && node.visible()) cy.animate({ center: { eles: node } }, { duration: 200 });
  });
  window.addEventListener("hashchange", () => {
    readHash();
    applyFilters();
  });

  readHash();
  if (state.group === "type") regroup();
  if (state.from && state.to) timeline.setWindow(M.parseDay(state.from), M.parseDay(state.to), { animation: false });
  if (state.event && items.get(state.event)) timeline.setSelection([state.event]);
  applyFilters();

})();
