#pragma once
/// The BITS error object, shaped like IBackgroundCopyError [H:bits.h:352-370]. BITS creates one when a
/// job enters ERROR or TRANSIENT_ERROR (never for a failed method call) and IBackgroundCopyJob::GetError
/// hands it out until the job starts TRANSFERRING again, reaches a final state or the client exits [S5].
/// An Error is an immutable snapshot: a client may keep it after the job has moved on.
#include <cstdint>
#include <optional>
#include <string>

#include "vssfault/bits/types.h"
#include "vssfault/codes/hresult.h"
#include "vssfault/kernel/duration.h"

namespace vssfault::bits {

class Error {
 public:
  /// `file` is the file being transferred when the error happened, if the error concerns one;
  /// `protocol` is "http" or "file" when the error is tied to a transfer protocol.
  Error(HResult code, ErrorContext context, std::optional<FileInfo> file,
        std::optional<std::string> protocol, Instant time, std::string injected = {});

  /// IBackgroundCopyError::GetError: S_OK with the context and the code [EGE]. A null pointer gives
  /// E_INVALIDARG (DECISION).
  HResult GetError(ErrorContext* context, HResult* code) const;
  /// IBackgroundCopyError::GetFile: S_OK with the file, or BG_E_FILE_NOT_AVAILABLE with *file reset when
  /// the error has no associated local or remote file [EGF].
  HResult GetFile(std::optional<FileInfo>* file) const;
  /// IBackgroundCopyError::GetProtocol: "http" or "file", or BG_E_PROTOCOL_NOT_AVAILABLE with *protocol
  /// reset when the error is not tied to a protocol [EGP].
  HResult GetProtocol(std::optional<std::string>* protocol) const;
  /// IBackgroundCopyError::GetErrorDescription: the code's meaning from the code catalog. E_INVALIDARG
  /// for language 0 [EGD]; HRESULT_FROM_WIN32(ERROR_RESOURCE_LANG_NOT_FOUND) for a non-English language
  /// (DECISION: the model's texts are English only).
  HResult GetErrorDescription(std::uint32_t language_id, std::string* text) const;
  /// IBackgroundCopyError::GetErrorContextDescription: the meaning of the BG_E_ERROR_CONTEXT_* message
  /// for the context; same return set as GetErrorDescription [EGCD].
  HResult GetErrorContextDescription(std::uint32_t language_id, std::string* text) const;

  // Plain accessors for the model, traces and tests (not part of the COM shape).
  HResult code() const { return code_; }
  ErrorContext context() const { return context_; }
  Instant time() const { return time_; }
  const std::string& injected() const { return injected_; }

 private:
  HResult code_;
  ErrorContext context_;
  std::optional<FileInfo> file_;
  std::optional<std::string> protocol_;
  Instant time_;
  std::string injected_;
};

/// The text used for `code` by GetErrorDescription: the catalog meaning, or "NAME (0x…)" when the catalog
/// has no meaning for it.
std::string describe_code(HResult code);
/// The message id BITS uses to describe a context: NONE → BG_S_ERROR_CONTEXT_NONE,
/// LOCAL_FILE → BG_E_ERROR_CONTEXT_LOCAL_FILE, … [H:bitsmsg.h].
HResult context_message(ErrorContext context);

}  // namespace vssfault::bits
