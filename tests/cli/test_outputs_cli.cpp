// Nothing lost, nothing half-written: every -o output is a temporary file
// renamed into place when complete; a run that fails or is interrupted
// leaves the earlier file as it was and no temporary file behind.

#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "support/support.hpp"

using eventgraph::test::data_path;
using eventgraph::test::read_file;
using eventgraph::test::run_eventgraph;
namespace fs = std::filesystem;

namespace {

const std::string good = data_path("articles/two.jsonl");
const std::string reports = data_path("graph/reports.jsonl");

// The names of the files in a directory, sorted.
std::vector<std::string> files_in(const std::string& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

// Articles enough to keep extract busy for many seconds.
void write_corpus(const std::string& path, int articles) {
    std::ofstream out(path);
    for (int i = 0; i < articles; ++i)
        out << "{\"id\":\"a" << i
            << "\",\"published\":\"2024-09-10\",\"body\":\"Russia struck Kyiv on Monday. "
               "China accused the United States of meddling in its affairs. Iran supplied drones "
               "to Russia, "
               "NATO said.\"}\n";
}

struct Interrupted {
    bool signalled = false;
    int signal = 0;
    int exit_code = -1;
};

// Starts eventgraph, waits until `appears` exists (the temporary file of an
// output: the long part has begun), sends `sig`, and tells how it ended.
Interrupted interrupt(const std::vector<std::string>& args, const std::string& appears, int sig) {
    std::fflush(nullptr);
    const pid_t pid = ::fork();
    if (pid == 0) {
        if (!std::freopen("/dev/null", "wb", stdout) || !std::freopen("/dev/null", "wb", stderr))
            ::_exit(127);
        eventgraph::test::exec_eventgraph(args);
    }
    const std::string temp = appears + ".tmp-" + std::to_string(pid);
    for (int i = 0; i < 6000 && !fs::exists(temp); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    CHECK(fs::exists(temp));
    std::this_thread::sleep_for(std::chrono::milliseconds(200));  // well into the writing
    ::kill(pid, sig);
    int status = 0;
    ::waitpid(pid, &status, 0);
    Interrupted r;
    r.signalled = WIFSIGNALED(status);
    r.signal = r.signalled ? WTERMSIG(status) : 0;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + r.signal;
    return r;
}

}  // namespace

TEST_CASE("every command's -o output replaces the earlier file whole and leaves nothing else") {
    const std::string dir = eventgraph::test::temp_dir("outputs-every-command");
    const std::string events = dir + "/in.events.jsonl";
    {
        std::ofstream e(events);
        e << read_file(data_path("events/seed-like.jsonl"));
    }
    const std::vector<std::vector<std::string>> runs = {
        {"normalize", good},
        {"extract", good},
        {"export", "--format", "graphml", reports},
        {"render", "--format", "svg", reports},
        {"path", "IRN", "CHN", data_path("query/paths.jsonl")},
        {"stats", reports},
        {"actors", "--ref", "2024-07-15", "Russia and China"},
        {"dates", "--ref", "2024-09-10", data_path("cli/plain.txt")},
        {"eval", data_path("gold"), "--events", events},
    };
    for (auto args : runs) {
        INFO(args[0]);
        const std::string out = dir + "/out";
        std::ofstream(out) << "earlier\n";
        args.insert(args.end(), {"-o", out});
        const auto r = run_eventgraph(args);
        CHECK(r.exit_code == 0);
        CHECK(r.out.empty());
        CHECK(read_file(out) != "earlier\n");
        CHECK(files_in(dir) == std::vector<std::string>{"in.events.jsonl", "out"});
    }
}

TEST_CASE("a run that fails after opening its output leaves the earlier file as it was") {
    const std::string dir = eventgraph::test::temp_dir("outputs-failed");
    const std::string out = dir + "/events.jsonl";
    std::ofstream(out) << "earlier\n";
    // --threads is read once the output is open.
    const auto r = run_eventgraph({"extract", "--threads", "0", good, "-o", out});
    CHECK(r.exit_code == 2);
    CHECK(read_file(out) == "earlier\n");
    CHECK(files_in(dir) == std::vector<std::string>{"events.jsonl"});

    // run -o DIR: no file of the directory is replaced.
    const std::string run_dir = dir + "/run";
    fs::create_directories(run_dir);
    for (const char* name : {"articles.jsonl", "events.jsonl", "graph.dot"})
        std::ofstream(run_dir + "/" + name) << "earlier\n";
    const auto failed = run_eventgraph({"run", "--threads", "0", good, "-o", run_dir});
    CHECK(failed.exit_code == 2);
    CHECK(files_in(run_dir) ==
          std::vector<std::string>{"articles.jsonl", "events.jsonl", "graph.dot"});
    for (const char* name : {"articles.jsonl", "events.jsonl", "graph.dot"})
        CHECK(read_file(run_dir + "/" + name) == "earlier\n");
}

TEST_CASE(
    "Ctrl-C during extract -o removes the temporary file, keeps the earlier one, and ends by "
    "SIGINT") {
    const std::string dir = eventgraph::test::temp_dir("outputs-sigint");
    write_corpus(dir + "/big.jsonl", 50000);
    const std::string out = dir + "/events.jsonl";
    std::ofstream(out) << "earlier\n";
    const auto r =
        interrupt({"extract", "--threads", "1", dir + "/big.jsonl", "-o", out}, out, SIGINT);
    CHECK(r.signalled);
    CHECK(r.signal == SIGINT);
    CHECK(r.exit_code == 130);
    CHECK(read_file(out) == "earlier\n");
    CHECK(files_in(dir) == std::vector<std::string>{"big.jsonl", "events.jsonl"});
}

TEST_CASE(
    "SIGTERM during run -o DIR leaves no temporary file and the earlier results as they were") {
    const std::string dir = eventgraph::test::temp_dir("outputs-sigterm");
    write_corpus(dir + "/big.jsonl", 50000);
    const std::string run_dir = dir + "/out";
    fs::create_directories(run_dir);
    std::ofstream(run_dir + "/events.jsonl") << "earlier\n";
    const auto r = interrupt({"run", "--threads", "1", dir + "/big.jsonl", "-o", run_dir},
                             run_dir + "/events.jsonl", SIGTERM);
    CHECK(r.signal == SIGTERM);
    CHECK(r.exit_code == 143);
    CHECK(read_file(run_dir + "/events.jsonl") == "earlier\n");
    CHECK(files_in(run_dir) == std::vector<std::string>{"events.jsonl"});
}
