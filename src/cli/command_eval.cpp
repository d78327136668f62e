#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>

#include "command.hpp"
#include "eventgraph/error.hpp"
#include "eventgraph/eval/score.hpp"
#include "eventgraph/io/output.hpp"

namespace eventgraph::cli {

namespace {

std::string fixed(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", v);
    return buf;
}

std::string pad(std::string s, std::size_t width) {
    if (s.size() < width) s.resize(width, ' ');
    return s;
}

int run_eval(const Args& args) {
    if (args.positional().empty()) throw usage_error("no gold: give GOLD files or directories");
    if (!args.has("events")) throw usage_error("give the extracted events with --events FILE");
    const bool stop = fail_fast(args);
    std::vector<eval::GoldEvent> gold;
    io::ReadOptions options;
    options.keep_going = !stop;
    std::size_t gold_count = 0;
    const auto gold_read = for_each_input(
        args.positional(), stop, gold_count,
        [&](const std::string& file) {
            std::ifstream in(file, std::ios::binary);
            if (!in) throw input_error(file, std::string("cannot open: ") + std::strerror(errno));
            return eval::read_gold(
                in, file, options,
                [&](eval::GoldEvent g) {
                    gold.push_back(std::move(g));
                    ++gold_count;
                },
                [](const std::exception& e) { report(e); });
        },
        eval::gold_files);
    std::vector<model::Event> events;
    const auto summary = read_event_files(
        {args.get("events")}, stop, [&](model::Event&& e) { events.push_back(std::move(e)); });
    io::Output out(args.get("output"));
    // Scores of no gold, or of no events, would say nothing of the extraction.
    if (nothing_to_write(gold_read, out.path()) || nothing_to_write(summary, out.path())) return 1;
    const auto s = eval::score(gold, events);

    if (args.has("json")) {
        std::string json =
            "{\"articles\":" + std::to_string(s.articles) + ",\"tp\":" + std::to_string(s.all.tp) +
            ",\"fp\":" + std::to_string(s.all.fp) + ",\"fn\":" + std::to_string(s.all.fn) +
            ",\"precision\":" + fixed(s.all.precision()) + ",\"recall\":" + fixed(s.all.recall()) +
            ",\"f1\":" + fixed(s.all.f1()) + ",\"date_accuracy\":" + fixed(s.date_accuracy()) +
            ",\"by_type\":{";
        bool first = true;
        for (const auto& [type, c] : s.by_type) {
            json += std::string(first ? "" : ",") + "\"" + type +
                    "\":{\"tp\":" + std::to_string(c.tp) + ",\"fp\":" + std::to_string(c.fp) +
                    ",\"fn\":" + std::to_string(c.fn) + ",\"f1\":" + fixed(c.f1()) + "}";
            first = false;
        }
        out.line(json + "}}");
    } else {
        out.line("articles " + std::to_string(s.articles) + "  tp " + std::to_string(s.all.tp) +
                 "  fp " + std::to_string(s.all.fp) + "  fn " + std::to_string(s.all.fn) +
                 "  precision " + fixed(s.all.precision()) + "  recall " + fixed(s.all.recall()) +
                 "  f1 " + fixed(s.all.f1()) + "  date_accuracy " + fixed(s.date_accuracy()));
        out.line("");
        out.line(pad("type", 12) + pad("tp", 6) + pad("fp", 6) + pad("fn", 6) +
                 pad("precision", 11) + pad("recall", 8) + "f1");
        for (const auto& [type, c] : s.by_type)
            out.line(pad(type, 12) + pad(std::to_string(c.tp), 6) + pad(std::to_string(c.fp), 6) +
                     pad(std::to_string(c.fn), 6) + pad(fixed(c.precision()), 11) +
                     pad(fixed(c.recall()), 8) + fixed(c.f1()));
    }
    if (args.has("verbose")) {
        for (const auto& f : s.findings)
            std::cerr << f.kind << '\t' << f.article << '\t' << f.type << '\t' << f.source << "->"
                      << f.target << "\tdate " << f.predicted_date << " gold " << f.gold_date
                      << (f.note.empty() ? "" : "\t" + f.note) << '\n';
    }
    out.commit();
    return gold_read.ok() && summary.ok() ? 0 : 1;
}

}  // namespace

Command eval_command() {
    return {
        "eval",
        "score extracted events against gold events: precision, recall, F1, dates",
        "eventgraph eval [OPTIONS] GOLD… --events FILE",
        "Compares events (as `eventgraph extract` writes them) with gold events (*.gold.jsonl;\n"
        "a directory gives its gold files) per article, as (type, source code, target code).\n"
        "A page's teasers and feed items count under the page. Optional gold events are neither\n"
        "hits nor misses; consult, cooperate and agree match either way round; a date is right\n"
        "when one ISO value is a prefix of the other. Prints the totals and a line per type.\n"
        "A bad gold or event record is reported with its file and line and skipped; the exit\n"
        "code is then 1.",
        {{"events", 'e', true, "FILE", "the extracted events (JSON Lines; - for standard input)"},
         {"json", 0, false, "", "print the scores as one JSON object"},
         {"verbose", 'v', false, "", "list every TP, TP-date, FP and FN on standard error"},
         output_option("the scores"),
         keep_going_option(),
         fail_fast_option()},
        run_eval};
}

}  // namespace eventgraph::cli
