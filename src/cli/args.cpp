#include "args.hpp"

#include <charconv>

#include "eventgraph/error.hpp"

namespace eventgraph::cli {

Args::Args(const std::vector<OptionSpec>& specs, int argc, char** argv, int first) {
    auto find_long = [&](const std::string& name) -> const OptionSpec* {
        for (const auto& s : specs)
            if (s.name == name) return &s;
        return nullptr;
    };
    auto find_short = [&](char c) -> const OptionSpec* {
        for (const auto& s : specs)
            if (s.short_name == c) return &s;
        return nullptr;
    };
    bool options_done = false;
    for (int i = first; i < argc; ++i) {
        const std::string arg = argv[i];
        if (options_done || arg == "-" || arg.size() < 2 || arg[0] != '-') {
            positional_.push_back(arg);
            continue;
        }
        if (arg == "--") {
            options_done = true;
            continue;
        }
        const OptionSpec* spec = nullptr;
        std::optional<std::string> inline_value;
        if (arg.rfind("--", 0) == 0) {
            std::string name = arg.substr(2);
            if (const auto eq = name.find('='); eq != std::string::npos) {
                inline_value = name.substr(eq + 1);
                name.erase(eq);
            }
            spec = find_long(name);
        } else if (arg.size() == 2) {
            spec = find_short(arg[1]);
        }
        if (!spec) throw usage_error("unknown option " + arg);
        if (!spec->takes_value) {
            if (inline_value) throw usage_error("option --" + spec->name + " takes no value");
            values_[spec->name].push_back("");
            continue;
        }
        if (!inline_value) {
            if (i + 1 >= argc)
                throw usage_error("option --" + spec->name + " needs a value (" + spec->value_name +
                                  ")");
            inline_value = argv[++i];
        }
        values_[spec->name].push_back(*inline_value);
    }
}

std::string Args::get(const std::string& name, const std::string& fallback) const {
    const auto it = values_.find(name);
    return it == values_.end() ? fallback : it->second.back();
}

std::vector<std::string> Args::all(const std::string& name) const {
    const auto it = values_.find(name);
    return it == values_.end() ? std::vector<std::string>{} : it->second;
}

long Args::get_number(const std::string& name, long fallback, long min) const {
    if (!has(name)) return fallback;
    const std::string s = get(name);
    long v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || v < min)
        throw usage_error("option --" + name + " needs a whole number of at least " +
                          std::to_string(min) + ", not \"" + s + "\"");
    return v;
}

std::string format_options(const std::vector<OptionSpec>& specs) {
    std::string out;
    for (const auto& s : specs) {
        std::string left = "  ";
        left += s.short_name ? std::string("-") + s.short_name + ", " : "    ";
        left += "--" + s.name;
        if (s.takes_value) left += " " + s.value_name;
        if (left.size() < 28)
            left.resize(28, ' ');
        else
            left += "  ";
        out += left + s.help + "\n";
    }
    return out;
}

}  // namespace eventgraph::cli
