#pragma once
// The one error hierarchy of eventgraph: every failure the library reports
// derives from eventgraph::error, and says where it happened.

#include <cstddef>
#include <stdexcept>
#include <string>

namespace eventgraph {

/// Base of all errors the library throws on purpose.
class error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Bad data in an input: names the file and, where known, the line (1-based),
/// as "FILE:LINE: what" so editors and grep can jump to it.
class input_error : public error {
public:
    input_error(std::string file, std::size_t line, const std::string& what);
    input_error(std::string file, const std::string& what);

    const std::string& file() const noexcept { return file_; }
    /// 0 where the error is about the whole file.
    std::size_t line() const noexcept { return line_; }
    /// What was wrong, without the place.
    const std::string& message() const noexcept { return message_; }

private:
    std::string file_;
    std::size_t line_ = 0;
    std::string message_;
};

/// A lexicon file with a malformed or conflicting entry.
class lexicon_error : public input_error {
public:
    using input_error::input_error;
};

/// The command line asked for something that cannot be done (exit code 2).
class usage_error : public error {
public:
    using error::error;
};

/// An output could not be written (disk full, closed pipe, Graphviz failed).
class output_error : public error {
public:
    using error::error;
};

}  // namespace eventgraph
