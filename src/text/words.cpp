#include "eventgraph/text/words.hpp"

#include <algorithm>
#include <array>

#include "eventgraph/text/ascii.hpp"

namespace eventgraph::text {

namespace {

constexpr std::array table{
    Abbreviation{"Adm", AbbreviationKind::title},
    Abbreviation{"Amb", AbbreviationKind::title},
    Abbreviation{"Apr", AbbreviationKind::dotted},
    Abbreviation{"Ariz", AbbreviationKind::other},
    Abbreviation{"Aug", AbbreviationKind::dotted},
    Abbreviation{"Ave", AbbreviationKind::other},
    Abbreviation{"Blvd", AbbreviationKind::other},
    Abbreviation{"Brig", AbbreviationKind::title},
    Abbreviation{"Bros", AbbreviationKind::other},
    Abbreviation{"Calif", AbbreviationKind::other},
    Abbreviation{"Capt", AbbreviationKind::title},
    Abbreviation{"Cdr", AbbreviationKind::title},
    Abbreviation{"Cmdr", AbbreviationKind::title},
    Abbreviation{"Co", AbbreviationKind::other},
    Abbreviation{"Col", AbbreviationKind::title},
    Abbreviation{"Conn", AbbreviationKind::other},
    Abbreviation{"Corp", AbbreviationKind::other},
    Abbreviation{"Cpl", AbbreviationKind::title},
    Abbreviation{"Dec", AbbreviationKind::dotted},
    Abbreviation{"Dept", AbbreviationKind::other},
    Abbreviation{"Dr", AbbreviationKind::title},
    Abbreviation{"Feb", AbbreviationKind::dotted},
    Abbreviation{"Fla", AbbreviationKind::other},
    Abbreviation{"Ft", AbbreviationKind::title},
    Abbreviation{"Gen", AbbreviationKind::title},
    Abbreviation{"Gov", AbbreviationKind::title},
    Abbreviation{"Hon", AbbreviationKind::title},
    Abbreviation{"Inc", AbbreviationKind::other},
    Abbreviation{"Jan", AbbreviationKind::dotted},
    Abbreviation{"Jr", AbbreviationKind::other},
    Abbreviation{"Jul", AbbreviationKind::dotted},
    Abbreviation{"Jun", AbbreviationKind::dotted},
    Abbreviation{"Lt", AbbreviationKind::title},
    Abbreviation{"Ltd", AbbreviationKind::other},
    Abbreviation{"Maj", AbbreviationKind::title},
    Abbreviation{"Mar", AbbreviationKind::dotted},
    Abbreviation{"Messrs", AbbreviationKind::title},
    Abbreviation{"Mr", AbbreviationKind::title},
    Abbreviation{"Mrs", AbbreviationKind::title},
    Abbreviation{"Ms", AbbreviationKind::title},
    Abbreviation{"Mt", AbbreviationKind::title},
    Abbreviation{"No", AbbreviationKind::title},
    Abbreviation{"Nos", AbbreviationKind::title},
    Abbreviation{"Nov", AbbreviationKind::dotted},
    Abbreviation{"Oct", AbbreviationKind::dotted},
    Abbreviation{"Pres", AbbreviationKind::title},
    Abbreviation{"Prof", AbbreviationKind::title},
    Abbreviation{"Rep", AbbreviationKind::title},
    Abbreviation{"Rev", AbbreviationKind::title},
    Abbreviation{"Rt", AbbreviationKind::title},
    Abbreviation{"Sec", AbbreviationKind::title},
    Abbreviation{"Sen", AbbreviationKind::title},
    Abbreviation{"Sep", AbbreviationKind::dotted},
    Abbreviation{"Sept", AbbreviationKind::dotted},
    Abbreviation{"Sgt", AbbreviationKind::title},
    Abbreviation{"Sr", AbbreviationKind::other},
    Abbreviation{"St", AbbreviationKind::title},
    Abbreviation{"Supt", AbbreviationKind::title},
    Abbreviation{"Tenn", AbbreviationKind::other},
    Abbreviation{"approx", AbbreviationKind::other},
    Abbreviation{"cf", AbbreviationKind::title},
    Abbreviation{"est", AbbreviationKind::other},
    Abbreviation{"etc", AbbreviationKind::other},
    Abbreviation{"incl", AbbreviationKind::title},
    Abbreviation{"vs", AbbreviationKind::title},
};

}  // namespace

unsigned month_number(std::string_view w) noexcept {
    for (unsigned i = 0; i < 12; ++i)
        if (iequals(w, month_names[i]) ||
            (w.size() == 3 && iequals(w, month_names[i].substr(0, 3))))
            return i + 1;
    return iequals(w, "sept") ? 9 : 0;  // AP style
}

int weekday_number(std::string_view w) noexcept {
    for (int i = 0; i < 7; ++i)
        if (iequals(w, weekday_names[i]) ||
            (w.size() == 3 && iequals(w, weekday_names[i].substr(0, 3))))
            return i;
    if (iequals(w, "tues")) return 2;
    if (iequals(w, "thur") || iequals(w, "thurs")) return 4;
    return -1;
}

std::span<const Abbreviation> abbreviations() noexcept { return table; }

AbbreviationKind listed_abbreviation(std::string_view w) noexcept {
    const bool capitals = std::all_of(w.begin(), w.end(), is_ascii_upper);
    for (const auto& a : table)
        if (a.word == w || (capitals && iequals(a.word, w))) return a.kind;
    return AbbreviationKind::none;
}

}  // namespace eventgraph::text
