#pragma once
// Event extraction: from a normalized article, the events an analyst reads in
// it, each with its actors, date, place, attribution, polarity and the
// sentence that says so. Shallow parsing, as the design outlines: tokens,
// lexicon tags, chunks, clauses, roles per trigger. No full parser.

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "eventgraph/extract/grammar.hpp"
#include "eventgraph/extract/triggers.hpp"
#include "eventgraph/lexicon/lexicon.hpp"
#include "eventgraph/model/article.hpp"
#include "eventgraph/model/event.hpp"

namespace eventgraph::lexicon {
class ActorMatcher;
class Gazetteer;
}  // namespace eventgraph::lexicon

namespace eventgraph::extract {

/// The text events are found in: the title, then the paragraphs, joined by
/// blank lines. Evidence offsets are byte offsets into this text.
std::string article_text(const model::Article& article);

/// A stable id for an event: a hash of its article, sentence, type and actors,
/// and of its rank among the article's events that share those (0: the first).
/// `source` and `target` are the actors' ids, empty for an unknown source or no target.
std::string event_id(const std::string& article, int sentence, const std::string& type,
                     const std::string& source, const std::string& target, int rank = 0);

class Extractor {
public:
    /// Compiles the lexicon (a copy, or moved in) and takes the triggers and
    /// the word lists (by default data/english.json); all are read-only after.
    Extractor(lexicon::Lexicon actors, TriggerLexicon triggers,
              Grammar grammar = Grammar::load_default());
    ~Extractor();
    Extractor(Extractor&&) noexcept;
    Extractor& operator=(Extractor&&) noexcept;

    /// The events of one article, in the order of their sentences. A pure
    /// function of the article: safe to call from many threads at once.
    std::vector<model::Event> extract(const model::Article& article) const;

    const lexicon::ActorMatcher& actor_matcher() const noexcept { return *actors_; }
    const TriggerLexicon& triggers() const noexcept { return triggers_; }
    const Grammar& grammar() const noexcept { return grammar_; }

    /// The towns and cities places are found among: by default
    /// lexicon::default_gazetteer(); an empty one knows none.
    void use_gazetteer(std::shared_ptr<const lexicon::Gazetteer> places);

private:
    std::unique_ptr<lexicon::ActorMatcher> actors_;
    TriggerLexicon triggers_;
    Grammar grammar_;
    std::unordered_map<std::string, std::string>
        names_;  // code → name of countries and organisations
    std::shared_ptr<const lexicon::Gazetteer> places_;
};

}  // namespace eventgraph::extract
