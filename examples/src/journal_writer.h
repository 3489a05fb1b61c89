#pragma once
// A user's own VSS writer: an application that keeps a journal flushes it when VSS freezes writes and
// resumes writing on Thaw (or on Abort, when the backup is given up). Written against vssfault's
// vss::Writer, which has the shape of CVssWriter, so the same handlers run on the model.
#include "vssfault/codes/hresult.h"
#include "vssfault/vss/writer.h"

namespace example {

// What the writer protects. The application's real journal; tests give it a mock.
class Journal {
 public:
  virtual ~Journal() = default;
  // Writes buffered entries to disk and holds further writes; false when that failed (a busy disk).
  virtual bool FlushAndHold() = 0;
  virtual void Resume() = 0;
};

class JournalWriter : public vssfault::vss::Writer {
 public:
  JournalWriter(vssfault::vss::System& system, Journal& journal);
  // Initialize as "JournalWriter" (user data, transacted database) and Subscribe; the first failure.
  vssfault::HResult Start();

  bool OnIdentify(vssfault::vss::CreateWriterMetadata* metadata) override;
  bool OnPrepareSnapshot() override { return true; }
  // A failed flush is transient: VSS_E_WRITERERROR_RETRYABLE, and false (the snapshot must not be made).
  bool OnFreeze() override;
  bool OnThaw() override;
  bool OnAbort() override;

 private:
  Journal& journal_;
  bool holding_ = false;
};

}  // namespace example
