#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

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

namespace eventgraph::cli {

namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;
using Clock = std::chrono::steady_clock;

void write_string(Writer& w, const char* key, std::string_view value) {
    w.Key(key);
    w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

void write_strings(Writer& w, const char* key, const std::vector<std::string>& values) {
    w.Key(key);
    w.StartArray();
    for (const auto& v : values) w.String(v.data(), static_cast<rapidjson::SizeType>(v.size()));
    w.EndArray();
}

std::string entry_json(const lexicon::Entry& e) {
    rapidjson::StringBuffer buf;
    Writer w(buf);
    w.StartObject();
    write_string(w, "id", e.id);
    write_string(w, "code", e.code);
    write_string(w, "kind", model::to_string(e.kind));
    write_string(w, "name", e.name);
    if (!e.agent.empty()) write_string(w, "agent", e.agent);
    if (!e.cameo.empty()) write_string(w, "cameo", e.cameo);
    write_strings(w, "names", e.names);
    write_strings(w, "adjectives", e.adjectives);
    write_strings(w, "metonyms", e.metonyms);
    w.Key("roles");
    w.StartArray();
    for (const auto& r : e.roles) {
        w.StartObject();
        write_string(w, "title", r.title);
        write_string(w, "code", r.code);
        if (r.start) write_string(w, "start", model::to_iso(*r.start));
        if (r.end) write_string(w, "end", model::to_iso(*r.end));
        if (!r.cameo.empty()) write_string(w, "cameo", r.cameo);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return std::string(buf.GetString(), buf.GetSize());
}

std::string mention_json(const lexicon::Mention& m, std::string_view text) {
    rapidjson::StringBuffer buf;
    Writer w(buf);
    w.StartObject();
    write_string(w, "text", text.substr(m.begin, m.end - m.begin));
    w.Key("begin");
    w.Uint64(m.begin);
    w.Key("end");
    w.Uint64(m.end);
    write_string(w, "id", m.actor.id);
    write_string(w, "code", m.actor.code);
    write_string(w, "name", m.actor.name);
    write_string(w, "kind", model::to_string(m.actor.kind));
    if (!m.actor.role.empty()) write_string(w, "role", m.actor.role);
    if (!m.actor.agent.empty()) write_string(w, "agent", m.actor.agent);
    if (!m.actor.cameo.empty()) write_string(w, "cameo", m.actor.cameo);
    w.Key("sentence");
    w.Uint64(m.sentence);
    w.EndObject();
    return std::string(buf.GetString(), buf.GetSize());
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
