#pragma once
// Scoring extracted events against gold events (the format of the gold
// annotation guide): precision, recall, F1, date accuracy, by type.

#include <cstddef>
#include <functional>
#include <istream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "eventgraph/io/input.hpp"
#include "eventgraph/model/event.hpp"

namespace eventgraph::eval {

/// One gold event: the acceptable types, sources and targets (codes; an
/// unset code means "no actor"), the date as precise as the text allows.
struct GoldEvent {
    std::string article;
    std::vector<std::string> types;
    std::vector<std::optional<std::string>> sources;
    std::vector<std::optional<std::string>> targets;
    std::optional<std::string> date;
    std::optional<std::string> attributed_to;
    bool optional = false;
    std::string note;
    std::string file;
    std::size_t line = 0;
};

/// Reads gold files; a directory gives its *.gold.jsonl files. Throws input_error
/// at the first bad record.
std::vector<GoldEvent> load_gold(const std::vector<std::string>& paths);

/// The gold files a path names: itself, or a directory's *.gold.jsonl files.
/// Throws input_error for a path that does not exist.
std::vector<std::string> gold_files(const std::string& path);

/// Streams the gold events of one JSON Lines file. A bad record (its "date"
/// must be YYYY-MM-DD, YYYY-MM or YYYY) throws input_error, or with
/// options.keep_going is given to on_skip and skipped. Returns the number skipped.
std::size_t read_gold(std::istream& in, const std::string& file, const io::ReadOptions& options,
                      const std::function<void(GoldEvent)>& sink,
                      const std::function<void(const std::exception&)>& on_skip);

struct Counts {
    std::size_t tp = 0, fp = 0, fn = 0;
    double precision() const;
    double recall() const;
    double f1() const;
};

/// One line of the detailed listing: TP, TP-date (right event, wrong date), FP or FN.
struct Finding {
    std::string kind;
    std::string article;
    std::string type;    ///< for FN: the gold's types joined with '|'
    std::string source;  ///< codes, "-" for none
    std::string target;
    std::string predicted_date;
    std::string gold_date;
    std::string note;
};

struct Score {
    Counts all;
    std::size_t dates_right = 0;
    std::size_t articles = 0;
    std::map<std::string, Counts>
        by_type;  ///< by the predicted type (TP, FP) or the gold's first type (FN)
    std::vector<Finding> findings;
    double date_accuracy() const { return all.tp ? double(dates_right) / double(all.tp) : 0.0; }
};

/// Events are compared per article (a page's teasers and feed items count
/// under the page) as (type, source code, target code): duplicates count
/// once and the first one's date is taken. An optional gold event is neither
/// a hit nor a miss. consult, cooperate and agree match either way round. A
/// date is right when one ISO value is a prefix of the other. Only articles
/// with gold are scored.
Score score(const std::vector<GoldEvent>& gold, const std::vector<model::Event>& events);

}  // namespace eventgraph::eval
