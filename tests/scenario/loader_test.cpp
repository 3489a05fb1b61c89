// The loader's model: defaults filled in, marks kept, the VSS Test Writer vocabulary and the aliases
// mapped onto the canonical form, every error of a file reported at once and in file order.
#include <gtest/gtest.h>

#include "vssfault/codes/catalog.h"
#include "vssfault/scenario/loader.h"

namespace vssfault::scenario {
namespace {

Scenario load_ok(const std::string& text) {
  LoadResult r = load_scenario_text(text, "t.yaml");
  std::ostringstream os;
  r.diagnostics.print(os);
  EXPECT_TRUE(r.ok()) << os.str();
  return r.ok() ? *r.scenario : Scenario{};
}

std::vector<std::string> errors(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& d : load_scenario_text(text, "t.yaml").diagnostics.sorted()) out.push_back(d.to_string());
  return out;
}

TEST(ScenarioDefaults, EveryDefaultIsFilledIn) {
  const Scenario s = load_ok(
      "name: n\n"
      "volumes: [\"C:\", \"D:\"]\n"
      "writers: [{name: W}]\n"
      "jobs: [{name: J}]\n");
  EXPECT_EQ(s.seed.value, 1u);
  EXPECT_EQ(s.description.value, "");
  ASSERT_EQ(s.writers.size(), 1u);
  EXPECT_EQ(s.writers[0].level.value, WriterLevel::kFrontEnd);            // [INIT]
  EXPECT_EQ(s.writers[0].freeze_timeout.value, Duration::seconds(60));    // [INIT]
  EXPECT_EQ(s.writers[0].instance_name.value, "");
  // No providers key: the system provider, supporting every volume [ATS].
  ASSERT_EQ(s.providers.size(), 1u);
  EXPECT_EQ(s.providers[0].name.value, "system");
  EXPECT_EQ(s.providers[0].kind.value, ProviderKind::kSystem);
  ASSERT_EQ(s.providers[0].volumes.size(), 2u);
  EXPECT_EQ(s.providers[0].volumes[1].value, "D:");
  ASSERT_EQ(s.jobs.size(), 1u);
  EXPECT_EQ(s.jobs[0].type.value, JobType::kDownload);
  EXPECT_EQ(s.jobs[0].no_progress_timeout.value, Duration::seconds(1'209'600));  // [NPT]
  EXPECT_EQ(s.jobs[0].minimum_retry_delay.value, Duration::seconds(600));        // [MRD]
  EXPECT_EQ(s.jobs[0].notify_flags.value, 0x3u);                                 // [WT:656-666]
  EXPECT_EQ(s.settings.flush_timeout.value, Duration::seconds(10));              // D8
  EXPECT_EQ(s.settings.hold_timeout.value, Duration::seconds(10));               // D8
  EXPECT_EQ(s.settings.response_timeout.value, Duration::seconds(60));           // D15
  EXPECT_EQ(s.settings.misuse.value, MisuseMode::kStrict);                       // D10
  EXPECT_EQ(s.driver.kind.value, DriverKind::kReferenceRequester);
  EXPECT_EQ(s.driver.requester.retries.value, 3u);                               // D21
  EXPECT_EQ(s.driver.requester.retry_delay.value, Duration::minutes(10));        // D21
}

TEST(ScenarioDefaults, ProviderVolumesDefaultToEveryVolume) {
  const Scenario s = load_ok("name: n\nvolumes: [\"C:\", \"E:\"]\nproviders: [{name: hw, kind: hardware}]\n");
  ASSERT_EQ(s.providers.size(), 1u);
  ASSERT_EQ(s.providers[0].volumes.size(), 2u);
  EXPECT_EQ(s.providers[0].volumes[0].value, "C:");
}

TEST(ScenarioDefaults, DriverKindFollowsTheWorld) {
  EXPECT_EQ(load_ok("name: n\njobs: [{name: J}]\n").driver.kind.value, DriverKind::kReferenceBitsClient);
  EXPECT_EQ(load_ok("name: n\ndriver: {steps: [{advance: 1s}]}\n").driver.kind.value, DriverKind::kSteps);
}

TEST(ScenarioMarks, ValuesRememberWhereTheyWereWritten) {
  const Scenario s = load_ok(
      "name: n\n"
      "writers:\n"
      "  - name: W\n"
      "    freeze_timeout: 20s\n");
  const Writer& w = s.writers[0];
  EXPECT_EQ(w.freeze_timeout.mark.to_string(), "t.yaml:4:21");
  EXPECT_EQ(w.name.mark.to_string(), "t.yaml:3:11");
  // A default points at the map it would have been written in.
  EXPECT_EQ(w.level.mark.to_string(), "t.yaml:3:5");
  EXPECT_EQ(s.seed.mark.to_string(), "t.yaml:1:1");
}

TEST(ScenarioMarks, EqualityIgnoresWhereValuesWereWritten) {
  EXPECT_EQ(load_ok("name: n\nseed: 2\n"), load_ok("\n\nseed: 2\nname: n\n"));
  EXPECT_NE(load_ok("name: n\nseed: 2\n"), load_ok("name: n\nseed: 3\n"));
}

TEST(WriterFaults, TestWriterVocabularyMapsOntoTheCanonicalFault) {
  const Scenario s = load_ok(
      "name: n\n"
      "writers: [{name: W}]\n"
      "faults:\n"
      "  - writer: W\n"
      "    writer_event: OnPrepareSnapshot\n"
      "    retryable: true\n"
      "    number_of_failures: 2\n"
      "    code: VSS_E_WRITERERROR_RETRYABLE\n");
  ASSERT_EQ(s.faults.size(), 1u);
  const auto& w = std::get<WriterFault>(s.faults[0].target);
  EXPECT_EQ(w.event.value, WriterEvent::kPrepareForSnapshot);
  EXPECT_EQ(s.faults[0].hit.value.kind, HitSelector::Kind::kFirstN);
  EXPECT_EQ(s.faults[0].hit.value.n, 2u);
  EXPECT_EQ(w.code->value, hr::VSS_E_WRITERERROR_RETRYABLE);
  EXPECT_TRUE(w.returns.value);  // SetWriterFailure and return true: a non-fatal failure (D9)
  EXPECT_EQ(w.api.value, FailureApi::kSetWriterFailure);
}

TEST(WriterFaults, ApplicationCodeOrMessageSelectSetWriterFailureEx) {
  const Scenario s = load_ok(
      "name: n\nwriters: [{name: W}]\n"
      "faults: [{writer: W, event: Thaw, code: VSS_E_WRITERERROR_TIMEOUT, message: late}]\n");
  EXPECT_EQ(std::get<WriterFault>(s.faults[0].target).api.value, FailureApi::kSetWriterFailureEx);
}

TEST(WriterFaults, CodesByNameOrByValue) {
  const Scenario s = load_ok(
      "name: n\nwriters: [{name: W}]\n"
      "faults: [{writer: W, event: Freeze, code: 0x800423F3}, {writer: W, event: Thaw, code: \"0x800423f1\"}]\n");
  EXPECT_EQ(std::get<WriterFault>(s.faults[0].target).code->value, hr::VSS_E_WRITERERROR_RETRYABLE);
  EXPECT_EQ(std::get<WriterFault>(s.faults[1].target).code->value, hr::VSS_E_WRITERERROR_OUTOFRESOURCES);
}

TEST(ProviderFaults, AVetoIsLoggedByDefault) {
  const Scenario s = load_ok(
      "name: n\nvolumes: [\"C:\"]\n"
      "faults:\n"
      "  - {provider: system, method: CommitSnapshots, code: VSS_E_PROVIDER_VETO}\n"
      "  - {provider: system, method: PreCommitSnapshots, code: VSS_E_INSUFFICIENT_STORAGE}\n");
  EXPECT_TRUE(std::get<ProviderFault>(s.faults[0].target).log.value);   // [S4] "must also" log
  EXPECT_FALSE(std::get<ProviderFault>(s.faults[1].target).log.value);
}

TEST(ProviderFaults, OnUnloadMayAnswerSFalse) {
  // [OU]; OnUnload comes only from an UnregisterProvider step.
  load_ok("name: n\nvolumes: [\"C:\"]\nfaults: [{provider: system, method: OnUnload, code: S_FALSE}]\n"
          "driver: {steps: [{call: UnregisterProvider, args: {provider: system}}]}\n");
}

// A provider is loaded when the world registers it, whatever volumes it supports: an OnLoad fault on a
// provider with `volumes: []` (or whose volumes the driver never adds) fires, so it is not "can never
// fire"; its snapshot methods still are (VSS never puts it in a set).
TEST(ProviderFaults, OnLoadOfAProviderWithoutVolumesCanFire) {
  const std::string world =
      "name: n\nvolumes: [\"C:\"]\n"
      "providers: [{name: idle, kind: software, volumes: []}, {name: system, kind: system}]\n";
  load_ok(world + "faults: [{provider: idle, method: OnLoad, code: E_OUTOFMEMORY}]\n");
  load_ok(world + "faults: [{provider: idle, method: OnLoad, code: E_OUTOFMEMORY}]\n"
                  "driver: {steps: [{call: InitializeForBackup}]}\n");
  load_ok("name: n\nvolumes: [\"C:\", \"D:\"]\nproviders: [{name: hw, kind: hardware, volumes: [\"D:\"]}]\n"
          "faults: [{provider: hw, method: OnLoad, code: VSS_E_PROVIDER_VETO}]\ndriver: {volumes: [\"C:\"]}\n");
  EXPECT_EQ(errors(world + "faults: [{provider: idle, method: CommitSnapshots, code: VSS_E_PROVIDER_VETO}]\n"),
            (std::vector<std::string>{"t.yaml:4:21: error: fault can never fire: provider 'idle' supports no volume, "
                                      "so it never takes part in a shadow copy set"}));
}

TEST(Steps, RequesterCallsDefaultToTheMainObjectOthersHaveNone) {
  const Scenario s = load_ok(
      "name: n\nvolumes: [\"C:\"]\njobs: [{name: J}]\ndriver: {steps: [{call: InitializeForBackup}, "
      "{call: StartSnapshotSet, requester: \"second\"}, {call: UnregisterProvider, args: {provider: system}}, "
      "{call: GetState, args: {job: J}}]}\n");
  ASSERT_EQ(s.driver.steps.size(), 4u);
  EXPECT_EQ(s.driver.steps[0].requester.value, "main");
  EXPECT_EQ(s.driver.steps[1].requester.value, "second");
  EXPECT_EQ(s.driver.steps[2].requester.value, "");
  EXPECT_EQ(s.driver.steps[3].requester.value, "");
}

TEST(Settings, FlushDurationsPerVolumeInFileOrder) {
  const Scenario s = load_ok("name: n\nvolumes: [\"C:\", \"D:\"]\nsettings: {flush_durations: {\"D:\": 11s, \"C:\": 1500ms}}\n");
  ASSERT_EQ(s.settings.flush_durations.size(), 2u);
  EXPECT_EQ(s.settings.flush_durations[0].volume.value, "D:");
  EXPECT_EQ(s.settings.flush_durations[0].duration.value, Duration::seconds(11));
  EXPECT_EQ(s.settings.flush_durations[1].duration.value, Duration::ms(1500));
}

TEST(BitsFaults, SeverityDefaultsToTheDocumentedNature) {
  const Scenario s = load_ok(
      "name: n\njobs: [{name: J}]\nfaults: [{job: J, point: transfer, bytes: 7, code: BG_E_HTTP_ERROR_404, "
      "context: BG_ERROR_CONTEXT_REMOTE_FILE}]\n");
  const auto& b = std::get<BitsFault>(s.faults.at(0).target);
  EXPECT_EQ(b.severity.value, Severity::kDocumented);
  EXPECT_EQ(b.bytes.value, 7u);
}

TEST(Steps, EveryArgumentIsFilledInInTableOrder) {
  const Scenario s = load_ok(
      "name: n\nvolumes: [\"C:\"]\n"
      "driver:\n"
      "  steps:\n"
      "    - call: SetBackupState\n"
      "      args: {backup_type: log}\n"
      "    - advance: 90s\n"
      "    - call: DoSnapshotSet\n"
      "      expect: any\n");
  ASSERT_EQ(s.driver.steps.size(), 3u);
  const Step& st = s.driver.steps[0];
  ASSERT_EQ(st.args.size(), 4u);
  EXPECT_EQ(st.args[0].name, "select_components");
  EXPECT_EQ(std::get<bool>(st.args[0].value.value), true);
  EXPECT_EQ(std::get<std::string>(st.args[2].value.value), "log");
  EXPECT_EQ(st.expect.value, std::optional<HResult>(hr::S_OK));
  EXPECT_EQ(s.driver.steps[1].advance.value, Duration::seconds(90));
  EXPECT_EQ(s.driver.steps[2].expect.value, std::nullopt);
}

TEST(Diagnostics, EveryErrorOfAFileInFileOrder) {
  // Names are checked after the whole file is read; the list still comes out in file order.
  EXPECT_EQ(errors("name: n\n"
                   "faults: [{writer: X, event: Freeze, return: false}]\n"
                   "seed: many\n"
                   "writers: [{name: W, level: top}]\n"),
            (std::vector<std::string>{
                "t.yaml:2:19: error: writer: unknown writer 'X' (defined writers: W)",
                "t.yaml:3:7: error: seed: expected an integer, found the string 'many'",
                "t.yaml:4:28: error: level: unknown value 'top' (expected one of: front-end, back-end, system)",
            }));
}

TEST(Diagnostics, SortedByLineThenColumnThenInsertion) {
  Diagnostics d;
  d.error({"f", 3, 1}, "c");
  d.error({"f", 1, 5}, "b");
  d.error({"f", 1, 2}, "a");
  d.error({"f", 1, 5}, "b2");
  std::vector<std::string> got;
  for (const auto& x : d.sorted()) got.push_back(x.to_string());
  EXPECT_EQ(got, (std::vector<std::string>{"f:1:2: error: a", "f:1:5: error: b", "f:1:5: error: b2",
                                           "f:3:1: error: c"}));
}

TEST(Diagnostics, AnEmptyValueIsReportedWhereItIsMissing) {
  // yaml-cpp places an empty value at the next token; the error belongs after the key's colon.
  EXPECT_EQ(errors("settings:\nname: n\n"),
            (std::vector<std::string>{"t.yaml:1:10: error: settings: expected a map, found nothing"}));
  EXPECT_EQ(errors("name: n\nsettings: ~\n"),
            (std::vector<std::string>{"t.yaml:2:11: error: settings: expected a map, found nothing"}));
  EXPECT_EQ(errors("name: n\nvolumes:\n  -\n  - \"C:\"\n"),
            (std::vector<std::string>{"t.yaml:3:4: error: volumes: expected a string, found nothing"}));
}

TEST(Diagnostics, ColumnsCountCharactersNotBytes) {
  // Editors count characters; yaml-cpp counts bytes. "\xC3\xA9" is one character, two bytes.
  EXPECT_EQ(errors("name: n\nwriters: [{name: \"\xC3\xA9\xC3\xA9\", level: top}]\n"),
            (std::vector<std::string>{
                "t.yaml:2:31: error: level: unknown value 'top' (expected one of: front-end, back-end, system)"}));
}

TEST(Diagnostics, NestingDeeperThanYamlCppAllowsIsReportedPlainly) {
  // Reported where yaml-cpp gave up (its own mark claims 1:1 and its text says "bad file").
  EXPECT_EQ(errors("name: n\ndescription: " + std::string(600, '[')),
            (std::vector<std::string>{"t.yaml:2:614: error: YAML nesting is too deep (more than 500 levels)"}));
}

TEST(Diagnostics, AnchorsAndAliasesAreOrdinaryValues) {
  const Scenario s = load_ok(
      "name: n\nvolumes: &vols [\"C:\"]\n"
      "writers: [{name: W, components: [{name: c, volumes: *vols}]}]\n");
  EXPECT_EQ(s.writers[0].components[0].volumes[0].value, "C:");
}

TEST(Diagnostics, InvalidUtf8IsRejectedBeforeParsing) {
  EXPECT_EQ(errors("name: n\ndescription: \"\xC3\x28\"\n"),
            (std::vector<std::string>{
                "t.yaml:2:15: error: the file is not valid UTF-8 (byte 0xC3 here); save it as UTF-8"}));
  EXPECT_EQ(errors("name: \"\xED\xA0\x80\"\n"),  // a UTF-16 surrogate is not UTF-8
            (std::vector<std::string>{
                "t.yaml:1:8: error: the file is not valid UTF-8 (byte 0xED here); save it as UTF-8"}));
  load_ok("name: \"sauvegarde \xC3\xA9t\xC3\xA9 \xE2\x9C\x93\"\n");
}

}  // namespace
}  // namespace vssfault::scenario
