#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "support/support.hpp"

using eventgraph::test::data_path;
using eventgraph::test::lines_of;
using eventgraph::test::read_file;
using eventgraph::test::run_eventgraph;

TEST_CASE("dates --help tells the usage and the output format") {
    const auto r = run_eventgraph({"dates", "--help"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.rfind("usage: eventgraph dates [OPTIONS] --ref YYYY-MM-DD [FILE|DIR|-]\n", 0) == 0);
    CHECK(r.out.find("--ref DATE") != std::string::npos);
    CHECK(r.out.find("--keep-going") != std::string::npos);
    CHECK(r.err.empty());
}

TEST_CASE("dates writes one line per text line, its id the line number, blank lines skipped") {
    const auto r = run_eventgraph({"dates", "--ref", "2024-09-10", data_path("cli/plain.txt")});
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(
        r.out ==
        R"({"id":"1","expressions":[{"text":"Sept. 10","begin":17,"end":25,"value":"2024-09-10","granularity":"day"}]})"
        "\n"
        R"({"id":"3","expressions":[]})"
        "\n"
        R"({"id":"4","expressions":[{"text":"last Tuesday","begin":18,"end":30,"value":"2024-09-03","granularity":"day"},)"
        R"({"text":"November","begin":54,"end":62,"value":"2024-11","granularity":"month"}]})"
        "\n");
}

TEST_CASE("dates reads standard input, named or not, and offsets count bytes") {
    const std::string text =
        "Kyiv \xE2\x80\x94 the strike came on Sept. 8.\n";  // an em dash: 3 bytes
    const std::string expected =
        R"({"id":"1","expressions":[{"text":"Sept. 8","begin":28,"end":35,"value":"2024-09-08","granularity":"day"}]})"
        "\n";
    const auto named = run_eventgraph({"dates", "--ref=2024-09-10", "-"}, text);
    CHECK(named.exit_code == 0);
    CHECK(named.out == expected);
    const auto unnamed = run_eventgraph({"dates", "-r", "2024-09-10"}, text);
    CHECK(unnamed.out == expected);
}

TEST_CASE(
    "dates resolves each JSON line against its own ref and reports bad lines with file and line") {
    const std::string file = data_path("cli/records.jsonl");
    const auto r = run_eventgraph({"dates", file});
    CHECK(r.exit_code == 1);
    CHECK(
        r.out ==
        R"({"id":"a","expressions":[{"text":"2014","begin":25,"end":29,"value":"2014","granularity":"year"}]})"
        "\n"
        R"({"id":"7","expressions":[{"text":"Yesterday","begin":0,"end":9,"value":"2023-10-11","granularity":"day"}]})"
        "\n"
        R"({"id":"3","expressions":[{"text":"Saturday","begin":45,"end":53,"value":"2023-10-07","granularity":"day"}]})"
        "\n"
        R"({"id":"last","expressions":[{"text":"July 9","begin":24,"end":30,"value":"2024-07-09","granularity":"day"}]})"
        "\n");
    CHECK(r.err ==
          "eventgraph: " + file +
              ":4: invalid JSON at column 33: Missing a comma or '}' after an object member.\n"
              "eventgraph: " +
              file +
              ":5: field \"ref\": \"2024-02-30\" is not a date (YYYY-MM-DD, YYYY-MM or YYYY)\n"
              "eventgraph: " +
              file +
              ":6: field \"text\": missing\n"
              "eventgraph: " +
              file + ": 3 bad records skipped\n");
}

TEST_CASE("dates counts the broken lines; --keep-going is the default, --fail-fast stops") {
    const std::string file = data_path("cli/records.jsonl");
    const auto r = run_eventgraph({"dates", "--keep-going", file});
    CHECK(r.exit_code == 1);
    CHECK(lines_of(r.out).size() == 4);
    CHECK(r.err.find(file + ":5: field \"ref\"") != std::string::npos);
    CHECK(r.err.find("eventgraph: " + file + ": 3 bad records skipped\n") != std::string::npos);
    const auto stop = run_eventgraph({"dates", "--fail-fast", file});
    CHECK(stop.exit_code == 1);
    CHECK(lines_of(stop.out).size() == 3);
    CHECK(stop.err ==
          "eventgraph: " + file +
              ":4: invalid JSON at column 33: Missing a comma or '}' after an object member.\n");
}

TEST_CASE("dates a JSON line's ref overrides --ref, and --ref serves lines without one") {
    const std::string input = R"({"id":"own","text":"on Monday","ref":"2024-09-10"})"
                              "\n"
                              R"({"id":"default","text":"on Monday"})"
                              "\n";
    const auto r = run_eventgraph({"dates", "--ref", "2023-10-12", "-"}, input);
    CHECK(r.exit_code == 0);
    CHECK(
        r.out ==
        R"({"id":"own","expressions":[{"text":"Monday","begin":3,"end":9,"value":"2024-09-09","granularity":"day"}]})"
        "\n"
        R"({"id":"default","expressions":[{"text":"Monday","begin":3,"end":9,"value":"2023-10-09","granularity":"day"}]})"
        "\n");
}

TEST_CASE("dates escapes what it writes") {
    const std::string input =
        R"({"id":"a \"quoted\"\tid","text":"In 2014 \u00e9","ref":"2024-01-01"})"
        "\n";
    const auto r = run_eventgraph({"dates", "-"}, input);
    CHECK(r.exit_code == 0);
    CHECK(
        r.out ==
        R"({"id":"a \"quoted\"\tid","expressions":[{"text":"2014","begin":3,"end":7,"value":"2014","granularity":"year"}]})"
        "\n");
}

TEST_CASE("dates without a reference date is a usage error naming what is missing") {
    const auto plain = run_eventgraph({"dates"}, "on Monday\n");
    CHECK(plain.exit_code == 2);
    CHECK(plain.err ==
          "eventgraph dates: no reference date: give --ref YYYY-MM-DD, or a \"ref\" on each JSON "
          "line "
          "(<stdin>:1 has none)\nTry 'eventgraph dates --help'.\n");
    const std::string file = data_path("cli/no-ref.jsonl");
    const auto json = run_eventgraph({"dates", file});
    CHECK(json.exit_code == 2);
    CHECK(json.err.find("(" + file + ":2 has none)") != std::string::npos);
}

TEST_CASE("dates rejects an impossible --ref and extra inputs as usage errors") {
    const auto bad = run_eventgraph({"dates", "--ref", "2024-02-30", "-"}, "on Monday\n");
    CHECK(bad.exit_code == 2);
    CHECK(bad.err ==
          "eventgraph dates: option --ref needs a date as YYYY-MM-DD, YYYY-MM or YYYY, not "
          "\"2024-02-30\"\n"
          "Try 'eventgraph dates --help'.\n");
    CHECK(bad.out.empty());
    const auto two = run_eventgraph({"dates", "--ref", "2024-09-10", "a", "b"});
    CHECK(two.exit_code == 2);
    CHECK(two.err.rfind("eventgraph dates: give one input: FILE, or - for standard input\n", 0) ==
          0);
}

TEST_CASE("dates reports a line that is not UTF-8 and a missing file") {
    const auto r = run_eventgraph({"dates", "--ref", "2024-09-10"}, "in 2014\nbad \xFF byte\n");
    CHECK(r.exit_code == 1);
    CHECK(
        r.out ==
        R"({"id":"1","expressions":[{"text":"2014","begin":3,"end":7,"value":"2014","granularity":"year"}]})"
        "\n");
    CHECK(r.err ==
          "eventgraph: <stdin>:2: invalid UTF-8 at column 5\n"
          "eventgraph: <stdin>: 1 bad record skipped\n");
    const std::string missing = data_path("cli/no-such-file.txt");
    const auto m = run_eventgraph({"dates", "--ref", "2024-09-10", missing});
    CHECK(m.exit_code == 1);
    CHECK(m.err == "eventgraph: " + missing + ": no such file or directory\n");
}

TEST_CASE("dates -o writes the file whole, and nothing on a usage error") {
    const std::string dir = eventgraph::test::temp_dir("cli-dates-output");
    const auto ok = run_eventgraph(
        {"dates", "--ref", "2024-09-10", data_path("cli/plain.txt"), "-o", dir + "/d.jsonl"});
    CHECK(ok.exit_code == 0);
    CHECK(ok.out.empty());
    CHECK(lines_of(read_file(dir + "/d.jsonl")).size() == 3);
    const auto no_ref =
        run_eventgraph({"dates", data_path("cli/no-ref.jsonl"), "-o", dir + "/n.jsonl"});
    CHECK(no_ref.exit_code == 2);
    CHECK_FALSE(std::filesystem::exists(dir + "/n.jsonl"));
}
