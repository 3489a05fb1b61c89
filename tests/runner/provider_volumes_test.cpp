// The world a scenario builds: a provider's `volumes` list is the volumes it supports, and an explicit
// empty list is a provider that supports none (the loader's "can never fire" checks read it that way).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "run_helpers.h"

namespace vssfault::runner {
namespace {

std::vector<std::string> provider_calls(const ScenarioResult& r, const std::string& provider) {
  std::vector<std::string> out;
  for (const auto& rec : r.trace.records()) {
    if (rec.actor == "provider:" + provider && rec.field("phase") == "end") out.push_back(rec.event);
  }
  return out;
}

TEST(ProviderVolumes, AnEmptyListSupportsNoVolume) {
  // VSS chooses the provider of C: (GUID_NULL): a software provider before the system one [ATS]; `idle`
  // supports nothing, so it is asked and says no, and the system provider takes C:.
  const ScenarioResult r = testing::run_text(
      "name: n\nvolumes: [\"C:\"]\n"
      "providers: [{name: idle, kind: software, volumes: []}, {name: system, kind: system}]\n"
      "expect: {result: S_OK, snapshots: present}\n");
  EXPECT_EQ(r.outcome, Outcome::kPassed) << ::testing::PrintToString(testing::mismatch_lines(r));
  EXPECT_EQ(provider_calls(r, "idle"), (std::vector<std::string>{"OnLoad", "IsVolumeSupported"}));
  const std::vector<std::string> system = provider_calls(r, "system");
  ASSERT_GE(system.size(), 3u);
  EXPECT_EQ(system[1], "IsVolumeSupported");
  EXPECT_EQ(system[2], "BeginPrepareSnapshot");
}

TEST(ProviderVolumes, OnLoadOfAProviderWithoutVolumesFires) {
  // Registration loads every provider of the world, whatever it supports; a failed OnLoad leaves it
  // unregistered, and the backup goes on with the system provider.
  const ScenarioResult r = testing::run_text(
      "name: n\nvolumes: [\"C:\"]\n"
      "providers: [{name: idle, kind: software, volumes: []}, {name: system, kind: system}]\n"
      "faults: [{provider: idle, method: OnLoad, code: E_OUTOFMEMORY}]\n"
      "expect: {result: S_OK, snapshots: present}\n");
  EXPECT_EQ(r.outcome, Outcome::kPassed) << ::testing::PrintToString(testing::mismatch_lines(r));
  bool refused = false;
  for (const auto& rec : r.trace.records()) {
    refused = refused || (rec.actor == "provider:idle" && rec.event == "RegisterProvider" &&
                          rec.field("result") == "E_OUTOFMEMORY");
  }
  EXPECT_TRUE(refused);
  EXPECT_EQ(provider_calls(r, "idle"), (std::vector<std::string>{"OnLoad"}));
}

}  // namespace
}  // namespace vssfault::runner
