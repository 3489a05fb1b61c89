// The properties of docs/properties.md, each a RapidCheck test (fixed seed in CTest: RC_PARAMS). The
// bodies live in the vssfault::properties library so the negative tests can run them with a broken model.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "vssfault/properties/properties.h"

namespace vssfault::properties {

RC_GTEST_PROP(VssProperties, WholeSetFailure, ()) { props::WholeSetFailure({}); }
RC_GTEST_PROP(VssProperties, UnexpectedErrorTranslation, ()) { props::UnexpectedErrorTranslation({}); }
RC_GTEST_PROP(VssProperties, NoLoggingWhileFrozen, ()) { props::NoLoggingWhileFrozen({}); }
RC_GTEST_PROP(VssProperties, OneCreationAtATime, ()) { props::OneCreationAtATime({}); }
RC_GTEST_PROP(VssProperties, WriterFailureCodes, ()) { props::WriterFailureCodes({}); }
RC_GTEST_PROP(VssProperties, WriterStates, ()) { props::WriterStates({}); }
RC_GTEST_PROP(VssProperties, FreezeTimeouts, ()) { props::FreezeTimeouts({}); }
RC_GTEST_PROP(VssProperties, RetryGuidance, ()) { props::RetryGuidance({}); }
RC_GTEST_PROP(VssProperties, Determinism, ()) { props::Determinism({}); }

RC_GTEST_PROP(BitsProperties, GetErrorWindow, ()) { props::GetErrorWindow({}); }
RC_GTEST_PROP(BitsProperties, JobErrorOncePerError, ()) { props::JobErrorOncePerError({}); }
RC_GTEST_PROP(BitsProperties, FinalStatesAbsorbing, ()) { props::FinalStatesAbsorbing({}); }
RC_GTEST_PROP(BitsProperties, NoProgressTimeout, ()) { props::NoProgressTimeout({}); }

RC_GTEST_PROP(StateMachines, Requester, ()) { props::RequesterStateMachine({}); }
RC_GTEST_PROP(StateMachines, BitsJob, ()) { props::BitsJobStateMachine({}); }

RC_GTEST_PROP(ScenarioProperties, RoundTrip, ()) { props::ScenarioRoundTrip({}); }

// Every property in the table has a test above (the table feeds the negative tests and the docs).
TEST(PropertyTable, NamesEveryTest) {
  const auto* unit = ::testing::UnitTest::GetInstance();
  for (const PropertyInfo& p : all_properties()) {
    bool found = false;
    for (int s = 0; s < unit->total_test_suite_count(); ++s) {
      const auto* suite = unit->GetTestSuite(s);
      for (int t = 0; t < suite->total_test_count(); ++t)
        found = found || std::string(suite->name()) + "." + suite->GetTestInfo(t)->name() == p.test;
    }
    EXPECT_TRUE(found) << p.id << " names " << p.test << ", which does not exist";
  }
}

}  // namespace vssfault::properties
