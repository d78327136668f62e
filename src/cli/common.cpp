#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>

#include "command.hpp"
#include "eventgraph/article/normalize.hpp"
#include "eventgraph/error.hpp"
#include "eventgraph/io/event_json.hpp"
#include "eventgraph/io/input.hpp"

namespace eventgraph::cli {

const std::vector<Command>& commands() {
    static const std::vector<Command> all = {normalize_command(), extract_command(), run_command(), export_command(),
                                             render_command(), path_command(),    stats_command(),
                                             actors_command(),    dates_command(), eval_command()};
    return all;
}

OptionSpec output_option(const std::string& what) {
    return {"output", 'o', true, "FILE", "write " + what + " to FILE (written whole or not at all) instead of standard output"};
}

OptionSpec keep_going_option() {
    return {"keep-going", 'k', false, "", "skip broken JSON Lines records, count them and go on"};
}

OptionSpec lexicon_option() {
    return {"lexicon", 'l', true, "FILE",
            "add or override actors from FILE (JSON lexicon or TABARI/PETRARCH dictionary); repeatable"};
}

OptionSpec no_default_dictionaries_option() {
    return {"no-default-dictionaries", 0, false, "",
            "code with only the --lexicon files: no default lexicon (data/lexicon) and no Phoenix "
            "dictionaries (data/phoenix)"};
}

lexicon::LoadOptions load_options(const Args& args) {
    lexicon::LoadOptions options;
    options.default_dictionaries = !args.has("no-default-dictionaries");
    return options;
}

void report(const std::exception& e) { std::cerr << "eventgraph: " << e.what() << '\n'; }

namespace {

// Expands the arguments one at a time, so that a missing file does not stop
// the others, and runs `read` on each file, reporting what fails.
ReadSummary for_each_input(const std::vector<std::string>& paths,
                           const std::function<std::size_t(const std::string&)>& read) {
    ReadSummary summary;
    std::vector<std::string> files;
    for (const auto& p : paths) {
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
        try {
            summary.skipped_records += read(file);
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

io::ReadOptions read_options(bool keep_going) {
    io::ReadOptions options;
    options.keep_going = keep_going;
    return options;
}

}  // namespace

// A page gives its articles all at once or not at all; JSON Lines stream, so
// the records before a broken line are kept and the error names the line.
ReadSummary read_all_inputs(const std::vector<std::string>& paths, bool keep_going,
                            const std::function<void(model::Article)>& sink) {
    std::size_t articles = 0;
    auto summary = for_each_input(paths, [&](const std::string& file) {
        return article::read_input(
            file, read_options(keep_going),
            [&](model::Article a) {
                ++articles;
                sink(std::move(a));
            },
            [](const std::exception& e) { report(e); });
    });
    summary.articles = articles;
    return summary;
}

ReadSummary read_event_files(const std::vector<std::string>& paths, bool keep_going,
                             const std::function<void(model::Event)>& sink) {
    return for_each_input(paths, [&](const std::string& file) {
        if (file == "-")
            return io::read_events_json(std::cin, "<stdin>", read_options(keep_going), sink,
                                        [](const std::exception& e) { report(e); });
        std::ifstream in(file, std::ios::binary);
        if (!in) throw input_error(file, std::string("cannot open: ") + std::strerror(errno));
        return io::read_events_json(in, file, read_options(keep_going), sink,
                                    [](const std::exception& e) { report(e); });
    });
}

}  // namespace eventgraph::cli
