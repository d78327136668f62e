#include "eventgraph/lexicon/load.hpp"

#include <algorithm>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <functional>
#include <future>
#include <memory>
#include <unordered_set>

#include "eventgraph/error.hpp"
#include "eventgraph/io/data.hpp"
#include "eventgraph/model/timestamp.hpp"
#include "eventgraph/text/tokenize.hpp"
#include "lexicon/detail.hpp"

namespace eventgraph::lexicon {

namespace detail {

std::string read_file(const std::string& path) {
    return io::read_data_file(path, "lexicon", " (split it into several files)");
}

std::optional<date::year_month_day> make_day(int y, unsigned m, unsigned d) {
    const date::year_month_day day{date::year{y}, date::month{m}, date::day{d}};
    if (!day.ok()) return std::nullopt;
    return day;
}

bool overlap(const Role& a, const Role& b) {
    // Unset ends are open: compare as if they were the ends of time.
    const date::year_month_day lo = date::year::min() / date::January / 1;
    const date::year_month_day hi = date::year::max() / date::December / 31;
    const auto later_start = std::max(a.start.value_or(lo), b.start.value_or(lo));
    const auto earlier_end = std::min(a.end.value_or(hi), b.end.value_or(hi));
    return later_start < earlier_end;
}

bool tokenize_plain(std::string_view phrase, std::vector<text::Token>& out) {
    const auto letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
    if (phrase.empty() || !letter(phrase.front()) || !letter(phrase.back())) return false;
    for (std::size_t i = 0; i < phrase.size(); ++i)
        if (!letter(phrase[i]) && !(phrase[i] == ' ' && letter(phrase[i + 1]))) return false;
    out.clear();
    std::uint16_t pending = text::paragraph_start | text::line_start;
    for (std::size_t i = 0; i < phrase.size();) {
        std::size_t j = phrase.find(' ', i);
        if (j == std::string_view::npos) j = phrase.size();
        text::Token t;
        t.begin = i;
        t.end = j;
        t.kind = text::TokenKind::word;
        t.flags = std::uint16_t(pending | text::case_flags(phrase.substr(i, j - i)));
        pending = 0;
        out.push_back(t);
        i = j + 1;
    }
    return true;
}

void tokenize_phrase(std::string_view phrase, std::vector<text::Token>& out) {
    if (!tokenize_plain(phrase, out)) out = text::tokenize(phrase);
}

std::string to_iso(const std::optional<date::year_month_day>& d) {
    return d ? model::to_iso(*d) : std::string("…");
}

}  // namespace detail

Format sniff_format(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && (text[first] == '{' || text[first] == '['))
        return Format::json;
    return Format::tabari;
}

void load_lexicon_file(Lexicon& lexicon, const std::string& path) {
    const std::string text = detail::read_file(path);
    if (sniff_format(text) == Format::json)
        load_json_lexicon(lexicon, text, path);
    else
        load_tabari_lexicon(lexicon, text, path);
}

std::vector<std::string> default_lexicon_files() {
    namespace fs = std::filesystem;
    const fs::path dir = fs::path(io::data_dir()) / "lexicon";
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec)
        throw lexicon_error(dir.string(), "cannot read the lexicon directory: " + ec.message() +
                                              " (EVENTGRAPH_DATA names the data directory)");
    std::vector<std::string> files;
    for (const fs::directory_entry& e : it) {
        if (e.path().extension() == ".json" && e.is_regular_file(ec))
            files.push_back(e.path().string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::vector<std::string> default_dictionary_files() {
    namespace fs = std::filesystem;
    const fs::path dir = fs::path(io::data_dir()) / "phoenix";
    std::error_code ec;
    std::vector<std::string> files;
    // A data directory of one's own (EVENTGRAPH_DATA) may hold a lexicon and no dictionaries.
    if (!fs::exists(dir, ec)) return files;
    fs::directory_iterator it(dir, ec);
    if (ec)
        throw lexicon_error(dir.string(), "cannot read the dictionary directory: " + ec.message() +
                                              " (EVENTGRAPH_DATA names the data directory)");
    for (const fs::directory_entry& e : it)
        if (e.path().extension() == ".txt" && e.is_regular_file(ec))
            files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

namespace {

// "the Kremlin" and "THE KREMLIN" alike: the words' match keys, into `key`.
void phrase_key(std::string_view phrase, std::string& key) {
    thread_local std::vector<text::Token> tokens;
    detail::tokenize_phrase(phrase, tokens);
    key.clear();
    for (const text::Token& t : tokens) {
        if (!key.empty()) key += ' ';
        text::append_match_key(t.text(phrase), t.kind, key);
    }
}

// The default dictionaries after the curated lexicon: a Phoenix name that is
// a curated form ("May", "Chad", "Jordan", "US", "Moscow") would make the
// curated reading one of several; it is the curated entry's, so it is left
// out of the Phoenix entry, and an entry left with no name is left out.
void add_dictionaries(Lexicon& lexicon, std::vector<Lexicon>& dictionaries) {
    std::unordered_set<std::string, StringHash, std::equal_to<>> curated;
    std::string key;
    for (const Entry& e : lexicon.entries())
        for (const auto* list : {&e.names, &e.adjectives, &e.metonyms})
            for (const std::string& n : *list) {
                phrase_key(n, key);
                curated.insert(key);
            }
    for (Lexicon& dictionary : dictionaries) {
        for (Entry& kept : dictionary.take_entries()) {
            // A person of one word is a defect or a bare surname ("COUNTRY" under
            // Georgia's dated codes, "ABBAS"): common words and titles at the
            // start of sentences; surnames are found from the full name.
            const bool person = kept.kind == model::ActorKind::person;
            std::erase_if(kept.names, [&](const std::string& n) {
                // "Georgia (COUNTRY)": a dictionary's note, never how news writes a name.
                if (n.find('(') != std::string::npos) return true;
                phrase_key(n, key);
                return curated.count(key) != 0 || (person && key.find(' ') == std::string::npos);
            });
            if (kept.names.empty()) continue;
            if (kept.kind != model::ActorKind::agent) kept.name = kept.names.front();
            lexicon.add(std::move(kept));
        }
        for (const Warning& w : dictionary.warnings()) lexicon.warn(w);
    }
}

// A name the user's own files give is theirs: the default entries that
// also have it lose it, so a user's dictionary that codes "Kuwait" KUW is not
// one reading of two beside the default KWT (a user file is there to decide).
void yield_names_to(Lexicon& lexicon, const std::vector<std::string>& user_files) {
    const std::unordered_set<std::string> files(user_files.begin(), user_files.end());
    std::unordered_set<std::string, StringHash, std::equal_to<>> taken;
    std::string key;
    for (const Entry& e : lexicon.entries()) {
        if (!files.count(e.file)) continue;
        for (const auto* list : {&e.names, &e.adjectives, &e.metonyms})
            for (const std::string& n : *list) {
                phrase_key(n, key);
                taken.insert(key);
            }
    }
    if (taken.empty()) return;
    for (Entry& e : lexicon.take_entries()) {
        if (!files.count(e.file))
            for (auto* list : {&e.names, &e.adjectives, &e.metonyms})
                std::erase_if(*list, [&](const std::string& n) {
                    phrase_key(n, key);
                    return taken.count(key) != 0;
                });
        lexicon.add(std::move(e));
    }
}

// Reads each default dictionary into a lexicon of its own: the largest on a
// thread of its own while this one runs `meanwhile` (the curated files) and
// then reads the others. Whatever the threads, the first error is the one
// reading the files one after another in order would meet.
std::vector<Lexicon> read_dictionaries(const std::vector<std::string>& files,
                                       const std::function<void()>& meanwhile) {
    std::vector<Lexicon> read(files.size());
    std::vector<std::exception_ptr> failed(files.size());
    auto read_one = [&](std::size_t i) {
        try {
            load_lexicon_file(read[i], files[i]);
        } catch (...) {
            failed[i] = std::current_exception();
        }
    };
    std::size_t largest = 0;
    std::uintmax_t largest_size = 0;
    for (std::size_t i = 0; i < files.size(); ++i) {
        std::error_code ec;
        const std::uintmax_t size = std::filesystem::file_size(files[i], ec);
        if (!ec && size > largest_size) largest = i, largest_size = size;
    }
    std::future<void> apart;
    if (files.size() > 1) apart = std::async(std::launch::async, read_one, largest);
    meanwhile();  // its error comes first: it is before the dictionaries
    for (std::size_t i = 0; i < files.size(); ++i)
        if (i != largest || !apart.valid()) read_one(i);
    if (apart.valid()) apart.get();
    for (const std::exception_ptr& e : failed)
        if (e) std::rethrow_exception(e);
    return read;
}

}  // namespace

namespace detail {

Lexicon read_default_files() {
    Lexicon lexicon;
    // The dictionaries are listed after the curated files are read, as
    // far as errors go: a missing lexicon directory is said first.
    std::vector<std::string> dictionaries;
    std::exception_ptr unlisted;
    try {
        dictionaries = default_dictionary_files();
    } catch (...) {
        unlisted = std::current_exception();
    }
    std::vector<Lexicon> read = read_dictionaries(dictionaries, [&] {
        for (const std::string& f : default_lexicon_files()) load_lexicon_file(lexicon, f);
        if (unlisted) std::rethrow_exception(unlisted);
    });
    add_dictionaries(lexicon, read);
    return lexicon;
}

}  // namespace detail

Lexicon load_default_lexicon(const std::vector<std::string>& extra_files,
                             const LoadOptions& options) {
    Lexicon lexicon;
    if (options.default_dictionaries) {
        std::optional<Lexicon> compiled;
        if (options.compiled) compiled = read_compiled_lexicon(compiled_lexicon_path());
        lexicon = compiled ? std::move(*compiled) : detail::read_default_files();
    }
    for (const std::string& f : extra_files) load_lexicon_file(lexicon, f);
    if (options.default_dictionaries) yield_names_to(lexicon, extra_files);
    check_codes(lexicon);
    return lexicon;
}

void check_codes(Lexicon& lexicon) {
    std::vector<Warning> found;
    auto check = [&](const Entry& e, const std::string& code, const std::string& what) {
        if (code.empty() || code == e.id || lexicon.find(code)) return;
        found.push_back({e.file, e.line,
                         what + " \"" + code + "\" of \"" + e.id + "\" is no entry of the lexicon",
                         "unknown-code"});
    };
    for (const Entry& e : lexicon.entries()) {
        // TABARI codes are CAMEO codes, checked against CAMEO's list when read.
        if (e.id.rfind("TABARI.", 0) == 0) continue;
        check(e, e.code, "code");
        for (const Role& r : e.roles) check(e, r.code, "role code");
    }
    for (Warning& w : found) lexicon.warn(std::move(w));
}

}  // namespace eventgraph::lexicon
