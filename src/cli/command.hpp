#pragma once
// One command of the program: its name, what it does, its options and its run
// function. main.cpp finds the command, handles --help, and maps errors to
// exit codes (1 bad data or failed work, 2 bad usage).

#include <functional>
#include <string>
#include <vector>

#include "args.hpp"
#include "eventgraph/extract/extractor.hpp"
#include "eventgraph/graph/graph.hpp"
#include "eventgraph/io/input.hpp"
#include "eventgraph/io/output.hpp"
#include "eventgraph/lexicon/load.hpp"
#include "eventgraph/model/article.hpp"
#include "eventgraph/model/event.hpp"

namespace eventgraph::cli {

struct Command {
    std::string name;
    std::string summary;   ///< one line for `eventgraph --help`
    std::string synopsis;  ///< "eventgraph normalize [OPTIONS] FILE…"
    std::string details;   ///< paragraphs for `eventgraph COMMAND --help`
    std::vector<OptionSpec> options;
    int (*run)(const Args& args) = nullptr;
};

/// Every command, in the order `eventgraph --help` lists them.
const std::vector<Command>& commands();

Command normalize_command();
Command run_command();
Command eval_command();
Command dates_command();
Command extract_command();
Command render_command();
Command actors_command();
Command export_command();
Command stats_command();
Command path_command();

/// Options several commands share.
OptionSpec output_option(const std::string& what);
/// --keep-going (-k): the default, accepted for scripts; --fail-fast: stop at the first bad record.
OptionSpec keep_going_option();
OptionSpec fail_fast_option();
/// Whether --fail-fast was given; a usage error with --keep-going.
bool fail_fast(const Args& args);
/// --lexicon FILE (repeatable): users' lexicon files added to the default one.
OptionSpec lexicon_option();
/// --no-default-dictionaries: only the users' --lexicon files, no default knowledge.
OptionSpec no_default_dictionaries_option();
/// The lexicon's load options the arguments give (--no-default-dictionaries).
lexicon::LoadOptions load_options(const Args& args);

/// --triggers FILE (repeatable): users' trigger files added to data/triggers.json.
OptionSpec triggers_option();
/// --verbs FILE (repeatable): users' verb dictionaries added to data/petrarch/CAMEO.2.0.txt.
OptionSpec verbs_option();

/// The extractor with the default lexicon and triggers and the users' files
/// named by --lexicon and --triggers; lexicon warnings of users' files go to
/// standard error.
extract::Extractor make_extractor(const Args& args);

/// --threads N, or every core.
std::size_t thread_count(const Args& args);

/// Extracts articles a batch at a time on several threads, so memory stays
/// bounded whatever the corpus size, and gives the events to the sink in
/// input order whatever the thread count.
class BatchExtractor {
public:
    BatchExtractor(const extract::Extractor& extractor, std::size_t threads,
                   std::function<void(const model::Event&)> sink)
        : extractor_(extractor), threads_(threads), sink_(std::move(sink)) {}
    void add(model::Article article) {
        batch_.push_back(std::move(article));
        if (batch_.size() == batch_size) flush();
    }
    void finish() { flush(); }

private:
    static constexpr std::size_t batch_size = 512;
    void flush();
    const extract::Extractor& extractor_;
    std::size_t threads_;
    std::function<void(const model::Event&)> sink_;
    std::vector<model::Article> batch_;
};

/// Prints "eventgraph: FILE:LINE: what" to standard error.
void report(const std::exception& e);

/// How reading the inputs went.
struct ReadSummary {
    std::size_t inputs = 0;  ///< files read (directories expanded)
    std::size_t articles = 0;
    std::size_t failed_inputs = 0;    ///< inputs that could not be read at all
    std::size_t skipped_records = 0;  ///< bad records reported and skipped
    std::size_t good_inputs = 0;      ///< inputs read whole, or with at least one good record

    /// Every input read whole.
    bool ok() const { return failed_inputs == 0 && skipped_records == 0; }
    /// Something failed and nothing was read: an output would hold nothing of the inputs.
    bool all_failed() const { return good_inputs == 0 && !ok(); }
};

/// Expands the paths one at a time (directories to their files, or with
/// `expand`), so that a missing one does not stop the others, and runs `read`
/// on each file: it returns the bad records it skipped, and `records` counts
/// the good ones its sinks were given. An input_error is reported and the next
/// input read, or with fail_fast thrown. Each file with bad records ends with
/// "eventgraph: FILE: N bad records skipped".
ReadSummary for_each_input(
    const std::vector<std::string>& paths, bool fail_fast, const std::size_t& records,
    const std::function<std::size_t(const std::string&)>& read,
    const std::function<std::vector<std::string>(const std::string&)>& expand = nullptr);

/// Reads every input named (directories expanded), gives each article to
/// `sink`, reports bad inputs and goes on with the others. A bad JSON Lines
/// record is reported ("FILE:LINE: what") and skipped, and each file that had
/// some ends with "FILE: N bad records skipped". With fail_fast the first bad
/// record or input throws instead.
ReadSummary read_all_inputs(const std::vector<std::string>& paths, bool fail_fast,
                            const std::function<void(model::Article)>& sink);

/// The same for event JSON Lines files, keeping of each event the fields asked for.
ReadSummary read_event_files(const std::vector<std::string>& paths, bool fail_fast,
                             const std::function<void(model::Event&&)>& sink,
                             const io::EventFields& fields = {});
/// The same, each event with its input (the index of its file among those
/// read, each told to `on_input` as it is opened) and its line.
ReadSummary read_event_files(
    const std::vector<std::string>& paths, bool fail_fast,
    const std::function<void(model::Event&&, std::size_t input, std::size_t line)>& sink,
    const io::EventFields& fields, const std::function<void(const std::string&)>& on_input,
    unsigned threads = 1);

/// --threads N for reading events (the number given, else every core).
OptionSpec read_threads_option();
unsigned read_threads(const Args& args);

/// The whole events of some of a graph's records (indices into its
/// reports), read again from their inputs at their lines, in that order.
/// Throws output_error for one read from standard input.
std::vector<model::Event> read_back(const graph::EventGraph& g,
                                    const std::vector<std::size_t>& reports);

/// What of each event the graph's own outputs need (DOT, GraphML, GEXF,
/// stats): no other sentences, details, triggers or patterns. The evidence's
/// sentence stays: it orders events that tie on everything before it.
io::EventFields graph_fields();
/// The same and the evidence's trigger, for paths (`path --json` shows it).
io::EventFields path_fields();

/// True when every input failed: an output (OUTPUT is its name, "" or "-" for
/// standard output) is then not written, so that an earlier file stays as it
/// was rather than be replaced by nothing; a named file is said to be so.
bool nothing_to_write(const ReadSummary& summary, const std::string& output);

/// A command's graph, held until the program exits and never freed: a
/// million events' tables take a noticeable part of a second to free, and
/// the system takes them back at once at exit. Still reachable (not a leak
/// to the sanitizers).
graph::EventGraph& until_exit(graph::EventGraph&& g);

/// Commits `out` unless nothing_to_write; the exit code: 0 if every input was
/// read whole, else 1.
int finish(io::Output& out, const ReadSummary& summary);

}  // namespace eventgraph::cli
