#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <iterator>
#include <optional>

#include "command.hpp"
#include "eventgraph/error.hpp"
#include "eventgraph/io/input.hpp"
#include "eventgraph/io/output.hpp"
#include "eventgraph/lexicon/load.hpp"
#include "eventgraph/lexicon/matcher.hpp"
#include "eventgraph/model/timestamp.hpp"
#include "eventgraph/text/utf8.hpp"
#include "io/json.hpp"

namespace eventgraph::cli {

namespace {

using io::json::Writer;
using Clock = std::chrono::steady_clock;

void write_strings(Writer& w, const char* key, const std::vector<std::string>& values) {
    w.key(key).begin_array();
    for (const auto& v : values) w.string(v);
    w.end_array();
}

std::string entry_json(const lexicon::Entry& e) {
    Writer w;
    w.begin_object();
    w.field("id", e.id).field("code", e.code).field("kind", model::to_string(e.kind));
    w.field("name", e.name);
    if (!e.agent.empty()) w.field("agent", e.agent);
    if (!e.cameo.empty()) w.field("cameo", e.cameo);
    write_strings(w, "names", e.names);
    write_strings(w, "adjectives", e.adjectives);
    write_strings(w, "metonyms", e.metonyms);
    w.key("roles").begin_array();
    for (const auto& r : e.roles) {
        w.begin_object().field("title", r.title).field("code", r.code);
        if (r.start) w.field("start", model::to_iso(*r.start));
        if (r.end) w.field("end", model::to_iso(*r.end));
        if (!r.cameo.empty()) w.field("cameo", r.cameo);
        w.end_object();
    }
    w.end_array().end_object();
    return std::string(w.text());
}

std::string mention_json(const lexicon::Mention& m, std::string_view text) {
    Writer w;
    w.begin_object().field("text", text.substr(m.begin, m.end - m.begin));
    w.key("begin").uint64(m.begin).key("end").uint64(m.end);
    w.field("id", m.actor.id).field("code", m.actor.code).field("name", m.actor.name);
    w.field("kind", model::to_string(m.actor.kind));
    if (!m.actor.role.empty()) w.field("role", m.actor.role);
    if (!m.actor.agent.empty()) w.field("agent", m.actor.agent);
    if (!m.actor.cameo.empty()) w.field("cameo", m.actor.cameo);
    w.key("sentence").uint64(m.sentence).end_object();
    return std::string(w.text());
}

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::string format_ms(double ms) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", ms);
    return buf;
}

// The text to search: the argument itself, or all of standard input (one
// article: a surname later on resolves to the person named in full before).
std::string read_text(const std::string& arg) {
    if (arg != "-") {
        if (const auto bad = text::find_invalid_utf8(arg); bad != std::string::npos)
            throw usage_error("the text is not UTF-8 (byte " + std::to_string(bad + 1) + ")");
        return arg;
    }
    std::string content;
    char buf[1 << 16];
    while (std::cin.read(buf, sizeof buf) || std::cin.gcount() > 0) {
        content.append(buf, std::size_t(std::cin.gcount()));
        if (content.size() > io::max_page_bytes)
            throw input_error(
                "<stdin>",
                "text larger than " + std::to_string(io::max_page_bytes >> 20) + " MB: not read");
    }
    if (std::cin.bad()) throw input_error("<stdin>", "read error");
    // No text, no actors: an empty pipe is not an error here.
    if (content.find_first_not_of(" \t\r\n") == std::string::npos) return {};
    return io::check_page_text(std::move(content), "<stdin>");
}

int run_actors(const Args& args) {
    const bool list = args.has("list");
    if (list && !args.positional().empty()) throw usage_error("--list takes no text");
    if (!list && args.positional().empty())
        throw usage_error("no text: give TEXT, or - for standard input");
    if (args.positional().size() > 1)
        throw usage_error("give the text as one argument (in quotes), or - for standard input");
    std::optional<date::year_month_day> day;
    if (args.has("ref")) {
        const auto t = model::parse_iso_timestamp(args.get("ref"));
        if (!t)
            throw usage_error("option --ref needs a date as YYYY-MM-DD, not \"" + args.get("ref") +
                              "\"");
        day = t->day;
    }
    // Read the text before loading the lexicon: a usage error costs nothing.
    const std::string text = list ? std::string() : read_text(args.positional().front());

    const auto start = Clock::now();
    const auto lex = lexicon::load_default_lexicon(args.all("lexicon"), load_options(args));
    const double load_ms = ms_since(start);
    // The default lexicon's own defects are for its maintainers (--verbose
    // shows them); a user needs to see those of the files they gave.
    const auto user_files = args.all("lexicon");
    for (const auto& w : lex.warnings())
        if (args.has("verbose") ||
            std::find(user_files.begin(), user_files.end(), w.file) != user_files.end())
            std::cerr << "eventgraph: " << lexicon::to_string(w) << '\n';

    io::Output out(args.get("output"));
    if (list) {
        if (args.has("verbose"))
            std::cerr << "eventgraph: lexicon of " << lex.size() << " entries loaded in "
                      << format_ms(load_ms) << " ms\n";
        for (const auto& e : lex.entries()) out.line(entry_json(e));
        out.commit();
        return 0;
    }
    const auto compile_start = Clock::now();
    const lexicon::ActorMatcher matcher(lex.entries());
    if (args.has("verbose"))
        std::cerr << "eventgraph: lexicon of " << lex.size() << " entries loaded in "
                  << format_ms(load_ms) << " ms, matcher of " << matcher.node_count()
                  << " nodes built in " << format_ms(ms_since(compile_start)) << " ms\n";
    for (const auto& m : lexicon::find_actors(matcher, text, day)) out.line(mention_json(m, text));
    out.commit();
    return 0;
}

}  // namespace

Command actors_command() {
    return {
        "actors",
        "actor mentions in text, or the lexicon with --list",
        "eventgraph actors [OPTIONS] [--ref DATE] TEXT|-\n       eventgraph actors --list "
        "[--lexicon FILE]…",
        "Finds the actors of the lexicon in the text (the argument, or standard input with -,\n"
        "read as one article) and writes one JSON line per mention:\n"
        "  "
        "{\"text\":\"Kremlin\",\"begin\":4,\"end\":11,\"id\":\"RUS\",\"code\":\"RUS\",\"name\":"
        "\"Russia\",\n"
        "   \"kind\":\"country\",\"sentence\":0}\n"
        "begin and end are byte offsets in the text, sentence counts from 0. People take the\n"
        "role they held on the --ref date (\"role\", and the role's \"code\"); without --ref, "
        "their\n"
        "own code and no role. Agents (\"Russian troops\") carry an \"agent\". A surname alone\n"
        "resolves to the person named in full earlier in the text.\n\n"
        "--list writes the lexicon instead, one entry a line: id, code, kind, name, names,\n"
        "adjectives, metonyms, roles, cameo. The lexicon is data/lexicon/*.json, then the Phoenix\n"
        "dictionaries data/phoenix/*.txt (or under $EVENTGRAPH_DATA; neither with\n"
        "--no-default-dictionaries), then the --lexicon files, in order; the warnings about those "
        "files go to standard error\n"
        "with file and line, and a lexicon error ends the command with exit code 1.",
        {{"ref", 'r', true, "DATE",
          "the day whose roles people take, YYYY-MM-DD (the publication date)"},
         lexicon_option(),
         no_default_dictionaries_option(),
         {"list", 0, false, "", "write the lexicon's entries instead of finding mentions"},
         {"verbose", 'v', false, "",
          "tell the lexicon's size and load time, and the default lexicon's warnings, on standard "
          "error"},
         output_option("the mentions")},
        run_actors};
}

}  // namespace eventgraph::cli
