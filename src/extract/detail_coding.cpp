// Verb dictionaries in the sentence reader: the code a verb predicate gets
// from its dictionary (a pattern that fits, else the verb's own code, else
// its block's), the actors a pattern places, paired codes ("[032:033]": the
// guest visits, the host hosts) and compound actors ("A and B agreed").

#include "detail_analyser.hpp"
#include "detail_patterns.hpp"
#include "eventgraph/extract/cameo.hpp"

namespace eventgraph::extract::detail {

Coding Analyser::coding_of(std::size_t t, const Clause& c) const {
    Coding k;
    const Reading& r = reading_[t];
    const TriggerInfo& info = info_of(t);
    k.place = info.place;
    const VerbDictionary* d = lex_.dictionary_of(r);
    if (!d) return k;
    const PatternMatch m = best_pattern(t, *d, c.begin, c.end);
    const VerbCode* code = nullptr;
    if (m.pattern) {
        code = &m.pattern->code;
        k.place = place_name(m.pattern->place);
        k.end = m.end;
    } else if (info.from_dictionary) {
        code = &d->code_of(*lex_.verb_of(r));
    }
    if (!code) return k;
    k.dictionary = true;
    if (code->code.empty()) {
        k.none = true;
        return k;
    }
    k.cameo = code->code;
    k.reverse = code->reverse;
    const PloverClass cls = plover_class(k.cameo);
    k.type = cls.type;
    k.mode = cls.mode;
    auto actor = [&](int mention) -> std::optional<Actor> {
        if (mention < 0) return std::nullopt;
        return s_.mentions[std::size_t(mention)].actor;
    };
    k.source = actor(m.source);
    k.target = actor(m.target);
    k.compound_a = actor(m.compound_first);
    k.compound_b = actor(m.compound_second);
    return k;
}

// The pattern of dictionary d that fits best around trigger t. A word under
// two blocks of d ("--- SHOT [---]", "--- SHOT [223]", or SHOOT's "shot") has
// the patterns of both; the one with most elements wins. mention_at_ leaves
// out bare agent nouns with no country, as roles do.
PatternMatch Analyser::best_pattern(std::size_t t, const VerbDictionary& d, std::size_t lo,
                                    std::size_t hi) const {
    PatternMatch best;
    const auto& readings = triggers_[t].readings;
    for (std::size_t i = 0; i < readings.size(); ++i) {
        const Reading& r = readings[i];
        if (r.pos != Pos::verb || lex_.dictionary_of(r) != &d) continue;
        const VerbBlock* block = lex_.block_of(r);
        // one try a block: "shot" is past and participle of the same verb
        bool tried = false;
        for (std::size_t j = 0; j < i && !tried; ++j)
            tried = readings[j].pos == Pos::verb && lex_.dictionary_of(readings[j]) == &d &&
                    lex_.block_of(readings[j]) == block;
        if (tried) continue;
        PatternMatch m =
            match_patterns(d, *block, s_, mention_at_, trigger_first(t), trigger_last(t), lo, hi);
        if (m.weight > best.weight) best = m;
    }
    return best;
}

// A pattern of the verb that fits the sentence and has the form of "be"
// right before the verb: "+ WAS * DEAD IN $".
bool Analyser::pattern_after_be(std::size_t t, const Reading& r) const {
    const VerbDictionary* d = lex_.dictionary_of(r);
    if (!d) return false;
    const PatternMatch m = best_pattern(t, *d, 0, n_);
    if (!m.pattern || m.pattern->before.empty()) return false;
    const PatternElement& e = m.pattern->before.back();
    return e.kind == ElementKind::word && g_.is(e.word, wc_be_words);
}

void Analyser::apply(const Coding& k, Found& f) const {
    f.pattern = k.place;
    if (!k.dictionary) return;
    f.dictionary = true;
    f.cameo = k.cameo;
    f.type = k.type;
    if (!k.mode.empty()) f.mode = k.mode;
}

// "[032:033]": for each event of the predicate (out[from…]), the target's
// event back to the source.
void Analyser::reverse_events(const Coding& k, std::size_t from, std::vector<Found>& out) const {
    if (k.reverse.empty()) return;
    const std::size_t end = out.size();
    const PloverClass cls = plover_class(k.reverse);
    for (std::size_t i = from; i < end; ++i) {
        if (!out[i].target || out[i].unknown_source) continue;
        Found back = out[i];
        back.source = *out[i].target;
        back.target = out[i].source;
        back.cameo = k.reverse;
        back.type = cls.type;
        back.mode = cls.mode;
        back.attributed_to = out[i].attributed_to;
        out.push_back(std::move(back));
    }
}

// "%": "Gondor and Osgiliath have delayed their meeting": each with the other.
void Analyser::compound_events(const VerbPredicate& p, const Clause& c,
                               std::vector<Found>& out) const {
    const Coding& k = p.coding;
    for (int side = 0; side < 2; ++side) {
        const Actor& a = side == 0 ? *k.compound_a : *k.compound_b;
        const Actor& b = side == 0 ? *k.compound_b : *k.compound_a;
        Found f = make(p.trigger, a);
        apply(k, f);
        f.polarity = p.polarity;
        f.confidence = p.confidence;
        set_target(f, b);
        emit(f, c, out);
    }
}

}  // namespace eventgraph::extract::detail
