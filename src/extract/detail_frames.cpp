// Reporting frames: who says what the sentence reports ("X said …", "…,
// X said.", "according to X, …"), and the speaker's own event: a statement
// about whom the content is about, or a reject when it is a denial.

#include <algorithm>

#include "detail_analyser.hpp"

namespace eventgraph::extract::detail {

// The trigger group a frame without a speech verb ("according to") counts as.
std::uint32_t Analyser::statement_info() const {
    for (std::uint32_t i = 0; i < lex_.infos().size(); ++i)
        if (lex_.info(i).frame == Frame::speech) return i;
    return 0;
}

bool Analyser::speech(std::size_t t) const {
    return is_verb_[t] && info_of(t).frame == Frame::speech;
}

std::optional<Actor> Analyser::speaker_actor(const lexicon::Mention& m) const {
    if (!actor_like(m)) return std::nullopt;
    return m.actor;
}

bool Analyser::indefinite_before(std::size_t i) const {
    // "a senior official said": anonymous sourcing.
    for (std::size_t k = i; k-- > 0 && i - k <= 3;) {
        if (key(k) == "a" || key(k) == "an") return true;
        if (!s_.tokens[k].is_lowercase()) break;
    }
    return false;
}

void Analyser::find_speaker() {
    if (according_to_frame()) return;
    for (std::size_t t = 0; t < triggers_.size(); ++t)
        if (speech(t) && speech_frame(t)) return;
}

// "according to X, …" / "…, according to X."
bool Analyser::according_to_frame() {
    for (std::size_t i = 0; i + 2 < n_; ++i) {
        if (key(i) != "according" || key(i + 1) != "to") continue;
        std::size_t j = i + 2;
        if (key(j) == "the" && !mention(j)) ++j;
        Speaker sp;
        sp.frame_begin = i > 0 && comma(i - 1) ? i - 1 : i;
        sp.frame_end = j;
        if (const auto* m = mention(j)) {
            sp.mention = mention_at_[j];
            sp.actor = speaker_actor(*m);
            sp.frame_end = m->last_token;
        } else {
            while (sp.frame_end < n_ && !comma(sp.frame_end) && !punct(sp.frame_end, "."))
                ++sp.frame_end;
        }
        if (comma(sp.frame_end)) ++sp.frame_end;
        speaker_ = sp;
        return true;
    }
    return false;
}

// The frame of one speech verb, if it is one: "…, X said.", "…," said X, "X said (that) …".
bool Analyser::speech_frame(std::size_t t) {
    const std::size_t f = trigger_first(t), l = trigger_last(t);
    // Trailing: "…, X said." or "…," said X.
    std::size_t k = f;
    while (k > 0 && (adverb(k - 1) || auxiliary(k - 1))) --k;
    if (k > 0) {
        const lexicon::Mention* m = mention(k - 1);
        std::size_t lead = m ? m->first_token : 0;
        while (lead > 0 && mention(lead - 1))
            lead = mention(lead - 1)->first_token;  // "French President" + "Emmanuel Macron"
        if (m && lead > 0 && (comma(lead - 1) || quote(lead - 1))) {
            std::size_t b = lead - 1;
            while (b > 0 && (comma(b - 1) || quote(b - 1))) --b;
            speaker_ = Speaker{
                mention_at_[k - 1], speaker_actor(*m), indefinite_before(lead), t, b, n_, false};
            if (b == 0)
                speaker_.reset();
            else
                return true;
        }
    }
    if (f > 0 && (comma(f - 1) || quote(f - 1))) {
        std::size_t b = f - 1;
        while (b > 0 && (comma(b - 1) || quote(b - 1))) --b;
        std::size_t j = l;
        if (key(j) == "the" && !mention(j)) ++j;
        Speaker sp{-1, std::nullopt, false, t, b, n_, false};
        if (const auto* m = mention(j)) {
            sp.mention = mention_at_[j];
            sp.actor = speaker_actor(*m);
            sp.anonymous = indefinite_before(j);
        }
        if (b > 0) {
            speaker_ = sp;
            return true;
        }
    }
    // Leading: "X said (that) …", "X claimed to have …", "X described … and claimed to …".
    std::optional<std::size_t> and_at;  // "X rejected … and said …": the frame starts at "and"
    if (k > 0 && key(k - 1) == "and") {
        and_at = k - 1;
        for (std::size_t x = 0; x + 1 < k; ++x)
            if (const auto* m = mention(x); m && actor_like(*m) && !governed(x, 0)) {
                k = m->last_token;
                break;
            } else if (m) {
                x = m->last_token - 1;
            }
    }
    // "The International Labor Office (ILO) reiterated": the name in brackets.
    if (k >= 3 && punct(k - 1, ")") && mention(k - 2) &&
        punct(mention(k - 2)->first_token - 1, "("))
        k = k - 1;
    if (k > 0) {
        if (const auto* m = mention(k - 1); m && !governed(m->first_token, 0)) {
            Speaker sp{mention_at_[k - 1],
                       speaker_actor(*m),
                       indefinite_before(m->first_token),
                       t,
                       m->first_token,
                       l,
                       false};
            std::size_t c = l;
            // "told journalists on Sept. 10 that …": the addressee and time belong to the
            // frame.
            for (std::size_t x = l; x < n_ && x < l + 8; ++x) {
                if (key(x) == "that" || punct(x, ":")) {
                    c = x + 1;
                    break;
                }
                if (verb_trigger(x)) break;
            }
            if (c == l && key(l) == "to") {
                sp.infinitive = true;
                c = l + 1;
            }
            // "said on Wednesday they would …": the time of saying is the frame's.
            if (c == l) {
                std::size_t x = c;
                if (x + 1 < n_ && is(x, wc_prepositions) && time_at_[x + 1] >= 0) ++x;
                if (time_at_[x] >= 0) {
                    while (x < n_ && time_at_[x] >= 0) ++x;
                    c = x;
                }
            }
            // Words before the frame ("On Tuesday, X said …", "X rejected … and
            // said …") stay content, told by the sentence, not by the speaker.
            sp.frame_end = c;
            if (and_at) sp.frame_begin = *and_at;
            sp.reported_before = false;
            speaker_ = sp;
            return true;
        }
    }
    // Trailing with a speaker that is no actor: "…, experts told the Kyiv Independent."
    for (std::size_t c = f; c-- > 0 && f - c <= 5;) {
        if (comma(c) || (quote(c) && c > 0 && comma(c - 1))) {
            bool plain = c > 0;
            for (std::size_t x = c + 1; x < f; ++x)
                if ((mention(x) && !governed(x, c + 1)) || verb_trigger(x) || key(x) == "and" ||
                    key(x) == "but" || key(x) == "or")
                    plain = false;
            if (plain) {
                std::size_t b = c;
                while (b > 0 && (comma(b - 1) || quote(b - 1))) --b;
                speaker_ = Speaker{-1, std::nullopt, true, t, b, n_, false};
                return true;
            }
            break;
        }
        // "…, relief officials in Nairobi said": where the speaker is, or whose,
        // belongs to the frame.
        const bool speaker_place = key(c) == "in" || key(c) == "of" || key(c) == "from";
        if (verb_trigger(c) || (is(c, wc_prepositions) && !speaker_place)) break;
    }
    return false;
}

// The speaker's own event: a statement about whom the content is about,
// or a reject when the content is a denial.
void Analyser::speaker_events(std::vector<Found>& out) {
    if (!speaker_ || !speaker_->actor || speaker_->anonymous) return;
    const Actor& who = *speaker_->actor;
    if (who.kind == ActorKind::agent && g_.is(who.agent, wc_reporting_agents)) return;
    bool denial = false;
    std::optional<Actor> about;
    for (const auto& [b, e] : content_) {
        for (std::size_t i = b; i < e && i < b + 6; ++i)
            if (is(i, wc_negation_words)) denial = true;
    }
    // The statement is about whoever the first reported event is by; a
    // speaker announcing its own act has made no separate statement.
    bool demand = false;
    for (const auto& f : out) {
        if (f.polarity == Polarity::denied) denial = true;
        if (!about)
            about = f.unknown_source
                        ? f.target
                        : std::optional<Actor>(f.source);  // "Niger has been rocketed": about Niger
        if (f.obligation && f.source.code != who.code && !demand) {
            demand = true;
            about = f.source;
        }
    }
    // Nothing coded in what was said: it is about the first actor it names
    // ("Russia is a danger to Europe, Stoltenberg said").
    if (!about)
        for (const auto& [b, e] : content_)
            for (std::size_t i = b; i < e && !about; ++i)
                if (const auto* m = mention(i); m && actor_like(*m) && m->actor.code != who.code)
                    about = m->actor;
    // "reiterated its demand that Israel ease …", "renewed its threat that …":
    // a noun in the frame says what kind of saying it is, and what it asks
    // for has not been done.
    std::string noun_type;
    if (speaker_->verb != no_trigger)
        for (std::size_t i = trigger_last(speaker_->verb); i < speaker_->frame_end; ++i)
            if (trigger_at_[i] >= 0 && !is_verb_[std::size_t(trigger_at_[i])]) {
                const auto& t = info_of(std::size_t(trigger_at_[i]));
                if (t.type == "request" || t.type == "threaten") noun_type = t.type;
                break;
            }
    if (!noun_type.empty())
        std::erase_if(out, [&](const Found& f) { return f.position >= speaker_->frame_end; });
    // "Russia said Sudan must return …": Russia demands; Sudan has done nothing yet.
    std::erase_if(out, [](const Found& f) { return f.obligation; });
    std::string type = speaker_->verb == no_trigger ? "statement" : info_of(speaker_->verb).type;
    if (demand) type = "request";
    if (!noun_type.empty()) type = noun_type;
    if (denial) {
        type = "reject";
        // A denial answers the latest accuser of the speaker.
        if (!about || about->code == who.code) {
            about.reset();
            for (auto it = d_.accusers.rbegin(); it != d_.accusers.rend(); ++it)
                if (it->first == who.code && it->second.code != who.code) {
                    about = it->second;
                    break;
                }
        }
    }
    if (!about) return;
    Found f;
    if (speaker_->verb != no_trigger) {
        f = make(speaker_->verb, who);
    } else {
        f.source = who;
        f.trigger = "according to";
        f.position = speaker_->frame_begin;
        f.info = statement_info();
    }
    f.type = type;
    f.cameo = type == "reject"     ? "120"
              : type == "request"  ? "100"
              : type == "threaten" ? "130"
                                   : "";
    f.attributed_to.reset();
    f.confidence = 0.8;
    f.target = about->kind == ActorKind::place ? country_of_place(*about) : *about;
    if (f.target->code == who.code) return;
    if (auto t = time_in(speaker_->frame_begin, speaker_->frame_end))
        f.time = t;
    else if (!content_.empty())
        f.time = time_in(0, n_);
    out.push_back(std::move(f));
}

}  // namespace eventgraph::extract::detail
