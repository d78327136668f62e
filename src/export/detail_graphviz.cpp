#include "detail_graphviz.hpp"

#include <graphviz/cgraph.h>

#include "eventgraph/error.hpp"

namespace eventgraph::exports::detail {

namespace {

std::mutex graphviz_mutex;
// Written only while graphviz_mutex is held.
std::string collected;

// Graphviz calls this with pieces of one message: "Error", ": ", the text.
int collect(char* piece) {
    collected += piece;
    return 0;
}

std::string tidy(std::string text) {
    for (const std::string_view prefix : {"Error: ", "Warning: "}) {
        for (std::size_t at = text.find(prefix); at != std::string::npos;
             at = text.find(prefix, at))
            text.erase(at, prefix.size());
    }
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    return text;
}

}  // namespace

GraphvizSession::GraphvizSession() : lock_(graphviz_mutex) {
    collected.clear();
    previous_handler_ = agseterrf(collect);
    // Errors go to collect(); warnings (a font not found, a layout hint
    // ignored) are kept by Graphviz rather than printed on our stderr.
    previous_level_ = static_cast<int>(agseterr(AGERR));
    agreseterrors();
}

GraphvizSession::~GraphvizSession() {
    agseterrf(previous_handler_);
    agseterr(static_cast<agerrlevel_t>(previous_level_));
    collected.clear();
}

std::string GraphvizSession::messages() const { return tidy(collected); }

void GraphvizSession::fail(std::string_view what) const {
    const std::string m = messages();
    throw output_error(m.empty() ? std::string(what) : std::string(what) + ": " + m);
}

void GraphvizSession::declare(Agraph_t* graph, int kind, const char* name,
                              const char* value) const {
    // cgraph's API predates const; it copies the strings.
    if (!agattr(graph, kind, const_cast<char*>(name), const_cast<char*>(value)))
        fail(std::string("Graphviz could not declare the attribute ") + name);
}

}  // namespace eventgraph::exports::detail
