// An HTML page becomes its article: metadata from what the page declares for
// machines (Open Graph, JSON-LD, meta tags), then from what it shows people
// (headline, byline, <time>); the body from the story's container with the
// page furniture taken out.

#include <algorithm>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "article/detail_html.hpp"
#include "eventgraph/article/normalize.hpp"
#include "eventgraph/error.hpp"
#include "eventgraph/text/utf8.hpp"
#include "eventgraph/time/publication_date.hpp"

namespace eventgraph::article {

namespace {

using detail::ascii_lower;
using detail::attribute;
using detail::iequals;
using detail::istarts_with;
using detail::text_of;
using detail::Visit;

bool iends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && iequals(s.substr(s.size() - suffix.size()), suffix);
}

bool looks_like_url(std::string_view s) {
    return s.find("://") != std::string_view::npos || istarts_with(s, "www.") ||
           (!s.empty() && s[0] == '/');
}

// clang-format off
bool is_heading(const GumboNode* n) {
    if (!detail::is_element(n)) return false;
    switch (n->v.element.tag) {
        case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
        case GUMBO_TAG_H5: case GUMBO_TAG_H6:
            return true;
        default: return false;
    }
}
// clang-format on

bool has_word(const GumboNode* n, std::initializer_list<std::string_view> prefixes) {
    for (const std::string& w : detail::class_id_words(n))
        for (std::string_view p : prefixes)
            if (w.rfind(p, 0) == 0) return true;
    return false;
}

// Bylines, datelines and author boxes: what the story says about itself.
bool is_story_meta(const GumboNode* n) {
    return has_word(n, {"byline", "dateline", "author", "timestamp"}) ||
           attribute(n, "itemprop") == "author";
}

// What the page declares for machines, read over the whole document.
struct Declared {
    std::string language;
    std::string canonical;
    std::string title;
    std::map<std::string, std::vector<std::string>> meta;  // lower-cased key → contents
    std::vector<std::string> json_ld;

    std::string first(const std::string& key) const {
        const auto it = meta.find(key);
        return it == meta.end() || it->second.empty() ? std::string{} : it->second.front();
    }
    std::vector<std::string> all(const std::string& key) const {
        const auto it = meta.find(key);
        return it == meta.end() ? std::vector<std::string>{} : it->second;
    }
};

Declared read_declared(const detail::ParsedPage& page) {
    Declared d;
    d.language = text::clean_whitespace(attribute(page.html(), "lang"));
    detail::walk(page.document(), [&](const GumboNode* n) {
        if (n->type == GUMBO_NODE_DOCUMENT) return Visit::descend;
        if (!detail::is_element(n)) return Visit::skip;
        switch (n->v.element.tag) {
            case GUMBO_TAG_META: {
                const std::string content = text::clean_whitespace(attribute(n, "content"));
                if (content.empty()) break;
                for (const char* key_attr : {"property", "name", "itemprop", "http-equiv"}) {
                    const std::string key =
                        ascii_lower(text::clean_whitespace(attribute(n, key_attr)));
                    if (!key.empty()) d.meta[key].push_back(content);
                }
                break;
            }
            case GUMBO_TAG_LINK: {
                const std::string rel = " " + ascii_lower(attribute(n, "rel")) + " ";
                if (d.canonical.empty() && rel.find(" canonical ") != std::string::npos)
                    d.canonical = text::clean_whitespace(attribute(n, "href"));
                break;
            }
            case GUMBO_TAG_TITLE:
                if (d.title.empty() && n->parent != nullptr &&
                    n->parent->v.element.tag_namespace == GUMBO_NAMESPACE_HTML)
                    d.title = text_of(n).text;
                return Visit::skip;
            case GUMBO_TAG_SCRIPT:
                if (ascii_lower(text::clean_whitespace(attribute(n, "type"))) ==
                    "application/ld+json") {
                    std::string script;
                    for (unsigned i = 0; i < n->v.element.children.length; ++i) {
                        const auto* c =
                            static_cast<const GumboNode*>(n->v.element.children.data[i]);
                        if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE ||
                            c->type == GUMBO_NODE_CDATA)
                            script += c->v.text.text;
                    }
                    d.json_ld.push_back(std::move(script));
                }
                return Visit::skip;
            default:
                break;
        }
        return Visit::descend;
    });
    return d;
}

// What the page shows people, outside its furniture, in document order.
struct Shown {
    std::unordered_map<const GumboNode*, std::size_t> order;
    std::vector<const GumboNode*> h1s, times, bylines, author_markers, articles, body_marked;
    std::map<const GumboNode*, double> container_score;
};

Shown read_shown(const detail::ParsedPage& page) {
    Shown s;
    detail::walk(page.document(), [&](const GumboNode* n) {
        if (n->type == GUMBO_NODE_DOCUMENT) return Visit::descend;
        if (!detail::is_element(n) || detail::is_furniture(n)) return Visit::skip;
        s.order.emplace(n, s.order.size());
        const GumboTag tag = n->v.element.tag;
        if (tag == GUMBO_TAG_H1) s.h1s.push_back(n);
        if (tag == GUMBO_TAG_TIME) s.times.push_back(n);
        if (tag == GUMBO_TAG_ARTICLE) s.articles.push_back(n);
        if (iequals(attribute(n, "itemprop"), "articleBody")) s.body_marked.push_back(n);
        if (has_word(n, {"byline"})) s.bylines.push_back(n);
        if (detail::is_author_marker(n)) s.author_markers.push_back(n);
        if (tag == GUMBO_TAG_P) {
            // Readability's measure: a paragraph counts fully for its parent
            // and half for its grandparent, so that a story split into
            // blocks still has one container.
            const detail::BlockText t = text_of(n);
            if (t.link_share < 0.5 && n->parent != nullptr) {
                s.container_score[n->parent] += double(t.text.size());
                if (n->parent->parent != nullptr)
                    s.container_score[n->parent->parent] += double(t.text.size()) / 2;
            }
        }
        return Visit::descend;
    });
    return s;
}

// The story's paragraphs under root. Subheadings (<h2>…<h6>) are left out:
// they are headline-speak that restates the paragraphs below them, without
// attribution or tense, and as text they would give events twice, undated
// and unattributed. The story's own <header> (kicker, dek, byline) is left
// out for the same reason.
std::vector<model::Paragraph> collect_body(const GumboNode* root) {
    std::vector<model::Paragraph> out;
    auto add = [&](const GumboNode* n, model::ParagraphRole role) {
        detail::BlockText t = text_of(n);
        // Lines that are mostly links are "Read more: …" and "See also" lists.
        if (!t.text.empty() && t.link_share < 0.5) out.push_back({std::move(t.text), role});
    };
    detail::walk(root, [&](const GumboNode* n) {
        if (!detail::is_element(n)) return Visit::skip;
        const GumboTag tag = n->v.element.tag;
        if (n != root) {
            if (detail::is_furniture(n) || tag == GUMBO_TAG_HEADER || is_heading(n) ||
                is_story_meta(n))
                return Visit::skip;
        }
        if (tag == GUMBO_TAG_FIGCAPTION || (tag != GUMBO_TAG_FIGURE && has_word(n, {"caption"}))) {
            add(n, model::ParagraphRole::caption);
            return Visit::skip;
        }
        if (tag == GUMBO_TAG_P) {
            add(n, model::ParagraphRole::body);
            return Visit::descend;  // for a table inside it, see text_of
        }
        if (tag == GUMBO_TAG_LI) {
            add(n, model::ParagraphRole::body);
            return Visit::skip;
        }
        return Visit::descend;
    });
    return out;
}

std::size_t body_size(const std::vector<model::Paragraph>& ps) {
    std::size_t n = 0;
    for (const auto& p : ps)
        if (p.role == model::ParagraphRole::body) n += p.text.size();
    return n;
}

struct Body {
    const GumboNode* root = nullptr;
    std::vector<model::Paragraph> paragraphs;
};

// The story's container: the element marked itemprop=articleBody, else the
// <article> with the most text (unless the page uses <article> only for small
// teaser cards), else the element holding the most paragraph text.
Body find_body(const Shown& shown) {
    Body generic;
    const GumboNode* best = nullptr;
    double best_score = 0;
    for (const auto& [node, score] : shown.container_score) {
        if (score > best_score ||
            (score == best_score && best != nullptr && shown.order.count(node) &&
             shown.order.count(best) && shown.order.at(node) < shown.order.at(best))) {
            best = node;
            best_score = score;
        }
    }
    if (best != nullptr) generic = {best, collect_body(best)};

    for (const GumboNode* n : shown.body_marked) {
        // The <article> around it also holds the lead photo's caption.
        for (const GumboNode* a = n; detail::is_element(a); a = a->parent) {
            if (detail::is_element(a, GUMBO_TAG_ARTICLE)) {
                n = a;
                break;
            }
        }
        Body b{n, collect_body(n)};
        if (body_size(b.paragraphs) > 0) return b;
    }
    Body best_article;
    for (const GumboNode* n : shown.articles) {
        Body b{n, collect_body(n)};
        if (body_size(b.paragraphs) > body_size(best_article.paragraphs))
            best_article = std::move(b);
    }
    if (body_size(best_article.paragraphs) > 0 &&
        2 * body_size(best_article.paragraphs) >= body_size(generic.paragraphs))
        return best_article;
    return generic;
}

// Where to look for the headline, byline and date: the <article> around the
// body, else the nearest block around it that holds a headline.
const GumboNode* story_scope(const GumboNode* root, const Shown& shown) {
    for (const GumboNode* a = root; a != nullptr && detail::is_element(a); a = a->parent) {
        if (detail::is_element(a, GUMBO_TAG_ARTICLE)) return a;
    }
    for (const GumboNode* a = root; a != nullptr && detail::is_element(a); a = a->parent) {
        if (detail::is_element(a, GUMBO_TAG_BODY) || detail::is_element(a, GUMBO_TAG_HTML)) break;
        for (const GumboNode* h : shown.h1s)
            if (detail::contains(a, h)) return a;
    }
    return nullptr;
}

// The first of nodes inside scope; else, with no scope, the last one before
// the body (a byline or date above the text), else the first on the page.
const GumboNode* pick(const std::vector<const GumboNode*>& nodes, const GumboNode* scope,
                      const GumboNode* root, const Shown& shown) {
    if (scope != nullptr) {
        for (const GumboNode* n : nodes)
            if (detail::contains(scope, n)) return n;
    }
    const GumboNode* before = nullptr;
    const auto root_at = shown.order.find(root);
    if (root_at != shown.order.end()) {
        for (const GumboNode* n : nodes)
            if (shown.order.at(n) < root_at->second) before = n;
    }
    if (before != nullptr) return before;
    return nodes.empty() ? nullptr : nodes.front();
}

const char* const title_separators[] = {" | ",  " - ",        " \xE2\x80\x93 ", " \xE2\x80\x94 ",
                                        " :: ", " \xC2\xB7 ", " \xE2\x80\xA2 ", " // "};

// "Headline | Site" and "Site - Headline" lose the site's name.
std::string strip_site_name(std::string title, const std::vector<std::string>& site_names) {
    for (const std::string& site : site_names) {
        if (site.empty()) continue;
        for (const char* sep : title_separators) {
            const std::string tail = std::string(sep) + site, head = site + sep;
            if (title.size() > tail.size() && iends_with(title, tail)) {
                title.resize(title.size() - tail.size());
            } else if (title.size() > head.size() && istarts_with(title, head)) {
                title.erase(0, head.size());
            }
        }
    }
    return text::clean_whitespace(title);
}

// When the page does not name its site, a title's "… | Tail" is the site's
// name if the part before it is the headline shown elsewhere, or if two
// titles share the tail.
void learn_site_names(const std::vector<std::string>& titles, std::vector<std::string>& names) {
    for (const std::string& a : titles) {
        for (const char* sep : title_separators) {
            const std::size_t cut = a.rfind(sep);
            if (cut == std::string::npos || cut == 0) continue;
            const std::string head = a.substr(0, cut),
                              tail = a.substr(cut + std::string_view(sep).size());
            for (const std::string& b : titles) {
                if (&a == &b || tail.empty()) continue;
                if (iequals(b, head) || (iends_with(b, std::string(sep) + tail) && !iequals(a, b)))
                    names.push_back(tail);
            }
        }
    }
}

std::optional<model::Timestamp> parse_date(std::string_view s) {
    const std::string clean = text::clean_whitespace(s);
    if (clean.empty()) return std::nullopt;
    return time::parse_publication_date(clean);
}

}  // namespace

std::vector<model::Article> normalize_html_page(std::string_view html, const std::string& page_id,
                                                const std::string& file) {
    const detail::ParsedPage page(html);
    const Declared declared = read_declared(page);
    const Shown shown = read_shown(page);
    Body body = find_body(shown);
    if (body.root == nullptr || body_size(body.paragraphs) == 0)
        throw input_error(file,
                          "no article found: no paragraphs of text outside the page's "
                          "navigation, headers, footers and sidebars");
    const detail::JsonLdArticle ld = detail::read_json_ld(declared.json_ld);
    const GumboNode* scope = story_scope(body.root, shown);

    model::Article a;
    a.id = page_id;
    a.paragraphs = std::move(body.paragraphs);

    a.url = declared.canonical;
    if (a.url.empty()) a.url = declared.first("og:url");
    if (a.url.empty()) a.url = ld.url;

    a.source = declared.first("og:site_name");
    if (a.source.empty()) a.source = ld.publisher;
    if (a.source.empty()) a.source = ld.site_name;
    if (a.source.empty()) a.source = declared.first("application-name");

    a.language = declared.language;
    if (a.language.empty()) a.language = declared.first("content-language");
    if (a.language.empty()) {
        a.language = declared.first("og:locale");
        std::replace(a.language.begin(), a.language.end(), '_', '-');
    }
    if (a.language.empty()) a.language = ld.language;

    // Title.
    const GumboNode* h1 = pick(shown.h1s, scope, body.root, shown);
    const std::string h1_text = h1 == nullptr ? std::string{} : text_of(h1).text;
    std::vector<std::string> site_names{declared.first("og:site_name"), ld.publisher, ld.site_name,
                                        declared.first("application-name")};
    learn_site_names({declared.first("og:title"), declared.title, h1_text, ld.headline},
                     site_names);
    if (a.source.empty() && site_names.size() > 4) a.source = site_names[4];  // learnt from titles
    for (const std::string& t :
         {declared.first("og:title"), h1_text, ld.headline, declared.title}) {
        a.title = strip_site_name(t, site_names);
        if (!a.title.empty()) break;
    }

    // Publication date: declared forms first, the byline's words last.
    std::vector<std::string> dates{declared.first("article:published_time")};
    std::vector<const GumboNode*> marked_times, plain_times;
    for (const GumboNode* t : shown.times) {
        if (detail::has_attribute(t, "pubdate") ||
            iequals(attribute(t, "itemprop"), "datePublished"))
            marked_times.push_back(t);
        if (detail::has_attribute(t, "datetime")) plain_times.push_back(t);
    }
    for (const auto* list : {&marked_times, &plain_times})
        if (const GumboNode* t = pick(*list, scope, body.root, shown))
            dates.emplace_back(attribute(t, "datetime"));
    dates.push_back(ld.date_published);
    for (const char* key :
         {"datepublished", "date", "pubdate", "dc.date", "dc.date.issued", "dcterms.date",
          "dcterms.issued", "publishdate", "publish-date", "og:published_time"})
        dates.push_back(declared.first(key));
    for (const std::string& d : dates) {
        if ((a.published = parse_date(d))) break;
    }
    const GumboNode* byline = pick(shown.bylines, scope, body.root, shown);
    const std::string byline_text = byline == nullptr ? std::string{} : text_of(byline).text;
    if (!a.published && !byline_text.empty()) {
        if (const auto m = time::find_publication_date(byline_text)) a.published = m->value;
    }
    if (!a.published) {  // a <time> that shows its date only in words
        if (const GumboNode* t = pick(shown.times, scope, body.root, shown))
            a.published = parse_date(text_of(t).text);
    }

    // Authors: the byline markup the story shows, in page order (inside the
    // story's scope, else before or in its body); then the names the page
    // declares (JSON-LD, meta author, article:author) that it did not show;
    // an article:author URL's name only when nothing else names anyone.
    const auto root_at = shown.order.find(body.root);
    std::vector<const GumboNode*> in_scope, before_body;
    for (const GumboNode* n : shown.author_markers) {
        if (scope != nullptr && detail::contains(scope, n)) in_scope.push_back(n);
        if (detail::contains(body.root, n) ||
            (root_at != shown.order.end() && shown.order.at(n) < root_at->second))
            before_body.push_back(n);
    }
    a.authors = detail::marked_authors(in_scope, site_names);
    if (a.authors.empty()) a.authors = detail::marked_authors(before_body, site_names);
    std::vector<std::string> declared_authors = ld.authors, author_urls;
    for (const std::string& s : declared.all("author")) declared_authors.push_back(s);
    for (const std::string& s : declared.all("article:author"))
        (looks_like_url(s) ? author_urls : declared_authors).push_back(s);
    const auto add = [&](const std::string& s) {
        for (std::string& n : detail::byline_names(s, site_names))
            if (std::none_of(a.authors.begin(), a.authors.end(),
                             [&](const std::string& m) { return iequals(m, n); }))
                a.authors.push_back(std::move(n));
    };
    for (const std::string& s : declared_authors) add(s);
    if (a.authors.empty())
        for (const std::string& url : author_urls) add(detail::name_from_author_url(url));

    return {std::move(a)};
}

}  // namespace eventgraph::article
