// The per-method valid return codes of providers: the [S4] table (catalog role kRoleProviderReturn) plus
// each method's own documented codes (semantics.md §5.4).
#include <array>
#include <span>

#include "vssfault/codes/catalog.h"
#include "vssfault/vss/provider.h"

namespace vssfault::vss {

namespace {

struct MethodCodes {
  ProviderMethod method;
  std::string_view name;
  bool translated;                  ///< [S4]: unexpected codes are translated, except AbortSnapshots / OnUnload
  std::span<const HResult> extra;   ///< codes the method's page documents beyond the [S4] table
};

// [SWBPS] ∪ [HWBPS]: the model has one BeginPrepareSnapshot method kind for both provider types.
constexpr HResult kBeginPrepareExtra[] = {
    hr::E_ACCESSDENIED,        hr::VSS_E_OBJECT_NOT_FOUND,  hr::VSS_E_PROVIDER_VETO,
    hr::VSS_E_UNSUPPORTED_CONTEXT, hr::VSS_E_VOLUME_NOT_SUPPORTED_BY_PROVIDER, hr::VSS_E_UNEXPECTED,
    hr::VSS_E_MAXIMUM_NUMBER_OF_VOLUMES_REACHED, hr::VSS_E_NESTED_VOLUME_LIMIT,
};
// [EPS]: insufficient space "can also generate VSS_E_PROVIDER_VETO or VSS_E_OBJECT_NOT_FOUND".
constexpr HResult kEndPrepareExtra[] = {hr::VSS_E_INSUFFICIENT_STORAGE, hr::VSS_E_PROVIDER_VETO,
                                        hr::VSS_E_OBJECT_NOT_FOUND};
// [OL], [PFCS], [POFCS]: S_OK, E_OUTOFMEMORY, E_INVALIDARG, VSS_E_PROVIDER_VETO.
constexpr HResult kShortListExtra[] = {hr::S_OK, hr::E_OUTOFMEMORY, hr::E_INVALIDARG, hr::VSS_E_PROVIDER_VETO};
constexpr HResult kNone[] = {hr::S_OK};

constexpr MethodCodes kMethods[] = {
    {ProviderMethod::kOnLoad, "OnLoad", true, kShortListExtra},
    {ProviderMethod::kOnUnload, "OnUnload", false, kNone},
    {ProviderMethod::kIsVolumeSupported, "IsVolumeSupported", true, kNone},
    {ProviderMethod::kAreLunsSupported, "AreLunsSupported", true, kNone},
    {ProviderMethod::kBeginPrepareSnapshot, "BeginPrepareSnapshot", true, kBeginPrepareExtra},
    {ProviderMethod::kEndPrepareSnapshots, "EndPrepareSnapshots", true, kEndPrepareExtra},
    {ProviderMethod::kPreCommitSnapshots, "PreCommitSnapshots", true, kNone},
    {ProviderMethod::kCommitSnapshots, "CommitSnapshots", true, kNone},
    {ProviderMethod::kPostCommitSnapshots, "PostCommitSnapshots", true, kNone},
    {ProviderMethod::kPreFinalCommitSnapshots, "PreFinalCommitSnapshots", true, kShortListExtra},
    {ProviderMethod::kPostFinalCommitSnapshots, "PostFinalCommitSnapshots", true, kShortListExtra},
    {ProviderMethod::kAbortSnapshots, "AbortSnapshots", false, kNone},
    {ProviderMethod::kGetTargetLuns, "GetTargetLuns", true, kNone},
};

const MethodCodes& entry(ProviderMethod m) {
  for (const auto& e : kMethods)
    if (e.method == m) return e;
  return kMethods[0];
}

}  // namespace

std::string_view provider_method_name(ProviderMethod m) { return entry(m).name; }

bool provider_code_translated(ProviderMethod m) { return entry(m).translated; }

bool provider_code_valid(ProviderMethod method, HResult code, bool force_unload) {
  if (method == ProviderMethod::kOnUnload)  // [OU]: S_OK, or S_FALSE only when not forced
    return code == hr::S_OK || (code == hr::S_FALSE && !force_unload);
  if (code == hr::S_OK || code_has_role(code, kRoleProviderReturn)) return true;
  for (HResult c : entry(method).extra)
    if (c == code) return true;
  return false;
}

HResult IdealProvider::IsVolumeSupported(std::string_view volume, bool* supported) {
  if (!supported) return hr::E_INVALIDARG;
  *supported = volumes_.empty() || volumes_.count(std::string(volume)) != 0;
  return hr::S_OK;
}

HResult IdealProvider::AreLunsSupported(std::int32_t, const std::vector<std::string>& luns, bool* supported) {
  if (!supported) return hr::E_INVALIDARG;
  bool all = !luns.empty();
  for (const auto& lun : luns)
    if (!volumes_.empty() && volumes_.count(lun) == 0) all = false;
  *supported = all;
  return hr::S_OK;
}

}  // namespace vssfault::vss
