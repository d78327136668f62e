#pragma once
// Outputs that are never half-written: a file given with -o is written to a
// temporary file beside it and renamed over it only when complete.

#include <cstddef>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

namespace eventgraph::io {

class Output {
public:
    /// "-" or "" is standard output; anything else a file written atomically.
    explicit Output(const std::string& path);
    ~Output();  ///< removes the temporary file unless commit() was called
    Output(const Output&) = delete;
    Output& operator=(const Output&) = delete;

    void write(std::string_view s);
    void line(std::string_view s) {
        write(s);
        write("\n");
    }
    /// Flushes, checks for errors, renames the temporary file into place.
    /// Throws output_error (naming the file and the system's reason).
    void commit();

    const std::string& path() const noexcept { return path_; }

private:
    std::string path_;
    std::string temp_;
    std::FILE* file_ = nullptr;
    std::size_t unsynced_ = 0;  ///< bytes written since the disk was last asked to take them
    bool committed_ = false;
};

/// Installs handlers for SIGINT, SIGTERM and SIGHUP that remove the temporary
/// files of every Output not yet committed, then end the process by the same
/// signal (a shell reports 130 for Ctrl-C, 143 for SIGTERM). Earlier files
/// named with -o are left as they were. The program calls it once at start.
void remove_temp_files_on_signals();

/// True after a write to standard output failed because its reader went away
/// (`eventgraph extract big | head`): the program then ends quietly.
bool stdout_closed();

}  // namespace eventgraph::io
