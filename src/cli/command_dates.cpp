#include "command.hpp"
#include "eventgraph/error.hpp"

namespace eventgraph::cli {

namespace {
int run_dates(const Args&) { throw usage_error("not written yet"); }
}  // namespace

Command dates_command() {
    return {"dates", "temporal expressions in text, resolved against a reference date", "eventgraph dates --ref YYYY-MM-DD [FILE|-]", "", {}, run_dates};
}

}  // namespace eventgraph::cli
