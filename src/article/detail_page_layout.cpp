#include "article/detail_page_layout.hpp"

#include <array>
#include <utility>

#include "eventgraph/text/ascii.hpp"

namespace eventgraph::article::detail {

namespace {

constexpr auto npos = std::string_view::npos;

bool contains(std::string_view haystack, std::string_view needle) {
    return haystack.find(needle) != npos;
}

// Whole-word search in folded text.
bool has_word(std::string_view folded, std::string_view word) {
    for (std::size_t at = folded.find(word); at != npos; at = folded.find(word, at + 1)) {
        const bool left = at == 0 || !text::is_ascii_alnum(folded[at - 1]);
        const std::size_t end = at + word.size();
        const bool right = end >= folded.size() || !text::is_ascii_alnum(folded[end]);
        if (left && right) return true;
    }
    return false;
}

// Closing quotes and brackets that may follow a sentence's last mark.
std::string_view strip_closers(std::string_view s) {
    for (;;) {
        s = text::trim(s);
        if (!s.empty() &&
            (s.back() == '"' || s.back() == '\'' || s.back() == ')' || s.back() == ']')) {
            s.remove_suffix(1);
        } else if (s.ends_with("\xE2\x80\x9D") || s.ends_with("\xE2\x80\x99")) {  // ” ’
            s.remove_suffix(3);
        } else {
            return s;
        }
    }
}

// The tables below read best packed in columns.
// clang-format off
// Lines that are furniture wherever they stand, compared folded. Generic
// phrases of navigation, sharing, ads and forms found across many sites.
constexpr std::array<std::string_view, 73> furniture_phrases = {
    "skip to content",     "skip to main content", "skip to navigation", "edit post",
    "menu",                "main menu",            "search",             "close",
    "open",                "share",                "share this",         "share this article",
    "share this story",    "share article",        "print",              "email",
    "e-mail",              "copy link",            "link copied",        "tweet",
    "facebook",            "twitter",              "x",                  "linkedin",
    "whatsapp",            "telegram",             "reddit",             "advertisement",
    "advertisements",      "ad",                   "sponsored",          "subscribe",
    "subscribe now",       "sign up",              "sign in",            "log in",
    "login",               "log out",              "register",           "newsletter",
    "read more",           "continue reading",     "load more",          "show more",
    "see more",            "back to top",          "listen",             "listen to this article",
    "play",                "pause",                "follow",             "follow us",
    "donate",              "support us",           "become a member",    "accept",
    "accept all",          "reject all",           "cookie settings",    "manage preferences",
    "privacy policy",      "terms of use",         "terms of service",   "contact us",
    "about us",            "next",                 "previous",           "reply",
    "like",                "report",               "report comment",     "loading...",
    "view comments",
};

struct Fragment {
    std::string_view text;
    std::size_t max_words;  // longer lines are prose that merely mentions it
};

// Pieces of text that make a short line furniture: form prompts, their
// confirmations, legal lines, audio players, share bars.
constexpr std::array<Fragment, 31> furniture_fragments = {{
    {"indicates required", 8},
    {"subscribed", 4},
    {"thank you for signing up", 30},
    {"thanks for signing up", 30},
    {"confirmation email", 30},
    {"sign up for", 12},
    {"sign up to", 12},
    {"subscribe to", 12},
    {"subscribe for", 12},
    {"enter your email", 12},
    {"email address", 8},
    {"all rights reserved", 40},
    {"\xC2\xA9", 20},  // ©
    {"we use cookies", 40},
    {"cookie policy", 8},
    {"audio is created", 12},
    {"listen to this article", 8},
    {"listen to article", 8},
    {"share on ", 6},
    {"share via", 6},
    {"follow us", 8},
    {"skip to ", 5},
    {"privacy policy", 8},
    {"terms of use", 8},
    {"terms of service", 8},
    {"download the app", 10},
    {"download our app", 10},
    {"already a subscriber", 10},
    {"create an account", 8},
    {"create a free account", 8},
    {"support independent journalism", 12},
}};

// A link to another story set inside the article ("Read also: …").
constexpr std::array<std::string_view, 9> link_prefixes = {
    "read more:", "read also:", "also read:", "related:", "see also:",
    "watch:",     "listen:",    "read:",      "more:",
};

constexpr std::array<std::string_view, 58> end_marker_phrases = {
    "more news",          "more stories",         "more",
    "related",            "related articles",     "related stories",
    "related content",    "related coverage",     "related news",
    "related posts",      "related reading",      "related topics",
    "read next",          "up next",              "what to read next",
    "editors' picks",     "editor's picks",       "editors picks",
    "editor picks",       "our picks",            "most read",
    "most popular",       "most viewed",          "popular",
    "popular now",        "trending",             "trending now",
    "recommended",        "recommended for you",  "recommended stories",
    "you may also like",  "you might also like",  "you may be interested in",
    "top stories",        "latest news",          "latest stories",
    "comments",           "comment",              "leave a comment",
    "leave a reply",      "join the conversation", "show comments",
    "sponsored content",  "sponsored stories",    "promoted stories",
    "around the web",     "from our partners",    "in other news",
    "also in the news",   "further reading",      "keep reading",
    "more on this story", "newsletters",          "sign up for our newsletter",
    "subscribe to our newsletter", "recent posts", "tags",
    "topics",
};

// Words inside a final parenthesis that make it a photo credit.
constexpr std::array<std::string_view, 18> credit_words = {
    "photo",  "photos",   "photograph", "getty",   "images",       "via",
    "reuters", "afp",     "epa",        "ap",      "courtesy",     "credit",
    "pool",   "anadolu",  "tass",       "sputnik", "shutterstock", "file",
};

// Words that make a byline part a role or an organisation, not a person.
constexpr std::array<std::string_view, 36> non_name_words = {
    "correspondent", "editor",   "reporter",      "writer",     "staff",     "contributor",
    "columnist",     "analyst",  "producer",      "bureau",     "chief",     "senior",
    "associate",     "press",    "news",          "agency",     "reuters",   "afp",
    "ap",            "bbc",      "cnn",           "times",      "post",      "journal",
    "independent",   "desk",     "team",          "service",    "wire",      "special",
    "foreign",       "national", "international", "contributing", "managing", "deputy",
};

// Lower-case name particles: "Ursula von der Leyen", "Ahmed al Sharaa".
constexpr std::array<std::string_view, 14> name_particles = {
    "de", "da", "di", "du", "del", "der", "van", "von", "la", "le", "al", "bin", "ibn", "ter",
};

// clang-format on

bool in(std::string_view folded, const auto& list) {
    for (const auto& entry : list)
        if (folded == entry) return true;
    return false;
}

// No letter or digit at all: rules, bullets, separators ("___", "* * *", "•").
// Non-ASCII letters (Cyrillic, Greek…) start with lead bytes other than the
// punctuation blocks' C2 and E2, so a line in another script is not taken.
bool has_no_letters(std::string_view line) {
    for (std::size_t i = 0; i < line.size(); ++i) {
        const auto b = static_cast<unsigned char>(line[i]);
        if (text::is_ascii_alnum(line[i])) return false;
        if (b >= 0xC0 && b != 0xC2 && b != 0xE2) return false;
    }
    return true;
}

// How bylines open; "Author:" is how many regional and CMS-made sites put it.
constexpr std::array<std::string_view, 7> byline_leads = {
    "by ", "written by ", "words by ", "reporting by ", "author: ", "authors: ", "text: ",
};

bool lead_matches(std::string_view line, std::string_view lead) {
    for (std::size_t i = 0; i < lead.size(); ++i)
        if (text::ascii_lower(line[i]) != lead[i]) return false;
    return true;
}

// "Views: 1,204", "12 comments", "3.4K shares": counters under a headline.
bool is_counter(std::string_view folded) {
    if (word_count(folded) > 4) return false;
    bool digit = false;
    for (const char c : folded) digit = digit || text::is_ascii_digit(c);
    if (!digit) return false;
    for (const auto w : {"views", "comments", "shares", "likes", "reactions", "reads"})
        if (has_word(folded, w)) return true;
    return false;
}

std::string title_case(std::string_view word) {
    std::string out;
    bool start = true;
    for (const char c : word) {
        out += start ? text::ascii_upper(c) : text::ascii_lower(c);
        start = c == '-' || c == '\'';
    }
    return out;
}

bool is_all_caps(std::string_view s) {
    bool any = false;
    for (const char c : s) {
        if (text::is_ascii_lower(c)) return false;
        any = any || text::is_ascii_upper(c);
    }
    return any;
}

// One part of a byline, a person's name or not.
std::string person_name(std::string_view part) {
    part = text::trim(part);
    if (const auto paren = part.find('('); paren != npos) part = text::trim(part.substr(0, paren));
    while (!part.empty() && (part.back() == '.' || part.back() == ',')) part.remove_suffix(1);
    if (part.empty() || word_count(part) > 5) return {};
    const std::string folded = fold(part);
    for (const auto w : non_name_words)
        if (has_word(folded, w)) return {};
    const bool caps = is_all_caps(part);
    std::string out;
    std::size_t start = 0;
    while (start < part.size()) {
        std::size_t end = part.find(' ', start);
        if (end == npos) end = part.size();
        const std::string_view word = part.substr(start, end - start);
        start = end + 1;
        if (word.empty()) continue;
        const bool particle = in(fold(word), name_particles);
        if (text::is_ascii_lower(word.front()) && !particle) return {};  // prose, not a name
        if (!out.empty()) out += ' ';
        out += caps && !particle ? title_case(word) : std::string(word);
    }
    return out;
}

}  // namespace

std::size_t word_count(std::string_view line) {
    std::size_t n = 0;
    bool in_word = false;
    for (const char c : line) {
        const bool space = c == ' ' || c == '\t';
        if (!space && !in_word) ++n;
        in_word = !space;
    }
    return n;
}

std::string fold(std::string_view line) {
    std::string out;
    out.reserve(line.size());
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line.substr(i, 3) == "\xE2\x80\x99" || line.substr(i, 3) == "\xE2\x80\x98") {
            out += '\'';
            i += 2;
        } else {
            out += text::ascii_lower(line[i]);
        }
    }
    std::string_view v = text::trim(out);
    if (v.ends_with(")")) {  // "Comments (3)"
        const std::size_t open = v.rfind('(');
        bool count = open != npos && open + 2 < v.size();
        for (std::size_t i = open + 1; count && i + 1 < v.size(); ++i)
            count = text::is_ascii_digit(v[i]);
        if (count) v = text::trim(v.substr(0, open));
    }
    while (v.ends_with(":")) v = text::trim(v.substr(0, v.size() - 1));
    return std::string(v);
}

bool is_furniture_line(std::string_view line) {
    line = text::trim(line);
    if (line.empty() || has_no_letters(line)) return true;
    const std::string folded = fold(line);
    if (in(folded, furniture_phrases)) return true;
    const std::size_t words = word_count(line);
    if ((find_reading_time(line) == 0 && words <= 5) || is_counter(folded)) return true;
    for (const auto& f : furniture_fragments)
        if (words <= f.max_words && contains(folded, f.text)) return true;
    if (words <= 25) {
        for (const auto p : link_prefixes)
            if (folded.starts_with(p)) return true;
    }
    if (words <= 15 &&
        (contains(folded, "http://") || contains(folded, "https://") || contains(folded, "www.")))
        return true;
    return false;
}

bool is_end_marker(std::string_view line) {
    const std::string folded = fold(line);
    if (in(folded, end_marker_phrases)) return true;
    return folded.starts_with("more from ") && word_count(folded) <= 6;
}

bool is_comments_heading(std::string_view line) {
    const std::string folded = fold(line);
    for (const auto h : {"comments", "comment", "leave a comment", "leave a reply",
                         "join the conversation", "show comments", "reader comments"})
        if (folded == h) return true;
    return false;
}

bool is_caption_line(std::string_view line) {
    line = text::trim(line);
    for (const auto label :
         {"Photo:", "Photos:", "Photograph:", "Photo by ", "Image:", "Picture:", "Credit:"}) {
        if (contains(line, label)) return true;
    }
    std::string_view s = line;
    while (s.ends_with(".")) s.remove_suffix(1);
    if (!s.ends_with(")")) return false;
    const std::size_t open = s.rfind('(');
    if (open == npos) return false;
    const std::string_view inner = s.substr(open + 1, s.size() - open - 2);
    const std::string folded = fold(inner);
    for (const auto w : credit_words)
        if (has_word(folded, w)) return true;
    // "Name/Agency": a slash between a word and a capitalised one (not "km/h").
    for (std::size_t i = 1; i + 1 < inner.size(); ++i)
        if (inner[i] == '/' && text::is_ascii_alnum(inner[i - 1]) &&
            text::is_ascii_upper(inner[i + 1]))
            return true;
    return false;
}

bool ends_with_ellipsis(std::string_view line) {
    const std::string_view s = strip_closers(line);
    return s.ends_with("\xE2\x80\xA6") || s.ends_with("...");
}

bool ends_like_sentence(std::string_view line) {
    const std::string_view s = strip_closers(line);
    if (s.empty()) return false;
    return s.back() == '.' || s.back() == '!' || s.back() == '?' || s.ends_with("\xE2\x80\xA6");
}

bool is_title_like(std::string_view line) {
    line = text::trim(line);
    const std::size_t words = word_count(line);
    if (words < 3 || words > 25 || ends_with_ellipsis(line)) return false;
    if (line.ends_with(":") || line.ends_with(",") || line.ends_with(";")) return false;
    if (line.ends_with(".")) {
        // "…, says U.S." is a headline; "…, he said." is a sentence.
        const std::size_t space = line.rfind(' ');
        const std::string_view last = line.substr(space == npos ? 0 : space + 1);
        return last.find('.') != last.size() - 1;
    }
    return true;
}

std::size_t find_reading_time(std::string_view line) {
    const std::string folded = fold(line);
    for (const auto unit :
         {"min read", "mins read", "minute read", "minutes read", "min listen", "minute listen"}) {
        for (std::size_t at = folded.find(unit); at != npos; at = folded.find(unit, at + 1)) {
            std::size_t i = at;
            while (i > 0 && (folded[i - 1] == ' ' || folded[i - 1] == '-')) --i;
            const std::size_t digits_end = i;
            while (i > 0 && text::is_ascii_digit(folded[i - 1])) --i;
            if (i < digits_end && (i == 0 || !text::is_ascii_alnum(folded[i - 1]))) return i;
        }
    }
    return npos;
}

bool starts_as_byline(std::string_view line) {
    line = text::trim(line);
    for (const std::string_view lead : byline_leads) {
        if (line.size() <= lead.size() || !lead_matches(line, lead)) continue;
        const auto first = static_cast<unsigned char>(line[lead.size()]);
        return text::is_ascii_upper(char(first)) || first >= 0xC0;
    }
    return false;
}

std::vector<std::string> parse_authors(std::string_view author_part) {
    std::string_view s = text::trim(author_part);
    for (const std::string_view lead : byline_leads) {
        if (s.size() > lead.size() && lead_matches(s, lead)) {
            s.remove_prefix(lead.size());
            break;
        }
    }
    // Cut into parts at commas, semicolons, bars, "and" and "&".
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        std::size_t skip = 0;
        if (i == s.size() || s[i] == ',' || s[i] == ';' || s[i] == '|') {
            skip = 1;
        } else if (s.substr(i, 5) == " and " || s.substr(i, 5) == " AND ") {
            skip = 5;
        } else if (s.substr(i, 3) == " & ") {
            skip = 3;
        }
        if (skip == 0) continue;
        parts.push_back(s.substr(start, i - start));
        start = i + skip;
        i = start - 1;
    }
    std::vector<std::string> names;
    for (const auto part : parts) {
        std::string name = person_name(part);
        if (!name.empty()) names.push_back(std::move(name));
    }
    return names;
}

}  // namespace eventgraph::article::detail
