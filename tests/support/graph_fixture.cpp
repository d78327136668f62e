#include "graph_fixture.hpp"

namespace eventgraph::test {

using model::ActorKind;

graph::VertexId actor(graph::EventGraph& g, const std::string& id, const std::string& name,
                      ActorKind kind, const std::string& code) {
    const auto v =
        boost::add_vertex(graph::Vertex{id, code.empty() ? id : code, name, kind}, g.graph);
    g.vertex_by_id[id] = v;
    return v;
}

model::DateSpan day(int y, unsigned m, unsigned d) {
    return model::day_span(date::year{y} / m / d, model::DateBasis::explicit_date);
}
model::DateSpan month(int y, unsigned m) {
    return model::month_span(date::year{y} / m, model::DateBasis::explicit_date);
}

graph::EdgeId relation(graph::EventGraph& g, graph::VertexId from, graph::VertexId to,
                       const std::string& type, int quad, std::size_t count,
                       std::optional<model::DateSpan> first, std::optional<model::DateSpan> last,
                       bool asserted) {
    graph::Edge e;
    e.type = type;
    e.quad = quad;
    e.asserted = asserted;
    e.count = count;
    e.mentions = count * 2;
    if (first) e.first = g.add_date(*first);
    e.last = last ? g.add_date(*last) : e.first;
    e.weight = static_cast<double>(count);
    return boost::add_edge(from, to, e, g.graph).first;
}

graph::EventGraph seed_graph() {
    graph::EventGraph g;
    const auto chn = actor(g, "CHN", "China", ActorKind::country);
    const auto rus = actor(g, "RUS", "Russia", ActorKind::country);
    const auto irn = actor(g, "IRN", "Iran", ActorKind::country);
    const auto usa = actor(g, "USA", "United States", ActorKind::country);
    const auto nato = actor(g, "NATO", "NATO", ActorKind::organisation);
    const auto kc = actor(g, "USA.KURT_CAMPBELL", "Kurt Campbell", ActorKind::person, "USA");
    relation(g, chn, rus, "aid", 2, 3, month(2024, 7), day(2024, 9, 10));
    relation(g, chn, rus, "cooperate", 2, 1, day(2024, 9, 10));
    relation(g, irn, rus, "aid", 2, 2, day(2024, 8, 1), day(2024, 9, 1));
    relation(g, usa, chn, "accuse", 3, 1, day(2024, 9, 10));
    relation(g, nato, chn, "accuse", 3, 1, day(2024, 7, 10));
    relation(g, chn, usa, "reject", 3, 1, day(2024, 9, 11));
    relation(g, kc, chn, "accuse", 3, 1, day(2024, 9, 10));
    relation(g, rus, irn, "assault", 4, 1, day(2024, 9, 1), {}, false);
    return g;
}

}  // namespace eventgraph::test
