#include "check_limits.h"

#include <string_view>
#include <unordered_set>
#include <vector>

#include "messages.h"

namespace vssfault::scenario::detail {
namespace {

struct Pending {
  Node node;
  std::uint64_t depth;   ///< 1 for the top-level node
  std::string_view key;  ///< the key this node is the value of, for messages ("" when none)
  YAML::Mark report_at;  ///< where a limit crossed here is reported (see check_limits)
};

// yaml-cpp reads an unterminated quoted scalar to the end of the file without complaint: find the
// opening quote in the text and look for its closing one.
bool unterminated_quote(std::string_view text, const Node& n) {
  const std::size_t pos = static_cast<std::size_t>(n.Mark().pos);
  if (n.Tag() != "!" || n.Mark().pos < 0 || pos >= text.size()) return false;
  const char quote = text[pos];
  if (quote != '"' && quote != '\'') return false;
  for (std::size_t i = pos + 1; i < text.size(); ++i) {
    if (quote == '"' && text[i] == '\\') {
      ++i;
    } else if (text[i] == quote) {
      if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;  // '' is an escaped quote inside a single-quoted scalar
      } else {
        return false;
      }
    }
  }
  return true;
}

}  // namespace

void check_limits(Context& ctx, const Node& root) {
  const Limits& limits = ctx.limits();
  // A node is met for the first time at its own place in the text (an anchor comes before its
  // aliases, and the walk follows the text); met again, it is an alias's copy. yaml-cpp keeps no
  // position for an alias, so a limit crossed inside a copy is reported at the innermost enclosing node
  // met for the first time: the list or map that holds the alias.
  std::unordered_set<int> seen;
  std::vector<Pending> stack{{root, 1, {}, root.Mark()}};
  std::vector<Pending> children;
  while (!stack.empty()) {
    Pending p = std::move(stack.back());
    stack.pop_back();
    const Node& n = p.node;
    const bool first = n.Mark().pos < 0 || seen.insert(n.Mark().pos).second;
    if (first) p.report_at = n.Mark();
    const auto at = [&] { return first ? ctx.mark(n) : ctx.mark(p.report_at); };
    if (auto why = ctx.charge(1, n.IsScalar() ? n.Scalar().size() : 0); !why.empty()) ctx.stop(at(), why);
    // An unterminated quote has swallowed the rest of the file: any other error would be its echo.
    if (first && n.IsScalar() && unterminated_quote(ctx.text(), n)) ctx.stop(ctx.mark(n), msg::unterminated_quote());
    if (!n.IsSequence() && !n.IsMap()) continue;
    if (p.depth > limits.max_depth) ctx.stop(at(), msg::nested_too_deep(limits.max_depth));
    if (n.size() > limits.max_items) ctx.stop(at(), msg::too_many_items(p.key, n.IsMap(), n.size(), limits.max_items));
    children.clear();
    if (n.IsSequence()) {
      for (const auto& item : n) children.push_back({item, p.depth + 1, {}, p.report_at});
    } else {
      for (const auto& kv : n) {
        const std::string_view key = kv.first.IsScalar() ? std::string_view(kv.first.Scalar()) : std::string_view();
        children.push_back({kv.first, p.depth + 1, {}, p.report_at});
        children.push_back({kv.second, p.depth + 1, key, p.report_at});
      }
    }
    // Pushed in reverse, so the walk (and the first limit it reports) follows the document's order.
    for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back(std::move(*it));
  }
}

}  // namespace vssfault::scenario::detail
