#include "journal_writer.h"

namespace example {

using namespace vssfault;

JournalWriter::JournalWriter(vss::System& system, Journal& journal) : vss::Writer(system), journal_(journal) {}

HResult JournalWriter::Start() {
  const HResult init = Initialize(vss::VssId::named("JournalWriter"), "JournalWriter", vss::UsageType::kUserData,
                                  vss::SourceType::kTransactedDb);
  if (init != hr::S_OK) return init;
  return Subscribe();
}

bool JournalWriter::OnIdentify(vss::CreateWriterMetadata* metadata) {
  return metadata->AddComponent(vss::ComponentType::kDatabase, "app", "journal") == hr::S_OK;
}

bool JournalWriter::OnFreeze() {
  if (!journal_.FlushAndHold()) {
    SetWriterFailure(hr::VSS_E_WRITERERROR_RETRYABLE);
    return false;
  }
  holding_ = true;
  return true;
}

bool JournalWriter::OnThaw() {
  if (holding_) journal_.Resume();
  holding_ = false;
  return true;
}

bool JournalWriter::OnAbort() {
  if (holding_) journal_.Resume();
  holding_ = false;
  return true;
}

}  // namespace example
