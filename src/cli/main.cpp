// The eventgraph program: finds the command, parses its options, runs it, and
// turns errors into messages and exit codes.

#include <csignal>
#include <cstring>
#include <iostream>

#include "command.hpp"
#include "eventgraph/error.hpp"
#include "eventgraph/io/data.hpp"
#include "eventgraph/io/output.hpp"
#include "eventgraph/version.hpp"
#include "progress.hpp"

using namespace eventgraph;

namespace {

void print_help() {
    std::cout << "usage: eventgraph COMMAND [OPTIONS] ARGS…\n\n"
                 "Turns news articles into dated events between actors, a relationship graph,\n"
                 "and exports of both.\n\ncommands:\n";
    for (const auto& c : cli::commands()) {
        std::string name = "  " + c.name;
        name.resize(14, ' ');
        std::cout << name << c.summary << '\n';
    }
    std::cout
        << "\n'eventgraph COMMAND --help' tells more of each. Exit codes: 0 done, 1 bad data\n"
           "or failed work, 2 bad usage.\n";
}

void print_command_help(const cli::Command& c) {
    std::cout << "usage: " << c.synopsis << "\n\n"
              << c.details << "\n\noptions:\n"
              << cli::format_options(c.options)
              << "  -h, --help                display this help\n";
}

}  // namespace

int main(int argc, char** argv) {
    // A closed pipe (`eventgraph normalize big | head`) is an ordinary end, seen as EPIPE.
    std::signal(SIGPIPE, SIG_IGN);
    // Ctrl-C or SIGTERM in a long run: no temporary file of an -o output is left behind.
    io::remove_temp_files_on_signals();
    if (argc < 2) {
        print_help();
        return 2;
    }
    const std::string first = argv[1];
    if (first == "-h" || first == "--help" || first == "help") {
        print_help();
        return 0;
    }
    if (first == "--version" || first == "-V") {
        std::cout << "eventgraph " << eventgraph::version << '\n'
                  << "data: " << eventgraph::io::data_dir() << '\n';
        return 0;
    }
    const cli::Command* command = nullptr;
    for (const auto& c : cli::commands())
        if (c.name == first) command = &c;
    if (!command) {
        std::cerr << "eventgraph: unknown command \"" << first << "\"\nTry 'eventgraph --help'.\n";
        return 2;
    }
    for (int i = 2; i < argc; ++i) {
        if (std::strcmp(argv[i], "--") == 0) break;
        if (std::strcmp(argv[i], "-h") == 0 || std::strcmp(argv[i], "--help") == 0) {
            print_command_help(*command);
            return 0;
        }
    }
    try {
        const cli::Args args(command->options, argc, argv, 2);
        cli::progress::enable(args);
        struct Erase {
            ~Erase() { cli::progress::done(); }  // before main's own messages, however it ends
        } erase;
        const int code = command->run(args);
        return io::stdout_closed() ? 0 : code;
    } catch (const usage_error& e) {
        std::cerr << "eventgraph " << command->name << ": " << e.what() << "\nTry 'eventgraph "
                  << command->name << " --help'.\n";
        return 2;
    } catch (const std::bad_alloc&) {
        std::cerr << "eventgraph: out of memory\n";
        return 1;
    } catch (const std::exception& e) {
        // The reader of a pipe went away (`eventgraph extract big | head`):
        // an ordinary end, quiet and successful, as for `cat`'s users.
        if (io::stdout_closed()) return 0;
        cli::report(e);
        return 1;
    }
}
