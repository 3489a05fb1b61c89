#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "messages.h"
#include "sections.h"
#include "text_check.h"
#include "vssfault/scenario/loader.h"

namespace vssfault::scenario {
namespace {

constexpr std::string_view kTopKeys[] = {"name",      "description", "seed",     "documents",
                                         "volumes",   "writers",     "providers", "jobs",
                                         "settings",  "faults",      "driver",   "expect"};

Scenario read_scenario(detail::Context& ctx, const YAML::Node& root) {
  using namespace detail;
  MapReader top(ctx, root, "scenario", {std::begin(kTopKeys), std::end(kTopKeys)}, "a map of scenario keys");
  Scenario s;
  s.mark = top.mark();
  stamp(s.mark, s.name, s.description, s.seed);
  if (auto v = top.require("name")) {
    assign(s.name, read_string(ctx, *v, "name"));
    if (s.name.value.empty() && v->IsScalar() && scalar_kind(*v) == ScalarKind::kString) {
      ctx.error(s.name.mark, msg::empty_name("name"));
    }
  }
  if (auto v = top.get("description")) assign(s.description, read_string(ctx, *v, "description"));
  if (auto v = top.get("seed")) assign(s.seed, read_uint(ctx, *v, "seed"));
  if (auto v = top.get("documents")) read_documents(ctx, *v, s);
  read_world(ctx, top, s);
  read_faults(ctx, top, s);
  read_driver(ctx, top, s);
  read_expectations(ctx, top, s);
  top.finish();
  if (!top.is_map()) return s;
  check_names(ctx, s);
  check_faults(ctx, s);
  check_reachability(ctx, s);
  return s;
}

}  // namespace

LoadResult load_scenario_text(std::string_view text, const std::string& file) {
  LoadResult result;
  if (auto problem = detail::check_text(text)) {
    result.diagnostics.error({file, problem->line, problem->column}, problem->message);
    return result;
  }
  detail::Context ctx(file, text, result.diagnostics);
  std::vector<YAML::Node> docs;
  try {
    docs = YAML::LoadAll(std::string(text));
  } catch (const YAML::DeepRecursion& e) {
    // Its mark says line 1, column 1 whatever the truth; its byte offset is where parsing gave up.
    const auto pos = static_cast<std::size_t>(std::max(0, e.mark.pos));
    const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + std::min(pos, text.size()), '\n'));
    result.diagnostics.error(ctx.at_offset(pos, line), msg::too_deep());
    return result;
  } catch (const YAML::ParserException& e) {
    result.diagnostics.error(ctx.mark(e.mark), msg::yaml_syntax(e.msg));
    return result;
  }
  if (docs.size() > 1) {
    result.diagnostics.error(ctx.mark(docs[1].Mark()), msg::second_document());
    return result;
  }
  const YAML::Node root = docs.empty() ? YAML::Node() : docs.front();
  Scenario s = read_scenario(ctx, root);
  if (result.diagnostics.empty()) result.scenario = std::move(s);
  return result;
}

LoadResult load_scenario_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    LoadResult result;
    result.diagnostics.error({path, 1, 1}, msg::cannot_read(std::strerror(errno)));
    return result;
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  return load_scenario_text(buf.str(), path);
}

}  // namespace vssfault::scenario
