#pragma once
// The model's IVssAsync over an Operation (semantics.md §3.3, D4).
#include <memory>
#include <string>

#include "engine.h"

namespace vssfault::vss::detail {

class AsyncImpl : public Async {
 public:
  AsyncImpl(Engine& e, std::shared_ptr<Operation> op, std::string client)
      : engine_(e), op_(std::move(op)), client_(std::move(client)) {}
  HResult Wait(std::uint32_t milliseconds) override;
  HResult QueryStatus(HResult* pHrResult, std::int32_t* pReserved) override;
  HResult Cancel() override;

 private:
  /// The operation's status as QueryStatus reports it.
  HResult Status() const;
  void TraceCall(std::string_view call, HResult result, HResult status);
  Engine& engine_;
  std::shared_ptr<Operation> op_;
  std::string client_;
};

}  // namespace vssfault::vss::detail
