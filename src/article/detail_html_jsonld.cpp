// JSON-LD as news sites write it: one object, an array of them, or an
// "@graph" whose nodes point at each other by "@id" (Yoast, for one, puts the
// author in a Person node and gives the article only its "@id").

#include <deque>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "article/detail_html.hpp"
#include "eventgraph/text/utf8.hpp"
#include "io/json.hpp"

namespace eventgraph::article::detail {

namespace {

using io::json::Value;

// Nodes deeper than this are not looked at: article data sits near the top.
constexpr int max_json_depth = 12;
constexpr std::size_t max_json_nodes = 20000;

// CMSs often write HTML-escaped text into JSON-LD ("Trump &amp; Putin");
// the common entities and numeric references are decoded, others kept.
std::string decode_entities(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '&') {
            out += s[i];
            continue;
        }
        const std::size_t semi = s.find(';', i);
        if (semi == std::string_view::npos || semi - i > 10) {
            out += s[i];
            continue;
        }
        const std::string_view name = s.substr(i + 1, semi - i - 1);
        static const std::pair<std::string_view, std::string_view> named[] = {
            {"amp", "&"},
            {"quot", "\""},
            {"apos", "'"},
            {"lt", "<"},
            {"gt", ">"},
            {"nbsp", "\xC2\xA0"},
            {"rsquo", "\xE2\x80\x99"},
            {"lsquo", "\xE2\x80\x98"},
            {"rdquo", "\xE2\x80\x9D"},
            {"ldquo", "\xE2\x80\x9C"},
            {"mdash", "\xE2\x80\x94"},
            {"ndash", "\xE2\x80\x93"}};
        bool done = false;
        for (const auto& [n, v] : named) {
            if (name == n) {
                out.append(v);
                done = true;
                break;
            }
        }
        if (!done && name.size() > 1 && name[0] == '#') {
            const bool hex = name[1] == 'x' || name[1] == 'X';
            const std::string digits(name.substr(hex ? 2 : 1));
            if (!digits.empty() && digits.size() <= 7 &&
                digits.find_first_not_of(hex ? "0123456789abcdefABCDEF" : "0123456789") ==
                    std::string::npos) {
                const unsigned long cp = std::stoul(digits, nullptr, hex ? 16 : 10);
                text::append_utf8(out, cp > 0x10FFFF ? char32_t(0xFFFD) : char32_t(cp));
                done = true;
            }
        }
        if (done) {
            i = semi;
        } else {
            out += '&';
        }
    }
    return text::clean_whitespace(out);
}

std::string string_of(Value v) {
    if (v.is_string()) return decode_entities(v.string());
    if (v.is_array()) return string_of(v[0]);
    return {};
}

std::string member_string(Value obj, const char* name) { return string_of(obj[name]); }

// "NewsArticle", "schema:NewsArticle" and "http://schema.org/NewsArticle" alike.
std::vector<std::string> types_of(Value obj) {
    std::vector<std::string> out;
    const Value t = obj["@type"];
    auto add = [&](Value v) {
        if (!v.is_string()) return;
        const std::string_view s = v.string();
        const std::size_t cut = s.find_last_of("/:#");
        out.emplace_back(cut == std::string_view::npos ? s : s.substr(cut + 1));
    };
    if (t.is_array()) {
        for (const Value e : t.items()) add(e);
    } else {
        add(t);
    }
    return out;
}

bool ends_with(std::string_view s, std::string_view tail) {
    return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

bool is_article_type(const std::string& t) {
    return ends_with(t, "Article") || ends_with(t, "BlogPosting") || t == "Report";
}

class Graph {
public:
    void add_document(Value root) {
        std::vector<std::pair<Value, int>> stack{{root, 0}};
        while (!stack.empty() && seen_ < max_json_nodes) {
            const auto [v, depth] = stack.back();
            stack.pop_back();
            ++seen_;
            if (depth > max_json_depth) continue;
            if (v.is_array()) {
                for (std::size_t i = v.size(); i > 0; --i) stack.emplace_back(v[i - 1], depth + 1);
            } else if (v.is_object()) {
                objects_.push_back(v);
                const std::string id = member_string(v, "@id");
                if (!id.empty() && v.has("@type")) ids_.emplace(id, v);
                const auto members = v.members();
                std::vector<Value> values;
                for (const auto& m : members) values.push_back(m.value);
                for (auto it = values.rbegin(); it != values.rend(); ++it)
                    stack.emplace_back(*it, depth + 1);
            }
        }
    }

    const std::vector<Value>& objects() const { return objects_; }

    // A reference {"@id": …} stands for the node with that id.
    Value resolve(Value v) const {
        if (!v.is_object() || v.has("@type")) return v;
        const auto it = ids_.find(member_string(v, "@id"));
        return it == ids_.end() ? v : it->second;
    }

    std::string name_of(Value v) const {
        if (v.is_string()) return string_of(v);
        return member_string(resolve(v), "name");
    }

    // The people among authors: a string, a Person (its name, or given and
    // family names), or an array of them; an Organization is the outlet.
    std::vector<std::string> people_of(Value v) const {
        std::vector<std::string> out;
        auto add = [&](Value e) {
            const Value r = resolve(e);
            for (const std::string& t : types_of(r))
                if (ends_with(t, "Organization")) return;
            std::string n = name_of(e);
            if (n.empty() && r.is_object())
                n = text::clean_whitespace(member_string(r, "givenName") + " " +
                                           member_string(r, "familyName"));
            if (!n.empty()) out.push_back(std::move(n));
        };
        if (v.is_array()) {
            for (const Value e : v.items()) add(e);
        } else {
            add(v);
        }
        return out;
    }

private:
    std::vector<Value> objects_;
    std::map<std::string, Value> ids_;
    std::size_t seen_ = 0;
};

// What lies between the braces: some sites wrap the JSON in "<!-- … -->" or
// "//<![CDATA[ … //]]>".
std::string_view json_part(std::string_view s) {
    const std::size_t first = s.find_first_of("{[");
    const std::size_t last = s.find_last_of("}]");
    if (first == std::string_view::npos || last == std::string_view::npos || last < first)
        return {};
    return s.substr(first, last - first + 1);
}

}  // namespace

JsonLdArticle read_json_ld(const std::vector<std::string>& scripts) {
    std::deque<io::json::Document> documents;
    Graph graph;
    for (const std::string& script : scripts) {
        const std::string_view json = json_part(script);
        if (json.empty()) continue;
        if (auto doc = io::json::Document::try_parse(json, io::json::Syntax::lenient)) {
            graph.add_document(doc->root());
            documents.push_back(std::move(*doc));
        }
    }

    JsonLdArticle out;
    Value article;
    for (const Value obj : graph.objects()) {
        for (const std::string& t : types_of(obj)) {
            if (!article.present() && is_article_type(t)) article = obj;
            if (out.site_name.empty() && t == "WebSite") out.site_name = member_string(obj, "name");
        }
    }
    if (!article.present()) return out;

    out.headline = member_string(article, "headline");
    if (out.headline.empty()) out.headline = member_string(article, "name");
    out.date_published = member_string(article, "datePublished");
    if (out.date_published.empty()) out.date_published = member_string(article, "dateCreated");
    for (const char* field : {"author", "creator"}) {
        if (const Value v = article[field]; v.present() && out.authors.empty())
            out.authors = graph.people_of(v);
    }
    if (const Value v = article["publisher"]; v.present()) out.publisher = graph.name_of(v);
    out.url = member_string(article, "url");
    if (out.url.empty()) {
        if (const Value v = article["mainEntityOfPage"]; v.present())
            out.url = v.is_string() ? string_of(v) : member_string(v, "@id");
    }
    if (const Value v = article["inLanguage"]; v.present())
        out.language = v.is_string() ? string_of(v) : graph.name_of(v);
    return out;
}

}  // namespace eventgraph::article::detail
