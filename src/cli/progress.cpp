#include "progress.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace eventgraph::cli::progress {

namespace {

using Clock = std::chrono::steady_clock;

struct State {
    bool shown = false;
    bool drawn = false;
    Clock::time_point start, last;
    Clock::duration interval = std::chrono::milliseconds(250);
    std::uint64_t total = 0;     // bytes of the files with a size
    std::uint64_t finished = 0;  // bytes of the files read whole
    std::uint64_t offset = 0;    // into the file being read
    std::size_t records = 0, events = 0;
    std::size_t calls = 0;
};

State state;

std::string megabytes(std::uint64_t bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", double(bytes) / 1e6);
    return buf;
}

std::string thousands(std::size_t n) {
    std::string s = std::to_string(n);
    for (int i = int(s.size()) - 3; i > 0; i -= 3) s.insert(std::size_t(i), ",");
    return s;
}

void draw() {
    const auto now = Clock::now();
    const double seconds = std::chrono::duration<double>(now - state.start).count();
    const std::uint64_t read = state.finished + state.offset;
    std::string line = "eventgraph: " + megabytes(read);
    if (state.total > 0 && read <= state.total) {
        line += " of " + megabytes(state.total) + " MB (" +
                std::to_string(read * 100 / state.total) + "%)";
    } else {
        line += " MB";
    }
    line += ", " + thousands(state.records) + " records";
    if (state.events) line += ", " + thousands(state.events) + " events";
    if (seconds > 0) {
        const double rate = double(read) / seconds;
        line += ", " + megabytes(std::uint64_t(rate)) + " MB/s";
        if (state.total > read && rate > 0) {
            const auto left = std::uint64_t(double(state.total - read) / rate);
            line += ", " + std::to_string(left / 60) + ":" + (left % 60 < 10 ? "0" : "") +
                    std::to_string(left % 60) + " left";
        }
    }
    // \r back to the start, the line, then erase what a longer line left.
    std::fprintf(stderr, "\r%s\033[K", line.c_str());
    std::fflush(stderr);
    state.drawn = true;
    state.last = now;
}

void tick() {
    if (!state.shown) return;
    if (++state.calls % 64 != 0) return;  // the clock now and then, not at every record
    const auto now = Clock::now();
    if (now - state.last >= state.interval) draw();
}

}  // namespace

OptionSpec quiet_option() { return {"quiet", 'q', false, "", "no progress line on a terminal"}; }

void enable(const Args& args) {
    state = State{};
    state.shown = !args.has("quiet") && ::isatty(STDERR_FILENO) == 1;
    state.start = state.last = Clock::now();
    // For the tests: how often the line may be redrawn, in milliseconds.
    if (const char* ms = std::getenv("EVENTGRAPH_PROGRESS_INTERVAL"))
        state.interval = std::chrono::milliseconds(std::strtol(ms, nullptr, 10));
}

void expect(const std::vector<std::string>& files) {
    for (const auto& f : files) {
        std::error_code ec;
        if (f == "-" || !std::filesystem::is_regular_file(f, ec)) continue;
        const auto size = std::filesystem::file_size(f, ec);
        if (!ec) state.total += size;
    }
}

void file_done(const std::string& file) {
    std::error_code ec;
    if (file != "-" && std::filesystem::is_regular_file(file, ec)) {
        const auto size = std::filesystem::file_size(file, ec);
        if (!ec) state.finished += size;
    }
    state.offset = 0;
    tick();
}

void at(std::uint64_t offset) {
    state.offset = offset;
    tick();
}

void records(std::size_t n) {
    state.records = n;
    tick();
}

void events(std::size_t n) {
    state.events = n;
    tick();
}

void pause() {
    if (!state.drawn) return;
    std::fputs("\r\033[K", stderr);
    std::fflush(stderr);
    state.drawn = false;
    state.last = Clock::now();
}

void done() {
    pause();
    state.shown = false;
}

}  // namespace eventgraph::cli::progress
