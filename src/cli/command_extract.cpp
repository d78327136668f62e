#include <future>
#include <iostream>
#include <thread>

#include "command.hpp"
#include "eventgraph/error.hpp"
#include "eventgraph/extract/extractor.hpp"
#include "eventgraph/io/data.hpp"
#include "eventgraph/io/event_json.hpp"
#include "eventgraph/io/output.hpp"
#include "eventgraph/lexicon/gazetteer.hpp"
#include "eventgraph/lexicon/load.hpp"
#include "progress.hpp"

namespace eventgraph::cli {

namespace {

int run_extract(const Args& args) {
    if (args.positional().empty())
        throw usage_error("no input: give FILE… or - for standard input");
    const extract::Extractor extractor = make_extractor(args);
    io::Output out(args.get("output"));
    std::size_t events = 0;
    BatchExtractor batches(extractor, thread_count(args), [&](const model::Event& e) {
        out.line(io::event_to_json(e));
        progress::events(++events);
    });
    const auto summary = read_all_inputs(args.positional(), fail_fast(args),
                                         [&](model::Article a) { batches.add(std::move(a)); });
    batches.finish();
    if (args.has("verbose"))
        std::cerr << "eventgraph: " << summary.articles << " articles, " << events << " events\n";
    return finish(out, summary);
}

}  // namespace

std::size_t thread_count(const Args& args) {
    return std::size_t(
        args.get_number("threads", long(std::max(1u, std::thread::hardware_concurrency())), 1));
}

void BatchExtractor::flush() {
    std::vector<std::vector<model::Event>> results(batch_.size());
    const std::size_t workers = std::min(threads_, batch_.size());
    if (workers <= 1) {
        for (std::size_t i = 0; i < batch_.size(); ++i) results[i] = extractor_.extract(batch_[i]);
    } else {
        std::vector<std::jthread> pool;
        for (std::size_t w = 0; w < workers; ++w)
            pool.emplace_back([&, w] {
                for (std::size_t i = w; i < batch_.size(); i += workers)
                    results[i] = extractor_.extract(batch_[i]);
            });
    }
    for (const auto& list : results)
        for (const auto& e : list) sink_(e);
    batch_.clear();
}

extract::Extractor make_extractor(const Args& args) {
    // The gazetteer is read on the other core meanwhile: nothing below needs
    // it before the Extractor, which takes it from default_gazetteer() (and
    // reads it again there, to throw its error, if it failed here).
    const auto places = std::async(std::launch::async, [] { (void)lexicon::default_gazetteer(); });
    // The default triggers too; their errors still come after the lexicon's.
    auto default_triggers = std::async(std::launch::async, [&args] {
        return args.has("no-default-dictionaries") ? extract::TriggerLexicon()
                                                   : extract::TriggerLexicon::load_default();
    });
    lexicon::Lexicon lex = lexicon::load_default_lexicon(args.all("lexicon"), load_options(args));
    for (const auto& w : lex.warnings())
        if (w.file.rfind(io::data_dir(), 0) != 0)
            std::cerr << "eventgraph: warning: " << lexicon::to_string(w) << '\n';
    // --no-default-dictionaries: only the user's triggers and verb dictionaries too.
    extract::TriggerLexicon triggers = default_triggers.get();
    for (const auto& file : args.all("triggers")) triggers.load_file(file);
    for (const auto& file : args.all("verbs")) {
        extract::VerbDictionary verbs;
        verbs.load_file(file);
        for (const auto& w : verbs.warnings()) std::cerr << "eventgraph: warning: " << w << '\n';
        triggers.add_verbs(std::move(verbs));
    }
    return extract::Extractor(std::move(lex), std::move(triggers));
}

OptionSpec triggers_option() {
    return {"triggers", 0, true, "FILE",
            "add event triggers from FILE (the format of data/triggers.json); repeatable"};
}

OptionSpec verbs_option() {
    return {"verbs", 0, true, "FILE",
            "add a TABARI/PETRARCH verb dictionary (the format of data/petrarch/CAMEO.2.0.txt); "
            "repeatable"};
}

Command extract_command() {
    return {
        "extract",
        "articles (raw, HTML, JSON, JSON Lines) -> events JSON Lines",
        "eventgraph extract [OPTIONS] FILE|DIR|-…",
        "Reads articles as `normalize` does and writes the events found in them, one JSON object\n"
        "a line (schemas/event.schema.json): type, source, target, date, place, who claims it,\n"
        "polarity, confidence and the sentence that says so. The output is the same, in the same\n"
        "order, whatever the number of threads.",
        {output_option("the events"),
         keep_going_option(),
         fail_fast_option(),
         lexicon_option(),
         no_default_dictionaries_option(),
         triggers_option(),
         verbs_option(),
         {"threads", 'j', true, "N", "threads to extract with (default: all cores)"},
         {"verbose", 'v', false, "", "say how many articles and events at the end"},
         progress::quiet_option()},
        run_extract};
}

}  // namespace eventgraph::cli
