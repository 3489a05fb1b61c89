#pragma once
// Private: the readers of each part of a scenario file, and the checks run on the whole scenario once
// it is read. Each reports its problems to the Context and fills in what it could read.

#include "reader.h"
#include "vssfault/scenario/scenario.h"

namespace vssfault::scenario::detail {

/// Sets the mark of every given Located field (the defaults of a map point at the map).
template <class... F>
void stamp(const Mark& m, F&... fields) {
  ((fields.mark = m), ...);
}

/// Copies a read value into a field when the read succeeded.
template <class T>
void assign(Located<T>& field, std::optional<Located<T>> value) {
  if (value) field = std::move(*value);
}

// Readers, called with the top-level map (which they read their keys from).
void read_world(Context& ctx, MapReader& top, Scenario& s);
void read_faults(Context& ctx, MapReader& top, Scenario& s);
void read_driver(Context& ctx, MapReader& top, Scenario& s);
void read_expectations(Context& ctx, MapReader& top, Scenario& s);
/// A list of non-empty names (volume references...).
std::vector<Located<std::string>> read_names(Context& ctx, const Node& n, std::string_view what);
/// Appends `volumes` to `out` as defaults marked `at`, charging the copies to the context's limits
/// (a default copied into every provider must not multiply a file past them).
void copy_volumes(Context& ctx, const std::vector<Located<std::string>>& volumes, const Mark& at,
                  std::vector<Located<std::string>>& out);
/// A list of BG_NOTIFY_* names as the bits they stand for.
std::optional<Located<std::uint32_t>> read_notify_flags(Context& ctx, const Node& n, std::string_view what);
/// `documents:` entries: a string or a list of strings, each starting with its source key(s).
void read_documents(Context& ctx, const Node& n, Scenario& s);

// Checks on the whole scenario (run even when reading found errors, on what could be read).
/// Unique names, and every reference to a volume, writer, component, provider or job.
void check_names(Context& ctx, const Scenario& s);
/// Codes against the roles the documentation gives them, and the shape of each fault.
void check_faults(Context& ctx, const Scenario& s);
/// Faults the driver can never reach, or reach fewer times than their hit asks.
void check_reachability(Context& ctx, const Scenario& s);

}  // namespace vssfault::scenario::detail
