#include <iostream>

#include "command.hpp"
#include "eventgraph/article/normalize.hpp"
#include "eventgraph/error.hpp"
#include "eventgraph/io/input.hpp"

namespace eventgraph::cli {

const std::vector<Command>& commands() {
    static const std::vector<Command> all = {normalize_command(), run_command()};
    return all;
}

OptionSpec output_option(const std::string& what) {
    return {"output", 'o', true, "FILE", "write " + what + " to FILE (written whole or not at all) instead of standard output"};
}

OptionSpec keep_going_option() {
    return {"keep-going", 'k', false, "", "skip broken JSON Lines records, count them and go on"};
}

void report(const std::exception& e) { std::cerr << "eventgraph: " << e.what() << '\n'; }

ReadSummary read_all_inputs(const std::vector<std::string>& paths, bool keep_going,
                            const std::function<void(model::Article)>& sink) {
    ReadSummary summary;
    io::ReadOptions options;
    options.keep_going = keep_going;
    std::vector<std::string> files;
    for (const auto& p : paths) {
        // Expand one argument at a time so that a missing file does not stop the others.
        try {
            const auto expanded = io::expand_inputs({p});
            files.insert(files.end(), expanded.begin(), expanded.end());
        } catch (const input_error& e) {
            report(e);
            ++summary.failed_inputs;
        }
    }
    for (const auto& file : files) {
        ++summary.inputs;
        // A page gives its articles all at once or not at all; JSON Lines
        // stream, so the records before a broken line are kept and the error
        // names the line.
        try {
            summary.skipped_records += article::read_input(
                file, options,
                [&](model::Article a) {
                    ++summary.articles;
                    sink(std::move(a));
                },
                [](const std::exception& e) { report(e); });
        } catch (const input_error& e) {
            report(e);
            ++summary.failed_inputs;
        }
    }
    if (summary.skipped_records > 0)
        std::cerr << "eventgraph: skipped " << summary.skipped_records << " broken record"
                  << (summary.skipped_records == 1 ? "" : "s") << '\n';
    return summary;
}

}  // namespace eventgraph::cli
