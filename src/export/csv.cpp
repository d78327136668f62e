// The event table: one happening a row, in the spirit of GDELT 2.0's event
// table, as CSV (RFC 4180) or tab-separated text.

#include "detail_rows.hpp"
#include "eventgraph/export/writers.hpp"

namespace eventgraph::exports {

namespace {

// RFC 4180: a field with the separator, a quote or a line break is quoted,
// its quotes doubled; so is one with spaces at an end (spreadsheets trim them).
void field(std::string& out, const std::string& v, char sep) {
    const bool quoted = v.find_first_of(std::string("\"\r\n") + sep) != std::string::npos ||
                        (!v.empty() && (v.front() == ' ' || v.back() == ' '));
    if (!quoted) {
        out += v;
        return;
    }
    out += '"';
    for (const char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

}  // namespace

std::string to_table(const graph::EventGraph& g, char separator, const ArticleLinks& links) {
    std::string out;
    const auto line = [&](const std::vector<detail::Column>& row, bool names) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i) out += separator;
            field(out, names ? row[i].name : row[i].value, separator);
        }
        out += "\r\n";
    };
    line(detail::happening_row(g, graph::Happening{}, links), true);
    for (const auto& h : g.happenings) line(detail::happening_row(g, h, links), false);
    return out;
}

}  // namespace eventgraph::exports
