// eventgraph's web page: what the page shows, worked out from its data with
// no DOM, so that node can test it (tests/viewer/model.test.cjs). The page's
// data is what `eventgraph export --format html` writes: actors, relations
// (each with its happenings' ids) and the timeline export's happenings.
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.EventgraphModel = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  const MONTHS = ["January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"];

  // "2024-07-15" → a local Date at midnight (the timeline draws local time).
  function parseDay(iso) {
    const [y, m, d] = iso.split("-").map(Number);
    const date = new Date(y, m - 1, d);
    date.setFullYear(y);  // years 0–99 would otherwise be 1900–1999
    return date;
  }

  function addDays(date, days) {
    const next = new Date(date.getTime());
    next.setDate(next.getDate() + days);
    return next;
  }

  // Where a happening sits on the timeline: a point for a day, a bar over
  // the whole span for anything coarser ("July 2024" covers July). null if undated.
  function timelineSpan(date) {
    if (!date) return null;
    const start = parseDay(date.start);
    if (date.start === date.end) return { start, end: null, type: "point" };
    return { start, end: addDays(parseDay(date.end), 1), type: "range" };
  }

  // A date as a reader says it, with how precise it is.
  function describeDate(date) {
    if (!date) return "undated";
    const [y, m, d] = date.value.split("-");
    let text = date.value;
    if (date.granularity === "day" && d) text = `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
    else if (date.granularity === "month" && m) text = `${MONTHS[Number(m) - 1]} ${y}`;
    else if (date.start !== date.end) text = `${date.value} (${date.start} to ${date.end})`;
    return `${text} · ${date.granularity}${date.basis ? ", " + date.basis : ""}`;
  }

  // The sentence cut around the first place the trigger's words occur
  // (case-insensitively): [{text, mark}], for the evidence with the trigger highlighted.
  function highlight(sentence, trigger) {
    if (!trigger) return [{ text: sentence, mark: false }];
    const at = sentence.toLowerCase().indexOf(trigger.toLowerCase());
    if (at < 0) return [{ text: sentence, mark: false }];
    const parts = [];
    if (at > 0) parts.push({ text: sentence.slice(0, at), mark: false });
    parts.push({ text: sentence.slice(at, at + trigger.length), mark: true });
    if (at + trigger.length < sentence.length)
      parts.push({ text: sentence.slice(at + trigger.length), mark: false });
    return parts;
  }

  // The page's state in the URL's hash, so that a view can be shared:
  // actor, relation, place, event, type, group and the time window (from, to as YYYY-MM-DD).
  const HASH_KEYS = ["actor", "relation", "place", "event", "type", "group", "from", "to"];

  function parseHash(hash) {
    const state = {};
    const params = new URLSearchParams(String(hash || "").replace(/^#/, ""));
    for (const key of HASH_KEYS) {
      const value = params.get(key);
      if (value) state[key] = value;
    }
    return state;
  }

  function formatHash(state) {
    const params = new URLSearchParams();
    for (const key of HASH_KEYS) if (state[key]) params.set(key, state[key]);
    const text = params.toString();
    return text ? "#" + text : "";
  }

  function isoDay(date) {
    const pad = (n, w) => String(n).padStart(w, "0");
    return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;
  }

  // Indexes of the data: happenings, actors, relations and places by id.
  // Relation ids are "r" and their place in the data; a place is a
  // happening's `place` (the timeline export's) with the ids of every
  // happening there.
  function index(data) {
    const happenings = new Map();
    for (const h of data.timeline.events) happenings.set(h.id, h);
    const actors = new Map(data.actors.map((a) => [a.id, a]));
    const relations = new Map();
    data.relations.forEach((r, i) => relations.set("r" + i, Object.assign({ id: "r" + i }, r)));
    const relationOf = new Map();  // happening id → relation id
    for (const r of relations.values()) for (const h of r.happenings) relationOf.set(h, r.id);
    const types = [...new Set(data.timeline.events.map((h) => h.type))].sort();
    const places = new Map();
    for (const h of data.timeline.events) {
      if (!h.place) continue;
      if (!places.has(h.place.id)) places.set(h.place.id, Object.assign({}, h.place, { happenings: [] }));
      places.get(h.place.id).happenings.push(h.id);
    }
    return { data, happenings, actors, relations, relationOf, types, places };
  }

  // The id of a happening's acting actor: "?", the graph's unknown actor,
  // where the source is null (unnamed or unknown).
  function sourceId(h) {
    return h.source ? h.source.id : "?";
  }

  function involves(h, actor) {
    return sourceId(h) === actor || (h.target !== null && h.target.id === actor);
  }

  // Does a happening's date overlap the window [from, to] (YYYY-MM-DD, either may be missing)?
  // Undated happenings are in every window: nothing says they are not.
  function inWindow(h, from, to) {
    if (!h.date || (!from && !to)) return true;
    return (!from || h.date.end >= from) && (!to || h.date.start <= to);
  }

  // What the page shows for a state: the happenings on the timeline, the
  // relations and actors in the graph, and the places on the map.
  //  - the type filter and the time window hold everywhere (the timeline
  //    draws the window itself, so its list ignores it);
  //  - a selected relation shows its happenings on the timeline and its
  //    places on the map, a selected place its happenings, a selected actor
  //    its own; the graph keeps every relation (the selection is highlighted
  //    there, not filtered) and the map every place but a relation's or an
  //    actor's;
  //  - an actor is shown while one of its relations is.
  // `places` maps each place shown to the ids of its happenings that pass.
  function visible(ix, state) {
    const passes = (h) => (!state.type || h.type === state.type) && inWindow(h, state.from, state.to);
    const relations = new Set();
    for (const r of ix.relations.values()) {
      if (r.count === 0) {  // member-of: shown while both ends are
        relations.add(r.id);
        continue;
      }
      if (r.happenings.some((id) => passes(ix.happenings.get(id)))) relations.add(r.id);
    }
    const filtered = state.type || state.from || state.to;
    const actors = new Set();
    for (const id of relations) {
      const r = ix.relations.get(id);
      if (r.count > 0) {
        actors.add(r.source);
        actors.add(r.target);
      }
    }
    if (!filtered) for (const id of ix.actors.keys()) actors.add(id);
    for (const id of relations) {  // member-of edges only between shown actors
      const r = ix.relations.get(id);
      if (r.count === 0 && !(actors.has(r.source) && actors.has(r.target))) relations.delete(id);
    }
    const relation = state.relation ? ix.relations.get(state.relation) : null;
    const inRelation = relation ? new Set(relation.happenings) : null;
    const place = !relation && state.place ? ix.places.get(state.place) : null;
    const atPlace = place ? new Set(place.happenings) : null;
    // The selection, apart from the filters: a relation, else a place, else an actor.
    const selected = (h) => (inRelation ? inRelation.has(h.id)
      : atPlace ? atPlace.has(h.id) : !state.actor || involves(h, state.actor));
    const onTimeline = [];
    for (const h of ix.data.timeline.events)
      if ((!state.type || h.type === state.type) && selected(h)) onTimeline.push(h.id);
    const places = new Map();
    for (const p of ix.places.values()) {
      const there = p.happenings.filter((id) => {
        const h = ix.happenings.get(id);
        return passes(h) && (atPlace || selected(h));
      });
      if (there.length) places.set(p.id, there);
    }
    return { relations, actors, happenings: onTimeline, places };
  }

  // Actors whose name, code or id match what was typed, best first: exact,
  // then starting with it, then containing it.
  function findActors(ix, text) {
    const q = String(text || "").trim().toLowerCase();
    if (!q) return [];
    const scored = [];
    for (const a of ix.actors.values()) {
      const keys = [a.name, a.code, a.id].map((k) => String(k || "").toLowerCase());
      let score = 3;
      if (keys.includes(q)) score = 0;
      else if (keys.some((k) => k.startsWith(q))) score = 1;
      else if (keys.some((k) => k.includes(q))) score = 2;
      if (score < 3) scored.push([score, a]);
    }
    scored.sort((x, y) => x[0] - y[0] || x[1].name.localeCompare(y[1].name));
    return scored.map((s) => s[1]);
  }

  // A light tint of a colour "#RRGGBB" (for timeline bars' backgrounds).
  function tint(hex, amount) {
    const n = parseInt(hex.slice(1), 16);
    const mix = (c) => Math.round(c + (255 - c) * amount);
    const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map(mix);
    return "#" + ((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1).toUpperCase();
  }

  return { timelineSpan, describeDate, highlight, parseHash, formatHash, isoDay, index,
    sourceId, involves, inWindow, visible, findActors, tint, parseDay };
});
