#pragma once
// Internals of the HTML normalizer: a guard that keeps gumbo's input shallow,
// tree walking without recursion, what counts as page furniture, the visible
// text of a block, and the JSON-LD reader.

#include <gumbo.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "eventgraph/text/ascii.hpp"

namespace eventgraph::article::detail {

/// Gumbo's tree builder slows down quadratically with nesting and overflows
/// the stack near a million levels, so the page is made shallow before gumbo
/// sees it: start tags that would open an element deeper than `max_depth` are
/// dropped, and formatting elements (<a>, <b>, <font>, …) left open past
/// `max_formatting`, which gumbo would clone into every later block, become
/// <span>s. Text is always kept.
std::string bound_nesting(std::string_view html, std::size_t max_depth = 256,
                          std::size_t max_formatting = 12);

/// Owns a gumbo parse tree.
class ParsedPage {
public:
    explicit ParsedPage(std::string_view html);
    ~ParsedPage();
    ParsedPage(const ParsedPage&) = delete;
    ParsedPage& operator=(const ParsedPage&) = delete;

    const GumboNode* document() const { return output_->document; }
    const GumboNode* html() const { return output_->root; }

private:
    std::string source_;  // gumbo points into it: it must outlive output_
    GumboOutput* output_ = nullptr;
};

const GumboVector* children_of(const GumboNode* node);
bool is_element(const GumboNode* node, GumboTag tag);
bool is_element(const GumboNode* node);

using text::ascii_lower;
using text::iequals;
using text::istarts_with;

/// The value of an attribute, empty if absent.
std::string_view attribute(const GumboNode* node, const char* name);
bool has_attribute(const GumboNode* node, const char* name);

/// The words of class and id, lower-cased, split at anything not a letter or
/// digit: "RelatedStories share-bar" gives "relatedstories", "share", "bar".
std::vector<std::string> class_id_words(const GumboNode* node);

/// True for parts of the page that are not the story: navigation, site header
/// and footer, asides, forms, embeds, scripts, and elements whose class, id or
/// role names related stories, newsletters, sharing, comments, adverts,
/// promotions or cookie banners; and parts the page hides.
bool is_furniture(const GumboNode* node);

/// True if any ancestor of node (up to, not including, `stop`) is furniture.
bool inside_furniture(const GumboNode* node, const GumboNode* stop = nullptr);

/// True if `ancestor` is node or one of its ancestors.
bool contains(const GumboNode* ancestor, const GumboNode* node);

/// The visible text of an element as a reader sees it: inline elements run
/// together, block elements and <br> separate words, furniture left out.
struct BlockText {
    std::string text;         ///< white space cleaned
    double link_share = 0.0;  ///< the part of it that is link text, 0 to 1
};
BlockText text_of(const GumboNode* node);

/// What to do after visiting a node in walk().
enum class Visit { descend, skip, stop };

/// Pre-order walk without recursion, so that depth costs heap, not stack.
template <class F>
void walk(const GumboNode* root, F&& visit) {
    std::vector<const GumboNode*> stack{root};
    while (!stack.empty()) {
        const GumboNode* node = stack.back();
        stack.pop_back();
        const Visit v = visit(node);
        if (v == Visit::stop) return;
        if (v == Visit::skip) continue;
        if (const GumboVector* kids = children_of(node)) {
            for (unsigned i = kids->length; i-- > 0;)
                stack.push_back(static_cast<const GumboNode*>(kids->data[i]));
        }
    }
}

/// What the page's JSON-LD says about its article.
struct JsonLdArticle {
    std::string headline;
    std::string date_published;
    std::vector<std::string> authors;
    std::string publisher;
    std::string site_name;  ///< a WebSite node's name
    std::string url;
    std::string language;
};

/// The people a byline names, in its order, each once: "By Jane Doe and John
/// Roe in Kyiv, Reuters | Updated September 10, 2024" gives Jane Doe, John Roe.
/// "By" and its kin, roles ("staff writer", "Kyiv correspondent"), outlets
/// (wire agencies, the site's own names, "… News"), dates, handles, e-mail
/// addresses and links are left out; names are split at commas, "and", "&",
/// "with" and ";".
std::vector<std::string> byline_names(std::string_view byline,
                                      const std::vector<std::string>& site_names);

/// The name an author URL's last path part spells ("…/authors/jane-doe" gives
/// "Jane Doe"), or empty when it is no two to four words of letters.
std::string name_from_author_url(std::string_view url);

/// True for an element that marks an author: rel="author", itemprop="author",
/// or a class or id word holding "author" or "byline".
bool is_author_marker(const GumboNode* node);

/// The names the author markers give (markers in document order): each
/// marker's own names come from the innermost markers inside it that name
/// anyone, else from its itemprop="name" child, else from its text.
std::vector<std::string> marked_authors(const std::vector<const GumboNode*>& markers,
                                        const std::vector<std::string>& site_names);

/// Reads the text of every <script type="application/ld+json"> of a page.
/// Scripts that are not valid JSON are passed over: other sources remain.
JsonLdArticle read_json_ld(const std::vector<std::string>& scripts);

}  // namespace eventgraph::article::detail
