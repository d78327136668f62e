#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "eventgraph/lexicon/load.hpp"
#include "eventgraph/lexicon/matcher.hpp"
#include "lexicon/detail.hpp"

using namespace eventgraph;
using namespace eventgraph::lexicon;
using date::literals::operator""_y;
using date::literals::operator""_d;

namespace {

Entry make(std::string id, std::string code, model::ActorKind kind, std::string name,
           std::vector<std::string> names, std::vector<std::string> adjectives = {},
           std::vector<std::string> metonyms = {}) {
    Entry e;
    e.id = std::move(id);
    e.code = std::move(code);
    e.kind = kind;
    e.name = std::move(name);
    e.names = std::move(names);
    e.adjectives = std::move(adjectives);
    e.metonyms = std::move(metonyms);
    return e;
}

Entry agent(std::string agent, std::vector<std::string> names) {
    Entry e = make("AGENT." + agent, "", model::ActorKind::agent, agent, std::move(names));
    for (char& c : e.id) c = (c >= 'a' && c <= 'z') ? char(c - 32) : c;
    e.agent = std::move(agent);
    return e;
}

Role role(std::string title, std::string code, std::optional<date::year_month_day> start,
          std::optional<date::year_month_day> end) {
    return Role{std::move(title), std::move(code), start, end};
}

std::vector<Entry> sample_entries() {
    using K = model::ActorKind;
    std::vector<Entry> v;
    v.push_back(make("USA", "USA", K::country, "United States",
                     {"United States", "the United States", "US", "U.S.", "the U.S.", "America"},
                     {"American", "U.S."}, {"Washington", "the White House"}));
    v.push_back(make("RUS", "RUS", K::country, "Russia", {"Russia", "Russian Federation"},
                     {"Russian", "Russians"}, {"Moscow", "the Kremlin"}));
    v.push_back(make("CHN", "CHN", K::country, "China", {"China", "People's Republic of China"},
                     {"Chinese"}, {"Beijing"}));
    v.push_back(make("PRK", "PRK", K::country, "North Korea", {"North Korea", "DPRK"},
                     {"North Korean"}, {"Pyongyang"}));
    v.push_back(make("KOR", "KOR", K::country, "South Korea", {"South Korea", "Korea"},
                     {"South Korean"}, {"Seoul"}));
    v.push_back(make("TUR", "TUR", K::country, "Türkiye", {"Türkiye", "Turkey"}, {"Turkish"}));
    v.push_back(make("IRN", "IRN", K::country, "Iran", {"Iran"}, {"Iranian"}, {"Tehran"}));
    v.push_back(make("UKR", "UKR", K::country, "Ukraine", {"Ukraine"}, {"Ukrainian"}, {"Kyiv"}));
    v.push_back(make("GBR", "GBR", K::country, "United Kingdom",
                     {"United Kingdom", "Britain", "UK", "U.K."}, {"British"},
                     {"London", "Downing Street"}));
    v.push_back(make("NATO", "NATO", K::organisation, "NATO",
                     {"NATO", "North Atlantic Treaty Organization"}));
    v.push_back(
        make("UN", "UN", K::organisation, "United Nations", {"United Nations", "UN", "U.N."}));
    v.push_back(make("IS", "IS", K::group, "Islamic State", {"Islamic State", "IS", "ISIS"}));
    Entry may = make("GBR.THERESA_MAY", "GBR", K::person, "Theresa May", {"Theresa May"});
    may.roles.push_back(role("Prime Minister", "GBR", 2016_y / 7 / 13, 2019_y / 7 / 24));
    v.push_back(may);
    Entry blinken = make("USA.ANTONY_BLINKEN", "USA", K::person, "Antony Blinken",
                         {"Antony Blinken", "Tony Blinken", "Antony J. Blinken"});
    blinken.roles.push_back(role("Secretary of State", "USA", 2021_y / 1 / 26, 2025_y / 1 / 20));
    v.push_back(blinken);
    Entry st =
        make("NOR.JENS_STOLTENBERG", "NOR", K::person, "Jens Stoltenberg", {"Jens Stoltenberg"});
    st.roles.push_back(role("Prime Minister", "NOR", 2005_y / 10 / 17, 2013_y / 10 / 16));
    st.roles.push_back(role("Secretary General", "NATO", 2014_y / 10 / 1, 2024_y / 10 / 1));
    st.roles.push_back(role("Minister of Finance", "NOR", 2025_y / 2 / 4, std::nullopt));
    v.push_back(st);
    Entry putin =
        make("RUS.VLADIMIR_PUTIN", "RUS", K::person, "Vladimir Putin", {"Vladimir Putin"});
    putin.roles.push_back(role("President", "RUS", 2012_y / 5 / 7, std::nullopt));
    v.push_back(putin);
    v.push_back(
        agent("military", {"troops", "soldiers", "forces", "army", "military", "armed forces"}));
    v.push_back(agent("business", {"banks", "companies", "firms"}));
    v.push_back(agent("government", {"officials", "government", "ministry", "foreign ministry"}));
    return v;
}

const ActorMatcher& matcher() {
    static const ActorMatcher m(sample_entries());
    return m;
}

struct Found {
    std::string text;
    std::string id;
    MatchKind kind;
    bool in_compound;
};

std::vector<Found> matches(std::string_view s) {
    const auto toks = text::tokenize(s);
    std::vector<Found> out;
    for (const auto& m : matcher().match(s, toks))
        out.push_back({std::string(s.substr(m.begin, m.end - m.begin)), matcher().entry(m.entry).id,
                       m.kind, m.in_compound});
    return out;
}

std::vector<std::string> texts(std::string_view s) {
    std::vector<std::string> out;
    for (const auto& f : matches(s)) out.push_back(f.text);
    return out;
}

std::vector<Mention> mentions(std::string_view s, ArticleContext& ctx) {
    const auto toks = text::tokenize(s);
    const auto ms = matcher().match(s, toks);
    return resolve_mentions(matcher(), s, toks, ms, ctx);
}

std::string span_of(std::string_view s, const Mention& m) {
    return std::string(s.substr(m.begin, m.end - m.begin));
}

using V = std::vector<std::string>;
constexpr date::year_month_day sept_10 = 2024_y / 9 / 10_d;

}  // namespace

TEST_CASE("an acronym in capitals matches only capitals: US is not us, WHO is not who") {
    CHECK(texts("US says they told us") == V{"US"});
    CHECK(texts("the U.S. dollar") == V{"the U.S."});
    CHECK(texts("IS claimed it, as is usual") == V{"IS"});
    CHECK(texts("Nato and NATO") == V{"Nato", "NATO"});  // long acronyms are names too
    const auto f = matches("the un-American way");       // "un" is not the UN
    REQUIRE(f.size() == 1);
    CHECK(f[0].text == "American");
    CHECK(f[0].in_compound);
}

TEST_CASE("a capitalized name matches capitalized or all-caps text only") {
    CHECK(texts("Theresa May may come in May") == V{"Theresa May"});
    CHECK(texts("theresa may") == V{});
    CHECK(texts("a turkey for Turkey and T\xC3\xBCrkiye") == V{"Turkey", "T\xC3\xBCrkiye"});
    CHECK(texts("CHINA SUPPLIES RUSSIA") == V{"CHINA", "RUSSIA"});
}

TEST_CASE("the longest match wins") {
    const auto f = matches("North Korea and South Korean troops met Korea");
    REQUIRE(f.size() == 4);
    CHECK(f[0].text == "North Korea");
    CHECK(f[0].id == "PRK");
    CHECK(f[1].text == "South Korean");
    CHECK(f[1].kind == MatchKind::adjective);
    CHECK(f[1].id == "KOR");
    CHECK(f[2].kind == MatchKind::agent);
    CHECK(f[3].id == "KOR");
    CHECK(texts("the People's Republic of China") == V{"People's Republic of China"});
    CHECK(texts("the People\u2019s Republic of China") == V{"People\u2019s Republic of China"});
}

TEST_CASE("names, adjectives, metonyms and agent nouns are told apart") {
    const auto f = matches("Russian troops left Moscow for the Kremlin");
    REQUIRE(f.size() == 4);
    CHECK(f[0].kind == MatchKind::adjective);
    CHECK(f[1].kind == MatchKind::agent);
    CHECK(f[2].kind == MatchKind::metonym);
    CHECK(f[3].text == "the Kremlin");
    CHECK(f[3].kind == MatchKind::metonym);
    CHECK(texts("Kremlin officials") == V{"Kremlin", "officials"});
    CHECK(texts("Troops and FORCES") == V{"Troops", "FORCES"});  // agent nouns match any case
}

TEST_CASE("curly apostrophes and possessives do not hide a name") {
    CHECK(texts("Russia\u2019s war machine") == V{"Russia"});
    CHECK(texts("Iran's foreign ministry") == V{"Iran", "foreign ministry"});
}

TEST_CASE("parts of hyphenated words match, flagged as in a compound") {
    const auto f =
        matches("Russian-made drones and a U.S.-led coalition of North Korean-made shells");
    REQUIRE(f.size() == 3);
    CHECK(f[0].text == "Russian");
    CHECK(f[0].in_compound);
    CHECK(f[1].text == "U.S.");
    CHECK(f[1].in_compound);
    CHECK(f[2].text == "North Korean");
    CHECK(f[2].in_compound);
}

TEST_CASE("words shared by two entries report every candidate") {
    auto entries = sample_entries();
    entries.push_back(make("USA.GEORGIA", "USA", model::ActorKind::place, "Georgia", {"Georgia"}));
    entries.push_back(
        make("GEO", "GEO", model::ActorKind::country, "Georgia", {"Georgia"}, {"Georgian"}));
    const ActorMatcher m(entries);
    const std::string_view s = "Georgia";
    const auto toks = text::tokenize(s);
    const auto ms = m.match(s, toks);
    REQUIRE(ms.size() == 1);
    CHECK(ms[0].candidates == 2);
    CHECK(m.candidates(ms[0]).size() == 2);
}

TEST_CASE("an adjective or possessive before an agent noun is that country's agent") {
    ArticleContext ctx(sept_10);
    const std::string_view s =
        "Chinese banks and Russian troops met Iran\u2019s foreign ministry and North Korean "
        "soldiers";
    const auto ms = mentions(s, ctx);
    REQUIRE(ms.size() == 4);
    CHECK(ms[0].actor.id == "CHN.BUSINESS");
    CHECK(ms[0].actor.code == "CHN");
    CHECK(ms[0].actor.kind == model::ActorKind::agent);
    CHECK(ms[0].actor.agent == "business");
    CHECK(span_of(s, ms[0]) == "Chinese banks");
    CHECK(ms[1].actor.id == "RUS.MILITARY");
    CHECK(ms[2].actor.id == "IRN.GOVERNMENT");
    CHECK(span_of(s, ms[2]) == "Iran\u2019s foreign ministry");
    CHECK(ms[3].actor.id == "PRK.MILITARY");
    CHECK(ms[3].actor.name == "North Korean military");
}

TEST_CASE("a verb between a country and an agent noun keeps them apart") {
    ArticleContext ctx(sept_10);
    const std::string_view s = "Russia says troops left";
    const auto ms = mentions(s, ctx);
    REQUIRE(ms.size() == 2);
    CHECK(ms[0].actor.id == "RUS");
    CHECK(ms[1].actor.id == "AGENT.MILITARY");
    CHECK(ms[1].actor.code.empty());
    const auto ms2 = mentions("Ukrainian drones hit troops", ctx);
    CHECK(ms2.size() == 2);
}

TEST_CASE("titles before a lexicon person belong to the mention, and the role is the day's") {
    ArticleContext ctx(sept_10);
    const std::string_view s =
        "U.S. Secretary of State Antony Blinken met NATO Secretary General Jens Stoltenberg";
    const auto ms = mentions(s, ctx);
    REQUIRE(ms.size() == 2);
    CHECK(span_of(s, ms[0]) == "U.S. Secretary of State Antony Blinken");
    CHECK(ms[0].actor.id == "USA.ANTONY_BLINKEN");
    CHECK(ms[0].actor.role == "Secretary of State");
    CHECK(ms[1].actor.id == "NOR.JENS_STOLTENBERG");
    CHECK(ms[1].actor.code == "NATO");
    CHECK(ms[1].actor.role == "Secretary General");

    ArticleContext later(2025_y / 3 / 1);
    const auto ms2 = mentions("Jens Stoltenberg spoke", later);
    REQUIRE(ms2.size() == 1);
    CHECK(ms2[0].actor.code == "NOR");
    CHECK(ms2[0].actor.role == "Minister of Finance");

    const auto ms3 = mentions("President Vladimir Putin", ctx);
    REQUIRE(ms3.size() == 1);
    CHECK(ms3[0].begin == 0);
}

TEST_CASE("a name not in the lexicon after an affiliation and a title is a person") {
    ArticleContext ctx(sept_10);
    const std::string_view s = "U.S. Deputy Secretary of State Kurt Campbell told journalists";
    const auto ms = mentions(s, ctx);
    REQUIRE(ms.size() == 1);
    CHECK(span_of(s, ms[0]) == "U.S. Deputy Secretary of State Kurt Campbell");
    CHECK(ms[0].actor.id == "USA.KURT_CAMPBELL");
    CHECK(ms[0].actor.code == "USA");
    CHECK(ms[0].actor.name == "Kurt Campbell");
    CHECK(ms[0].actor.role == "Deputy Secretary of State");
    CHECK(ms[0].actor.kind == model::ActorKind::person);
    CHECK(ms[0].basis == MentionBasis::titled_name);

    const auto lammy = mentions("with his British counterpart David Lammy on", ctx);
    REQUIRE(lammy.size() == 1);
    CHECK(lammy[0].actor.id == "GBR.DAVID_LAMMY");

    const auto peskov = mentions("Kremlin spokesman Dmitry Peskov said", ctx);
    REQUIRE(peskov.size() == 1);
    CHECK(peskov[0].actor.id == "RUS.DMITRY_PESKOV");
    CHECK(peskov[0].actor.role == "spokesman");
}

TEST_CASE("institutions after a title are not people") {
    ArticleContext ctx(sept_10);
    const auto ms = mentions("the Russian Defense Ministry said", ctx);
    REQUIRE(ms.size() == 1);
    CHECK(ms[0].actor.id == "RUS.GOVERNMENT");
    const auto ms2 = mentions("Russian troops Tuesday", ctx);
    REQUIRE(ms2.size() == 1);
    CHECK(ms2[0].actor.id == "RUS.MILITARY");
}

TEST_CASE("a surname alone is the person named in full earlier in the article") {
    ArticleContext ctx(sept_10);
    mentions("U.S. Deputy Secretary of State Kurt Campbell told journalists", ctx);
    mentions("U.S. Secretary of State Antony Blinken also singled out China", ctx);
    const std::string_view s = "\"It is,\" Campbell said, and Blinken agreed with Mr. Campbell.";
    const auto ms = mentions(s, ctx);
    REQUIRE(ms.size() == 3);
    CHECK(ms[0].actor.id == "USA.KURT_CAMPBELL");
    CHECK(ms[0].actor.role == "Deputy Secretary of State");
    CHECK(ms[0].basis == MentionBasis::surname);
    CHECK(ms[1].actor.id == "USA.ANTONY_BLINKEN");
    CHECK(ms[2].actor.id == "USA.KURT_CAMPBELL");
    CHECK(span_of(s, ms[2]) == "Mr. Campbell");

    ArticleContext fresh(sept_10);
    const auto none = mentions("Campbell said", fresh);
    CHECK(none.empty());
}

TEST_CASE(
    "a lexicon person's surname alone resolves if no other person has it, unless it is a common "
    "word") {
    ArticleContext ctx(sept_10);
    const auto ms = mentions("Putin said", ctx);
    REQUIRE(ms.size() == 1);
    CHECK(ms[0].actor.id == "RUS.VLADIMIR_PUTIN");
    CHECK(ms[0].basis == MentionBasis::surname);
    CHECK(mentions("May said", ctx).empty());
}

TEST_CASE("find_actors reads a whole text with one article context") {
    const std::string_view s =
        "China is supplying Russia, U.S. Deputy Secretary of State Kurt Campbell told journalists "
        "on "
        "Sept. 10.\n\nChinese banks are cutting ties, Campbell said.";
    const auto ms = find_actors(matcher(), s, sept_10);
    std::vector<std::string> ids;
    for (const auto& m : ms) ids.push_back(m.actor.id);
    CHECK(ids == V{"CHN", "RUS", "USA.KURT_CAMPBELL", "CHN.BUSINESS", "USA.KURT_CAMPBELL"});
    CHECK(ms[3].sentence == 1);
    const auto toks = text::tokenize(s);
    CHECK(toks[ms[3].first_token].begin == ms[3].begin);
}

TEST_CASE("actor_of gives a person the role held on the day") {
    const auto entries = sample_entries();
    const Entry& st = entries[14];
    REQUIRE(st.id == "NOR.JENS_STOLTENBERG");
    CHECK(actor_of(st, 2010_y / 1 / 1).code == "NOR");
    CHECK(actor_of(st, 2010_y / 1 / 1).role == "Prime Minister");
    CHECK(actor_of(st, 2024_y / 10 / 1).role.empty());  // the end day is the successor's
    CHECK(actor_of(st, std::nullopt).role.empty());
    CHECK(actor_of(entries[1], sept_10).id == "RUS");
}

TEST_CASE("an adjective inside a hyphenated word is a mention of its own, not an agent's country") {
    ArticleContext ctx(sept_10);
    const std::string_view s = "Russian-backed troops and pro-Russian forces";
    const auto ms = mentions(s, ctx);
    REQUIRE(ms.size() == 4);
    CHECK(ms[0].actor.id == "RUS");
    CHECK(ms[0].in_compound);
    CHECK(span_of(s, ms[0]) == "Russian");
    CHECK(ms[1].actor.id == "AGENT.MILITARY");
    CHECK(ms[2].in_compound);
    CHECK(ms[3].actor.id == "AGENT.MILITARY");
}

TEST_CASE("matching the same sentence twice gives the same matches (scratch space is reused)") {
    const std::string_view s = "North Korean soldiers and Russian troops";
    const auto toks = text::tokenize(s);
    std::vector<Match> a, b;
    matcher().match(s, toks, a);
    matcher().match(s, toks, b);
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) CHECK(a[i].begin == b[i].begin);
    CHECK(matcher().match(s, std::span<const text::Token>{}).empty());
}

TEST_CASE(
    "plain phrases are tokenized as text::tokenize does, for every name of the default lexicon") {
    const Lexicon lex = load_default_lexicon();
    std::vector<std::string> phrases = {"Russia", "Vladimir Putin", "the Kremlin", "US", "a b c"};
    for (const Entry& e : lex.entries())
        for (const auto* list : {&e.names, &e.adjectives, &e.metonyms})
            phrases.insert(phrases.end(), list->begin(), list->end());
    std::size_t plain = 0;
    std::vector<text::Token> fast;
    for (const std::string& p : phrases) {
        if (!detail::tokenize_plain(p, fast)) continue;
        ++plain;
        const auto slow = text::tokenize(p);
        REQUIRE(fast.size() == slow.size());
        for (std::size_t i = 0; i < slow.size(); ++i) {
            INFO(p);
            CHECK(fast[i].begin == slow[i].begin);
            CHECK(fast[i].end == slow[i].end);
            CHECK(fast[i].kind == slow[i].kind);
            CHECK(fast[i].flags == slow[i].flags);
        }
    }
    CHECK(plain > phrases.size() / 2);
    for (const char* other :
         {"U.S.", "Guinea-Bissau", "O'Brien", "two  spaces", " lead", "trail ", "", "Côte"})
        CHECK_FALSE(detail::tokenize_plain(other, fast));
}
