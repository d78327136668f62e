// Bylines as news sites mark them up, and the names in them. A byline holds
// more than names: "By", roles ("staff writer"), the outlet ("Reuters"), the
// place, the date and "Updated …", handles and follow buttons; only the
// people are kept.

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "article/detail_html.hpp"
#include "eventgraph/text/utf8.hpp"
#include "eventgraph/time/publication_date.hpp"

namespace eventgraph::article::detail {

namespace {

// Longer text is an author box's biography or a container, not a byline;
// a marker around more elements than this is not read either, so that
// nested markers cost no more than a bounded look at each.
constexpr std::size_t max_byline_bytes = 300;
constexpr std::size_t max_byline_nodes = 200;

bool looks_like_url(std::string_view s) {
    return s.find("://") != std::string_view::npos || istarts_with(s, "www.") ||
           (!s.empty() && s[0] == '/');
}

std::vector<std::string> words_of(std::string_view s) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && s[i] == ' ') ++i;
        const std::size_t start = i;
        while (i < s.size() && s[i] != ' ') ++i;
        if (i > start) out.emplace_back(s.substr(start, i - start));
    }
    return out;
}

// Words that make a part of a byline a role, a desk or a note, not a name.
const std::unordered_set<std::string>& role_words() {
    static const std::unordered_set<std::string> w{
        "staff",       "writer",       "writers",      "correspondent", "correspondents",
        "contributor", "contributors", "contributing", "reporter",      "reporters",
        "reporting",   "editor",       "editors",      "editorial",     "columnist",
        "author",      "authors",      "producer",     "photographer",  "photos",
        "photo",       "analyst",      "bureau",       "chief",         "senior",
        "desk",        "team",         "newsroom",     "wire",          "wires",
        "agency",      "agencies",     "service",      "admin",         "administrator",
        "guest",       "intern",       "opinion",      "updated",       "published",
        "posted",      "news",         "press",        "media",         "network",
        "times",       "tribune",      "herald",       "journal",       "gazette"};
    return w;
}

// Wire agencies and outlets that sign stories without being anyone.
const std::unordered_set<std::string>& outlets() {
    // clang-format off
    static const std::unordered_set<std::string> o{
        "reuters", "ap", "associated press", "the associated press", "afp",
        "agence france-presse", "agence france presse", "bloomberg", "dpa", "xinhua", "tass",
        "ria novosti", "interfax", "upi", "efe", "ansa", "kyodo", "yonhap", "pti", "ani",
        "ukrinform", "anadolu", "cnn", "bbc", "ap and reuters"};
    // clang-format on
    return o;
}

// Buttons and links that sit beside a name in author boxes.
const std::unordered_set<std::string>& decoration_words() {
    static const std::unordered_set<std::string> d{"follow",   "email",    "e-mail",    "twitter",
                                                   "facebook", "linkedin", "instagram", "bio",
                                                   "profile",  "x"};
    return d;
}

// One part of a byline made a name, or empty.
std::string clean_part(std::string p, const std::vector<std::string>& site_names) {
    p = text::clean_whitespace(p);
    for (std::string_view lead : {"and ", "by ", "& ", "with "})
        if (istarts_with(p, lead)) p.erase(0, lead.size());
    // "John Roe in Kyiv", "Jane Doe from Kharkiv": the place is not the name.
    for (std::string_view at : {" in ", " from "}) {
        const std::size_t cut = ascii_lower(p).find(at);
        if (cut != std::string::npos && cut + at.size() < p.size() &&
            text::is_ascii_upper(p[cut + at.size()]))
            p.resize(cut);
    }
    std::vector<std::string> words;
    for (std::string w : words_of(p)) {
        while (!w.empty() && (w.back() == '.' || w.back() == ',' || w.back() == ':') &&
               !(w.size() == 2 && text::is_ascii_upper(w[0])))  // an initial keeps its period
            w.pop_back();
        if (w.empty() || w[0] == '@' || decoration_words().count(ascii_lower(w))) continue;
        const std::string word = ascii_lower(w);
        // "By" and "and" standing alone: labels between the names' markup.
        if (role_words().count(word) || word == "by" || word == "and" || word == "with") return {};
        words.push_back(std::move(w));
    }
    // "Jane Doe Follow on X": the lower-case words left at the end.
    while (!words.empty() && std::all_of(words.back().begin(), words.back().end(),
                                         [](char c) { return c >= 'a' && c <= 'z'; }))
        words.pop_back();
    std::string name;
    for (const std::string& w : words) name += (name.empty() ? "" : " ") + w;
    if (name.empty() || name.size() > 80 || looks_like_url(name) ||
        name.find_first_of("0123456789@()|") != std::string::npos)
        return {};
    // A name starts with a capital (or a letter beyond ASCII) and is a few words.
    const unsigned char first = static_cast<unsigned char>(name[0]);
    if (!(text::is_ascii_upper(name[0]) || first >= 0x80)) return {};
    if (std::count(name.begin(), name.end(), ' ') > 4) return {};
    if (outlets().count(ascii_lower(name))) return {};
    for (const std::string& s : site_names)
        if (!s.empty() && iequals(s, name)) return {};
    return name;
}

// True if the marker holds at most max_byline_nodes nodes and
// max_byline_bytes bytes of text; found without walking past either.
bool is_small(const GumboNode* marker) {
    std::size_t nodes = 0, bytes = 0;
    bool small = true;
    walk(marker, [&](const GumboNode* n) {
        if (n->type == GUMBO_NODE_TEXT) bytes += std::string_view(n->v.text.text).size();
        small = ++nodes <= max_byline_nodes && bytes <= max_byline_bytes;
        return small ? Visit::descend : Visit::stop;
    });
    return small;
}

// The text of an itemprop="name" inside a small author marker (its content
// if a <meta>), or empty.
std::string itemprop_name(const GumboNode* marker) {
    std::string out;
    walk(marker, [&](const GumboNode* n) {
        if (!is_element(n)) return Visit::skip;
        if (n != marker && iequals(attribute(n, "itemprop"), "name")) {
            out = is_element(n, GUMBO_TAG_META) ? text::clean_whitespace(attribute(n, "content"))
                                                : text_of(n).text;
            return Visit::stop;
        }
        return Visit::descend;
    });
    return out;
}

void add_unique(std::vector<std::string>& names, std::string name) {
    if (name.empty()) return;
    for (const std::string& n : names)
        if (iequals(n, name)) return;
    names.push_back(std::move(name));
}

}  // namespace

std::vector<std::string> byline_names(std::string_view byline,
                                      const std::vector<std::string>& site_names) {
    std::string t = text::clean_whitespace(byline);
    if (const auto date = time::find_publication_date(t)) t.resize(date->begin);
    // What follows a separator or a note of time is not names.
    for (std::string_view stop :
         {"|", "\xE2\x80\xA2", "\xC2\xB7", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "}) {
        const std::size_t cut = t.find(stop);
        if (cut != std::string::npos) t.resize(cut);
    }
    const std::string lower = ascii_lower(t);
    for (std::string_view stop : {"last updated", "updated", "published", "posted on"}) {
        if (const std::size_t cut = lower.find(stop); cut < t.size()) t.resize(cut);
    }
    // "(Reuters)", "(AP)": the outlet in brackets.
    for (std::size_t open = t.find('('); open != std::string::npos; open = t.find('(', open)) {
        const std::size_t close = t.find(')', open);
        t.erase(open, close == std::string::npos ? std::string::npos : close - open + 1);
    }
    t = text::clean_whitespace(t);
    for (std::string_view lead : {"written by ", "reporting by ", "words by ", "story by ",
                                  "posted by ", "by: ", "by ", "authors: ", "author: "}) {
        if (istarts_with(t, lead)) {
            t.erase(0, lead.size());
            break;
        }
    }
    // Split at ", ", "; ", " and ", " & ", " with ".
    const std::string lt = ascii_lower(t);  // "BY JANE DOE AND JOHN ROE" too
    std::vector<std::string> names;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= t.size(); ++i) {
        std::size_t sep = 0;
        if (i == t.size()) {
            sep = 1;
        } else if (lt.compare(i, 2, ", ") == 0 || lt.compare(i, 2, "; ") == 0) {
            sep = 2;
        } else if (lt.compare(i, 5, " and ") == 0) {
            sep = 5;
        } else if (lt.compare(i, 3, " & ") == 0) {
            sep = 3;
        } else if (lt.compare(i, 6, " with ") == 0) {
            sep = 6;
        } else {
            continue;
        }
        add_unique(names, clean_part(t.substr(start, i - start), site_names));
        i += sep - 1;
        start = i + 1;
    }
    return names;
}

std::string name_from_author_url(std::string_view url) {
    std::string_view path = url;
    if (const std::size_t q = path.find_first_of("?#"); q != std::string_view::npos)
        path = path.substr(0, q);
    while (!path.empty() && path.back() == '/') path.remove_suffix(1);
    const std::size_t slash = path.rfind('/');
    if (slash == std::string_view::npos) return {};
    const std::string_view last = path.substr(slash + 1);
    std::string name;
    std::size_t words = 0;
    bool word_start = true;
    for (const char c : last) {
        if (c == '-' || c == '_') {
            if (word_start) return {};  // "--", a leading or doubled separator
            name += ' ';
            word_start = true;
            continue;
        }
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (!letter) return {};
        if (word_start) ++words;
        name += word_start && c >= 'a' && c <= 'z' ? char(c - 'a' + 'A') : c;
        word_start = false;
    }
    if (word_start || words < 2 || words > 4) return {};
    return name;
}

bool is_author_marker(const GumboNode* node) {
    if (!is_element(node)) return false;
    if ((" " + ascii_lower(attribute(node, "rel")) + " ").find(" author ") != std::string::npos ||
        iequals(attribute(node, "itemprop"), "author"))
        return true;
    for (const std::string& w : class_id_words(node)) {
        if (w.find("byline") != std::string::npos) return true;
        const std::size_t at = w.find("author");
        // "authority" is a word of its own.
        if (at != std::string::npos && w.compare(at, 9, "authority") != 0 &&
            w.compare(at, 9, "authorisa") != 0 && w.compare(at, 9, "authoriza") != 0)
            return true;
    }
    return false;
}

std::vector<std::string> marked_authors(const std::vector<const GumboNode*>& markers,
                                        const std::vector<std::string>& site_names) {
    // Innermost first: a marker whose inner markers name anyone gives no
    // names of its own ("By <a rel=author>…</a>, Staff Writer").
    std::unordered_set<const GumboNode*> is_marker(markers.begin(), markers.end()), named_inside;
    std::vector<std::vector<std::string>> own(markers.size());
    for (std::size_t i = markers.size(); i-- > 0;) {
        const GumboNode* m = markers[i];
        if (named_inside.count(m) || !is_small(m)) continue;
        std::string text = itemprop_name(m);
        if (text.empty()) text = text_of(m).text;
        own[i] = byline_names(text, site_names);
        if (own[i].empty()) continue;
        for (const GumboNode* a = m->parent; a != nullptr; a = a->parent)
            if (is_marker.count(a) && !named_inside.insert(a).second) break;
    }
    std::vector<std::string> names;
    for (auto& list : own)
        for (std::string& n : list) add_unique(names, std::move(n));
    return names;
}

}  // namespace eventgraph::article::detail
