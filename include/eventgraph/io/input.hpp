#pragma once
// Finding and opening inputs: files, directories of files, standard input.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace eventgraph::io {

/// Largest page (text or HTML) read whole into memory. JSON Lines stream and
/// have no total limit.
inline constexpr std::size_t max_page_bytes = std::size_t{64} << 20;

/// Files named on the command line, with each directory replaced by the
/// regular files in it (not hidden ones), sorted by name. "-" stays as it is.
/// Throws input_error for a path that does not exist.
std::vector<std::string> expand_inputs(const std::vector<std::string>& args);

/// The name an input gives its article when it has no id of its own: the file
/// name without directory and extension ("samples/a.b.txt" gives "a.b"), "stdin" for "-".
std::string id_from_path(const std::string& path);

/// What an input holds, judged from its first bytes.
enum class Format { json, html, text };
Format sniff_format(std::string_view head);

/// Reads a whole page (a text or HTML file, or what is left of standard input
/// after `head`). Throws input_error if it is empty, binary, not UTF-8 (with
/// the line) or larger than max_page_bytes.
std::string check_page_text(std::string content, const std::string& file);

}  // namespace eventgraph::io
