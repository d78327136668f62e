#pragma once
// A news article as normalized from a scrape, an HTML page or article JSON.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "eventgraph/model/timestamp.hpp"

namespace eventgraph::model {

/// What a paragraph is on its page.
enum class ParagraphRole {
    body,     ///< the article's own text
    caption,  ///< a photo caption (has its own date and scene)
    teaser,   ///< a blurb linking to another story
    feed,     ///< a news-feed item
};

struct Paragraph {
    std::string text;
    ParagraphRole role = ParagraphRole::body;

    friend bool operator==(const Paragraph&, const Paragraph&) = default;
};

struct Article {
    std::string id;
    std::string url;
    std::string source;
    std::string title;
    std::vector<std::string> authors;
    std::optional<Timestamp> published;
    std::string language;
    std::vector<Paragraph> paragraphs;

    /// For a teaser or feed item cut out of a page: the page's id.
    std::string parent;
    /// For a teaser or feed item: the page's own publication time. Their own
    /// is unknown; a feed item is no older than its page.
    std::optional<Timestamp> page_published;
    /// For a feed item: the local time the page shows beside it, "HH:MM".
    std::string feed_time;
    /// Fields of article JSON that eventgraph does not know, kept as they
    /// were: (name, JSON text of the value), in input order.
    std::vector<std::pair<std::string, std::string>> extra;

    friend bool operator==(const Article&, const Article&) = default;
};

const char* to_string(ParagraphRole r);

}  // namespace eventgraph::model
