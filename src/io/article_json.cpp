#include "eventgraph/io/article_json.hpp"

#include <rapidjson/memorystream.h>

#include <algorithm>
#include <iterator>

#include "detail_json.hpp"
#include "eventgraph/error.hpp"
#include "eventgraph/io/input.hpp"
#include "eventgraph/text/utf8.hpp"
#include "eventgraph/time/publication_date.hpp"

namespace eventgraph::io {

namespace {

using model::Article;
using model::Paragraph;
using model::ParagraphRole;

using namespace detail;

std::optional<ParagraphRole> role_from(std::string_view s) {
    for (auto r :
         {ParagraphRole::body, ParagraphRole::caption, ParagraphRole::teaser, ParagraphRole::feed})
        if (s == model::to_string(r)) return r;
    return std::nullopt;
}

// "body" as one string: paragraphs are separated by blank lines.
void split_paragraphs(std::string_view body, std::vector<Paragraph>& out) {
    std::size_t start = 0;
    while (start < body.size()) {
        std::size_t blank = body.find("\n\n", start);
        std::size_t crlf = body.find("\r\n\r\n", start);
        std::size_t stop = std::min(blank, crlf);
        const std::string_view chunk = body.substr(
            start, stop == std::string_view::npos ? std::string_view::npos : stop - start);
        out.push_back(Paragraph{std::string(chunk), ParagraphRole::body});
        if (stop == std::string_view::npos) break;
        start = stop + (stop == crlf ? 4 : 2);
    }
}

/// Whether the first non-blank line after `from` in `text` is a whole JSON
/// value on its own: the mark of JSON Lines, where a document spread over
/// lines has a fragment there ("  \"id\": 1,").
bool second_line_is_a_value(const std::string& text, std::size_t from) {
    while (from < text.size()) {
        const std::size_t end = std::min(text.find('\n', from), text.size());
        const std::string_view next(text.data() + from, end - from);
        if (!is_blank(next)) {
            rapidjson::Document probe;
            rapidjson::MemoryStream bytes(next.data(), next.size());
            probe.ParseStream<parse_flags>(bytes);  // stops at the value's end
            return !probe.HasParseError() && is_blank(next.substr(bytes.Tell()));
        }
        from = end + 1;
    }
    return false;
}

}  // namespace

std::string article_to_json(const Article& a) {
    rapidjson::StringBuffer buf;
    Writer w(buf);
    w.StartObject();
    write_string(w, "id", a.id);
    write_string(w, "title", a.title);
    w.Key("authors");
    w.StartArray();
    for (const auto& name : a.authors) w.String(name.data(), rapidjson::SizeType(name.size()));
    w.EndArray();
    if (a.published) write_string(w, "published", model::to_iso(*a.published));
    if (!a.url.empty()) write_string(w, "url", a.url);
    if (!a.source.empty()) write_string(w, "source", a.source);
    if (!a.language.empty()) write_string(w, "language", a.language);
    if (!a.parent.empty()) write_string(w, "parent", a.parent);
    if (a.page_published) write_string(w, "page_published", model::to_iso(*a.page_published));
    if (!a.feed_time.empty()) write_string(w, "feed_time", a.feed_time);
    w.Key("paragraphs");
    w.StartArray();
    for (const auto& p : a.paragraphs) {
        w.StartObject();
        write_string(w, "text", p.text);
        w.Key("role");
        w.String(model::to_string(p.role));
        w.EndObject();
    }
    w.EndArray();
    for (const auto& [key, value] : a.extra) {
        w.Key(key.data(), rapidjson::SizeType(key.size()));
        w.RawValue(value.data(), value.size(), rapidjson::kObjectType);
    }
    w.EndObject();
    return std::string(buf.GetString(), buf.GetSize());
}

namespace {

// Whitespace tidied in every text field, empty authors and paragraphs
// dropped: an article read from JSON is held as a normalized page would be.
void tidy_article(Article& a, const std::string& file, std::size_t line) {
    a.id = text::clean_whitespace(a.id);
    a.title = text::clean_whitespace(a.title);
    a.url = text::clean_whitespace(a.url);
    a.source = text::clean_whitespace(a.source);
    a.language = text::clean_whitespace(a.language);
    for (auto& name : a.authors) name = text::clean_whitespace(name);
    std::erase_if(a.authors, [](const std::string& s) { return s.empty(); });
    for (auto& p : a.paragraphs) p.text = text::clean_whitespace(p.text);
    std::erase_if(a.paragraphs, [](const Paragraph& p) { return p.text.empty(); });
    if (a.id.empty()) throw input_error(file, line, "article has an empty id");
    if (a.paragraphs.empty() && a.title.empty())
        throw input_error(file, line, "article \"" + a.id + "\" has no text");
}

Article article_from_value(const rapidjson::Value& v, const std::string& file, std::size_t line,
                           const std::string& default_id) {
    if (!v.IsObject()) throw input_error(file, line, "expected an article object");
    Article a;
    bool has_text_field = false;
    for (auto m = v.MemberBegin(); m != v.MemberEnd(); ++m) {
        const std::string key(m->name.GetString(), m->name.GetStringLength());
        const auto& value = m->value;
        if (key == "id") {
            if (value.IsString())
                a.id = get_string(value, file, line, key);
            else if (value.IsInt64())
                a.id = std::to_string(value.GetInt64());
            else
                wrong(file, line, key, "expected a string");
        } else if (key == "url") {
            a.url = get_string(value, file, line, key);
        } else if (key == "source") {
            a.source = get_string(value, file, line, key);
        } else if (key == "title") {
            a.title = get_string(value, file, line, key);
        } else if (key == "language") {
            a.language = get_string(value, file, line, key);
        } else if (key == "parent") {
            a.parent = get_string(value, file, line, key);
        } else if (key == "feed_time") {
            a.feed_time = get_string(value, file, line, key);
        } else if (key == "authors") {
            if (value.IsString()) {
                a.authors.push_back(get_string(value, file, line, key));
            } else if (value.IsArray()) {
                for (const auto& x : value.GetArray())
                    a.authors.push_back(get_string(x, file, line, key));
            } else if (!value.IsNull()) {
                wrong(file, line, key, "expected an array of names");
            }
        } else if (key == "published" || key == "page_published") {
            const std::string s = get_string(value, file, line, key);
            if (!s.empty()) {
                auto& field = key == "published" ? a.published : a.page_published;
                field = time::parse_publication_date(s);
                if (!field)
                    wrong(file, line, key,
                          "\"" + s +
                              "\" is not a date (expected e.g. 2024-09-10, "
                              "2024-09-10T19:59:00+03:00, 2024-09 or 2024)");
            }
        } else if (key == "body") {
            has_text_field = true;
            if (value.IsString()) {
                split_paragraphs(std::string_view(value.GetString(), value.GetStringLength()),
                                 a.paragraphs);
            } else if (value.IsArray()) {
                for (const auto& x : value.GetArray())
                    a.paragraphs.push_back(
                        Paragraph{get_string(x, file, line, key), ParagraphRole::body});
            } else {
                wrong(file, line, key, "expected a string or an array of paragraph strings");
            }
        } else if (key == "paragraphs") {
            has_text_field = true;
            if (!value.IsArray())
                wrong(file, line, key, "expected an array of {\"text\", \"role\"} objects");
            for (const auto& x : value.GetArray()) {
                if (x.IsString()) {
                    a.paragraphs.push_back(
                        Paragraph{get_string(x, file, line, key), ParagraphRole::body});
                    continue;
                }
                if (!x.IsObject() || !x.HasMember("text"))
                    wrong(file, line, key, "expected objects with a \"text\"");
                Paragraph p{get_string(x["text"], file, line, "paragraphs/text"),
                            ParagraphRole::body};
                if (x.HasMember("role")) {
                    const std::string r = get_string(x["role"], file, line, "paragraphs/role");
                    const auto role = role_from(r);
                    if (!role)
                        wrong(file, line, "paragraphs/role",
                              "\"" + r + "\" is not one of body, caption, teaser, feed");
                    p.role = *role;
                }
                a.paragraphs.push_back(std::move(p));
            }
        } else {
            a.extra.emplace_back(key, raw_json(value));
        }
    }
    if (!has_text_field)
        throw input_error(file, line, "article has neither \"body\" nor \"paragraphs\"");
    if (a.id.empty()) a.id = default_id;
    tidy_article(a, file, line);
    return a;
}

}  // namespace

Article article_from_json(std::string_view json, const std::string& file, std::size_t line,
                          const std::string& default_id) {
    rapidjson::Document doc;
    parse(doc, json, file, line);
    return article_from_value(doc, file, line, default_id);
}

std::size_t read_articles_json(std::istream& in, const std::string& file,
                               const std::string& default_id, const ReadOptions& options,
                               const std::function<void(Article)>& sink,
                               const std::function<void(const std::exception&)>& on_skip) {
    std::size_t count = 0, line_no = 0;
    auto next_id = [&] {
        ++count;
        return count == 1 ? default_id : default_id + "-" + std::to_string(count);
    };
    auto emit = [&](const rapidjson::Value& v, std::size_t at) {
        if (v.IsArray()) {  // an array of articles
            for (const auto& x : v.GetArray()) sink(article_from_value(x, file, at, next_id()));
        } else {
            sink(article_from_value(v, file, at, next_id()));
        }
    };
    std::string line;
    std::size_t skipped = 0;
    for (LineRead got; (got = read_line(in, line)) != LineRead::end;) {
        ++line_no;
        if (got == LineRead::too_long) {
            input_error e(file, line_no, line_too_long_message());
            if (!options.keep_going) throw e;
            ++skipped;
            on_skip(e);
            continue;
        }
        if (!is_blank(line)) break;
    }
    if (in.bad()) throw input_error(file, line_no, "read error");
    if (is_blank(line) && skipped > 0) return skipped;
    if (is_blank(line)) throw input_error(file, "empty file: no JSON in it");
    if (line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);  // a byte-order mark

    // The first record decides the layout: a line that holds a whole value
    // means JSON Lines; a value cut short by the end of the line means one
    // JSON document spread over many lines.
    if (cut_short(line)) {
        if (in.eof()) {
            // One line, and the file ends inside it: half a record, not a document.
            const input_error e = cut_short_error(line, file, line_no);
            if (!options.keep_going) throw e;
            on_skip(e);
            return skipped + 1;
        }
        // Not streamed, so held whole: no more than a page.
        std::string whole = line;
        whole += '\n';
        char buf[1 << 16];
        while (in.read(buf, sizeof buf) || in.gcount() > 0) {
            whole.append(buf, std::size_t(in.gcount()));
            if (whole.size() > max_page_bytes)
                throw input_error(
                    file, "JSON document larger than " + std::to_string(max_page_bytes >> 20) +
                              " MB: not read (give articles as JSON Lines, one a line)");
        }
        if (in.bad()) throw input_error(file, "read error");
        rapidjson::Document doc;
        rapidjson::MemoryStream bytes(whole.data(), whole.size());
        doc.ParseStream<parse_flags>(bytes);
        if (!doc.HasParseError() || !second_line_is_a_value(whole, line.size() + 1)) {
            parse(doc, whole, file, line_no);  // throws the document's own error
            emit(doc, line_no);
            return 0;
        }
        // JSON Lines whose first line is broken (a split of a corpus cut
        // in the middle of a record, as Hadoop or Spark may hand over):
        // the first line is the error, the lines after it are records.
        std::istringstream rest(whole.substr(line.size() + 1));
        return skipped + for_each_json_line(
                             rest, file, options.keep_going,
                             [&](std::string_view text, std::size_t at) {
                                 rapidjson::Document record;
                                 parse(record, text, file, at);
                                 emit(record, at);
                             },
                             on_skip, line, line_no);
    }
    const std::size_t broken = for_each_json_line(
        in, file, options.keep_going,
        [&](std::string_view text, std::size_t at) {
            rapidjson::Document doc;
            parse(doc, text, file, at);
            emit(doc, at);
        },
        on_skip, line, line_no);
    return skipped + broken;
}

}  // namespace eventgraph::io
