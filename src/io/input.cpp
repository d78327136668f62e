#include "eventgraph/io/input.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <system_error>

#include "eventgraph/error.hpp"
#include "eventgraph/text/ascii.hpp"
#include "eventgraph/text/utf8.hpp"

namespace eventgraph::io {

namespace fs = std::filesystem;

std::vector<std::string> expand_inputs(const std::vector<std::string>& args) {
    std::vector<std::string> out;
    for (const auto& arg : args) {
        if (arg == "-") {
            out.push_back(arg);
            continue;
        }
        std::error_code ec;
        const auto status = fs::status(arg, ec);
        if (ec || !fs::exists(status)) throw input_error(arg, "no such file or directory");
        if (!fs::is_directory(status)) {
            out.push_back(arg);
            continue;
        }
        std::vector<std::string> files;
        for (const auto& entry : fs::directory_iterator(arg, ec)) {
            const auto name = entry.path().filename().string();
            if (name.empty() || name[0] == '.' || !entry.is_regular_file(ec)) continue;
            files.push_back(entry.path().string());
        }
        if (ec) throw input_error(arg, "cannot list directory: " + ec.message());
        std::sort(files.begin(), files.end());
        out.insert(out.end(), files.begin(), files.end());
    }
    return out;
}

std::string id_from_path(const std::string& path) {
    if (path == "-") return "stdin";
    fs::path p(path);
    std::string stem = p.filename().string();
    if (const auto dot = stem.rfind('.'); dot != std::string::npos && dot > 0) stem.erase(dot);
    return stem;
}

Format sniff_format(std::string_view head) {
    std::size_t i = 0;
    if (head.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
    while (i < head.size() && text::is_ascii_space(head[i])) ++i;
    if (i < head.size() && (head[i] == '{' || head[i] == '[')) return Format::json;
    // An HTML page opens with a doctype, a comment or a tag; text that merely
    // mentions "<b>" somewhere does not.
    const std::string lower = text::ascii_lower(head.substr(i, 512));
    for (const char* opener :
         {"<!doctype html", "<html", "<head", "<body", "<!--", "<meta", "<article", "<?xml"})
        if (lower.rfind(opener, 0) == 0) return Format::html;
    return Format::text;
}

LineRead read_line(std::istream& in, std::string& line, std::size_t max) {
    line.clear();
    bool got = false, too_long = false;
    char buf[1 << 16];
    for (;;) {
        // getline into a buffer stops at the newline or when the buffer is
        // full (failbit), so a line of any length costs one buffer.
        in.getline(buf, sizeof buf);
        const auto n = std::size_t(in.gcount());
        const bool full = in.fail() && !in.eof() && n == sizeof buf - 1;
        // The newline was read (and counted in n); at the end of the input
        // without one, eof is set instead.
        const bool ended = !in.fail() && !in.eof();
        const std::size_t stored = ended ? n - 1 : n;
        if (n > 0) got = true;
        if (!too_long) {
            if (line.size() + stored > max) {
                too_long = true;
                std::string().swap(line);
            } else {
                line.append(buf, stored);
            }
        }
        if (full) {
            in.clear(in.rdstate() & ~std::ios::failbit);
            continue;
        }
        if (!got) return LineRead::end;
        // A last line without its newline: let the next call see the end.
        if (!ended) in.clear(in.rdstate() & ~std::ios::failbit);
        return too_long ? LineRead::too_long : LineRead::line;
    }
}

std::string read_file(const std::string& path, std::size_t max_bytes,
                      const std::string& too_large) {
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!f) throw input_error(path, std::string("cannot open: ") + std::strerror(errno));
    // A file says its size; a pipe is counted as it is read.
    struct stat st {};
    if (::fstat(::fileno(f.get()), &st) == 0 && S_ISREG(st.st_mode) &&
        std::size_t(st.st_size) > max_bytes)
        throw input_error(path, too_large);
    std::string text;
    if (S_ISREG(st.st_mode)) text.reserve(std::size_t(st.st_size));
    char buf[1 << 16];
    std::size_t n = 0;
    while ((n = std::fread(buf, 1, sizeof buf, f.get())) > 0) {
        text.append(buf, n);
        if (text.size() > max_bytes) throw input_error(path, too_large);
    }
    if (std::ferror(f.get()))
        throw input_error(path, std::string("cannot read: ") + std::strerror(errno));
    return text;
}

std::string line_too_long_message(std::size_t max) {
    return "line longer than " + std::to_string(max >> 20) +
           " MB: not read (the limit of one record)";
}

std::string check_page_text(std::string content, const std::string& file) {
    if (content.find_first_not_of(" \t\r\n") == std::string::npos)
        throw input_error(file, "empty file");
    if (text::looks_binary(content)) throw input_error(file, "binary file, not text");
    if (const auto bad = text::find_invalid_utf8(content); bad != std::string::npos) {
        const auto pos = text::position_of(content, bad);
        throw input_error(
            file, pos.line,
            "invalid UTF-8 at column " + std::to_string(pos.column) + " (save the page as UTF-8)");
    }
    return content;
}

}  // namespace eventgraph::io
