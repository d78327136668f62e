#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <optional>

#include "command.hpp"
#include "eventgraph/error.hpp"
#include "eventgraph/io/input.hpp"
#include "eventgraph/io/output.hpp"
#include "eventgraph/model/timestamp.hpp"
#include "eventgraph/text/utf8.hpp"
#include "eventgraph/time/expressions.hpp"
#include "io/json.hpp"

namespace eventgraph::cli {

namespace {

// A reference date is a day, a month or a year; a date-time ("published" as
// pages give it) stands for its own day, as the extractor takes it.
std::optional<model::Timestamp> parse_reference(std::string_view s) {
    return model::parse_iso_timestamp(s);
}

// A member's value; absent if it is missing or JSON null, which mean the same here.
io::json::Value member(io::json::Value object, const char* key) {
    const io::json::Value v = object[key];
    return v.is_null() ? io::json::Value() : v;
}

[[noreturn]] void wrong(const std::string& file, std::size_t line, const char* field,
                        const std::string& what) {
    throw input_error(file, line, std::string("field \"") + field + "\": " + what);
}

// One line of input, ready to resolve.
struct Record {
    std::string id;
    std::string text;
    std::optional<model::Timestamp> ref;
};

// Parsed as every JSON reader parses: "FILE:LINE: invalid JSON at column N: what".
Record read_json_record(std::string_view line, const std::string& file, std::size_t line_no) {
    const io::json::Document parsed(line, file, line_no);
    const io::json::Value doc = parsed.root();
    if (!doc.is_object()) throw input_error(file, line_no, "expected an object with \"text\"");

    Record r;
    r.id = std::to_string(line_no);
    if (const auto id = member(doc, "id"); id.present()) {
        if (id.is_string())
            r.id.assign(id.string());
        else if (id.is_int64())
            r.id = std::to_string(id.int64());
        else if (id.is_uint64())
            r.id = std::to_string(id.uint64());
        else
            wrong(file, line_no, "id", "expected a string or a whole number");
    }
    const auto body = member(doc, "text");
    if (!body.present()) wrong(file, line_no, "text", "missing");
    if (!body.is_string()) wrong(file, line_no, "text", "expected a string");
    r.text.assign(body.string());
    if (const auto ref = member(doc, "ref"); ref.present()) {
        if (!ref.is_string())
            wrong(file, line_no, "ref", "expected a date string (YYYY-MM-DD, YYYY-MM or YYYY)");
        const std::string_view s = ref.string();
        r.ref = parse_reference(s);
        if (!r.ref)
            wrong(file, line_no, "ref",
                  "\"" + std::string(s) + "\" is not a date (YYYY-MM-DD, YYYY-MM or YYYY)");
    }
    return r;
}

Record read_text_record(std::string_view line, const std::string& file, std::size_t line_no) {
    if (const auto bad = text::find_invalid_utf8(line); bad != std::string_view::npos)
        throw input_error(file, line_no, "invalid UTF-8 at column " + std::to_string(bad + 1));
    return {std::to_string(line_no), std::string(line), std::nullopt};
}

std::string dates_json(const Record& r, const model::Timestamp& ref) {
    io::json::Writer w;
    w.begin_object().field("id", r.id).key("expressions").begin_array();
    for (const auto& m : time::list_dates(r.text, ref)) {
        w.begin_object().field("text", m.text);
        w.key("begin").uint64(m.begin).key("end").uint64(m.end);
        w.field("value", m.value).field("granularity", model::to_string(m.granularity));
        w.end_object();
    }
    w.end_array().end_object();
    return std::string(w.text());
}

// Every line is resolved on its own, so a bad line is reported and the next
// one read (with fail_fast it ends the run); only a missing reference date
// stops the run, since it is the command line that lacks it and every other
// line would fail the same way. Returns the bad lines; `good` counts the others.
std::size_t read_lines(std::istream& in, const std::string& file,
                       const std::optional<model::Timestamp>& default_ref, io::Output& out,
                       bool fail_fast, std::size_t& good) {
    std::size_t bad = 0;
    auto refuse = [&](const input_error& e) {
        if (fail_fast) throw e;
        report(e);
        ++bad;
    };
    std::string line;
    std::size_t line_no = 0;
    for (io::LineRead got; (got = io::read_line(in, line)) != io::LineRead::end;) {
        ++line_no;
        if (got == io::LineRead::too_long) {
            refuse(input_error(file, line_no, io::line_too_long_message()));
            continue;
        }
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const auto first = line.find_first_not_of(" \t");
        if (first == std::string::npos) continue;
        try {
            const Record r = line[first] == '{' ? read_json_record(line, file, line_no)
                                                : read_text_record(line, file, line_no);
            const auto ref = r.ref ? r.ref : default_ref;
            if (!ref)
                throw usage_error(
                    "no reference date: give --ref YYYY-MM-DD, or a \"ref\" on each JSON line (" +
                    file + ":" + std::to_string(line_no) + " has none)");
            out.line(dates_json(r, *ref));
            ++good;
        } catch (const input_error& e) {
            refuse(e);
        }
    }
    if (in.bad()) throw input_error(file, line_no, "read error");
    return bad;
}

int run_dates(const Args& args) {
    std::optional<model::Timestamp> ref;
    if (args.has("ref")) {
        ref = parse_reference(args.get("ref"));
        if (!ref)
            throw usage_error("option --ref needs a date as YYYY-MM-DD, YYYY-MM or YYYY, not \"" +
                              args.get("ref") + "\"");
    }
    if (args.positional().size() > 1)
        throw usage_error("give one input: FILE, or - for standard input");
    const std::string input = args.positional().empty() ? "-" : args.positional().front();
    const bool stop = fail_fast(args);

    io::Output out(args.get("output"));
    std::size_t good = 0;
    const auto summary = for_each_input({input}, stop, good, [&](const std::string& file) {
        if (file == "-") return read_lines(std::cin, "<stdin>", ref, out, stop, good);
        std::ifstream in(file, std::ios::binary);
        if (!in) throw input_error(file, std::string("cannot open: ") + std::strerror(errno));
        return read_lines(in, file, ref, out, stop, good);
    });
    return finish(out, summary);
}

}  // namespace

Command dates_command() {
    return {
        "dates",
        "temporal expressions in text, resolved against a reference date",
        "eventgraph dates [OPTIONS] --ref YYYY-MM-DD [FILE|DIR|-]",
        "Finds the dates in each line of the input (standard input if none is named) and\n"
        "resolves them against the reference date, as the extractor does against an article's\n"
        "publication date. A line is plain text, or a JSON object {\"id\", \"text\", \"ref\"} "
        "whose\n"
        "\"ref\" (a date, a date-time, a month or a year) overrides --ref. Writes one JSON line "
        "per input "
        "line;\n"
        "\"Talks resumed on Sept. 10 in Geneva.\" on line 1 gives\n"
        "  {\"id\":\"1\",\"expressions\":[{\"text\":\"Sept. 10\",\"begin\":17,\"end\":25,\n"
        "   \"value\":\"2024-09-10\",\"granularity\":\"day\"}]}\n"
        "where id is the line number unless the object has one, begin and end are byte offsets\n"
        "in the text, and value is YYYY-MM-DD, YYYY-MM or YYYY as the granularity (day, month,\n"
        "year) allows: \"in July\" is the month, never July 1st. An underspecified date is the\n"
        "latest on or before the reference unless the clause speaks of the future. A bad line is\n"
        "reported with its file and line, the others are still read, and the exit code is 1.\n"
        "A reference known only to the month or the year (2024-04, 2024) resolves what it can:\n"
        "\"yesterday\" against 2024-04 is the month 2024-04.",
        {{"ref", 'r', true, "DATE",
          "the reference date (the publication date): YYYY-MM-DD, YYYY-MM or YYYY"},
         output_option("the dates"),
         keep_going_option(),
         fail_fast_option()},
        run_dates};
}

}  // namespace eventgraph::cli
