// `vssfault new`'s scenario: valid for every site, with its code checked against the catalog and the
// documented role of the site.
#include <gtest/gtest.h>

#include "vssfault/scenario/loader.h"
#include "vssfault/scenario/template.h"
#include "vssfault/scenario/vocabulary.h"

namespace vssfault::scenario {
namespace {

using Fault = TemplateRequest::Fault;

Scenario loaded(const TemplateResult& t) {
  EXPECT_EQ(t.error, "");
  LoadResult r = load_scenario_text(t.text, "new.yaml");
  std::ostringstream os;
  r.diagnostics.print(os);
  EXPECT_TRUE(r.ok()) << os.str() << t.text;
  return r.ok() ? *r.scenario : Scenario{};
}

TEST(Template, WithoutAFault) {
  const Scenario s = loaded(make_template({"plain", Fault::kNone, "", ""}));
  EXPECT_EQ(s.name.value, "plain");
  EXPECT_TRUE(s.faults.empty());
}

TEST(Template, NameIsQuotedSafely) {
  const Scenario s = loaded(make_template({"a \"quoted\" name: with # and \\", Fault::kNone, "", ""}));
  EXPECT_EQ(s.name.value, "a \"quoted\" name: with # and \\");
}

TEST(Template, EveryWriterEventButIdentify) {
  for (const auto& e : enum_names<WriterEvent>()) {
    if (e.value == WriterEvent::kIdentify) continue;
    const Scenario s = loaded(make_template({"w", Fault::kWriter, std::string(e.name), "VSS_E_WRITERERROR_TIMEOUT"}));
    ASSERT_EQ(s.faults.size(), 1u) << e.name;
    EXPECT_EQ(std::get<WriterFault>(s.faults[0].target).event.value, e.value);
  }
}

TEST(Template, PartialFailureUsesSetWriterFailureEx) {
  const Scenario s = loaded(make_template({"w", Fault::kWriter, "PostSnapshot", "VSS_E_WRITERERROR_PARTIAL_FAILURE"}));
  EXPECT_EQ(std::get<WriterFault>(s.faults[0].target).api.value, FailureApi::kSetWriterFailureEx);
}

TEST(Template, EveryProviderMethod) {
  for (const auto& m : enum_names<ProviderMethod>()) {
    const Scenario s = loaded(make_template({"p", Fault::kProvider, std::string(m.name), "VSS_E_PROVIDER_VETO"}));
    ASSERT_EQ(s.faults.size(), 1u) << m.name;
    // OnUnload comes only from an UnregisterProvider step, which the reference requester never makes.
    EXPECT_EQ(s.driver.kind.value,
              m.value == ProviderMethod::kOnUnload ? DriverKind::kSteps : DriverKind::kReferenceRequester)
        << m.name;
  }
}

TEST(Template, ProviderCodeOutsideTheTableIsMarkedUnexpected) {
  const Scenario s = loaded(make_template({"p", Fault::kProvider, "CommitSnapshots", "E_FAIL"}));
  EXPECT_TRUE(std::get<ProviderFault>(s.faults[0].target).unexpected.value);
}

TEST(Template, EveryTransferPoint) {
  for (const auto& p : enum_names<TransferPoint>()) {
    const Scenario s = loaded(make_template({"b", Fault::kBits, std::string(p.name), "BG_E_HTTP_ERROR_404"}));
    ASSERT_EQ(s.jobs.size(), 1u);
    EXPECT_EQ(s.jobs[0].type.value, p.value == TransferPoint::kReply || p.value == TransferPoint::kReplyTransfer
                                       ? JobType::kUploadReply
                                       : JobType::kDownload);
    EXPECT_EQ(s.driver.kind.value, DriverKind::kReferenceBitsClient);
  }
}

TEST(Template, RejectsWhatTheDocumentationForbids) {
  EXPECT_EQ(make_template({"w", Fault::kWriter, "Freeze", "E_FAIL"}).error,
            "E_FAIL is not a code SetWriterFailure [S3] or SetWriterFailureEx [S2] accepts (allowed: S_OK, "
            "VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT, VSS_E_WRITERERROR_OUTOFRESOURCES, VSS_E_WRITERERROR_TIMEOUT, "
            "VSS_E_WRITERERROR_RETRYABLE, VSS_E_WRITERERROR_NONRETRYABLE, VSS_E_WRITERERROR_PARTIAL_FAILURE)");
  EXPECT_EQ(make_template({"w", Fault::kWriter, "Identify", "VSS_E_WRITERERROR_RETRYABLE"}).error,
            "a writer cannot report a failure from OnIdentify [S2] [S3]; fault another event, or write "
            "`return: false` on Identify by hand");
  EXPECT_EQ(make_template({"b", Fault::kBits, "connect", "VSS_E_BAD_STATE"}).error,
            "VSS_E_BAD_STATE is not an error a BITS error object carries [EGE] (`vssfault codes --role "
            "bits-job-error` lists them)");
}

TEST(Template, RejectsUnknownWordsWithSuggestions) {
  EXPECT_EQ(make_template({"w", Fault::kWriter, "Freez", "VSS_E_WRITERERROR_RETRYABLE"}).error,
            "event: unknown value 'Freez'; did you mean 'Freeze'?");
  EXPECT_EQ(make_template({"w", Fault::kWriter, "Freeze", "VSS_E_WRITERERROR_RETRYABL"}).error,
            "code: unknown code 'VSS_E_WRITERERROR_RETRYABL'; did you mean 'VSS_E_WRITERERROR_RETRYABLE'?");
  EXPECT_EQ(make_template({"b", Fault::kBits, "upload", "BG_E_TIMEOUT"}).error,
            "point: unknown value 'upload' (expected one of: connect, transfer, reply, reply-transfer)");
  EXPECT_EQ(make_template({"", Fault::kNone, "", ""}).error, "the scenario name must not be empty");
}

}  // namespace
}  // namespace vssfault::scenario
