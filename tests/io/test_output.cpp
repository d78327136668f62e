#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "eventgraph/error.hpp"
#include "eventgraph/io/output.hpp"
#include "support/support.hpp"

using namespace eventgraph;
namespace fs = std::filesystem;

TEST_CASE("an output file appears only when it is complete") {
    const std::string dir = test::temp_dir("output");
    const std::string path = dir + "/events.jsonl";
    {
        io::Output out(path);
        out.line("first");
        CHECK_FALSE(fs::exists(path));  // still the temporary file
        out.commit();
    }
    CHECK(test::read_file(path) == "first\n");
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator{}) == 1);
}

TEST_CASE("a large output, handed to the disk as it is written, is whole and appears at commit") {
    const std::string dir = test::temp_dir("output-large");
    const std::string path = dir + "/timeline.json";
    std::string expected;
    {
        io::Output out(path);
        // 40 MB in pieces of a megabyte and a little, each of its own letter.
        for (int k = 0; k < 40; ++k) {
            const std::string piece((std::size_t{1} << 20) + static_cast<std::size_t>(k),
                                    static_cast<char>('a' + k % 26));
            out.write(piece);
            expected += piece;
        }
        CHECK_FALSE(fs::exists(path));  // flushed to the temporary file only
        out.commit();
    }
    CHECK(test::read_file(path) == expected);
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator{}) == 1);
}

TEST_CASE("an output abandoned before commit leaves the earlier file as it was") {
    const std::string dir = test::temp_dir("output-abandoned");
    const std::string path = dir + "/graph.dot";
    std::ofstream(path) << "earlier";
    {
        io::Output out(path);
        out.line("half of a new file");
    }  // no commit: a failure happened
    CHECK(test::read_file(path) == "earlier");
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator{}) == 1);
}

TEST_CASE("an output that cannot be created says which and why") {
    CHECK_THROWS_WITH(io::Output("/nonexistent-dir/x.json"),
                      Catch::StartsWith("cannot write /nonexistent-dir/x.json: cannot create "));
}
