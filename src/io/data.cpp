#include "eventgraph/io/data.hpp"

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "eventgraph/error.hpp"
#include "eventgraph/io/input.hpp"

// Set by the build (CMakeLists.txt); these defaults only keep a stray
// compile of this file working.
#ifndef EVENTGRAPH_SOURCE_DATA_DIR
#define EVENTGRAPH_SOURCE_DATA_DIR "data"
#endif
#ifndef EVENTGRAPH_GENERATED_DATA_DIR
#define EVENTGRAPH_GENERATED_DATA_DIR ""
#endif
#ifndef EVENTGRAPH_BUILD_PROGRAM_DIRS
#define EVENTGRAPH_BUILD_PROGRAM_DIRS ""
#endif
#ifndef EVENTGRAPH_INSTALL_DATA_DIR
#define EVENTGRAPH_INSTALL_DATA_DIR "/usr/local/share/eventgraph/data"
#endif

namespace eventgraph::io {

namespace {

namespace fs = std::filesystem;

bool is_dir(const fs::path& p) {
    std::error_code ec;
    return fs::is_directory(p, ec);
}

/// The directory of the running program ("" if the system does not say).
fs::path program_dir() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path() : exe.parent_path();
}

/// Whether the running program is one the build tree made: its directory is
/// one of the build's program directories ('|'-separated), exactly. A program
/// installed under the build tree, or built by another project there, is not.
bool in_build_tree() {
    const fs::path dir = program_dir();
    if (dir.empty()) return false;
    const std::string_view dirs = EVENTGRAPH_BUILD_PROGRAM_DIRS;
    for (std::size_t begin = 0; begin < dirs.size();) {
        std::size_t end = dirs.find('|', begin);
        if (end == std::string_view::npos) end = dirs.size();
        std::error_code ec;
        if (end > begin && fs::equivalent(dir, fs::path(dirs.substr(begin, end - begin)), ec))
            return true;
        begin = end + 1;
    }
    return false;
}

}  // namespace

std::string data_dir() {
    if (const char* env = std::getenv("EVENTGRAPH_DATA"); env && *env) return env;
    if (const fs::path dir = program_dir(); !dir.empty()) {
        const fs::path installed = dir.parent_path() / "share" / "eventgraph" / "data";
        if (is_dir(installed)) return installed.lexically_normal().string();
    }
    if (in_build_tree()) return EVENTGRAPH_SOURCE_DATA_DIR;
    return EVENTGRAPH_INSTALL_DATA_DIR;
}

std::string generated_data_file(std::string_view name) {
    std::error_code ec;
    const fs::path own = fs::path(data_dir()) / name;
    if (fs::exists(own, ec)) return own.string();
    const std::string built = EVENTGRAPH_GENERATED_DATA_DIR;
    if (built.empty() || !in_build_tree()) return {};
    const fs::path path = fs::path(built) / name;
    return fs::exists(path, ec) ? path.string() : std::string();
}

std::string read_data_file(const std::string& path, const std::string& what,
                           const std::string& advice) {
    try {
        return read_file(path, max_data_file_bytes,
                         what + " larger than " + std::to_string(max_data_file_bytes >> 20) +
                             " MB: not read" + advice);
    } catch (const input_error& e) {
        throw lexicon_error(e.file(), e.message());  // what the callers of data loaders catch
    }
}

}  // namespace eventgraph::io
