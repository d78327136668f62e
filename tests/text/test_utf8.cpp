#include <catch2/catch.hpp>

#include "eventgraph/text/utf8.hpp"

using namespace eventgraph::text;

TEST_CASE("valid UTF-8 has no invalid offset, bad bytes are found where they are") {
    CHECK(find_invalid_utf8("China \xE2\x80\x9C"
                            "decisive enabler\xE2\x80\x9D") == std::string_view::npos);
    CHECK(find_invalid_utf8("ab\xFF"
                            "cd") == 2);
    CHECK(find_invalid_utf8("ab\xC0\xAF") == 2);     // overlong '/'
    CHECK(find_invalid_utf8("x\xED\xA0\x80") == 1);  // a surrogate
    CHECK(find_invalid_utf8("cut \xE2\x80") == 4);   // truncated sequence
}

TEST_CASE("positions are 1-based lines and columns") {
    const std::string_view s = "one\ntwo\nthree";
    CHECK(position_of(s, 0).line == 1);
    CHECK(position_of(s, 5).line == 2);
    CHECK(position_of(s, 5).column == 2);
}

TEST_CASE("white space is collapsed, invisible characters dropped, quotes kept") {
    CHECK(clean_whitespace("  a \t\n b\xC2\xA0\xC2\xA0"
                           "c\xE2\x80\x8B"
                           "d  ") == "a b cd");
    CHECK(clean_whitespace("\xE2\x80\x9Cquoted\xE2\x80\x9D") == "\xE2\x80\x9Cquoted\xE2\x80\x9D");
    CHECK(clean_whitespace("\xEF\xBB\xBFtitle") == "title");
}

TEST_CASE("binary content is told from text") {
    CHECK(looks_binary(std::string("PK\x03\x04\0\0", 6)));
    CHECK_FALSE(looks_binary("Plain text\nwith lines\r\n"));
}
