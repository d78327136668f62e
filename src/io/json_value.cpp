// json.hpp's views, documents and writer, on RapidJSON.

#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <algorithm>
#include <limits>
#include <unordered_map>
#include <vector>

#include "detail_json.hpp"
#include "json.hpp"

namespace eventgraph::io::json {

namespace {

const rapidjson::Value& raw(const void* v) { return *static_cast<const rapidjson::Value*>(v); }

}  // namespace

bool Value::is_null() const { return v_ && raw(v_).IsNull(); }
bool Value::is_bool() const { return v_ && raw(v_).IsBool(); }
bool Value::is_number() const { return v_ && raw(v_).IsNumber(); }
bool Value::is_int() const { return v_ && raw(v_).IsInt(); }
bool Value::is_int64() const { return v_ && raw(v_).IsInt64(); }
bool Value::is_uint64() const { return v_ && raw(v_).IsUint64(); }
bool Value::is_string() const { return v_ && raw(v_).IsString(); }
bool Value::is_array() const { return v_ && raw(v_).IsArray(); }
bool Value::is_object() const { return v_ && raw(v_).IsObject(); }

bool Value::boolean() const { return is_bool() && raw(v_).GetBool(); }
int Value::int_value() const { return is_int() ? raw(v_).GetInt() : 0; }
std::int64_t Value::int64() const { return is_int64() ? raw(v_).GetInt64() : 0; }
std::uint64_t Value::uint64() const { return is_uint64() ? raw(v_).GetUint64() : 0; }
double Value::number() const { return is_number() ? raw(v_).GetDouble() : 0.0; }

std::string_view Value::string() const {
    if (!is_string()) return {};
    return {raw(v_).GetString(), raw(v_).GetStringLength()};
}

std::size_t Value::size() const {
    if (is_array()) return raw(v_).Size();
    if (is_object()) return raw(v_).MemberCount();
    return 0;
}

Value Value::operator[](std::size_t i) const {
    if (!is_array() || i >= raw(v_).Size()) return {};
    return Value(&raw(v_)[rapidjson::SizeType(i)]);
}

Value Value::operator[](std::string_view name) const {
    if (!is_object()) return {};
    const auto& obj = raw(v_);
    for (auto m = obj.MemberBegin(); m != obj.MemberEnd(); ++m)
        if (std::string_view(m->name.GetString(), m->name.GetStringLength()) == name)
            return Value(&m->value);
    return {};
}

Value Value::item_at(const void* array, std::size_t i) {
    return Value(&raw(array)[rapidjson::SizeType(i)]);
}

Member Value::member_at(const void* object, std::size_t i) {
    const auto& m = *(raw(object).MemberBegin() + std::ptrdiff_t(i));
    return {{m.name.GetString(), m.name.GetStringLength()}, Value(&m.value)};
}

Range<Value> Value::items() const { return {v_, is_array() ? size() : 0, &item_at}; }
Range<Member> Value::members() const { return {v_, is_object() ? size() : 0, &member_at}; }

struct Document::Impl {
    rapidjson::Document doc;
    std::string text;  // for line_of
    std::size_t first_line = 1;
    unsigned flags = detail::parse_flags;
    // Where each value ends, found on the first line_of: RapidJSON's DOM
    // keeps no positions, so a SAX pass over the same text records the
    // offset of each value in document order, which is a preorder walk's.
    std::unordered_map<const rapidjson::Value*, std::size_t> ends;
    bool walked = false;

    void walk();
};

namespace {

struct Recorder : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, Recorder> {
    const rapidjson::MemoryStream* in = nullptr;
    std::vector<std::size_t> at;
    bool Default() {
        at.push_back(in->Tell());
        return true;
    }
    bool Key(const char*, rapidjson::SizeType, bool) { return true; }
    bool EndObject(rapidjson::SizeType) { return true; }
    bool EndArray(rapidjson::SizeType) { return true; }
};

constexpr unsigned lenient_flags = rapidjson::kParseIterativeFlag | rapidjson::kParseCommentsFlag |
                                   rapidjson::kParseTrailingCommasFlag |
                                   rapidjson::kParseNanAndInfFlag;

}  // namespace

void Document::Impl::walk() {
    walked = true;
    rapidjson::MemoryStream in(text.data(), text.size());
    Recorder r;
    r.in = &in;
    rapidjson::Reader reader;
    // Parsed once already: this pass cannot fail.
    if (flags == detail::parse_flags)
        reader.Parse<detail::parse_flags>(in, r);
    else
        reader.Parse<lenient_flags>(in, r);
    std::size_t next = 0;
    std::vector<const rapidjson::Value*> stack{&doc};
    while (!stack.empty()) {
        const rapidjson::Value* v = stack.back();
        stack.pop_back();
        if (next < r.at.size()) ends[v] = r.at[next];
        ++next;
        if (v->IsObject()) {
            for (auto m = v->MemberEnd(); m != v->MemberBegin();) stack.push_back(&(--m)->value);
        } else if (v->IsArray()) {
            for (auto x = v->End(); x != v->Begin();) stack.push_back(&*--x);
        }
    }
}

Document::Document(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Document::Document(std::string_view json, const std::string& file, std::size_t first_line)
    : impl_(std::make_unique<Impl>()) {
    detail::parse(impl_->doc, json, file, first_line);
    impl_->text.assign(json);
    impl_->first_line = first_line;
}

std::optional<Document> Document::try_parse(std::string_view json, Syntax syntax) {
    auto impl = std::make_unique<Impl>();
    if (syntax == Syntax::strict) {
        try {
            detail::parse(impl->doc, json, "", 1);
        } catch (const input_error&) {
            return std::nullopt;
        }
    } else {
        // The default pool allocator frees without recursion, and the
        // iterative parser keeps deep nesting off the stack.
        impl->doc.Parse<lenient_flags>(json.data(), json.size());
        if (impl->doc.HasParseError()) return std::nullopt;
        impl->flags = lenient_flags;
    }
    impl->text.assign(json);
    return Document(std::move(impl));
}

Document::~Document() = default;
Document::Document(Document&&) noexcept = default;
Document& Document::operator=(Document&&) noexcept = default;

Value Document::root() const { return Value(&impl_->doc); }

std::size_t Document::line_of(Value v) const {
    if (!impl_->walked) impl_->walk();
    const auto it = impl_->ends.find(static_cast<const rapidjson::Value*>(v.v_));
    const std::size_t offset =
        it == impl_->ends.end() ? 0 : std::min(it->second, impl_->text.size());
    const auto begin = impl_->text.begin();
    return impl_->first_line + std::size_t(std::count(begin, begin + std::ptrdiff_t(offset), '\n'));
}

struct Writer::Impl {
    rapidjson::StringBuffer buffer;
    detail::Writer writer{buffer};
};

Writer::Writer() : impl_(std::make_unique<Impl>()) {}
Writer::~Writer() = default;

Writer& Writer::begin_object() {
    impl_->writer.StartObject();
    return *this;
}
Writer& Writer::end_object() {
    impl_->writer.EndObject();
    return *this;
}
Writer& Writer::begin_array() {
    impl_->writer.StartArray();
    return *this;
}
Writer& Writer::end_array() {
    impl_->writer.EndArray();
    return *this;
}
Writer& Writer::key(std::string_view name) {
    impl_->writer.Key(name.data(), rapidjson::SizeType(name.size()));
    return *this;
}
Writer& Writer::string(std::string_view s) {
    impl_->writer.String(s.data(), rapidjson::SizeType(s.size()));
    return *this;
}
Writer& Writer::int64(std::int64_t n) {
    impl_->writer.Int64(n);
    return *this;
}
Writer& Writer::uint64(std::uint64_t n) {
    impl_->writer.Uint64(n);
    return *this;
}
Writer& Writer::number(double x) {
    impl_->writer.Double(x);
    return *this;
}
Writer& Writer::boolean(bool b) {
    impl_->writer.Bool(b);
    return *this;
}
Writer& Writer::null() {
    impl_->writer.Null();
    return *this;
}

std::string_view Writer::text() const {
    return {impl_->buffer.GetString(), impl_->buffer.GetSize()};
}

void Writer::clear() {
    impl_->buffer.Clear();
    impl_->writer.Reset(impl_->buffer);
}

}  // namespace eventgraph::io::json
