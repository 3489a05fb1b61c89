#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/exceptions.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "check_limits.h"
#include "messages.h"
#include "parse_yaml.h"
#include "sections.h"
#include "text_check.h"
#include "vssfault/scenario/loader.h"

namespace vssfault::scenario {
namespace {

constexpr std::string_view kTopKeys[] = {"name",      "description", "seed",     "documents",
                                         "volumes",   "writers",     "providers", "jobs",
                                         "settings",  "faults",      "driver",   "expect"};

Scenario read_scenario(detail::Context& ctx, const detail::Node& root) {
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

const char* file_kind(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  return "a special file";
}

/// Closes a file descriptor when it goes out of scope.
struct Fd {
  int fd;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

LoadResult load_scenario_text(std::string_view text, const std::string& file, const Limits& limits) {
  LoadResult result;
  if (text.size() > limits.max_file_size) {
    result.diagnostics.error({file, 1, 1}, msg::file_too_large(text.size(), limits.max_file_size));
    return result;
  }
  if (auto problem = detail::check_text(text)) {
    result.diagnostics.error({file, problem->line, problem->column}, problem->message);
    return result;
  }
  detail::Context ctx(file, text, result.diagnostics, limits);
  detail::ParsedYaml parsed;
  try {
    parsed = detail::parse_yaml(text);
  } catch (const YAML::DeepRecursion& e) {
    // Its mark says line 1, column 1 whatever the truth; its byte offset is where parsing gave up.
    const auto pos = std::min(static_cast<std::size_t>(std::max(0, e.mark.pos)), text.size());
    result.diagnostics.error(ctx.at_offset(pos, ctx.line_of(pos)), msg::too_deep());
    return result;
  } catch (const YAML::ParserException& e) {
    result.diagnostics.error(ctx.mark(e.mark), msg::yaml_syntax(e.msg));
    return result;
  }
  if (parsed.stuck) {
    const auto pos = static_cast<std::size_t>(std::max(0, parsed.stuck->pos));
    result.diagnostics.error(ctx.mark(*parsed.stuck), msg::unexpected_token(text.substr(std::min(pos, text.size()), 1)));
    return result;
  }
  if (parsed.second) {
    result.diagnostics.error(ctx.mark(*parsed.second), msg::second_document());
    return result;
  }
  const detail::Node& root = parsed.root;
  try {
    detail::check_limits(ctx, root);
    Scenario s = read_scenario(ctx, root);
    if (result.diagnostics.empty()) result.scenario = std::move(s);
  } catch (const detail::LimitReached&) {
    // Reported by the context; what was found before the limit stays reported.
  }
  return result;
}

std::optional<std::string> read_scenario_bytes(const std::string& path, const Limits& limits,
                                               Diagnostics& diagnostics) {
  const auto fail = [&](std::string message) -> std::optional<std::string> {
    diagnostics.error({path, 1, 1}, std::move(message));
    return std::nullopt;
  };
  // O_NONBLOCK: opening a FIFO must not wait for a writer; the type is checked before any read.
  Fd f{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC)};
  if (f.fd < 0) return fail(msg::cannot_read(std::strerror(errno)));
  struct stat st {};
  if (::fstat(f.fd, &st) != 0) return fail(msg::cannot_read(std::strerror(errno)));
  if (!S_ISREG(st.st_mode)) return fail(msg::not_regular_file(file_kind(st.st_mode)));
  const auto size = static_cast<std::uint64_t>(st.st_size);
  if (size > limits.max_file_size) return fail(msg::file_too_large(size, limits.max_file_size));
  // The size can change while the file is read: the limit holds for what is actually read.
  std::string text;
  text.reserve(static_cast<std::size_t>(size));
  char buf[64 * 1024];
  for (;;) {
    const ssize_t r = ::read(f.fd, buf, sizeof buf);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) return fail(msg::cannot_read(std::strerror(errno)));
    if (r == 0) break;
    text.append(buf, static_cast<std::size_t>(r));
    if (text.size() > limits.max_file_size) return fail(msg::file_too_large(text.size(), limits.max_file_size));
  }
  return text;
}

LoadResult load_scenario_file(const std::string& path, const Limits& limits) {
  LoadResult result;
  const auto text = read_scenario_bytes(path, limits, result.diagnostics);
  if (!text) return result;
  return load_scenario_text(*text, path, limits);
}

}  // namespace vssfault::scenario
