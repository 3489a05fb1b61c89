#include "reader.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>

#include "messages.h"
#include "suggest.h"
#include "text_check.h"
#include "vssfault/codes/catalog.h"

namespace vssfault::scenario::detail {
namespace {

bool all_of(std::string_view t, bool (*pred)(char)) {
  if (t.empty()) return false;
  for (char c : t) {
    if (!pred(c)) return false;
  }
  return true;
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_octal(char c) { return c >= '0' && c <= '7'; }

std::string_view unsigned_part(std::string_view t) {
  if (!t.empty() && (t[0] == '-' || t[0] == '+')) t.remove_prefix(1);
  return t;
}

bool is_core_int(std::string_view t) {
  if (t.size() > 2 && t[0] == '0' && t[1] == 'x') return all_of(t.substr(2), is_hex);
  if (t.size() > 2 && t[0] == '0' && t[1] == 'o') return all_of(t.substr(2), is_octal);
  return all_of(unsigned_part(t), is_digit);
}

// [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?  |  [-+]? \.inf  |  \.nan
bool is_core_float(std::string_view t) {
  const std::string_view u = unsigned_part(t);
  if (u == ".inf" || u == ".Inf" || u == ".INF") return true;
  if (t == ".nan" || t == ".NaN" || t == ".NAN") return true;
  std::size_t i = 0, digits = 0;
  while (i < u.size() && is_digit(u[i])) ++i, ++digits;
  if (i < u.size() && u[i] == '.') {
    ++i;
    while (i < u.size() && is_digit(u[i])) ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < u.size() && (u[i] == 'e' || u[i] == 'E')) {
    ++i;
    if (i < u.size() && (u[i] == '-' || u[i] == '+')) ++i;
    const std::size_t start = i;
    while (i < u.size() && is_digit(u[i])) ++i;
    if (i == start) return false;
  }
  return i == u.size();
}

bool is_plain(const Node& n) { return n.Tag() == "?"; }

std::vector<std::string_view> code_names() {
  std::vector<std::string_view> out;
  for (const auto& c : all_codes()) out.push_back(c.name);
  return out;
}

// The last significant character before `pos`, skipping blanks, line breaks and comments.
std::optional<std::size_t> previous_significant(std::string_view text, std::size_t pos) {
  std::size_t line_end = pos;
  while (line_end > 0) {
    std::size_t line_start = text.rfind('\n', line_end - 1);
    line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
    std::string_view line = text.substr(line_start, line_end - line_start);
    // Cut a comment: '#' at the start or after a blank (no quotes can precede an empty value's key
    // indicator on the same line in a way that matters here).
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
        line = line.substr(0, i);
        break;
      }
    }
    const std::size_t last = line.find_last_not_of(" \t\r\n");
    if (last != std::string_view::npos) return line_start + last;
    if (line_start == 0) break;
    line_end = line_start - 1;
  }
  return std::nullopt;
}

// Whether `rest` starts with a written null (~, null, Null, NULL) rather than with the next token.
bool is_null_word(std::string_view rest) {
  for (std::string_view w : {"~", "null", "Null", "NULL"}) {
    if (rest.substr(0, w.size()) != w) continue;
    if (rest.size() == w.size()) return true;
    const char next = rest[w.size()];
    if (next == ' ' || next == '\t' || next == '\r' || next == '\n' || next == ',' || next == ']' || next == '}' ||
        next == '#') {
      return true;
    }
  }
  return false;
}

}  // namespace

constexpr std::size_t kBlock = 256;

Context::Context(std::string file, std::string_view text, Diagnostics& diags, const Limits& limits)
    : file_(std::move(file)), text_(text), diags_(diags), limits_(limits) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text_.size(); ++i) {
    if (i % kBlock == 0) chars_at_block_.push_back(chars);
    if (text_[i] == '\n') newlines_.push_back(i);
    chars += (static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80 ? 1 : 0;
  }
}

std::size_t Context::chars_before(std::size_t pos) const {
  if (pos == 0) return 0;
  const std::size_t block = (pos - 1) / kBlock;
  std::size_t chars = chars_at_block_[block];
  for (std::size_t i = block * kBlock; i < pos; ++i) {
    chars += (static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80 ? 1 : 0;
  }
  return chars;
}

int Context::line_of(std::size_t pos) const {
  const auto before = std::lower_bound(newlines_.begin(), newlines_.end(), std::min(pos, text_.size()));
  return 1 + static_cast<int>(before - newlines_.begin());
}

void Context::error(const Mark& at, std::string message) {
  if (diags_.size() >= limits_.max_errors) stop(at, msg::too_many_errors(limits_.max_errors));
  diags_.error(at, std::move(message));
}

void Context::stop(const Mark& at, std::string message) {
  diags_.error(at, std::move(message));
  throw LimitReached{};
}

std::string Context::charge(std::uint64_t nodes, std::uint64_t bytes) {
  nodes_ += nodes;
  bytes_ += bytes;
  if (nodes_ > limits_.max_nodes) return msg::too_many_nodes(limits_.max_nodes);
  if (bytes_ > limits_.max_file_size) return msg::expands_too_much(limits_.max_file_size);
  return {};
}

Mark Context::at_offset(std::size_t pos, int line) const {
  pos = std::min(pos, text_.size());
  // The start of pos's line: just after the last '\n' before pos.
  const auto before = std::lower_bound(newlines_.begin(), newlines_.end(), pos);
  const std::size_t line_start = before == newlines_.begin() ? 0 : *std::prev(before) + 1;
  const int column = 1 + static_cast<int>(chars_before(pos) - chars_before(line_start));
  return {file_, line, column};
}

Mark Context::mark(const YAML::Mark& m) const {
  if (m.line < 0) return {file_, 1, 1};
  if (m.pos < 0) return {file_, m.line + 1, m.column + 1};
  return at_offset(static_cast<std::size_t>(m.pos), m.line + 1);
}

Mark Context::mark(const Node& n) const {
  const YAML::Mark m = n.Mark();
  if (n.IsNull() && m.pos >= 0) {
    const auto pos = static_cast<std::size_t>(m.pos);
    if (auto known = empty_value_marks_.find(pos); known != empty_value_marks_.end()) return known->second;
    Mark result = mark(m);
    const bool explicit_null = is_null_word(text_.substr(std::min(pos, text_.size())));
    if (!explicit_null) {
      if (auto p = previous_significant(text_, std::min(pos, text_.size()))) {
        if (text_[*p] == ':' || text_[*p] == '-') {
          result = at_offset(*p, line_of(*p));
          ++result.column;  // right after the ':' or '-'
        }
      }
    }
    empty_value_marks_.emplace(pos, result);
    return result;
  }
  return mark(m);
}

ScalarKind scalar_kind(const Node& n) {
  if (n.IsNull()) return ScalarKind::kNull;
  if (!n.IsScalar() || !is_plain(n)) return ScalarKind::kString;
  const std::string& t = n.Scalar();
  if (t.empty() || t == "~" || t == "null" || t == "Null" || t == "NULL") return ScalarKind::kNull;
  if (t == "true" || t == "True" || t == "TRUE" || t == "false" || t == "False" || t == "FALSE") {
    return ScalarKind::kBool;
  }
  if (is_core_int(t)) return ScalarKind::kInt;
  if (is_core_float(t)) return ScalarKind::kFloat;
  return ScalarKind::kString;
}

std::string describe(const Node& n) {
  if (n.IsNull()) return "nothing";
  if (n.IsSequence()) return "a list";
  if (n.IsMap()) return "a map";
  switch (scalar_kind(n)) {
    case ScalarKind::kNull: return "null";
    case ScalarKind::kBool: return "the boolean " + n.Scalar();
    case ScalarKind::kInt: return "the integer " + msg::excerpt(n.Scalar());
    case ScalarKind::kFloat: return "the number " + msg::excerpt(n.Scalar());
    case ScalarKind::kString: return "the string '" + msg::excerpt(n.Scalar()) + "'";
  }
  return "a value";
}

MapReader::MapReader(Context& ctx, const Node& node, std::string what, std::vector<std::string_view> keys,
                     std::string_view expected)
    : ctx_(ctx), what_(std::move(what)), keys_(std::move(keys)), mark_(ctx.mark(node)) {
  if (!node.IsMap()) {
    ctx_.error(node, msg::expected_found(what_, expected.empty() ? "a map" : expected, describe(node)));
    return;
  }
  is_map_ = true;
  for (const auto& kv : node) {
    const Node key = kv.first;
    if (!key.IsScalar()) {
      ctx_.error(key, msg::key_not_scalar(what_, describe(key)));
      continue;
    }
    if (const Entry* first = find(key.Scalar())) {
      const Mark m = ctx_.mark(first->key_node);
      ctx_.error(key, msg::duplicate_key(key.Scalar(), what_, m.line, m.column));
      continue;
    }
    index_.emplace(key.Scalar(), entries_.size());
    entries_.push_back({key.Scalar(), key, kv.second, false});
  }
}

MapReader::Entry* MapReader::find(std::string_view key) {
  const auto it = index_.find(std::string(key));
  return it == index_.end() ? nullptr : &entries_[it->second];
}
const MapReader::Entry* MapReader::find(std::string_view key) const {
  const auto it = index_.find(std::string(key));
  return it == index_.end() ? nullptr : &entries_[it->second];
}

bool MapReader::has(std::string_view key) const { return find(key) != nullptr; }

std::optional<Node> MapReader::get(std::string_view key) {
  Entry* e = find(key);
  if (e == nullptr) return std::nullopt;
  e->read = true;
  return e->value;
}

std::optional<Node> MapReader::require(std::string_view key) {
  auto v = get(key);
  if (!v && is_map_) ctx_.error(mark_, msg::missing_key(what_, key));
  return v;
}

Mark MapReader::key_mark(std::string_view key) const {
  const Entry* e = find(key);
  return e == nullptr ? mark_ : ctx_.mark(e->key_node);
}

void MapReader::finish(std::string_view reason, bool report_inapplicable) {
  for (auto& e : entries_) {
    if (e.read) continue;
    e.read = true;
    const bool known = std::find(keys_.begin(), keys_.end(), e.key) != keys_.end();
    if (known) {
      if (report_inapplicable) ctx_.error(e.key_node, msg::inapplicable_key(e.key, reason.empty() ? "here" : reason));
    } else {
      ctx_.error(e.key_node, msg::unknown_key(e.key, what_, suggest(e.key, keys_), keys_));
    }
  }
}

bool expect_list(Context& ctx, const Node& node, std::string_view what, std::string_view expected) {
  if (node.IsSequence()) return true;
  ctx.error(node, msg::expected_found(what, expected, describe(node)));
  return false;
}

void for_each_entry(Context& ctx, const Node& node, std::string_view what, std::string_view expected,
                    const std::function<void(const std::string&, const Node&, const Node&)>& each) {
  if (!node.IsMap()) {
    ctx.error(node, msg::expected_found(what, expected, describe(node)));
    return;
  }
  std::unordered_map<std::string, Node> seen;
  for (const auto& kv : node) {
    const Node key = kv.first;
    if (!key.IsScalar()) {
      ctx.error(key, msg::key_not_scalar(what, describe(key)));
      continue;
    }
    const auto [first, inserted] = seen.emplace(key.Scalar(), key);
    if (!inserted) {
      const Mark m = ctx.mark(first->second);
      ctx.error(key, msg::duplicate_key(key.Scalar(), what, m.line, m.column));
      continue;
    }
    each(key.Scalar(), key, kv.second);
  }
}

std::optional<Located<std::string>> read_string(Context& ctx, const Node& n, std::string_view what) {
  if (!n.IsScalar()) {
    ctx.error(n, msg::expected_found(what, "a string", describe(n)));
    return std::nullopt;
  }
  if (scalar_kind(n) != ScalarKind::kString) {
    ctx.error(n, msg::expected_string(what, describe(n), n.Scalar()));
    return std::nullopt;
  }
  // The file is checked as UTF-8 before parsing, but escapes can still make bytes that are not text:
  // such a string could not be shown (`show`) and loaded back as itself.
  const std::string& v = n.Scalar();
  for (std::size_t i = 0; i < v.size();) {
    const std::size_t len = v[i] == '\0' ? 0 : detail::utf8_length(v, i);
    if (len == 0) {
      ctx.error(n, msg::escape_not_text(what, static_cast<unsigned char>(v[i])));
      return std::nullopt;
    }
    i += len;
  }
  return Located<std::string>{n.Scalar(), ctx.mark(n)};
}

std::optional<Located<bool>> read_bool(Context& ctx, const Node& n, std::string_view what) {
  if (n.IsScalar() && scalar_kind(n) == ScalarKind::kBool) {
    return Located<bool>{n.Scalar()[0] == 't' || n.Scalar()[0] == 'T', ctx.mark(n)};
  }
  ctx.error(n, msg::expected_found(what, "true or false", describe(n)));
  return std::nullopt;
}

std::optional<Located<std::uint64_t>> read_uint(Context& ctx, const Node& n, std::string_view what,
                                                std::uint64_t min) {
  if (!n.IsScalar() || scalar_kind(n) != ScalarKind::kInt || !all_of(unsigned_part(n.Scalar()), is_digit)) {
    ctx.error(n, msg::expected_found(what, "an integer", describe(n)));
    return std::nullopt;
  }
  const std::string& t = n.Scalar();
  std::uint64_t v = 0;
  bool overflow = t[0] == '-' && unsigned_part(t).find_first_not_of('0') != std::string_view::npos;
  for (char c : unsigned_part(t)) {
    const auto d = static_cast<std::uint64_t>(c - '0');
    if (v > (UINT64_MAX - d) / 10) {
      overflow = true;
      break;
    }
    v = v * 10 + d;
  }
  if (overflow || v < min) {
    ctx.error(n, msg::uint_out_of_range(what, t, min));
    return std::nullopt;
  }
  return Located<std::uint64_t>{v, ctx.mark(n)};
}

std::optional<Located<double>> read_probability(Context& ctx, const Node& n, std::string_view what) {
  const ScalarKind kind = n.IsScalar() ? scalar_kind(n) : ScalarKind::kNull;
  if (kind == ScalarKind::kInt || kind == ScalarKind::kFloat) {
    errno = 0;
    char* end = nullptr;
    const double p = std::strtod(n.Scalar().c_str(), &end);
    if (errno == 0 && end != nullptr && *end == '\0' && p >= 0.0 && p <= 1.0) {
      return Located<double>{p, ctx.mark(n)};
    }
  }
  ctx.error(n, msg::bad_probability(what, describe(n)));
  return std::nullopt;
}

std::optional<Located<Duration>> read_duration(Context& ctx, const Node& n, std::string_view what) {
  if (!n.IsScalar()) {
    ctx.error(n, msg::expected_found(what, "a duration such as 60s", describe(n)));
    return std::nullopt;
  }
  const DurationParse d = parse_duration(n.Scalar());
  if (!d.value) {
    ctx.error(n, msg::bad_duration(what, n.Scalar(), d.error));
    return std::nullopt;
  }
  return Located<Duration>{*d.value, ctx.mark(n)};
}

std::optional<Located<HResult>> read_code(Context& ctx, const Node& n, std::string_view what) {
  if (!n.IsScalar() || scalar_kind(n) == ScalarKind::kNull) {
    ctx.error(n, msg::expected_found(what, "a code name or 0x value", describe(n)));
    return std::nullopt;
  }
  const std::string& t = n.Scalar();
  if (auto v = parse_code(t)) return Located<HResult>{*v, ctx.mark(n)};
  ctx.error(n, msg::unknown_code(what, t, suggest(t, code_names())));
  return std::nullopt;
}

std::optional<Located<std::string>> read_choice(Context& ctx, const Node& n, std::string_view what,
                                                const std::vector<std::string_view>& choices) {
  return read_choice(ctx, n, what, choices, choices);
}

std::optional<Located<std::string>> read_choice(Context& ctx, const Node& n, std::string_view what,
                                                const std::vector<std::string_view>& accepted,
                                                const std::vector<std::string_view>& listed) {
  if (!n.IsScalar() || scalar_kind(n) == ScalarKind::kNull) {
    ctx.error(n, msg::expected_found(what, "one of: " + msg::comma_list(listed), describe(n)));
    return std::nullopt;
  }
  const std::string& t = n.Scalar();
  if (std::find(accepted.begin(), accepted.end(), t) != accepted.end()) return Located<std::string>{t, ctx.mark(n)};
  ctx.error(n, msg::unknown_word(what, t, suggest(t, accepted), listed));
  return std::nullopt;
}

}  // namespace vssfault::scenario::detail
