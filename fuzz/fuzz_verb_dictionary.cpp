// Fuzz target: the TABARI/PETRARCH verb dictionary reader (CAMEO.2.0.txt and
// its kind). Whatever the text, the dictionary read must hold together: every
// index points into its vector, every form has its head word, every warning
// names the file.

#include "eventgraph/extract/verb_dictionary.hpp"
#include "fuzz_support.hpp"

using namespace eventgraph;

namespace {

void check_elements(const extract::VerbDictionary& d,
                    const std::vector<extract::PatternElement>& elements) {
    for (const auto& e : elements) {
        if (e.kind == extract::ElementKind::synset) FUZZ_CHECK(e.synset < d.synsets().size());
        if (e.kind == extract::ElementKind::word) FUZZ_CHECK(!e.word.empty());
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    extract::VerbDictionary d;
    try {
        d.load_text(fuzz::as_text(data, size), "fuzz.txt");
    } catch (const input_error&) {
        return 0;  // not text (a NUL byte), reported as the program reports it
    }
    for (const auto& w : d.warnings()) FUZZ_CHECK(w.rfind("fuzz.txt:", 0) == 0);
    for (const auto& v : d.verbs()) {
        FUZZ_CHECK(v.block < d.blocks().size());
        (void)d.code_of(v);
    }
    for (const auto& f : d.forms()) {
        FUZZ_CHECK(f.verb < d.verbs().size());
        FUZZ_CHECK(f.head < f.words.size());
        for (const auto& w : f.words) FUZZ_CHECK(!w.empty());
    }
    for (const auto& b : d.blocks()) {
        for (const auto v : b.verbs) FUZZ_CHECK(v < d.verbs().size());
        for (const auto& p : b.patterns) {
            check_elements(d, p.before);
            check_elements(d, p.after);
        }
    }
    for (const auto& s : d.synsets())
        for (const auto& p : s.phrases) FUZZ_CHECK(!p.empty());
    return 0;
}
