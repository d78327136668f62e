// A news page saved as plain text, read by the layout most news pages share:
// site furniture, a title, a byline with the date, maybe a photo caption, the
// article's paragraphs (interrupted by teasers for other stories and a news
// feed), then sections that are no longer the article (related stories,
// picks, newsletters, comments).

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "article/detail_page_layout.hpp"
#include "eventgraph/article/normalize.hpp"
#include "eventgraph/error.hpp"
#include "eventgraph/text/utf8.hpp"
#include "eventgraph/time/publication_date.hpp"

namespace eventgraph::article {

namespace {

using namespace detail;

enum class Kind {
    content,  // not placed yet
    furniture,
    end_marker,
    title,
    deck,
    byline,
    caption,
    body,
    teaser_title,
    teaser_text,
    feed_heading,
    feed_time,
    feed_title,
    feed_text,
};

struct Line {
    std::string text;
    std::size_t number = 0;  // 1-based line of the file, for errors
    Kind kind = Kind::content;
};

// Lines are paragraphs in a text dump, so blank lines carry nothing and go.
std::vector<Line> read_lines(std::string_view page, const std::string& file) {
    if (text::looks_binary(page)) throw input_error(file, "not a text page (binary content)");
    if (const auto bad = text::find_invalid_utf8(page); bad != std::string_view::npos)
        throw input_error(file, text::position_of(page, bad).line, "invalid UTF-8");
    std::vector<Line> lines;
    std::size_t number = 0;
    for (std::size_t start = 0; start <= page.size();) {
        std::size_t end = page.find('\n', start);
        if (end == std::string_view::npos) end = page.size();
        ++number;
        std::string clean = text::clean_whitespace(page.substr(start, end - start));
        if (!clean.empty()) lines.push_back(Line{std::move(clean), number, Kind::content});
        start = end + 1;
    }
    return lines;
}

bool is_time_line(const Line& line) {
    return word_count(line.text) <= 5 && time::parse_time_of_day(line.text).has_value();
}

// Furniture by phrase, by repetition (form prompts repeated for every
// newsletter; only short lines, as a long one repeated is more likely a pull
// quote), and short lines wedged between furniture (a newsletter's name among
// its sign-up prompts).
void mark_furniture(std::vector<Line>& lines) {
    std::map<std::string, int> seen;
    for (const auto& l : lines) ++seen[fold(l.text)];
    for (auto& l : lines) {
        if (is_end_marker(l.text))
            l.kind = Kind::end_marker;
        else if (is_furniture_line(l.text) || (seen[fold(l.text)] >= 3 && word_count(l.text) <= 12))
            l.kind = Kind::furniture;
    }
    for (std::size_t i = 1; i + 1 < lines.size(); ++i) {
        Line& l = lines[i];
        if (l.kind == Kind::content && lines[i - 1].kind == Kind::furniture &&
            lines[i + 1].kind == Kind::furniture && word_count(l.text) <= 6 &&
            !ends_like_sentence(l.text) && !is_time_line(l))
            l.kind = Kind::furniture;
    }
}

std::optional<std::size_t> next_content(const std::vector<Line>& lines, std::size_t from) {
    for (std::size_t i = from; i < lines.size(); ++i) {
        if (lines[i].kind == Kind::furniture) continue;
        if (lines[i].kind == Kind::content) return i;
        return std::nullopt;
    }
    return std::nullopt;
}

// Index where readers' comments start: nothing there is extracted.
std::size_t comments_start(const std::vector<Line>& lines) {
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (lines[i].kind == Kind::end_marker && is_comments_heading(lines[i].text)) return i;
    return lines.size();
}

bool is_author_line(const Line& l) { return starts_as_byline(l.text) && word_count(l.text) <= 25; }

// A line that is a date with at most a label or two around it
// ("Updated 3:05 PM GMT+2, March 4, 2024", "Published 10 Sep 2024").
bool is_date_line(const Line& l) {
    if (is_caption_line(l.text)) return false;
    const auto m = time::find_publication_date(l.text);
    if (!m) return false;
    std::string_view after = std::string_view(l.text).substr(m->end);
    if (const auto rt = find_reading_time(after); rt != std::string_view::npos)
        after = after.substr(0, rt);
    return word_count(std::string_view(l.text).substr(0, m->begin)) + word_count(after) <= 3;
}

// True if the last line above i that is not furniture holds a date with no
// time: a time line under it is that date's ("September 10, 2024" / "7:59 PM").
bool prints_date_without_time(const std::vector<Line>& lines, std::size_t i) {
    while (i-- > 0) {
        if (lines[i].kind == Kind::furniture) continue;
        const auto date = time::find_publication_date(lines[i].text);
        return lines[i].kind == Kind::content && date && !date->value.time_of_day &&
               (is_date_line(lines[i]) || is_author_line(lines[i]));
    }
    return false;
}

struct Item {
    bool feed = false;
    std::string time;  // feed items: "HH:MM"
    std::optional<std::size_t> title;
    std::vector<std::size_t> text;
};

std::string hh_mm(std::chrono::seconds since_midnight) {
    const long m = long(since_midnight.count()) / 60;
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02ld:%02ld", m / 60 % 24, m % 60);
    return buf;
}

// A news feed: a time alone on its line, a headline, then the item's
// sentences; the short line above the first time is the feed's heading.
void find_feed_items(std::vector<Line>& lines, std::size_t limit, std::vector<Item>& items) {
    for (std::size_t i = 0; i < limit; ++i) {
        if (lines[i].kind != Kind::content || !is_time_line(lines[i])) continue;
        if (i > 0 && prints_date_without_time(lines, i)) continue;  // the byline's time
        const auto first = next_content(lines, i + 1);
        if (!first || *first >= limit || is_time_line(lines[*first])) continue;
        for (std::size_t h = i; h-- > 0;) {
            if (lines[h].kind == Kind::furniture) continue;
            if ((lines[h].kind == Kind::content || lines[h].kind == Kind::end_marker) &&
                word_count(lines[h].text) <= 5 && !ends_like_sentence(lines[h].text))
                lines[h].kind = Kind::feed_heading;
            break;
        }
        Item item;
        item.feed = true;
        item.time = hh_mm(time::parse_time_of_day(lines[i].text)->since_midnight);
        lines[i].kind = Kind::feed_time;
        std::size_t k = *first;
        if (word_count(lines[k].text) <= 20) {
            item.title = k;
            lines[k].kind = Kind::feed_title;
            ++k;
        }
        for (; k < limit; ++k) {
            Line& l = lines[k];
            if (l.kind == Kind::furniture) continue;
            if (l.kind != Kind::content || is_time_line(l)) break;
            if (!ends_like_sentence(l.text) && word_count(l.text) <= 20) break;  // a heading
            l.kind = Kind::feed_text;
            item.text.push_back(k);
        }
        items.push_back(std::move(item));
        i = k - 1;
    }
}

// A teaser: a headline line directly followed by a blurb cut off with an ellipsis.
void find_teasers(std::vector<Line>& lines, std::size_t limit, std::vector<Item>& items) {
    for (std::size_t i = 0; i + 1 < limit; ++i) {
        Line& head = lines[i];
        Line& blurb = lines[i + 1];
        if (head.kind != Kind::content || blurb.kind != Kind::content) continue;
        if (!is_title_like(head.text) || !ends_with_ellipsis(blurb.text) ||
            word_count(blurb.text) < 8)
            continue;
        head.kind = Kind::teaser_title;
        blurb.kind = Kind::teaser_text;
        items.push_back(Item{false, {}, i, {i + 1}});
        ++i;
    }
}

struct Header {
    std::size_t title = 0;
    std::vector<std::size_t> decks;     // in page order
    std::vector<std::size_t> captions;  // between title and byline
    std::vector<std::size_t> bylines;   // author and date lines
    std::size_t end = 0;                // first line after the header
    int score = 0;
};

// The header built around byline lines starting at k, if a title stands above them.
std::optional<Header> header_at(const std::vector<Line>& lines, std::size_t k) {
    Header h;
    bool author = false, dated = false;
    std::size_t e = k;
    for (; e < lines.size(); ++e) {
        const Line& l = lines[e];
        if (l.kind == Kind::furniture) continue;
        if (l.kind != Kind::content) break;
        const bool is_author = is_author_line(l), is_date = is_date_line(l);
        const bool is_its_time =
            !is_author && !is_date && is_time_line(l) && prints_date_without_time(lines, e);
        if (!is_author && !is_date && !is_its_time) break;
        author = author || is_author;
        dated = dated || is_date || time::find_publication_date(l.text).has_value();
        h.bylines.push_back(e);
    }
    h.end = e;
    bool found_title = false;
    for (std::size_t i = k; i-- > 0;) {
        const Line& l = lines[i];
        if (l.kind == Kind::furniture || l.kind == Kind::end_marker) continue;
        if (l.kind != Kind::content) break;
        if (is_caption_line(l.text)) {
            h.captions.insert(h.captions.begin(), i);
        } else if (is_title_like(l.text)) {
            h.title = i;
            found_title = true;
            break;
        } else if (ends_like_sentence(l.text) && !ends_with_ellipsis(l.text) &&
                   word_count(l.text) >= 6 && h.decks.size() < 2) {
            h.decks.insert(h.decks.begin(), i);  // a standfirst under the title
        } else {
            break;
        }
    }
    if (!found_title) return std::nullopt;
    h.score = (author ? 2 : 0) + (dated ? 1 : 0);
    for (std::size_t i = e; i < lines.size(); ++i) {
        const Line& l = lines[i];
        if (l.kind == Kind::furniture || (l.kind == Kind::content && is_caption_line(l.text)))
            continue;
        if (l.kind == Kind::content && word_count(l.text) >= 15) ++h.score;
        break;
    }
    return h;
}

// The best-placed title and byline: a byline with an author beats a bare
// date (a masthead prints today's date too), then the earliest wins.
std::optional<Header> find_header(const std::vector<Line>& lines, std::size_t limit) {
    std::optional<Header> best;
    for (std::size_t k = 0; k < limit; ++k) {
        const Line& l = lines[k];
        if (l.kind != Kind::content || (!is_author_line(l) && !is_date_line(l))) continue;
        auto h = header_at(lines, k);
        if (!h) continue;
        const std::size_t end = h->end;
        if (!best || h->score > best->score) best = std::move(h);
        k = std::max(k, end);
    }
    return best;
}

// Without a byline: the first headline-shaped line with a paragraph close below it.
std::optional<std::size_t> find_bare_title(const std::vector<Line>& lines, std::size_t limit) {
    for (std::size_t i = 0; i < limit; ++i) {
        if (lines[i].kind != Kind::content || !is_title_like(lines[i].text) ||
            is_date_line(lines[i]))
            continue;
        std::size_t seen = 0;
        for (std::size_t j = i + 1; j < limit && seen < 3; ++j) {
            if (lines[j].kind != Kind::content) continue;
            ++seen;
            if (word_count(lines[j].text) >= 15) return i;
        }
    }
    return std::nullopt;
}

// Some sites print the date above the headline rather than below it.
void date_above_title(std::vector<Line>& lines, model::Article& main) {
    std::size_t i = 0;
    while (i < lines.size() && lines[i].kind != Kind::title) ++i;
    for (int looked = 0; i-- > 0 && looked < 3;) {
        Line& l = lines[i];
        if (l.kind == Kind::furniture) continue;
        if (l.kind != Kind::content) return;
        ++looked;
        if (!is_date_line(l)) continue;
        main.published = time::find_publication_date(l.text)->value;
        l.kind = Kind::byline;
        return;
    }
}

model::Article item_article(const std::vector<Line>& lines, const Item& item,
                            const std::string& page_id, int number) {
    model::Article a;
    a.id = page_id + (item.feed ? "#feed-" : "#teaser-") + std::to_string(number);
    a.parent = page_id;
    a.feed_time = item.time;
    const auto role = item.feed ? model::ParagraphRole::feed : model::ParagraphRole::teaser;
    if (item.title) a.title = lines[*item.title].text;
    for (const auto i : item.text) a.paragraphs.push_back({lines[i].text, role});
    if (a.paragraphs.empty()) a.paragraphs.push_back({a.title, role});  // a headline-only item
    return a;
}

}  // namespace

std::vector<model::Article> normalize_text_page(std::string_view text, const std::string& page_id,
                                                const std::string& file) {
    std::vector<Line> lines = read_lines(text, file);
    mark_furniture(lines);
    const std::size_t limit = comments_start(lines);

    std::vector<Item> items;
    find_feed_items(lines, limit, items);
    find_teasers(lines, limit, items);

    model::Article main;
    main.id = page_id;
    std::size_t body_start = 0;
    if (const auto header = find_header(lines, limit)) {
        main.title = lines[header->title].text;
        lines[header->title].kind = Kind::title;
        for (const auto i : header->bylines) {
            Line& l = lines[i];
            l.kind = Kind::byline;
            const auto date = time::find_publication_date(l.text);
            if (date && !main.published) main.published = date->value;
            if (!date && main.published && !main.published->time_of_day && is_time_line(l)) {
                const auto t = time::parse_time_of_day(l.text);
                main.published->time_of_day = t->since_midnight;
                main.published->utc_offset = t->utc_offset;
            }
            if (!is_author_line(l)) continue;
            std::string_view authors = l.text;
            if (date) authors = authors.substr(0, date->begin);
            if (const auto rt = find_reading_time(authors); rt != std::string_view::npos)
                authors = authors.substr(0, rt);
            for (auto& name : parse_authors(authors)) main.authors.push_back(std::move(name));
        }
        for (const auto i : header->decks) lines[i].kind = Kind::deck;
        for (const auto i : header->captions) lines[i].kind = Kind::caption;
        body_start = header->end;
    } else if (const auto title = find_bare_title(lines, limit)) {
        main.title = lines[*title].text;
        lines[*title].kind = Kind::title;
        body_start = *title + 1;
    }

    if (!main.title.empty() && !main.published) date_above_title(lines, main);

    // The body runs to the first heading that ends the article; a photo
    // caption may stand right below the header or between paragraphs.
    // A news feed is a sidebar: its heading ends the article as well.
    std::size_t body_end = body_start;
    for (; body_end < limit; ++body_end) {
        Line& l = lines[body_end];
        if (l.kind == Kind::end_marker || l.kind == Kind::feed_heading) break;
        if (l.kind != Kind::content) continue;
        l.kind = is_caption_line(l.text) ? Kind::caption : Kind::body;
    }
    // An article ends on a sentence: short lines after its last one are
    // headings of whatever follows (tag lists, section names).
    for (std::size_t i = body_end; i-- > body_start;) {
        Line& l = lines[i];
        if (l.kind != Kind::body) continue;
        if (ends_like_sentence(l.text) || word_count(l.text) > 8) break;
        l.kind = Kind::furniture;
    }
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const Line& l = lines[i];
        if (l.kind == Kind::deck || (l.kind == Kind::caption && i < body_start))
            main.paragraphs.push_back({l.text, l.kind == Kind::deck
                                                   ? model::ParagraphRole::body
                                                   : model::ParagraphRole::caption});
    }
    std::size_t words = 0;
    for (std::size_t i = body_start; i < limit; ++i) {
        const Line& l = lines[i];
        if (l.kind == Kind::body) {
            main.paragraphs.push_back({l.text, model::ParagraphRole::body});
            words += word_count(l.text);
        } else if (l.kind == Kind::caption) {
            main.paragraphs.push_back({l.text, model::ParagraphRole::caption});
        }
    }
    if (words < 10)
        throw input_error(file,
                          "no recognisable article: no paragraphs of text "
                          "below a title (only page furniture or short lines)");

    std::vector<model::Article> out;
    out.push_back(std::move(main));
    std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
        return (a.title ? *a.title : a.text.front()) < (b.title ? *b.title : b.text.front());
    });
    int teasers = 0, feeds = 0;
    for (const auto& item : items)
        out.push_back(item_article(lines, item, page_id, item.feed ? ++feeds : ++teasers));
    return out;
}

}  // namespace eventgraph::article
