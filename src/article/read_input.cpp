#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <streambuf>

#include "eventgraph/article/normalize.hpp"
#include "eventgraph/error.hpp"
#include "eventgraph/io/article_json.hpp"
#include "eventgraph/io/input.hpp"
#include "eventgraph/text/utf8.hpp"

namespace eventgraph::article {

namespace {

// A stream of the bytes already read to sniff the format, then the rest.
class PrefixedBuf : public std::streambuf {
public:
    PrefixedBuf(std::string head, std::streambuf* rest) : head_(std::move(head)), rest_(rest) {
        setg(head_.data(), head_.data(), head_.data() + head_.size());
    }

protected:
    int_type underflow() override {
        if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
        const std::streamsize n = rest_->sgetn(buf_, sizeof buf_);
        if (n <= 0) return traits_type::eof();
        setg(buf_, buf_, buf_ + n);
        return traits_type::to_int_type(*gptr());
    }

private:
    std::string head_;
    std::streambuf* rest_;
    char buf_[1 << 16];
};

// Reads the rest of a stream whole, refusing more than a page may hold.
std::string slurp(std::istream& in, std::string head, const std::string& file) {
    std::string content = std::move(head);
    char buf[1 << 16];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
        content.append(buf, std::size_t(in.gcount()));
        if (content.size() > io::max_page_bytes)
            throw input_error(file, "page larger than " + std::to_string(io::max_page_bytes >> 20) +
                                        " MB: not read (split it, or give articles as JSON Lines)");
    }
    if (in.bad()) throw input_error(file, std::string("read error: ") + std::strerror(errno));
    return content;
}

std::size_t read_stream(std::istream& in, const std::string& file, const std::string& id,
                        const io::ReadOptions& options,
                        const std::function<void(model::Article)>& sink,
                        const std::function<void(const std::exception&)>& on_skip) {
    // Look at the first bytes to tell JSON from HTML from text; then JSON
    // streams and pages are read whole.
    std::string head(4096, '\0');
    in.read(head.data(), std::streamsize(head.size()));
    head.resize(std::size_t(in.gcount()));
    if (in.bad()) throw input_error(file, std::string("read error: ") + std::strerror(errno));
    if (head.find_first_not_of(" \t\r\n") == std::string::npos && in.eof())
        throw input_error(file, "empty file");
    in.clear();
    if (text::looks_binary(head)) throw input_error(file, "binary file, not text");

    const auto format = io::sniff_format(head);
    if (format == io::Format::json) {
        PrefixedBuf joined(std::move(head), in.rdbuf());
        std::istream json(&joined);
        return io::read_articles_json(json, file, id, options, sink, on_skip);
    }
    const std::string page = io::check_page_text(slurp(in, std::move(head), file), file);
    auto articles = format == io::Format::html ? normalize_html_page(page, id, file)
                                               : normalize_text_page(page, id, file);
    // Items cut from a page (listed after the page's own article) know only the page's date.
    for (auto& a : articles) {
        if (!a.parent.empty() && !a.published) a.page_published = articles.front().published;
        sink(std::move(a));
    }
    return 0;
}

}  // namespace

std::size_t read_input(const std::string& path, const io::ReadOptions& options,
                       const std::function<void(model::Article)>& sink,
                       const std::function<void(const std::exception&)>& on_skip) {
    const std::string id = io::id_from_path(path);
    if (path == "-") return read_stream(std::cin, "<stdin>", id, options, sink, on_skip);
    std::ifstream in(path, std::ios::binary);
    if (!in) throw input_error(path, std::string("cannot open: ") + std::strerror(errno));
    return read_stream(in, path, id, options, sink, on_skip);
}

}  // namespace eventgraph::article
