#pragma once
// A small command-line parser: options are declared by each command, anything
// undeclared is a usage error (exit code 2).

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace eventgraph::cli {

struct OptionSpec {
    std::string name;     ///< long name without dashes: "output"
    char short_name = 0;  ///< 'o', or 0
    bool takes_value = false;
    std::string value_name;  ///< for help: FILE, N, DATE
    std::string help;
};

class Args {
public:
    /// Parses argv[first…] against the specs; throws usage_error.
    Args(const std::vector<OptionSpec>& specs, int argc, char** argv, int first);

    bool has(const std::string& name) const { return values_.count(name) > 0; }
    /// The last value given for an option, or `fallback`.
    std::string get(const std::string& name, const std::string& fallback = "") const;
    /// Every value given for a repeatable option, in order.
    std::vector<std::string> all(const std::string& name) const;
    /// A whole number >= min; throws usage_error naming the option.
    long get_number(const std::string& name, long fallback, long min) const;

    const std::vector<std::string>& positional() const noexcept { return positional_; }

private:
    std::map<std::string, std::vector<std::string>> values_;
    std::vector<std::string> positional_;
};

/// The option table's lines for --help.
std::string format_options(const std::vector<OptionSpec>& specs);

}  // namespace eventgraph::cli
