// What the roles leave to the end of a reading: the time and place of an
// event, casualties and weapons, a promise or threat coded as such, and
// whether the event is kept at all (emit).

#include <algorithm>
#include <charconv>

#include "detail_analyser.hpp"

namespace eventgraph::extract::detail {

std::optional<std::size_t> Analyser::time_in(std::size_t b, std::size_t e) const {
    for (std::size_t i = b; i < e; ++i)
        if (time_at_[i] >= 0 &&
            s_.times[std::size_t(time_at_[i])].relation == time::TimeRelation::at)
            return std::size_t(time_at_[i]);
    return std::nullopt;
}

std::optional<std::size_t> Analyser::clause_time(const Clause& c) const {
    if (auto t = time_in(c.begin, c.end)) return t;
    if (speaker_) {
        if (auto t = time_in(speaker_->frame_begin, speaker_->frame_end)) return t;
    }
    for (const auto& [b, e] : content_)
        if (auto t = time_in(b, e)) return t;
    return std::nullopt;
}

void Analyser::place_of_clause(const Clause& c, Found& f) const {
    if (f.location) return;
    for (std::size_t i = c.begin; i < c.end; ++i)
        if (const auto* m = mention(i); m && m->actor.kind == ActorKind::place) {
            const auto p = governing_prep(m->first_token, c.begin);
            if (p && (key(*p) == "in" || key(*p) == "at" || key(*p) == "near" || key(*p) == "on" ||
                      key(*p) == "into")) {
                f.location = m->actor;
                return;
            }
        }
}

void Analyser::details(const Clause& c, Found& f) const {
    const bool assault = f.type == "assault";
    for (std::size_t i = c.begin; i < c.end; ++i) {
        const auto w = key(i);
        if (f.type == "aid" && f.mode.empty()) f.mode = std::string(g_.aid_mode(w));
        if (!assault) continue;
        if (trigger_at_[i] >= 0 && !is_verb_[std::size_t(trigger_at_[i])]) {
            const auto t = std::size_t(trigger_at_[i]);
            const auto& info = info_of(t);
            if (info.type == "assault" && !info.mode.empty()) {
                if (f.mode.empty()) f.mode = info.mode;
                const std::string weapon = trigger_text(t);
                if (std::find(f.weapons.begin(), f.weapons.end(), weapon) == f.weapons.end())
                    f.weapons.push_back(weapon);
            }
            i = trigger_last(t) - 1;
            continue;
        }
        const bool kill = w.rfind("kill", 0) == 0;
        const bool wound = w.rfind("wound", 0) == 0 || w.rfind("injur", 0) == 0;
        if (!kill && !wound) continue;
        // "killing two civilians", "killed at least 156 people", "46 people were killed"
        std::optional<int> count;
        for (std::size_t k = i + 1; k < c.end && k <= i + 4 && !count; ++k) count = number(k);
        for (std::size_t k = i; k-- > c.begin && i - k <= 4 && !count;) count = number(k);
        if (count) (kill ? f.killed : f.wounded) = *count;
    }
}

std::optional<int> Analyser::number(std::size_t i) const {
    const auto w = key(i);
    if (const auto v = g_.number(w)) return v;
    if (i < n_ && s_.tokens[i].kind == text::TokenKind::number) {
        std::string digits;
        for (char ch : w)
            if (ch >= '0' && ch <= '9') digits += ch;
        int v = 0;
        if (!digits.empty() && digits.size() < 8 &&
            std::from_chars(digits.data(), digits.data() + digits.size(), v).ec == std::errc())
            return v;
    }
    return std::nullopt;
}

// Events that happen to someone need that someone; intransitive ones
// (protests, mobilisations, withdrawals) and agreements may stand alone.
bool Analyser::needs_target(std::uint32_t info) const {
    const auto& i = lex_.info(info);
    if (i.frame == Frame::intransitive) return false;
    return !(i.type == "agree" || i.type == "reject" || i.type == "protest" ||
             i.type == "mobilize");
}

// A that-clause after a demand, an appeal or a threat tells what is asked.
bool Analyser::demanded(const Clause& c) const {
    if (c.kind != ClauseKind::complement || c.begin == 0) return false;
    for (std::size_t i = c.begin; i-- > 0;) {
        if (trigger_at_[i] >= 0) {
            const auto& t = info_of(std::size_t(trigger_at_[i]));
            return t.type == "request" || t.type == "threaten";
        }
        if (mention(i) || punct(i, ";")) return false;
    }
    return false;
}

void Analyser::emit(Found f, const Clause& c, std::vector<Found>& out) const {
    // Inside one country is no relation: "promised to democratize Serbia" is a
    // promise with no one else in it.
    if (f.target && f.target->code == f.source.code) f.target.reset();
    // An obligation put on someone is kept for the speaker's demand, whatever its target.
    // A dictionary codes an event between two actors, as PETRARCH does.
    // Forces mobilized need no one else ("placed on alert").
    if (!f.target && (f.dictionary || needs_target(f.info)) && !(f.obligation && speaker_) &&
        f.type != "mobilize")
        return;
    if (demanded(c)) return;  // "demanded that the US cancel …": asked for, not done
    // "unless Baghdad accepted its conditions", "if Russia attacks": a condition, not an event
    if (c.kind == ClauseKind::conditional) return;
    place_of_clause(c, f);
    details(c, f);
    if (!f.time) f.time = clause_time(c);
    if (f.time && f.polarity == Polarity::asserted && s_.times[*f.time].flags.future)
        f.polarity = Polarity::future;
    if (!f.dictionary) intent(f);  // a dictionary's code is the dictionary's
    if (f.polarity != Polarity::asserted) f.confidence -= 0.1;
    out.push_back(std::move(f));
}

// What is promised or threatened is coded as the promise or the threat,
// as CAMEO does: "will give a grant" is an intent to aid (agree), "would
// boycott" or "will withdraw … unless" a threat.
void Analyser::intent(Found& f) const {
    const int quad = quad_of_cameo(f.cameo.empty() ? lex_.info(f.info).cameo : f.cameo);
    // "will not accept", "refused to …" said of cooperation: a rejection.
    if (f.polarity == Polarity::denied && (quad == 1 || quad == 2) && f.type != "statement") {
        f.type = "reject";
        f.cameo = "120";
        f.polarity = Polarity::asserted;
        return;
    }
    if (f.polarity != Polarity::future && f.polarity != Polarity::hypothetical) return;
    // "will withdraw … unless": a threat; "would meet … if he gave them a veto"
    // is an offer, and only conflict is threatened with an "if".
    bool condition = false;
    for (std::size_t i = f.position; i < n_; ++i)
        if (key(i) == "unless" || (key(i) == "if" && quad >= 3)) condition = true;
    if (f.type == "agree" || f.type == "threaten" || f.type == "statement" || f.type == "request")
        return;
    if (quad == 4 || (condition && f.polarity == Polarity::future)) {
        f.type = "threaten";
        f.cameo = "130";
        f.polarity = Polarity::asserted;
    } else if ((quad == 1 || quad == 2) && f.polarity == Polarity::future && f.target) {
        f.type = "agree";
        f.cameo = "030";
        f.polarity = Polarity::asserted;
    }
}

}  // namespace eventgraph::extract::detail
