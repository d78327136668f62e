// Fuzz target: the temporal expression scanner, as `eventgraph dates` and the
// extractor call it. The input is "REFERENCE\nTEXT" when its first line is a
// date the program accepts (`--ref`, an article's "published"), else all TEXT
// with the reference 2024-09-10. A reference may be a month or a year
// ("2024-04", "2024"), as a publication date may. Like the program, only
// valid UTF-8 text is scanned (the readers refuse the rest).

#include <string>

#include "eventgraph/error.hpp"
#include "eventgraph/model/timestamp.hpp"
#include "eventgraph/text/utf8.hpp"
#include "eventgraph/time/expressions.hpp"
#include "fuzz_support.hpp"

using namespace eventgraph;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text = fuzz::as_text(data, size);
    model::Timestamp reference;
    reference.day = date::year{2024} / date::September / 10;
    if (const auto nl = text.find('\n'); nl != std::string_view::npos) {
        if (const auto t = model::parse_iso_timestamp(text.substr(0, nl))) {
            reference = *t;
            text.remove_prefix(nl + 1);
        }
    }
    if (text::find_invalid_utf8(text) != std::string_view::npos) return 0;
    try {
        std::size_t last_end = 0;
        for (const auto& e : time::find_time_expressions(text, reference)) {
            // In order, not overlapping, inside the text, and the view is the span.
            FUZZ_CHECK(e.begin >= last_end && e.begin < e.end && e.end <= text.size());
            FUZZ_CHECK(e.text == text.substr(e.begin, e.end - e.begin));
            last_end = e.end;
        }
        for (const auto& m : time::list_dates(text, reference)) {
            FUZZ_CHECK(m.begin < m.end && m.end <= text.size());
            FUZZ_CHECK(m.text == text.substr(m.begin, m.end - m.begin));
            FUZZ_CHECK(!m.value.empty());
        }
    } catch (const error&) {
        // Not expected from a scanner, but a reported error is not a crash.
    }
    return 0;
}
