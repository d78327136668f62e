#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <tuple>

#include "eventgraph/lexicon/load.hpp"
#include "support/support.hpp"

using namespace eventgraph;
using namespace eventgraph::lexicon;
namespace fs = std::filesystem;
using test::Env;

namespace {

// A data directory of one's own: the test data's lexicon and dictionary.
std::string data_copy(const std::string& name) {
    const std::string dir = test::temp_dir(name);
    fs::copy(test::data_path("lexicon/default-data"), dir, fs::copy_options::recursive);
    return dir;
}

void append(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::app) << text;
}

// Every field, so that a compiled lexicon that lost anything fails.
void check_same(const Lexicon& a, const Lexicon& b) {
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        const Entry& x = a.entries()[i];
        const Entry& y = b.entries()[i];
        INFO(x.id);
        const auto fields = [](const Entry& e) {
            return std::tie(e.id, e.code, e.name, e.kind, e.agent, e.cameo, e.names, e.adjectives,
                            e.metonyms, e.roles, e.file, e.line);
        };
        CHECK(fields(x) == fields(y));
    }
    REQUIRE(a.warnings().size() == b.warnings().size());
    for (std::size_t i = 0; i < a.warnings().size(); ++i)
        CHECK(to_string(a.warnings()[i]) + " " + a.warnings()[i].kind ==
              to_string(b.warnings()[i]) + " " + b.warnings()[i].kind);
}

LoadOptions text_only() {
    LoadOptions o;
    o.compiled = false;
    return o;
}

}  // namespace

TEST_CASE("a compiled default lexicon gives the entries and warnings its text files give") {
    const std::string data = data_copy("compiled-same");
    // A dated role and a defect, so that dates and warnings go through the compiled form.
    append(data + "/phoenix/Test.actors.txt",
           "ARAGORN_ [GONGOV 300101-301231] [GONELI >301231]\n"
           "+ELESSAR\n"
           "BOROMIR_ [GONMIL 990101-]\n");
    const Env env("EVENTGRAPH_DATA", data);
    const std::string compiled = data + "/default-lexicon.bin";
    write_compiled_lexicon(compiled);
    const auto read = read_compiled_lexicon(compiled);
    REQUIRE(read);
    const Env use("EVENTGRAPH_COMPILED_LEXICON", compiled);
    const Lexicon text = load_default_lexicon({}, text_only());
    CHECK(text.warnings().size() >= 2);  // the bad date and the unknown role code
    check_same(load_default_lexicon(), text);
    // A user's file comes after the compiled defaults as after the text.
    const std::string user = test::data_path("lexicon/user-minas-tirith.txt");
    check_same(load_default_lexicon({user}), load_default_lexicon({user}, text_only()));
}

TEST_CASE("a compiled lexicon is not used once a default file has changed") {
    const std::string data = data_copy("compiled-changed");
    const Env env("EVENTGRAPH_DATA", data);
    const std::string compiled = data + "/default-lexicon.bin";
    write_compiled_lexicon(compiled);
    REQUIRE(read_compiled_lexicon(compiled));
    append(data + "/phoenix/Test.actors.txt", "OSGILIATH_ [GON]\n");
    CHECK_FALSE(read_compiled_lexicon(compiled));
    const Env use("EVENTGRAPH_COMPILED_LEXICON", compiled);
    CHECK(load_default_lexicon().find("TABARI.OSGILIATH"));
}

TEST_CASE("the same default files in another data directory are named from there") {
    const std::string first = data_copy("compiled-first");
    const std::string compiled = first + "/default-lexicon.bin";
    {
        const Env env("EVENTGRAPH_DATA", first);
        write_compiled_lexicon(compiled);
    }
    const std::string second = data_copy("compiled-second");
    const Env env("EVENTGRAPH_DATA", second);
    const auto read = read_compiled_lexicon(compiled);
    REQUIRE(read);
    const Entry* e = read->find("TABARI.MINAS_TIRITH");
    REQUIRE(e);
    CHECK(e->file == second + "/phoenix/Test.actors.txt");
}

TEST_CASE("a damaged or missing compiled lexicon is not used: the text is read") {
    const std::string data = data_copy("compiled-damaged");
    const Env env("EVENTGRAPH_DATA", data);
    const std::string compiled = data + "/default-lexicon.bin";
    CHECK_FALSE(read_compiled_lexicon(compiled));
    CHECK_FALSE(read_compiled_lexicon(""));
    write_compiled_lexicon(compiled);
    const auto size = fs::file_size(compiled);
    fs::resize_file(compiled, size - 3);
    CHECK_FALSE(read_compiled_lexicon(compiled));
    append(compiled, "\x01\x02\x03\x04\x05\x06");
    CHECK_FALSE(read_compiled_lexicon(compiled));
    const Env use("EVENTGRAPH_COMPILED_LEXICON", compiled);
    check_same(load_default_lexicon(), load_default_lexicon({}, text_only()));
}
