#pragma once
// What several test files share: fixture paths, running the program, schema checks.

#include <optional>
#include <string>
#include <vector>

#include "eventgraph/model/event.hpp"

namespace eventgraph::test {

/// A path under tests/data.
std::string data_path(const std::string& relative);
/// A path under the source tree (samples/, schemas/, data/).
std::string source_path(const std::string& relative);
std::string read_file(const std::string& path);

/// What the program did: exit code, standard output, standard error.
struct RunResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};
/// In a forked child: becomes the eventgraph program with these arguments
/// (exit code 127 if it cannot be run).
[[noreturn]] void exec_eventgraph(const std::vector<std::string>& args);

/// Runs the eventgraph program with these arguments (and `input` on standard
/// input); its standard output goes to `stdout_path` if given (e.g. /dev/full).
RunResult run_eventgraph(const std::vector<std::string>& args, const std::string& input = "",
                         const std::string& stdout_path = "");

/// The same with standard error a terminal (a pseudo-terminal the test
/// reads), standard output a file and standard input empty: what a user at
/// a terminal sees on standard error, byte for byte.
RunResult run_eventgraph_on_terminal(const std::vector<std::string>& args);

/// Peak resident memory (kB) of the program the last run_eventgraph ran
/// (not in RunResult, which tests take apart as [code, out, err]).
long last_run_max_rss_kb();

/// Debian's Python (where python3-networkx is installed), not another on the PATH.
std::string python3();
/// True if that Python can be run.
bool have_python3();

/// Runs a Python script of the tests with these arguments: its exit code and
/// what it wrote (standard output and error).
RunResult run_python(const std::string& script, const std::vector<std::string>& args);

/// The schema's complaints about a JSON text; empty when it is valid.
std::string schema_errors(const std::string& schema_file, const std::string& json);

/// The events of a JSON Lines fixture under tests/data (a broken line fails the test).
std::vector<model::Event> read_events(const std::string& fixture);

/// The non-empty lines of a text.
std::vector<std::string> lines_of(const std::string& text);

/// A fresh empty directory under the build's temp space, removed by nobody
/// (the build directory is disposable).
std::string temp_dir(const std::string& name);

/// Sets an environment variable (or unsets it: nullopt) for one test, and
/// puts back what was there; the program run_eventgraph runs sees it too.
class Env {
public:
    Env(const char* name, const std::optional<std::string>& value);
    ~Env();
    Env(const Env&) = delete;
    Env& operator=(const Env&) = delete;

private:
    const char* name_;
    std::optional<std::string> old_;
};

}  // namespace eventgraph::test
