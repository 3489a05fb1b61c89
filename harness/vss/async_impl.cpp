#include "async_impl.h"

namespace vssfault::vss::detail {

HResult AsyncImpl::Status() const {
  if (!op_->result) return hr::VSS_S_ASYNC_PENDING;
  if (*op_->result == hr::S_OK) return hr::VSS_S_ASYNC_FINISHED;
  return *op_->result;  // VSS_S_ASYNC_CANCELLED or the operation's error [AQS]
}

void AsyncImpl::TraceCall(std::string_view call, HResult result, HResult status) {
  engine_.Record("requester:" + std::to_string(op_->requester), std::string(call),
                 {{"method", op_->method}, {"status", status.name()}, {"result", result.name()}});
  if (status.failed()) engine_.NoteReported(op_->requester, client_, status);
}

HResult AsyncImpl::Wait(std::uint32_t milliseconds) {
  if (op_->in_step > 0) {  // called from inside the operation itself: it can never finish
    TraceCall("Wait", hr::VSS_E_UNEXPECTED, Status());
    return hr::VSS_E_UNEXPECTED;
  }
  const bool infinite = milliseconds == kInfinite;
  const Instant deadline = engine_.clock.now() + Duration::ms(milliseconds);
  while (!op_->settled) {
    if (engine_.queue.empty()) break;
    if (!infinite && engine_.queue.next_time() > deadline) break;
    engine_.queue.run_next();
  }
  if (!op_->settled && !infinite) engine_.clock.advance_to(deadline);
  if (!op_->settled && infinite) {  // nothing left that could finish it
    TraceCall("Wait", hr::VSS_E_UNEXPECTED, Status());
    return hr::VSS_E_UNEXPECTED;
  }
  const HResult status = Status();
  // D4: S_OK once finished, whatever the result; the other reading returns the operation's error [AW].
  const HResult result = engine_.config.wait_returns_operation_error && status.failed() ? status : hr::S_OK;
  TraceCall("Wait", result, status);
  return result;
}

HResult AsyncImpl::QueryStatus(HResult* pHrResult, std::int32_t*) {
  if (!pHrResult) {
    TraceCall("QueryStatus", hr::E_INVALIDARG, Status());
    return hr::E_INVALIDARG;
  }
  *pHrResult = Status();
  TraceCall("QueryStatus", hr::S_OK, *pHrResult);
  return hr::S_OK;
}

HResult AsyncImpl::Cancel() {
  HResult result;
  if (op_->result) {
    // [AC]: already finished / already cancelled / the error it failed with.
    result = *op_->result == hr::S_OK ? hr::VSS_S_ASYNC_FINISHED : *op_->result;
  } else {
    op_->cancel_requested = true;
    op_->result = hr::VSS_S_ASYNC_CANCELLED;
    result = hr::S_OK;
  }
  TraceCall("Cancel", result, Status());
  return result;
}

}  // namespace vssfault::vss::detail
