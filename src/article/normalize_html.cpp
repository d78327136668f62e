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

using detail::attribute;
using detail::text_of;
using detail::Visit;

char lower(char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }

std::string lowered(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = lower(c);
    return out;
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}

bool istarts_with(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

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
                    const std::string key = lowered(text::clean_whitespace(attribute(n, key_attr)));
                    if (!key.empty()) d.meta[key].push_back(content);
                }
                break;
            }
            case GUMBO_TAG_LINK: {
                const std::string rel = " " + lowered(attribute(n, "rel")) + " ";
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
                if (lowered(text::clean_whitespace(attribute(n, "type"))) ==
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
    std::vector<const GumboNode*> h1s, times, bylines, author_links, articles, body_marked;
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
        if (tag == GUMBO_TAG_A &&
            (" " + lowered(attribute(n, "rel")) + " ").find(" author ") != std::string::npos)
            s.author_links.push_back(n);
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

// "By Jane Doe and John Roe in Kyiv | September 10, 2024" → the names.
std::vector<std::string> split_names(std::string_view byline,
                                     const std::vector<std::string>& site_names) {
    std::string t = text::clean_whitespace(byline);
    if (const auto date = time::find_publication_date(t)) t.resize(date->begin);
    for (std::string_view stop : {"|", "\xE2\x80\xA2", "\xC2\xB7", " - ", " \xE2\x80\x93 ",
                                  " \xE2\x80\x94 ", "Updated", "Published", "Posted"}) {
        const std::size_t cut = t.find(stop);
        if (cut != std::string::npos) t.resize(cut);
    }
    t = text::clean_whitespace(t);
    for (std::string_view lead :
         {"written by ", "reporting by ", "words by ", "story by ", "by "}) {
        if (istarts_with(t, lead)) {
            t.erase(0, lead.size());
            break;
        }
    }
    // Split at ", ", " and ", " & ", "; ".
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= t.size(); ++i) {
        std::size_t sep = 0;
        if (i == t.size()) {
            sep = 0;
        } else if (t.compare(i, 2, ", ") == 0 || t.compare(i, 2, "; ") == 0) {
            sep = 2;
        } else if (t.compare(i, 5, " and ") == 0) {
            sep = 5;
        } else if (t.compare(i, 3, " & ") == 0) {
            sep = 3;
        } else {
            continue;
        }
        parts.push_back(t.substr(start, i - start));
        if (i == t.size()) break;
        i += sep - 1;
        start = i + 1;
    }
    std::vector<std::string> names;
    for (std::string p : parts) {
        p = text::clean_whitespace(p);
        if (istarts_with(p, "and ")) p.erase(0, 4);
        // "John Roe in Kyiv": the place is not part of the name.
        if (const std::size_t in = p.find(" in ");
            in != std::string::npos && in + 4 < p.size() && p[in + 4] >= 'A' && p[in + 4] <= 'Z')
            p.resize(in);
        while (!p.empty() && (p.back() == '.' || p.back() == ',')) p.pop_back();
        p = text::clean_whitespace(p);
        if (p.empty() || p.size() > 80 || looks_like_url(p) ||
            p.find_first_of("0123456789@") != std::string::npos)
            continue;
        if (std::count(p.begin(), p.end(), ' ') > 5) continue;  // a sentence, not a name
        bool known = false;
        for (const std::string& s : site_names) known = known || iequals(s, p);
        for (const std::string& n : names) known = known || iequals(n, p);
        if (!known) names.push_back(p);
    }
    return names;
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

    // Authors: the first source that names anyone.
    std::vector<std::vector<std::string>> author_sources;
    author_sources.push_back(ld.authors);
    author_sources.push_back(declared.all("author"));
    std::vector<std::string> og_authors;
    for (const std::string& s : declared.all("article:author"))
        if (!looks_like_url(s)) og_authors.push_back(s);
    author_sources.push_back(og_authors);
    std::vector<std::string> linked;
    for (const GumboNode* n : shown.author_links)
        if (scope == nullptr || detail::contains(scope, n)) linked.push_back(text_of(n).text);
    author_sources.push_back(linked);
    author_sources.push_back({byline_text});
    for (const auto& source : author_sources) {
        for (const std::string& s : source)
            for (std::string& n : split_names(s, site_names))
                if (std::none_of(a.authors.begin(), a.authors.end(),
                                 [&](const std::string& m) { return iequals(m, n); }))
                    a.authors.push_back(std::move(n));
        if (!a.authors.empty()) break;
    }

    return {std::move(a)};
}

}  // namespace eventgraph::article
