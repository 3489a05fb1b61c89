// Reading `documents:`: each entry cites the specification's source keys before its statement.
#include "messages.h"
#include "sections.h"
#include "suggest.h"
#include "vssfault/scenario/source_keys.h"

namespace vssfault::scenario::detail {
namespace {

// Checks "[KEY]... statement": at least one bracket group, each naming a citable key, then text.
void check_entry(Context& ctx, const Located<std::string>& entry) {
  std::string_view rest = entry.value;
  bool any = false;
  while (!rest.empty() && rest.front() == '[') {
    const std::size_t close = rest.find(']');
    if (close == std::string_view::npos) break;
    const std::string_view inside = rest.substr(1, close - 1);
    const std::string_view key = inside.substr(0, inside.find(':'));
    if (!is_source_key(key)) {
      std::vector<std::string_view> keys(source_keys().begin(), source_keys().end());
      ctx.error(entry.mark, msg::unknown_source_key(key, suggest(key, keys)));
      return;
    }
    any = true;
    rest.remove_prefix(close + 1);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  }
  if (!any || rest.empty()) ctx.error(entry.mark, msg::bad_document_entry(entry.value));
}

}  // namespace

void read_documents(Context& ctx, const Node& n, Scenario& s) {
  if (n.IsScalar()) {
    if (auto v = read_string(ctx, n, "documents")) {
      check_entry(ctx, *v);
      s.documents.push_back(std::move(*v));
    }
    return;
  }
  for_each_item(ctx, n, "documents", "a statement or a list of statements", [&](const Node& item) {
    if (auto v = read_string(ctx, item, "documents")) {
      check_entry(ctx, *v);
      s.documents.push_back(std::move(*v));
    }
  });
}

}  // namespace vssfault::scenario::detail
