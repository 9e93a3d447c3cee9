#include "core/json_writer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace hirag {
namespace {

constexpr char kHex[] = "0123456789abcdef";

// The text being written: bytes go in by index into a string kept larger than
// them (std::string::push_back, called out of line, was a quarter of the time).
class Output {
 public:
  Output() : text_(512, '\0') {}
  void put(char c) {
    make_room(1);
    text_[size_++] = c;
  }
  void put(std::string_view bytes) {
    make_room(bytes.size());
    std::memcpy(text_.data() + size_, bytes.data(), bytes.size());
    size_ += bytes.size();
  }
  // The text, in a string no more than twice its size: metadata written here is
  // kept with its item (in the row cache too), so its capacity counts.
  std::string take() && {
    if (2 * size_ < text_.size()) return std::string(text_.data(), size_);
    text_.resize(size_);
    return std::move(text_);
  }

 private:
  void make_room(size_t more) {
    if (size_ + more > text_.size()) text_.resize(std::max(2 * text_.size(), size_ + more));
  }

  std::string text_;
  size_t size_ = 0;
};

// True for the bytes a JSON string must escape: control characters, '"' and '\\'.
constexpr std::array<bool, 256> kEscaped = [] {
  std::array<bool, 256> escaped{};
  for (int c = 0; c < 0x20; ++c) escaped[c] = true;
  escaped['"'] = escaped['\\'] = true;
  return escaped;
}();

constexpr uint64_t kOnes = 0x0101010101010101ULL;
constexpr uint64_t kHighBits = 0x8080808080808080ULL;

// Whether any of the 8 bytes in `word` is below `n` (n <= 128), or equals `byte`.
constexpr bool has_below(uint64_t word, uint64_t n) { return ((word - kOnes * n) & ~word & kHighBits) != 0; }
constexpr bool has_byte(uint64_t word, uint64_t byte) { return has_below(word ^ (kOnes * byte), 1); }

// The length of the prefix of `text` that needs no escaping, 8 bytes at a time
// where it can (texts are long and rarely escaped: this scan was most of a response).
size_t plain_prefix(std::string_view text, size_t from) {
  size_t i = from;
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, text.data() + i, sizeof word);
    if (has_below(word, 0x20) || has_byte(word, '"') || has_byte(word, '\\')) break;
  }
  while (i < text.size() && !kEscaped[static_cast<unsigned char>(text[i])]) ++i;
  return i;
}

void append_escape(Output& out, unsigned char c) {
  switch (c) {
    case '"': out.put("\\\""); break;
    case '\\': out.put("\\\\"); break;
    case '\b': out.put("\\b"); break;
    case '\f': out.put("\\f"); break;
    case '\n': out.put("\\n"); break;
    case '\r': out.put("\\r"); break;
    case '\t': out.put("\\t"); break;
    default: {
      const char escaped[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xf]};
      out.put(std::string_view(escaped, sizeof escaped));
    }
  }
}

// `"` and `\` escaped, control characters as \b \f \n \r \t or \u00xx, every
// other byte (UTF-8 included) as it is.
void append_string(Output& out, std::string_view text) {
  out.put('"');
  size_t plain_from = 0;
  while (true) {
    const size_t stop = plain_prefix(text, plain_from);
    out.put(text.substr(plain_from, stop - plain_from));
    if (stop == text.size()) break;
    append_escape(out, static_cast<unsigned char>(text[stop]));
    plain_from = stop + 1;
  }
  out.put('"');
}

void append_double(Output& out, double number) {
  if (!std::isfinite(number)) {
    out.put("null");
    return;
  }
  // Into a local buffer first: fmt through a back_inserter writes a char at a time.
  std::array<char, 32> buffer;
  const auto end = fmt::format_to_n(buffer.data(), buffer.size(), "{}", number).out;
  const std::string_view text(buffer.data(), static_cast<size_t>(end - buffer.data()));
  out.put(text);
  if (text.find_first_of(".e") == std::string_view::npos) out.put(".0");
}

template <class Integer>
void append_integer(Output& out, Integer number) {
  const fmt::format_int text(number);
  out.put(std::string_view(text.data(), text.size()));
}

// The elements of `range` between `open` and `close`, comma-separated.
template <class Range, class WriteElement>
void append_list(Output& out, char open, char close, const Range& range, WriteElement write_element) {
  out.put(open);
  bool first = true;
  for (const auto& element : range) {
    if (!first) out.put(',');
    first = false;
    write_element(element);
  }
  out.put(close);
}

void append_value(Output& out, const boost::json::value& value) {
  switch (value.kind()) {
    case boost::json::kind::null: out.put("null"); break;
    case boost::json::kind::bool_: out.put(value.get_bool() ? "true" : "false"); break;
    case boost::json::kind::int64: append_integer(out, value.get_int64()); break;
    case boost::json::kind::uint64: append_integer(out, value.get_uint64()); break;
    case boost::json::kind::double_: append_double(out, value.get_double()); break;
    case boost::json::kind::string: append_string(out, value.get_string()); break;
    case boost::json::kind::array:
      append_list(out, '[', ']', value.get_array(), [&](const boost::json::value& element) {
        append_value(out, element);
      });
      break;
    case boost::json::kind::object:
      append_list(out, '{', '}', value.get_object(), [&](const boost::json::key_value_pair& entry) {
        append_string(out, entry.key());
        out.put(':');
        append_value(out, entry.value());
      });
      break;
  }
}

}  // namespace

std::string to_json(const boost::json::value& value) {
  Output out;
  append_value(out, value);
  return std::move(out).take();
}

}  // namespace hirag
