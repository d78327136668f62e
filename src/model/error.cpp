#include "eventgraph/error.hpp"

#include <utility>

namespace eventgraph {

namespace {
std::string where(const std::string& file, std::size_t line) {
    return line == 0 ? file : file + ":" + std::to_string(line);
}
}  // namespace

input_error::input_error(std::string file, std::size_t line, const std::string& what)
    : error(where(file, line) + ": " + what), file_(std::move(file)), line_(line), message_(what) {}

input_error::input_error(std::string file, const std::string& what)
    : input_error(std::move(file), 0, what) {}

}  // namespace eventgraph
