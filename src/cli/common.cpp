#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <thread>

#include "command.hpp"
#include "eventgraph/article/normalize.hpp"
#include "eventgraph/error.hpp"
#include "eventgraph/io/event_json.hpp"
#include "eventgraph/io/input.hpp"
#include "eventgraph/io/output.hpp"
#include "io/json.hpp"
#include "progress.hpp"

namespace eventgraph::cli {

const std::vector<Command>& commands() {
    static const std::vector<Command> all = {
        normalize_command(), extract_command(), run_command(),   export_command(),
        render_command(),    path_command(),    stats_command(), actors_command(),
        dates_command(),     eval_command()};
    return all;
}

OptionSpec output_option(const std::string& what) {
    return {"output", 'o', true, "FILE",
            "write " + what + " to FILE (written whole or not at all) instead of standard output"};
}

OptionSpec keep_going_option() {
    return {"keep-going", 'k', false, "",
            "report each bad record, skip it and read on (the default; accepted for scripts)"};
}

OptionSpec fail_fast_option() {
    return {"fail-fast", 0, false, "",
            "stop at the first bad record or input (exit 1, no -o output written)"};
}

OptionSpec read_threads_option() {
    return {
        "threads", 'j', true, "N",
        "threads to read events and build with (default: all cores; the same result for any N)"};
}

unsigned read_threads(const Args& args) {
    return static_cast<unsigned>(
        args.get_number("threads", long(std::max(1u, std::thread::hardware_concurrency())), 1));
}

bool fail_fast(const Args& args) {
    if (args.has("fail-fast") && args.has("keep-going"))
        throw usage_error("--fail-fast and --keep-going ask for opposite things: give one");
    return args.has("fail-fast");
}

OptionSpec lexicon_option() {
    return {"lexicon", 'l', true, "FILE",
            "add or override actors from FILE (JSON lexicon or TABARI/PETRARCH dictionary); "
            "repeatable"};
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

void report(const std::exception& e) {
    progress::pause();  // the message on a line of its own
    std::cerr << "eventgraph: " << e.what() << '\n';
}

namespace {

std::string plural(std::size_t n, const char* what) {
    return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
}

io::ReadOptions read_options(bool fail_fast) {
    io::ReadOptions options;
    options.keep_going = !fail_fast;
    return options;
}

}  // namespace

ReadSummary for_each_input(
    const std::vector<std::string>& paths, bool fail_fast, const std::size_t& records,
    const std::function<std::size_t(const std::string&)>& read,
    const std::function<std::vector<std::string>(const std::string&)>& expand) {
    ReadSummary summary;
    std::vector<std::string> files;
    for (const auto& p : paths) {
        try {
            const auto expanded = expand ? expand(p) : io::expand_inputs({p});
            files.insert(files.end(), expanded.begin(), expanded.end());
        } catch (const input_error& e) {
            if (fail_fast) throw;
            report(e);
            ++summary.failed_inputs;
        }
    }
    progress::expect(files);
    for (const auto& file : files) {
        ++summary.inputs;
        const std::size_t before = records;
        try {
            const std::size_t skipped = read(file);
            progress::file_done(file);
            summary.skipped_records += skipped;
            if (skipped > 0)
                progress::pause(), std::cerr << "eventgraph: " << (file == "-" ? "<stdin>" : file)
                                             << ": " << plural(skipped, "bad record")
                                             << " skipped\n";
            // A file whose every record was bad gave nothing, as one that could not be read.
            if (skipped == 0 || records > before) ++summary.good_inputs;
        } catch (const input_error& e) {
            if (fail_fast) throw;
            report(e);
            progress::file_done(file);
            ++summary.failed_inputs;
        }
    }
    return summary;
}

// A page gives its articles all at once or not at all; JSON Lines stream, so
// a bad record costs that record alone and the error names its line.
ReadSummary read_all_inputs(const std::vector<std::string>& paths, bool fail_fast,
                            const std::function<void(model::Article)>& sink) {
    std::size_t articles = 0;
    auto summary = for_each_input(paths, fail_fast, articles, [&](const std::string& file) {
        return article::read_input(
            file, read_options(fail_fast),
            [&](model::Article a) {
                progress::records(++articles);
                sink(std::move(a));
            },
            [](const std::exception& e) { report(e); });
    });
    summary.articles = articles;
    return summary;
}

io::EventFields graph_fields() {
    io::EventFields f;
    f.evidence_words = false;
    f.more_evidence = false;
    f.details = false;
    return f;
}

io::EventFields path_fields() {
    io::EventFields f = graph_fields();
    f.evidence_words = true;
    return f;
}

ReadSummary read_event_files(
    const std::vector<std::string>& paths, bool fail_fast,
    const std::function<void(model::Event&&, std::size_t, std::size_t)>& sink,
    const io::EventFields& fields, const std::function<void(const std::string&)>& on_input,
    unsigned threads) {
    std::size_t events = 0, input = 0;
    const auto read = [&](std::istream& in, const std::string& name) {
        const auto counted = [&](model::Event&& e, std::size_t line) {
            // Where the reader is, for the progress line, now and then.
            if (++events % 4096 == 0 && &in != &std::cin) progress::at(std::uint64_t(in.tellg()));
            progress::records(events);
            sink(std::move(e), input, line);
        };
        auto options = read_options(fail_fast);
        options.event_fields = fields;
        options.threads = threads;
        return io::read_events_json_lines(in, name, options, counted,
                                          [](const std::exception& e) { report(e); });
    };
    return for_each_input(paths, fail_fast, events, [&](const std::string& file) {
        if (on_input) on_input(file);
        struct Next {
            std::size_t& input;
            ~Next() { ++input; }
        } next{input};
        if (file == "-") return read(std::cin, "<stdin>");
        std::ifstream in(file, std::ios::binary);
        if (!in) throw input_error(file, std::string("cannot open: ") + std::strerror(errno));
        return read(in, file);
    });
}

ReadSummary read_event_files(const std::vector<std::string>& paths, bool fail_fast,
                             const std::function<void(model::Event&&)>& sink,
                             const io::EventFields& fields) {
    return read_event_files(paths, fail_fast,
                            [&](model::Event&& e, std::size_t, std::size_t) { sink(std::move(e)); },
                            fields, {});
}

std::vector<model::Event> read_back(const graph::EventGraph& g,
                                    const std::vector<std::size_t>& reports) {
    std::vector<model::Event> out(reports.size());
    // Per input, the lines wanted in order, each with where its event goes.
    std::map<graph::Index, std::vector<std::pair<std::size_t, std::size_t>>> wanted;
    for (std::size_t i = 0; i < reports.size(); ++i) {
        const graph::Position& p = g.reports.at(reports[i]).position;
        if (p.line == 0 || p.input >= g.inputs.size())
            throw output_error("the evidence of event " + g.reports[reports[i]].id +
                               " cannot be read again: its input is not a file");
        wanted[p.input].emplace_back(p.line, i);
    }
    for (auto& entry : wanted) {
        // Not a structured binding: the lambda below captures it (clang 14 refuses those).
        auto& lines = entry.second;
        std::sort(lines.begin(), lines.end());
        const std::string& file = g.inputs[entry.first];
        std::ifstream in(file, std::ios::binary);
        if (!in) throw input_error(file, std::string("cannot open: ") + std::strerror(errno));
        // Lines as the reader split them the first time; only the wanted ones parsed.
        std::size_t next = 0;
        std::exception_ptr failed;
        io::json::for_each_json_line(
            in, file, true,
            [&](std::string_view text, std::size_t line) {
                if (failed || next == lines.size() || lines[next].first != line) return;
                try {
                    const model::Event e = io::event_from_json(text, file, line);
                    while (next < lines.size() && lines[next].first == line)
                        out[lines[next++].second] = e;
                } catch (...) {
                    failed = std::current_exception();
                }
            },
            [](const std::exception&) {}, {}, 0);
        if (failed) std::rethrow_exception(failed);
        if (next < lines.size())
            throw input_error(file, lines[next].first, "changed since it was read: line not found");
    }
    return out;
}

graph::EventGraph& until_exit(graph::EventGraph&& g) {
    // Never destroyed, on purpose: no destructor runs for it at exit.
    static auto* const held = new std::vector<std::unique_ptr<graph::EventGraph>>;
    return *held->emplace_back(std::make_unique<graph::EventGraph>(std::move(g)));
}

bool nothing_to_write(const ReadSummary& summary, const std::string& output) {
    if (!summary.all_failed()) return false;
    // On standard output the inputs' own messages say it all.
    if (!output.empty() && output != "-")
        std::cerr << "eventgraph: nothing written to " << output << ": every input failed\n";
    return true;
}

int finish(io::Output& out, const ReadSummary& summary) {
    if (nothing_to_write(summary, out.path())) return 1;
    out.commit();
    return summary.ok() ? 0 : 1;
}

}  // namespace eventgraph::cli
