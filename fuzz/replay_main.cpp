// Replays inputs through a fuzz target without libFuzzer, so that the seed
// corpus and the regressions run in every build (gcc, sanitizers) as a test:
//   replay_<target> FILE|DIR…
// Each file, and each regular file in a directory (not hidden ones, sorted by
// name), is given to LLVMFuzzerTestOneInput once. A finding aborts, naming
// the file on the line before; the exit code is 0 when every input ran.

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace fs = std::filesystem;

int main(int argc, char** argv) {
    std::vector<fs::path> files;
    for (int i = 1; i < argc; ++i) {
        const fs::path arg = argv[i];
        if (fs::is_directory(arg)) {
            std::vector<fs::path> found;
            for (const auto& entry : fs::directory_iterator(arg))
                if (entry.is_regular_file() && entry.path().filename().string().front() != '.')
                    found.push_back(entry.path());
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else if (fs::is_regular_file(arg)) {
            files.push_back(arg);
        } else {
            std::cerr << "replay: " << arg.string() << ": no such file or directory\n";
            return 2;
        }
    }
    for (const auto& file : files) {
        // Named first, so that a crash inside the target says which input it was.
        std::cerr << "replay: " << file.string() << '\n';
        std::ifstream in(file, std::ios::binary);
        const std::string bytes{std::istreambuf_iterator<char>(in),
                                std::istreambuf_iterator<char>()};
        if (!in.eof() && in.fail()) {
            std::cerr << "replay: " << file.string() << ": cannot read\n";
            return 2;
        }
        // A copy of exactly the input's size, so that ASan sees reads past its end.
        std::vector<std::uint8_t> data(bytes.begin(), bytes.end());
        LLVMFuzzerTestOneInput(data.data(), data.size());
    }
    std::cout << "replay: " << files.size() << " input" << (files.size() == 1 ? "" : "s")
              << " ran without a finding\n";
    return 0;
}
