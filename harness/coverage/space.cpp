// The documented failure space, derived from the code catalog and the model tables. Every loop below runs
// over a model table or the catalog; the only conditions written here are the documented rules that decide
// whether a cell of such a product is legal or reachable, each with its source.
#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <utility>

#include "vssfault/bits/detail/method_matrix.h"
#include "vssfault/codes/catalog.h"
#include "vssfault/coverage/coverage.h"
#include "vssfault/scenario/vocabulary.h"
#include "vssfault/vss/detail/writer_events.h"
#include "vssfault/vss/provider.h"
#include "vssfault/vss/writer.h"

namespace vssfault::coverage {
namespace {

struct FailureApi {
  Dimension dimension;
  std::uint32_t role;       // the catalog role listing the API's allowed codes
  std::string_view source;
  bool needs_components;    // reported through a component the handler received
};
constexpr FailureApi kApis[] = {
    {Dimension::kWriterFailure, kRoleWriterFailure, "S3", false},
    {Dimension::kWriterFailureEx, kRoleWriterFailureEx, "S2", false},
    {Dimension::kComponentFailure, kRoleComponentFailure, "SF", true},
};

void add(Space& s, Dimension d, std::string site, std::string value, std::string source,
         std::string_view exclusion = {}) {
  Cell c{d, std::move(site), std::move(value), std::move(source)};
  if (exclusion.empty()) {
    s.cells.push_back(std::move(c));
  } else {
    s.excluded.push_back({std::move(c), std::string(exclusion)});
  }
}

void writer_failures(Space& s) {
  for (const FailureApi& api : kApis) {
    for (const auto& row : vss::detail::writer_event_rows()) {
      std::string_view why;
      if (row.event == vss::WriterEvent::kIdentify) {
        why = "[S2][S3][SF] a writer may not report a failure from OnIdentify (the model refuses it, D10)";
      } else if (api.needs_components && !row.components) {
        why = "[SF] the handler of this event receives no IVssWriterComponents, so no component to fail";
      }
      for (const CodeInfo& code : all_codes()) {
        if ((code.roles & api.role) == 0) continue;
        add(s, api.dimension, std::string(vss::writer_event_name(row.event)), std::string(code.name),
            std::string(api.source), why);
      }
    }
  }
}

/// Whether the scenario format can make `m` fail (it has a fault site for it).
bool faultable(vss::ProviderMethod m) {
  for (const auto& n : scenario::enum_names<scenario::ProviderMethod>())
    if (n.name == vss::provider_method_name(m)) return true;
  return false;
}

// VSS unloads a provider only through UnregisterProvider, which calls OnUnload(TRUE) (provider_calls.cpp):
// the model never asks OnUnload(FALSE), the one call S_FALSE is a valid answer to [OU].
constexpr bool kModelForcesUnload = true;

void provider_returns(Space& s) {
  constexpr std::string_view kNotFaultable =
      "the scenario format has no fault site for this method: the mock provider answers it from its "
      "volume list with S_OK";
  constexpr std::string_view kNotAsked =
      "[OU] S_FALSE is valid only from OnUnload(FALSE); VSS unloads a provider only through "
      "UnregisterProvider, which forces the unload (OnUnload(TRUE))";
  for (auto m = vss::ProviderMethod::kOnLoad; m <= vss::ProviderMethod::kGetTargetLuns;
       m = static_cast<vss::ProviderMethod>(static_cast<int>(m) + 1)) {
    const std::string method(vss::provider_method_name(m));
    const std::string_view why = faultable(m) ? std::string_view() : kNotFaultable;
    const bool force = m == vss::ProviderMethod::kOnUnload && kModelForcesUnload;
    bool any_valid = false;
    for (const CodeInfo& code : all_codes()) {
      // S_OK is the success every run reaches; the failure space is every other valid return.
      if (code.value == hr::S_OK) continue;
      const bool valid_as_called = vss::provider_code_valid(m, code.value, force);
      if (!valid_as_called && !vss::provider_code_valid(m, code.value, !force)) continue;
      const std::string_view excluded = !why.empty() ? why : valid_as_called ? std::string_view() : kNotAsked;
      any_valid = any_valid || excluded.empty();
      add(s, Dimension::kProviderReturn, method, std::string(code.name), "S4", excluded);
    }
    add(s, Dimension::kProviderMethod, method, "valid", "S4",
        !why.empty() ? why : any_valid ? std::string_view() : kNotAsked);
    add(s, Dimension::kProviderMethod, method, "unexpected", "S4", why);
  }
}

void writer_states(Space& s) {
  // A state is reachable when the initial status or a row of the writer-event table leaves a writer in it.
  std::set<vss::WriterState> reachable{vss::WriterStatus().state};
  for (const auto& row : vss::detail::writer_event_rows()) {
    if (row.on_success) reachable.insert(*row.on_success);
    if (row.on_failure) reachable.insert(*row.on_failure);
  }
  for (int v = static_cast<int>(vss::WriterState::kUnknown); v <= static_cast<int>(vss::WriterState::kFailedAtBackupShutdown);
       ++v) {
    const auto state = static_cast<vss::WriterState>(v);
    add(s, Dimension::kWriterState, "", std::string(vss::writer_state_name(state)), "VWS",
        reachable.count(state) != 0
            ? std::string_view()
            : "no writer event leaves a writer in this state: a writer failing OnIdentify drops out of the "
              "metadata and status lists [DWS], and VSS_WS_UNKNOWN is not a state any event produces [VWS]");
  }
}

std::optional<bits::JobState> destination(bits::Effect e) {
  using E = bits::Effect;
  switch (e) {
    case E::kToSuspended: return bits::JobState::kSuspended;
    case E::kStartIfFiles:
    case E::kRetryNow:
    case E::kRestartIfNewFiles: return bits::JobState::kQueued;
    case E::kToCancelled: return bits::JobState::kCancelled;
    case E::kToAcknowledged: return bits::JobState::kAcknowledged;
    case E::kInvalidState:
    case E::kNoChange:
    case E::kApply: return std::nullopt;
  }
  return std::nullopt;
}

void bits_cells(Space& s) {
  for (std::size_t v = 0; v < bits::kJobStateCount; ++v)
    add(s, Dimension::kBitsState, "", std::string(bits::to_string(static_cast<bits::JobState>(v))), "LC");
  std::set<std::pair<std::size_t, std::size_t>> transitions;
  for (std::size_t vb = 0; vb < bits::kVerbCount; ++vb) {
    const auto verb = static_cast<bits::Verb>(vb);
    for (std::size_t st = 0; st < bits::kJobStateCount; ++st) {
      const auto from = static_cast<bits::JobState>(st);
      add(s, Dimension::kBitsMethodState, std::string(bits::to_string(verb)), std::string(bits::to_string(from)),
          std::string(bits::matrix_source(verb)));
      if (auto to = destination(bits::effect(verb, from)); to && *to != from)
        transitions.insert({st, static_cast<std::size_t>(*to)});
    }
  }
  for (const auto& [from, to] : transitions)
    add(s, Dimension::kBitsTransition, std::string(bits::to_string(static_cast<bits::JobState>(from))),
        std::string(bits::to_string(static_cast<bits::JobState>(to))), "LC");
}

}  // namespace

Space documented_space() {
  Space s;
  writer_failures(s);
  provider_returns(s);
  writer_states(s);
  bits_cells(s);
  // Report order: by dimension, model order within one (stable).
  std::stable_sort(s.cells.begin(), s.cells.end(),
                   [](const Cell& a, const Cell& b) { return a.dimension < b.dimension; });
  return s;
}

}  // namespace vssfault::coverage
