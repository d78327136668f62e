// Events of a JSON Lines stream with their lines, parsed on several threads
// when asked: the stream is split into lines here, runs of records are
// parsed by workers, and what became of each record (its event or its
// error) is handed on in the stream's order, so that the caller sees the
// same events, errors and lines as with one thread.

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "detail_events.hpp"
#include "eventgraph/error.hpp"
#include "eventgraph/io/event_json.hpp"
#include "json.hpp"

namespace eventgraph::io {

using model::Event;

namespace {

// A run of records, copied out of the stream, and what became of each.
struct Batch {
    struct Record {
        std::size_t begin = 0, size = 0, line = 0;
        std::optional<input_error> error;  // a line that is no record (too long, cut short)
    };
    std::string text;
    std::vector<Record> records;
    std::vector<Event> events;               // one a record
    std::vector<std::exception_ptr> failed;  // one a record; null where it was read
    bool done = false;                       // guarded by Workers::mutex

    void clear() {
        text.clear();
        records.clear();
        done = false;
    }
};

// Enough records a batch that handing it over costs nothing beside parsing
// it (a millisecond or two of work), few enough that the workers keep busy
// on small files and that the batches in flight, whose events are kilobytes
// each, hold a few megabytes.
constexpr std::size_t batch_bytes = std::size_t{1} << 20;
constexpr std::size_t batch_records = 1024;

class Workers {
public:
    Workers(unsigned threads, const std::string& file, const EventFields& fields)
        : file_(file), fields_(fields) {
        for (unsigned i = 0; i < threads; ++i) threads_.emplace_back([this] { work(); });
    }
    ~Workers() {
        {
            const std::lock_guard lock(mutex_);
            stop_ = true;
        }
        wake_.notify_all();
        for (auto& t : threads_) t.join();
    }
    Workers(const Workers&) = delete;
    Workers& operator=(const Workers&) = delete;

    void submit(Batch& b) {
        {
            const std::lock_guard lock(mutex_);
            queue_.push_back(&b);
        }
        wake_.notify_one();
    }
    void wait(Batch& b) {
        std::unique_lock lock(mutex_);
        done_.wait(lock, [&] { return b.done; });
    }

private:
    void work() {
        for (;;) {
            Batch* b = nullptr;
            {
                std::unique_lock lock(mutex_);
                wake_.wait(lock, [&] { return stop_ || !queue_.empty(); });
                if (stop_) return;
                b = queue_.front();
                queue_.pop_front();
            }
            parse(*b);
            {
                const std::lock_guard lock(mutex_);
                b->done = true;
            }
            done_.notify_all();
        }
    }
    void parse(Batch& b) const {
        const std::size_t n = b.records.size();
        b.events.resize(n);
        b.failed.assign(n, nullptr);
        for (std::size_t i = 0; i < n; ++i) {
            const Batch::Record& r = b.records[i];
            b.events[i] = Event{};
            try {
                if (r.error) throw *r.error;
                detail::read_event(std::string_view(b.text).substr(r.begin, r.size), file_, r.line,
                                   fields_, b.events[i]);
            } catch (...) {
                b.failed[i] = std::current_exception();
            }
        }
    }

    const std::string& file_;
    const EventFields& fields_;
    std::mutex mutex_;
    std::condition_variable wake_, done_;
    std::deque<Batch*> queue_;
    bool stop_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace

std::size_t read_events_json_lines(std::istream& in, const std::string& file,
                                   const ReadOptions& options,
                                   const std::function<void(Event&&, std::size_t)>& sink,
                                   const std::function<void(const std::exception&)>& on_skip) {
    if (options.threads <= 1)
        return json::for_each_json_line(
            in, file, options.keep_going,
            [&](std::string_view text, std::size_t line) {
                Event e;
                detail::read_event(text, file, line, options.event_fields, e);
                sink(std::move(e), line);
            },
            on_skip);

    std::size_t skipped = 0;
    // As for_each_json_line: an input_error of a record (or of the sink) is
    // rethrown, or with keep_going counted and given to on_skip.
    const auto guarded = [&](const auto& what) {
        try {
            what();
        } catch (const input_error& e) {
            if (!options.keep_going) throw;
            ++skipped;
            on_skip(e);
        }
    };
    // Batches in flight: each worker's, and as many again being filled or handed on.
    std::vector<Batch> ring(2 * std::size_t{options.threads} + 2);
    Workers workers(options.threads, file, options.event_fields);
    json::JsonLines lines(in, file);
    std::size_t submitted = 0, consumed = 0;
    bool more = true;
    std::exception_ptr read_failed;  // thrown after every record before it is handed on
    while (more || consumed < submitted) {
        if (more && submitted - consumed < ring.size()) {
            Batch& b = ring[submitted % ring.size()];
            b.clear();
            try {
                for (json::JsonLines::Line line; b.text.size() < batch_bytes &&
                                                 b.records.size() < batch_records &&
                                                 (more = lines.next(line));) {
                    b.records.push_back({b.text.size(), line.text.size(), line.number, line.error});
                    b.text += line.text;
                }
            } catch (...) {
                read_failed = std::current_exception();
                more = false;
            }
            if (!b.records.empty()) workers.submit(b), ++submitted;
            continue;
        }
        Batch& b = ring[consumed++ % ring.size()];
        workers.wait(b);
        for (std::size_t i = 0; i < b.records.size(); ++i)
            guarded([&] {
                if (b.failed[i]) std::rethrow_exception(b.failed[i]);
                sink(std::move(b.events[i]), b.records[i].line);
            });
    }
    if (read_failed) std::rethrow_exception(read_failed);
    return skipped;
}

}  // namespace eventgraph::io
