#pragma once
// Event JSON Lines, as in the design's data contract and schemas/event.schema.json.

#include <cstddef>
#include <functional>
#include <istream>
#include <string>
#include <string_view>

#include "eventgraph/io/article_json.hpp"
#include "eventgraph/model/event.hpp"

namespace eventgraph::io {

/// One event as one line of JSON, without the newline.
std::string event_to_json(const model::Event& event);

/// One event from a JSON object's text; throws input_error naming file and line.
model::Event event_from_json(std::string_view json, const std::string& file, std::size_t line);

/// Streams the events of a JSON Lines file. Returns the number of records skipped.
std::size_t read_events_json(std::istream& in, const std::string& file, const ReadOptions& options,
                             const std::function<void(model::Event&&)>& sink,
                             const std::function<void(const std::exception&)>& on_skip);

/// The same, giving each event with its line (to read it again from there).
std::size_t read_events_json_lines(
    std::istream& in, const std::string& file, const ReadOptions& options,
    const std::function<void(model::Event&&, std::size_t line)>& sink,
    const std::function<void(const std::exception&)>& on_skip);

}  // namespace eventgraph::io
