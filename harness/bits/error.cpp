#include "vssfault/bits/error.h"

#include <utility>

#include "vssfault/bits/callback.h"
#include "vssfault/codes/catalog.h"

namespace vssfault::bits {
namespace {

/// E_INVALIDARG for language 0 [EGD]; English only otherwise (DECISION).
HResult check_language(std::uint32_t language_id) {
  if (language_id == 0) return hr::E_INVALIDARG;
  if ((language_id & 0x3FFu) != kLangEnglishPrimary) return hr::HRESULT_FROM_WIN32_ERROR_RESOURCE_LANG_NOT_FOUND;
  return hr::S_OK;
}

}  // namespace

std::string describe_code(HResult code) {
  const CodeInfo* info = find_code(code);
  if (info != nullptr && !info->meaning.empty()) return std::string(info->meaning);
  return code.describe();
}

HResult context_message(ErrorContext context) {
  switch (context) {
    case ErrorContext::kNone: return hr::BG_S_ERROR_CONTEXT_NONE;
    case ErrorContext::kUnknown: return hr::BG_E_ERROR_CONTEXT_UNKNOWN;
    case ErrorContext::kGeneralQueueManager: return hr::BG_E_ERROR_CONTEXT_GENERAL_QUEUE_MANAGER;
    case ErrorContext::kQueueManagerNotification: return hr::BG_E_ERROR_CONTEXT_QUEUE_MANAGER_NOTIFICATION;
    case ErrorContext::kLocalFile: return hr::BG_E_ERROR_CONTEXT_LOCAL_FILE;
    case ErrorContext::kRemoteFile: return hr::BG_E_ERROR_CONTEXT_REMOTE_FILE;
    case ErrorContext::kGeneralTransport: return hr::BG_E_ERROR_CONTEXT_GENERAL_TRANSPORT;
    case ErrorContext::kRemoteApplication: return hr::BG_E_ERROR_CONTEXT_REMOTE_APPLICATION;
  }
  return hr::BG_E_ERROR_CONTEXT_UNKNOWN;
}

Error::Error(HResult code, ErrorContext context, std::optional<FileInfo> file,
             std::optional<std::string> protocol, Instant time, std::string injected)
    : code_(code), context_(context), file_(std::move(file)), protocol_(std::move(protocol)), time_(time),
      injected_(std::move(injected)) {}

HResult Error::GetError(ErrorContext* context, HResult* code) const {
  if (context == nullptr || code == nullptr) return hr::E_INVALIDARG;
  *context = context_;
  *code = code_;
  return hr::S_OK;
}

HResult Error::GetFile(std::optional<FileInfo>* file) const {
  if (file == nullptr) return hr::E_INVALIDARG;
  *file = file_;
  return file_ ? hr::S_OK : hr::BG_E_FILE_NOT_AVAILABLE;
}

HResult Error::GetProtocol(std::optional<std::string>* protocol) const {
  if (protocol == nullptr) return hr::E_INVALIDARG;
  *protocol = protocol_;
  return protocol_ ? hr::S_OK : hr::BG_E_PROTOCOL_NOT_AVAILABLE;
}

HResult Error::GetErrorDescription(std::uint32_t language_id, std::string* text) const {
  if (text == nullptr) return hr::E_INVALIDARG;
  if (HResult r = check_language(language_id); r != hr::S_OK) return r;
  *text = describe_code(code_);
  return hr::S_OK;
}

HResult Error::GetErrorContextDescription(std::uint32_t language_id, std::string* text) const {
  if (text == nullptr) return hr::E_INVALIDARG;
  if (HResult r = check_language(language_id); r != hr::S_OK) return r;
  *text = describe_code(context_message(context_));
  return hr::S_OK;
}

HResult Callback::FileTransferred(Job& /*job*/, const FileInfo& /*file*/) { return hr::S_OK; }

}  // namespace vssfault::bits
