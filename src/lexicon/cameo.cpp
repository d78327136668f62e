#include "eventgraph/lexicon/cameo.hpp"

#include <utility>

namespace eventgraph::lexicon {

namespace {

// CAMEO sector and agent codes and the words the lexicon uses for agents,
// one table read both ways. Where several codes share a word (BUS and MNC
// are "business") the first row is the word's code.
constexpr std::pair<std::string_view, std::string_view> agent_codes[] = {
    {"GOV", "government"},   {"MIL", "military"},     {"REB", "rebels"},
    {"OPP", "opposition"},   {"PTY", "party"},        {"COP", "police"},
    {"JUD", "judiciary"},    {"SPY", "intelligence"}, {"LEG", "legislature"},
    {"ELI", "elite"},        {"MED", "media"},        {"BUS", "business"},
    {"CRM", "criminals"},    {"CVL", "civilians"},    {"EDU", "education"},
    {"HLH", "health"},       {"AGR", "agriculture"},  {"LAB", "labour"},
    {"REF", "refugees"},     {"HRI", "human rights"}, {"ENV", "environment"},
    {"UAF", "armed groups"}, {"INS", "insurgents"},   {"SEP", "separatists"},
    {"RAD", "radicals"},     {"MOD", "moderates"},    {"DEV", "development"},
    {"REL", "religion"},     {"CHR", "christians"},   {"CTH", "catholics"},
    {"PRO", "protestants"},  {"JEW", "jews"},         {"HIN", "hindus"},
    {"BUD", "buddhists"},    {"SHI", "shia"},         {"MUS", "muslims"},
    {"NGO", "ngo"},          {"NGM", "ngo"},          {"IGO", "igo"},
    {"MNC", "business"},     {"IMG", "armed groups"}, {"PPL", "people"},
    {"ATH", "atheists"},
};

}  // namespace

std::string_view cameo_agent_code(std::string_view agent_word) {
    for (const auto& [code, word] : agent_codes)
        if (word == agent_word) return code;
    return {};
}

std::string_view cameo_agent_word(std::string_view code) {
    for (const auto& [c, word] : agent_codes)
        if (c == code) return word;
    return {};
}

std::string compose_cameo(std::string_view base, std::string_view agents) {
    std::string out(base.empty() ? std::string_view("---") : base);
    out.append(agents);
    return out;
}

}  // namespace eventgraph::lexicon
