#pragma once
// Private: reading YAML nodes with positions. Every read reports its own problems to the Context and
// returns nullopt on failure, so one pass over a file finds every error in it.
#include "yaml_tree.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "vssfault/codes/hresult.h"
#include "vssfault/kernel/duration.h"
#include "vssfault/scenario/diagnostics.h"
#include "vssfault/scenario/loader.h"
#include "vssfault/scenario/mark.h"
#include "vssfault/scenario/vocabulary.h"

namespace vssfault::scenario::detail {

/// Thrown by the Context once a limit is reached and reported: loading stops there, keeping the errors
/// found so far (load_scenario_text catches it).
struct LimitReached {};

/// The file being loaded, its error list and its limits.
class Context {
 public:
  Context(std::string file, std::string_view text, Diagnostics& diags, const Limits& limits = {});

  /// 1-based, the column counted in characters (yaml-cpp counts bytes); a node without a position
  /// (an empty document) is placed at 1:1.
  Mark mark(const YAML::Mark& m) const;
  /// The node's position; for an empty value (`key:` and nothing), the place right after the ':' or
  /// '-' that introduced it, since yaml-cpp marks such a node at the start of the next token.
  Mark mark(const Node& n) const;
  /// Records an error; past limits().max_errors, records "too many errors" and throws LimitReached.
  void error(const Mark& at, std::string message);
  void error(const Node& at, std::string message) { error(mark(at), std::move(message)); }
  /// Records a limit's error and throws LimitReached.
  [[noreturn]] void stop(const Mark& at, std::string message);
  std::string_view text() const { return text_; }
  const Limits& limits() const { return limits_; }
  /// The mark of byte `pos` of the text, on 1-based `line`.
  Mark at_offset(std::size_t pos, int line) const;
  /// The 1-based line of byte `pos`, counting '\n'.
  int line_of(std::size_t pos) const;
  /// Errors reported so far: a reader compares counts to skip checks that would only repeat them.
  std::size_t error_count() const { return diags_.size(); }
  /// Counts `nodes` YAML nodes (or values copied as defaults) and `bytes` of scalar text against
  /// max_nodes and max_file_size; returns the message of the limit now exceeded, or "" (the caller
  /// stops with it at the place it knows).
  std::string charge(std::uint64_t nodes, std::uint64_t bytes);

 private:
  /// Number of UTF-8 lead bytes (characters) in text_[0, pos).
  std::size_t chars_before(std::size_t pos) const;

  std::string file_;
  std::string_view text_;
  Diagnostics& diags_;
  Limits limits_;
  std::vector<std::size_t> newlines_;         ///< offsets of every '\n'
  std::vector<std::size_t> chars_at_block_;   ///< chars_before(k * kBlock)
  std::uint64_t nodes_ = 0;
  std::uint64_t bytes_ = 0;
  mutable std::unordered_map<std::size_t, Mark> empty_value_marks_;
};

/// What a scalar is under the YAML 1.2 core schema (what editors and JSON Schema see). Quoted or
/// explicitly tagged scalars are strings.
enum class ScalarKind { kNull, kBool, kInt, kFloat, kString };
ScalarKind scalar_kind(const Node& n);
/// "nothing", "a list", "a map", "the integer 42", "true", "the string 'abc'"... for messages.
std::string describe(const Node& n);

/// Consume-then-verify view of a map: duplicate and non-scalar keys are reported on construction,
/// every key read is marked, and finish() reports the keys nobody read.
class MapReader {
 public:
  /// `what` names the map in messages ("writer"); `keys` are its valid keys, for suggestions.
  /// A node that is not a map is reported ("expected X, found Y") and reads as empty.
  MapReader(Context& ctx, const Node& node, std::string what, std::vector<std::string_view> keys,
            std::string_view expected = {});

  bool is_map() const { return is_map_; }
  const std::string& what() const { return what_; }
  Mark mark() const { return mark_; }
  bool has(std::string_view key) const;
  /// The value of `key` (first occurrence), marked as read; nullopt when absent.
  std::optional<Node> get(std::string_view key);
  /// Like get(), but a missing key is reported at this map's mark.
  std::optional<Node> require(std::string_view key);
  /// The mark of `key` itself (for errors about a key rather than its value); the map's when absent.
  Mark key_mark(std::string_view key) const;
  /// Reports every key not read: unknown ones with the closest valid key suggested; valid ones that
  /// were skipped with "does not apply" and `reason` (unless `report_inapplicable` is false).
  void finish(std::string_view reason = {}, bool report_inapplicable = true);

 private:
  struct Entry {
    std::string key;
    Node key_node;
    Node value;
    bool read = false;
  };
  Entry* find(std::string_view key);
  const Entry* find(std::string_view key) const;

  Context& ctx_;
  std::string what_;
  std::vector<std::string_view> keys_;
  Mark mark_;
  bool is_map_ = false;
  std::vector<Entry> entries_;
  std::unordered_map<std::string, std::size_t> index_;  ///< key -> position in entries_
};

/// Calls `each(item)` for every item of a list; reports a non-list. `what` is the key's name.
template <class F>
void for_each_item(Context& ctx, const Node& node, std::string_view what, std::string_view expected,
                   F each);
bool expect_list(Context& ctx, const Node& node, std::string_view what, std::string_view expected);

template <class F>
void for_each_item(Context& ctx, const Node& node, std::string_view what, std::string_view expected,
                   F each) {
  if (!expect_list(ctx, node, what, expected)) return;
  for (const auto& item : node) each(item);
}

/// Calls `each(key_text, key_node, value)` for every entry of a map keyed by names (e.g. expectations
/// per writer), reporting a non-map, non-scalar keys and duplicate keys (duplicates are skipped).
void for_each_entry(Context& ctx, const Node& node, std::string_view what, std::string_view expected,
                    const std::function<void(const std::string&, const Node&, const Node&)>& each);

// Scalar readers: `what` is the key's name, used as the message prefix.
std::optional<Located<std::string>> read_string(Context& ctx, const Node& n, std::string_view what);
std::optional<Located<bool>> read_bool(Context& ctx, const Node& n, std::string_view what);
std::optional<Located<std::uint64_t>> read_uint(Context& ctx, const Node& n, std::string_view what,
                                                std::uint64_t min = 0);
std::optional<Located<double>> read_probability(Context& ctx, const Node& n, std::string_view what);
std::optional<Located<Duration>> read_duration(Context& ctx, const Node& n, std::string_view what);
/// A code by catalog name or 0x value; unknown names get the closest names suggested.
std::optional<Located<HResult>> read_code(Context& ctx, const Node& n, std::string_view what);
/// One of the spellings of E (canonical or alias); an unknown word gets the closest spelling suggested
/// and the canonical spellings listed.
template <class E>
std::optional<Located<E>> read_enum(Context& ctx, const Node& n, std::string_view what);
/// A word of a closed list; an unknown word gets the closest accepted word suggested.
std::optional<Located<std::string>> read_choice(Context& ctx, const Node& n, std::string_view what,
                                                const std::vector<std::string_view>& choices);
/// As above, accepting every word of `accepted` (aliases included) but listing only `listed`.
std::optional<Located<std::string>> read_choice(Context& ctx, const Node& n, std::string_view what,
                                                const std::vector<std::string_view>& accepted,
                                                const std::vector<std::string_view>& listed);

template <class E>
std::optional<Located<E>> read_enum(Context& ctx, const Node& n, std::string_view what) {
  std::vector<std::string_view> accepted, listed;
  for (const auto& e : enum_names<E>()) {
    accepted.push_back(e.name);
    if (to_name(e.value) == e.name) listed.push_back(e.name);
  }
  auto word = read_choice(ctx, n, what, accepted, listed);
  if (!word) return std::nullopt;
  return Located<E>{*from_name<E>(word->value), word->mark};
}

}  // namespace vssfault::scenario::detail
