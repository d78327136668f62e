#include "command.hpp"
#include "eventgraph/error.hpp"

namespace eventgraph::cli {

namespace {
int run_actors(const Args&) { throw usage_error("not written yet"); }
}  // namespace

Command actors_command() {
    return {"actors", "actor mentions in text, or the lexicon with --list", "eventgraph actors [--ref DATE] [TEXT|-]", "", {}, run_actors};
}

}  // namespace eventgraph::cli
