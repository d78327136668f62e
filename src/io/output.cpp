#include "eventgraph/io/output.hpp"

#include <cerrno>
#include <cstring>
#include <unistd.h>

#include "eventgraph/error.hpp"

namespace eventgraph::io {

namespace {
bool g_stdout_closed = false;

[[noreturn]] void fail(const std::string& path, const std::string& what, int err) {
    throw output_error("cannot write " + path + ": " + what + (err ? std::string(": ") + std::strerror(err) : ""));
}
}  // namespace

bool stdout_closed() { return g_stdout_closed; }

Output::Output(const std::string& path) : path_(path == "-" ? "" : path) {
    if (path_.empty()) {
        file_ = stdout;
        return;
    }
    // The temporary file sits beside the target so that rename() is atomic.
    temp_ = path_ + ".tmp-" + std::to_string(::getpid());
    file_ = std::fopen(temp_.c_str(), "wb");
    if (!file_) fail(path_, "cannot create " + temp_, errno);
}

Output::~Output() {
    if (file_ && file_ != stdout) std::fclose(file_);
    if (!temp_.empty() && !committed_) std::remove(temp_.c_str());
}

void Output::write(std::string_view s) {
    if (g_stdout_closed && file_ == stdout) return;
    if (std::fwrite(s.data(), 1, s.size(), file_) != s.size()) {
        if (file_ == stdout && errno == EPIPE) {
            g_stdout_closed = true;
            return;
        }
        fail(path_.empty() ? "standard output" : path_, "write failed", errno);
    }
}

void Output::commit() {
    if (file_ == stdout) {
        if (std::fflush(stdout) != 0 && !g_stdout_closed) {
            if (errno == EPIPE) g_stdout_closed = true;
            else fail("standard output", "write failed", errno);
        }
        committed_ = true;
        return;
    }
    const bool flushed = std::fflush(file_) == 0 && ::fsync(::fileno(file_)) == 0;
    const int err = errno;
    const bool closed = std::fclose(file_) == 0;
    file_ = nullptr;
    if (!flushed || !closed) fail(path_, "write failed", err);
    if (std::rename(temp_.c_str(), path_.c_str()) != 0) fail(path_, "cannot rename " + temp_, errno);
    committed_ = true;
}

}  // namespace eventgraph::io
