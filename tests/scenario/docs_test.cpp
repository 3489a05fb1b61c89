// docs/scenario-format.md names every word and call the loader accepts, so the reference cannot fall
// behind the tables.
#include <gtest/gtest.h>

#include "scenario/scenario_files.h"
#include "vssfault/scenario/calls.h"
#include "vssfault/scenario/vocabulary.h"

namespace vssfault::scenario {
namespace {

const std::string& doc() {
  static const std::string text = test::read_bytes(VSSFAULT_SOURCE_DIR "/docs/scenario-format.md");
  return text;
}

template <class E>
void expect_documented(const char* what) {
  for (const auto& n : enum_names<E>()) {
    EXPECT_NE(doc().find("`" + std::string(n.name) + "`"), std::string::npos) << what << " " << n.name;
  }
}

TEST(FormatReference, NamesEveryWord) {
  ASSERT_FALSE(doc().empty());
  expect_documented<WriterLevel>("level");
  expect_documented<WriterEvent>("event");
  expect_documented<ProviderKind>("provider kind");
  expect_documented<ProviderMethod>("method");
  expect_documented<JobType>("job type");
  expect_documented<TransferPoint>("point");
  expect_documented<ErrorContext>("context");
  expect_documented<Severity>("severity");
  expect_documented<MisuseMode>("misuse");
  expect_documented<FailureApi>("api");
  expect_documented<DriverKind>("driver kind");
  expect_documented<Operation>("operation");
  expect_documented<BackupType>("backup_type");
  expect_documented<RequesterOutcome>("outcome");
  expect_documented<NotifyMode>("notify");
  expect_documented<OnError>("on_error");
  expect_documented<WriterState>("writer state");
  expect_documented<JobState>("job state");
  expect_documented<NotifyFlag>("notify flag");
  expect_documented<FreezePhase>("when");
  expect_documented<SnapshotPresence>("snapshots");
  expect_documented<UploadReplyDiagnosis>("diagnosis");
}

TEST(FormatReference, NamesEveryCallAndArgument) {
  for (const auto& c : all_calls()) {
    EXPECT_NE(doc().find("`" + std::string(c.name) + "`"), std::string::npos) << c.name;
    for (const auto& a : c.args) {
      EXPECT_NE(doc().find("`" + std::string(a.name) + "`"), std::string::npos) << c.name << " " << a.name;
      for (auto choice : a.choices) {
        EXPECT_NE(doc().find("`" + std::string(choice) + "`"), std::string::npos) << c.name << " " << choice;
      }
    }
  }
}

}  // namespace
}  // namespace vssfault::scenario
