#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "eventgraph/error.hpp"
#include "eventgraph/io/input.hpp"
#include "support/support.hpp"

using namespace eventgraph;

namespace {
std::string page_error(const std::string& content) {
    try {
        io::check_page_text(content, "page.txt");
    } catch (const input_error& e) {
        return e.what();
    }
    return "no error";
}
}  // namespace

TEST_CASE("directories expand to their files, sorted, without hidden ones") {
    const std::string dir = test::temp_dir("expand");
    for (const char* name : {"b.txt", "a.json", ".hidden"}) std::ofstream(dir + "/" + name) << "x";
    std::filesystem::create_directory(dir + "/sub");
    const auto files = io::expand_inputs({dir, "-"});
    REQUIRE(files.size() == 3);
    CHECK(files[0] == dir + "/a.json");
    CHECK(files[1] == dir + "/b.txt");
    CHECK(files[2] == "-");
    CHECK_THROWS_WITH(io::expand_inputs({dir + "/nope.txt"}),
                      dir + "/nope.txt: no such file or directory");
}

TEST_CASE("an article from a file without an id is named after the file") {
    CHECK(io::id_from_path("samples/seed-china-russia-2024-09-10.txt") ==
          "seed-china-russia-2024-09-10");
    CHECK(io::id_from_path("/x/report.v2.html") == "report.v2");
    CHECK(io::id_from_path(".profile") == ".profile");
    CHECK(io::id_from_path("-") == "stdin");
}

TEST_CASE("JSON, HTML and text are told apart by how they begin") {
    CHECK(io::sniff_format("  \n{\"id\":1}") == io::Format::json);
    CHECK(io::sniff_format("[{}]") == io::Format::json);
    CHECK(io::sniff_format("\xEF\xBB\xBF<!DOCTYPE html><html>") == io::Format::html);
    CHECK(io::sniff_format("<HTML lang=en>") == io::Format::html);
    CHECK(io::sniff_format("Title line\nby Someone <someone@example.org>") == io::Format::text);
}

TEST_CASE("empty, binary and non-UTF-8 pages are refused with the place of the fault") {
    CHECK(page_error(" \n\t\n") == "page.txt: empty file");
    CHECK(page_error(std::string("GIF89a\0\0\x01", 9)) == "page.txt: binary file, not text");
    CHECK(page_error("fine line\nbad \xE9t\xE9 here\n") ==
          "page.txt:2: invalid UTF-8 at column 5 (save the page as UTF-8)");
    CHECK(page_error("Caf\xC3\xA9 is fine") == "no error");
}
