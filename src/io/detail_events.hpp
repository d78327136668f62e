#pragma once
// The event reader's parse of one record, shared by its sequential and
// parallel readers. Private to src/io.

#include <cstddef>
#include <string>
#include <string_view>

#include "eventgraph/io/input.hpp"
#include "eventgraph/model/event.hpp"

namespace eventgraph::io::detail {

/// One record's JSON into `e` (the fields asked for); throws input_error
/// naming file and line. Safe on several threads at once.
void read_event(std::string_view json, const std::string& file, std::size_t line,
                const EventFields& fields, model::Event& e);

}  // namespace eventgraph::io::detail
