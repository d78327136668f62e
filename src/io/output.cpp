#include "eventgraph/io/output.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>

#include "eventgraph/error.hpp"

namespace eventgraph::io {

namespace {
bool g_stdout_closed = false;

// The temporary files being written, for the signal handler: fixed slots of
// atomic pointers, since a handler may neither lock nor allocate. A pointer
// is the c_str() of an Output's temp_, set before the file is created and
// cleared before the string goes.
constexpr std::size_t temp_slots = 64;
std::atomic<const char*> g_temps[temp_slots];

void register_temp(const char* path) {
    for (auto& slot : g_temps) {
        const char* expected = nullptr;
        if (slot.compare_exchange_strong(expected, path)) return;
    }
    // More outputs open at once than slots: this one is still removed by its
    // destructor, only not on a signal.
}

void unregister_temp(const char* path) {
    for (auto& slot : g_temps) {
        const char* expected = path;
        if (slot.compare_exchange_strong(expected, nullptr)) return;
    }
}

extern "C" void on_signal(int sig) {
    const int saved = errno;
    for (auto& slot : g_temps)
        if (const char* path = slot.exchange(nullptr)) ::unlink(path);
    // End by the signal itself, so that the parent (a shell loop, make) knows.
    ::signal(sig, SIG_DFL);
    ::raise(sig);
    errno = saved;
}

[[noreturn]] void fail(const std::string& path, const std::string& what, int err) {
    throw output_error("cannot write " + path + ": " + what +
                       (err ? std::string(": ") + std::strerror(err) : ""));
}
}  // namespace

bool stdout_closed() { return g_stdout_closed; }

void remove_temp_files_on_signals() {
    struct sigaction action {};
    action.sa_handler = on_signal;
    sigemptyset(&action.sa_mask);
    for (const int sig : {SIGINT, SIGTERM, SIGHUP}) {
        struct sigaction old {};
        // A signal ignored by whoever started us (nohup, a background job) stays ignored.
        if (::sigaction(sig, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;
        ::sigaction(sig, &action, nullptr);
    }
}

Output::Output(const std::string& path) : path_(path == "-" ? "" : path) {
    if (path_.empty()) {
        file_ = stdout;
        return;
    }
    // A device or a pipe (/dev/full, /dev/stdout, a FIFO) is written as it is:
    // it cannot be replaced by a rename, and must not be.
    struct stat st {};
    if (::stat(path_.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
        file_ = std::fopen(path_.c_str(), "wb");
        if (!file_) fail(path_, "cannot open", errno);
        return;
    }
    // The temporary file sits beside the target so that rename() is atomic.
    temp_ = path_ + ".tmp-" + std::to_string(::getpid());
    register_temp(temp_.c_str());
    file_ = std::fopen(temp_.c_str(), "wb");
    if (!file_) {
        const int err = errno;
        unregister_temp(temp_.c_str());
        fail(path_, "cannot create " + temp_, err);
    }
}

Output::~Output() {
    if (file_ && file_ != stdout) std::fclose(file_);
    if (!temp_.empty() && !committed_) {
        unregister_temp(temp_.c_str());
        std::remove(temp_.c_str());
    }
}

void Output::write(std::string_view s) {
    if (g_stdout_closed && file_ == stdout) return;
    if (std::fwrite(s.data(), 1, s.size(), file_) != s.size()) {
        if (file_ == stdout && errno == EPIPE) {
            // Nobody reads any more: stop the work rather than do it for nothing.
            g_stdout_closed = true;
            throw output_error("standard output closed");
        }
        fail(path_.empty() ? "standard output" : path_, "write failed", errno);
    }
    // A file's bytes are handed to the disk as they come, 16 MB at a time,
    // so that commit's fsync waits for the last of them only (the timeline
    // of a million events, 640 MB: 0.61 s of fsync before, 0.26 s after).
    constexpr std::size_t sync_every = std::size_t{16} << 20;
    if (temp_.empty() || (unsynced_ += s.size()) < sync_every) return;
    unsynced_ = 0;
#ifdef __linux__
    // Started, not waited for; a failure is commit's to report.
    if (std::fflush(file_) == 0) ::sync_file_range(::fileno(file_), 0, 0, SYNC_FILE_RANGE_WRITE);
#endif
}

void Output::commit() {
    if (file_ == stdout) {
        if (std::fflush(stdout) != 0 && !g_stdout_closed) {
            if (errno == EPIPE)
                g_stdout_closed = true;
            else
                fail("standard output", "write failed", errno);
        }
        committed_ = true;
        return;
    }
    const bool flushed =
        std::fflush(file_) == 0 && (temp_.empty() || ::fsync(::fileno(file_)) == 0);
    const int err = errno;
    const bool closed = std::fclose(file_) == 0;
    file_ = nullptr;
    if (!flushed || !closed) fail(path_, "write failed", err);
    if (temp_.empty()) {
        committed_ = true;
        return;
    }
    if (std::rename(temp_.c_str(), path_.c_str()) != 0)
        fail(path_, "cannot rename " + temp_, errno);
    // Renamed: a signal from here on finds nothing to remove (unlink fails harmlessly before this).
    unregister_temp(temp_.c_str());
    committed_ = true;
}

}  // namespace eventgraph::io
