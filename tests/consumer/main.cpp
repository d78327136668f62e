// consumer SENTENCE: the events eventgraph finds in one sentence, one a line,
// "TYPE SOURCE -> TARGET", read against the day 2024-03-05.
#include <iostream>

#include "eventgraph/extract/extractor.hpp"
#include "eventgraph/lexicon/load.hpp"
#include "eventgraph/time/publication_date.hpp"

int main(int argc, char** argv) {
    using namespace eventgraph;
    if (argc != 2) {
        std::cerr << "usage: consumer SENTENCE\n";
        return 2;
    }
    try {
        const extract::Extractor extractor(lexicon::load_default_lexicon(),
                                           extract::TriggerLexicon::load_default());
        model::Article article;
        article.id = "one-sentence";
        article.published = time::parse_publication_date("2024-03-05");
        article.paragraphs.push_back({argv[1], model::ParagraphRole::body});
        for (const model::Event& e : extractor.extract(article))
            std::cout << e.type << ' ' << (e.source ? e.source->id : "?") << " -> "
                      << (e.target ? e.target->id : "-") << '\n';
    } catch (const std::exception& e) {
        std::cerr << "consumer: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
