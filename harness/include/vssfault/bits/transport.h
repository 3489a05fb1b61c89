#pragma once
/// What the BITS service talks to: the server (and the local files) behind a job. The service calls the
/// transport at three points of a transfer, each call modelling a span of virtual time the transport
/// reports back: connect (CONNECTING), transfer (one step of TRANSFERRING, for a job file or for an
/// upload-reply's reply) and server_reply (the server application processing an upload-reply upload).
/// Implementations: IdealTransport (always succeeds), a GoogleMock mock and a fault-injecting decorator
/// (mocks/…/bits_mock_transport.h, bits_fault_injector.h).
#include <cstdint>
#include <optional>
#include <string>

#include "vssfault/bits/types.h"
#include "vssfault/codes/hresult.h"
#include "vssfault/kernel/duration.h"

namespace vssfault::bits {

/// Which bytes a transfer step moves.
enum class Phase : std::uint8_t {
  kDownload,  ///< a download job's file, server to client
  kUpload,    ///< an upload or upload-reply job's file, client to server
  kReply,     ///< an upload-reply job's reply, server to client
};
std::string_view to_string(Phase p);

/// Where a job is when the service calls the transport.
struct TransferSite {
  std::string job_name;
  JobType job_type = JobType::kDownload;
  /// 1-based: the how-many-th time this job left QUEUED (each retry, resume or time slice is a new attempt).
  std::uint64_t attempt = 0;
  std::size_t file_index = 0;  ///< index of the current file in the job (0-based)
  std::string remote_name;
  std::string local_name;
  Phase phase = Phase::kDownload;
  std::uint64_t offset = 0;           ///< bytes of this file (or of the reply) already transferred
  std::uint64_t total = kSizeUnknown; ///< its size when known
  /// True on the first transfer step of this file (or reply) within this attempt.
  bool first_step = false;
};

/// An error the transport reports. The service turns it into the job's error object.
struct TransportError {
  HResult code;
  ErrorContext context = ErrorContext::kUnknown;
  /// Transient errors go to TRANSIENT_ERROR and are retried; others go to ERROR [LC][JS].
  bool transient = true;
  /// For BG_E_NETWORK_DISCONNECTED: how long the machine's network stays down (0: until the scenario
  /// brings it back with Service::set_network_up).
  Duration network_down_for{};
  /// Non-empty when a fault plan caused the error: which fault, which hit, and where the plan said so.
  std::string injected;
};

struct ConnectResult {
  Duration elapsed;                     ///< time spent in CONNECTING
  std::optional<TransportError> error;  ///< set when the connection failed
};

struct StepResult {
  std::uint64_t bytes = 0;             ///< bytes moved during this step (capped by the service at the size)
  std::uint64_t total = kSizeUnknown;  ///< the file's (or reply's) size, when the transport knows it
  Duration elapsed;                    ///< time the step took (may exceed the budget: a stall)
  std::optional<TransportError> error; ///< set when the transfer failed after `bytes`
};

struct ReplyResult {
  Duration elapsed;                     ///< time the server application took
  std::uint64_t reply_size = 0;         ///< size of the reply it produced
  std::optional<TransportError> error;  ///< set when the server application failed
};

class Transport {
 public:
  virtual ~Transport() = default;
  /// Connect for the job's current file. Called on each attempt, in CONNECTING.
  virtual ConnectResult connect(const TransferSite& site) = 0;
  /// Move bytes of the current file or reply, for about `budget` of virtual time.
  virtual StepResult transfer(const TransferSite& site, Duration budget) = 0;
  /// Upload-reply only: the server application processes the uploaded file and answers with a reply.
  virtual ReplyResult server_reply(const TransferSite& site) = 0;
};

}  // namespace vssfault::bits
