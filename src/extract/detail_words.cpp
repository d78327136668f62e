// The closed classes of English the sentence reader asks about, and the
// few lexical lists it needs (heads of "of", reporting agents, aid modes,
// number words), by match key (lower case, periods dropped).

#include <array>
#include <unordered_set>

#include "detail_analyser.hpp"

namespace eventgraph::extract::detail {

namespace {

using Words = std::unordered_set<std::string_view>;

const Words be_words = {"is", "are", "was", "were", "be", "been", "being", "am"};
const Words have_words = {"has", "have", "had", "having"};
const Words modal_words = {"may", "might", "could",  "would",    "should",
                           "can", "must",  "cannot", "couldn't", "wouldn't"};
const Words future_words = {"will", "shall", "'ll", "won't"};
const Words obligation_words = {"must", "should", "ought"};
const Words negation_words = {"not",     "never",   "no",       "n't",     "cannot",
                              "don't",   "doesn't", "didn't",   "won't",   "wouldn't",
                              "isn't",   "aren't",  "wasn't",   "weren't", "hasn't",
                              "haven't", "hadn't",  "couldn't", "neither", "nor"};
const Words prepositions = {
    "of",        "on",        "in",      "at",     "to",      "from",    "with",  "by",
    "for",       "against",   "into",    "onto",   "over",    "under",   "about", "between",
    "among",     "during",    "through", "across", "toward",  "towards", "near",  "along",
    "after",     "before",    "until",   "within", "without", "despite", "amid",  "amidst",
    "via",       "upon",      "outside", "inside", "behind",  "beyond",  "like",  "per",
    "following", "including", "off",     "as"};
const Words determiners = {"a",    "an",    "the",     "this",  "these",  "those", "its", "their",
                           "his",  "her",   "our",     "your",  "my",     "some",  "any", "every",
                           "each", "all",   "another", "other", "such",   "no",    "new", "further",
                           "more", "fresh", "latest",  "first", "second", "third"};
const Words subordinators = {"while",  "whereas", "although", "though", "because",
                             "unless", "if",      "whether",  "where",  "when",
                             "since",  "despite", "amid",     "after",  "before"};
const Words conditionals = {"if", "unless", "whether"};
const Words relatives = {"who", "whom", "whose", "which"};
const Words pronouns = {"it", "they", "he", "she", "we"};
const Words adverbs = {"also",        "still",       "now",        "already",      "again",
                       "reportedly",  "officially",  "allegedly",  "further",      "directly",
                       "basically",   "once",        "recently",   "repeatedly",   "jointly",
                       "finally",     "just",        "even",       "then",         "yet",
                       "formally",    "publicly",    "previously", "later",        "earlier",
                       "apparently",  "reluctantly", "quickly",    "immediately",  "openly",
                       "flatly",      "bluntly",     "outright",   "unilaterally", "routinely",
                       "effectively", "actually",    "so",         "too",          "only",
                       "not",         "never",       "always",     "often",        "today",
                       "tonight",     "here",        "there",      "initially",    "subsequently"};
const Words future_lead = {
    "plans",     "plan",     "planned", "planning", "intends", "intend",   "intended",
    "aims",      "aim",      "set",     "expected", "going",   "due",      "scheduled",
    "ready",     "prepared", "willing", "hopes",    "hope",    "seeks",    "seeking",
    "wants",     "want",     "vowed",   "vows",     "pledged", "promised", "threatened",
    "threatens", "offered",  "offers",  "agreed",   "agrees"};
// Nouns that stand for the actor after their "of": "the president of Armenia".
const Words heads_of = {
    "president", "leader", "leaders", "government", "people", "minister", "king", "queen", "army",
    "forces", "troops", "ambassador", "embassy", "parliament", "authorities", "officials",
    "delegation", "representatives", "ministry", "prime", "emir", "head", "chief", "envoy",
    "foreign", "capital", "regime", "kingdom", "republic", "state",
    // quantities: "a group of Moroccan diplomats", "thousands of Palestinians"
    "group", "groups", "delegation", "team", "members", "member", "thousands", "hundreds", "dozens",
    "millions", "scores", "number", "some", "most", "many", "all", "both", "part"};
// Agents whose words are sourcing, not a statement of their state.
const Words reporting_agents = {"media",     "police",       "military", "civilians",
                                "judiciary", "intelligence", "rebels",   "opposition",
                                "business",  "labour",       "refugees"};
// Targets a noun's prepositions introduce when its trigger group lists none.
const Words noun_target_preps = {"on",     "against", "to", "with", "into",
                                 "toward", "towards", "at", "over", "between"};
// Words that tell the kind of aid.
const std::array<std::pair<std::string_view, std::string_view>, 24> aid_mode_words = {{
    {"weapons", "military"},     {"arms", "military"},
    {"missiles", "military"},    {"ammunition", "military"},
    {"drones", "military"},      {"military", "military"},
    {"tanks", "military"},       {"artillery", "military"},
    {"shells", "military"},      {"troops", "military"},
    {"food", "humanitarian"},    {"medicine", "humanitarian"},
    {"medical", "humanitarian"}, {"humanitarian", "humanitarian"},
    {"relief", "humanitarian"},  {"shelter", "humanitarian"},
    {"money", "economic"},       {"loan", "economic"},
    {"loans", "economic"},       {"grant", "economic"},
    {"credit", "economic"},      {"funds", "economic"},
    {"financial", "economic"},   {"economic", "economic"},
}};
const std::array<std::pair<std::string_view, int>, 20> number_words = {{
    {"one", 1},     {"two", 2},     {"three", 3},     {"four", 4},      {"five", 5},
    {"six", 6},     {"seven", 7},   {"eight", 8},     {"nine", 9},      {"ten", 10},
    {"eleven", 11}, {"twelve", 12}, {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15},
    {"twenty", 20}, {"thirty", 30}, {"forty", 40},    {"fifty", 50},    {"hundred", 100},
}};

bool in(const Words& set, std::string_view key) { return set.count(key) > 0; }

std::unordered_map<std::string_view, std::uint32_t> make_word_classes() {
    std::unordered_map<std::string_view, std::uint32_t> classes;
    const std::pair<const Words*, std::uint32_t> all[] = {
        {&be_words, wc_be_words},
        {&have_words, wc_have_words},
        {&modal_words, wc_modal_words},
        {&future_words, wc_future_words},
        {&negation_words, wc_negation_words},
        {&prepositions, wc_prepositions},
        {&determiners, wc_determiners},
        {&subordinators, wc_subordinators},
        {&conditionals, wc_conditionals},
        {&relatives, wc_relatives},
        {&pronouns, wc_pronouns},
        {&adverbs, wc_adverbs},
        {&future_lead, wc_future_lead},
        {&obligation_words, wc_obligation_words},
        {&heads_of, wc_heads_of},
    };
    for (const auto& [words, bit] : all)
        for (const auto w : *words) classes[w] |= bit;
    return classes;
}

}  // namespace

const std::unordered_map<std::string_view, std::uint32_t>& word_classes() {
    static const std::unordered_map<std::string_view, std::uint32_t> classes = make_word_classes();
    return classes;
}

bool reporting_agent(std::string_view agent) { return in(reporting_agents, agent); }

bool noun_target_prep(std::string_view prep) { return in(noun_target_preps, prep); }

std::string_view aid_mode(std::string_view word) {
    for (const auto& [w, mode] : aid_mode_words)
        if (w == word) return mode;
    return {};
}

std::optional<int> number_word(std::string_view word) {
    for (const auto& [w, v] : number_words)
        if (w == word) return v;
    return std::nullopt;
}

}  // namespace eventgraph::extract::detail
