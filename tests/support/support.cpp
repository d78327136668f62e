#include "support.hpp"

#include <fcntl.h>
#include <poll.h>
#include <rapidjson/document.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

#include "eventgraph/io/event_json.hpp"

namespace eventgraph::test {

std::string data_path(const std::string& relative) {
    return std::string(EVENTGRAPH_TEST_DATA) + "/" + relative;
}

std::string source_path(const std::string& relative) {
    return std::string(EVENTGRAPH_SOURCE_DIR) + "/" + relative;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("test fixture missing: " + path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

namespace {
long g_last_max_rss_kb = 0;
}  // namespace

long last_run_max_rss_kb() { return g_last_max_rss_kb; }

[[noreturn]] void exec_eventgraph(const std::vector<std::string>& args) {
    std::vector<char*> argv;
    std::string binary = EVENTGRAPH_BINARY;
    argv.push_back(binary.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(binary.c_str(), argv.data());
    ::_exit(127);
}

RunResult run_eventgraph(const std::vector<std::string>& args, const std::string& input,
                         const std::string& stdout_path) {
    namespace fs = std::filesystem;
    static int counter = 0;
    const fs::path dir =
        fs::temp_directory_path() / ("eventgraph-test-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const std::string n = std::to_string(++counter);
    const fs::path in = dir / ("in" + n), out = dir / ("out" + n), err = dir / ("err" + n);
    std::ofstream(in, std::ios::binary) << input;

    std::fflush(nullptr);  // or the child writes the parent's buffered output again
    const pid_t pid = ::fork();
    if (pid == 0) {
        if (!std::freopen(in.c_str(), "rb", stdin) ||
            !std::freopen(stdout_path.empty() ? out.c_str() : stdout_path.c_str(), "wb", stdout) ||
            !std::freopen(err.c_str(), "wb", stderr))
            ::_exit(127);
        exec_eventgraph(args);
    }
    int status = 0;
    struct rusage usage {};
    ::wait4(pid, &status, 0, &usage);
    RunResult r;
    g_last_max_rss_kb = usage.ru_maxrss;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = stdout_path.empty() ? read_file(out.string()) : "";
    r.err = read_file(err.string());
    fs::remove(in);
    fs::remove(out);
    fs::remove(err);
    // Under tools/sanitize.sh the program is sanitized too: a report fails the
    // test even where the test expects exit code 1 and looks at part of stderr.
    for (const char* report :
         {"ERROR: AddressSanitizer", "ERROR: LeakSanitizer", ": runtime error: "})
        if (r.err.find(report) != std::string::npos)
            throw std::runtime_error("sanitizer report from eventgraph:\n" + r.err);
    return r;
}

RunResult run_eventgraph_on_terminal(const std::vector<std::string>& args) {
    namespace fs = std::filesystem;
    const int master = ::posix_openpt(O_RDWR | O_NOCTTY);
    if (master < 0 || ::grantpt(master) != 0 || ::unlockpt(master) != 0)
        throw std::runtime_error("no pseudo-terminal");
    const std::string slave_name = ::ptsname(master);
    const fs::path out =
        fs::temp_directory_path() / ("eventgraph-test-tty-" + std::to_string(::getpid()) + ".out");
    std::fflush(nullptr);
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::close(master);
        const int slave = ::open(slave_name.c_str(), O_RDWR | O_NOCTTY);
        if (slave < 0 || !std::freopen("/dev/null", "rb", stdin) ||
            !std::freopen(out.c_str(), "wb", stdout) || ::dup2(slave, STDERR_FILENO) < 0)
            ::_exit(127);
        exec_eventgraph(args);
    }
    // Read as the child writes (a full terminal would block it) until it ends.
    RunResult r;
    int status = 0;
    for (bool running = true; running;) {
        running = ::waitpid(pid, &status, WNOHANG) == 0;
        pollfd p{master, POLLIN, 0};
        while (::poll(&p, 1, running ? 20 : 0) > 0 && (p.revents & POLLIN)) {
            char buf[4096];
            const ssize_t n = ::read(master, buf, sizeof buf);
            if (n <= 0) break;
            r.err.append(buf, std::size_t(n));
        }
    }
    ::close(master);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = read_file(out.string());
    fs::remove(out);
    return r;
}

std::string python3() {
    return std::filesystem::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
}

bool have_python3() {
    return std::system(("command -v " + python3() + " >/dev/null 2>&1").c_str()) == 0;
}

RunResult run_python(const std::string& script, const std::vector<std::string>& args) {
    std::string command = python3() + " '" + script + "'";
    for (const auto& a : args) command += " '" + a + "'";
    command += " 2>&1";
    RunResult r;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) throw std::runtime_error("cannot run " + command);
    char buf[4096];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;) r.out.append(buf, n);
    const int status = ::pclose(pipe);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

std::string schema_errors(const std::string& schema_file, const std::string& json) {
    static std::map<std::string, std::unique_ptr<rapidjson::SchemaDocument>> schemas;
    auto& schema = schemas[schema_file];
    if (!schema) {
        rapidjson::Document sd;
        sd.Parse(read_file(schema_file).c_str());
        if (sd.HasParseError()) throw std::runtime_error("schema is not JSON: " + schema_file);
        schema = std::make_unique<rapidjson::SchemaDocument>(sd);
    }
    rapidjson::Document d;
    d.Parse(json.c_str());
    if (d.HasParseError()) return "not JSON: " + json.substr(0, 200);
    rapidjson::SchemaValidator validator(*schema);
    if (d.Accept(validator)) return "";
    rapidjson::StringBuffer where, pointer;
    validator.GetInvalidSchemaPointer().StringifyUriFragment(where);
    validator.GetInvalidDocumentPointer().StringifyUriFragment(pointer);
    return std::string("invalid at ") + pointer.GetString() + " (schema " + where.GetString() +
           ", keyword " + validator.GetInvalidSchemaKeyword() + ")";
}

std::vector<model::Event> read_events(const std::string& fixture) {
    const std::string path = data_path(fixture);
    std::ifstream in(path);
    if (!in) throw std::runtime_error("test fixture missing: " + path);
    std::vector<model::Event> events;
    io::read_events_json(
        in, path, {}, [&](model::Event e) { events.push_back(std::move(e)); },
        [](const std::exception& e) { throw std::runtime_error(e.what()); });
    return events;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) out.push_back(line);
    return out;
}

std::string temp_dir(const std::string& name) {
    namespace fs = std::filesystem;
    const fs::path dir =
        fs::temp_directory_path() / ("eventgraph-test-" + std::to_string(::getpid())) / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir.string();
}

Env::Env(const char* name, const std::optional<std::string>& value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value)
        ::setenv(name, value->c_str(), 1);
    else
        ::unsetenv(name);
}

Env::~Env() {
    if (old_)
        ::setenv(name_, old_->c_str(), 1);
    else
        ::unsetenv(name_);
}

}  // namespace eventgraph::test
