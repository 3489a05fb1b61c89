// Codes against the roles the documentation gives them [S2] [S3] [SF] [S4] [EGE], unless the fault is a
// deliberate misuse; and the few shapes that depend on the world (a reply needs an upload-reply job).
#include <unordered_map>

#include "messages.h"
#include "sections.h"
#include "vssfault/codes/catalog.h"

namespace vssfault::scenario::detail {
namespace {

std::vector<std::string_view> codes_with(std::uint32_t role) {
  std::vector<std::string_view> out;
  for (const auto& c : all_codes()) {
    if (c.roles & role) out.push_back(c.name);
  }
  return out;
}

std::string code_name(HResult v) { return v.name(); }

bool is_retryable(HResult code) {
  const CodeInfo* info = find_code(code);
  return info != nullptr && (info->retry == Retry::kTenMinutesThreeTimes || info->retry == Retry::kWaitAndRetry ||
                             info->retry == Retry::kAutomatic);
}

// Returns whether the fault uses something only a deliberate misuse may use (reported unless it is one).
bool check_writer(Context& ctx, const Fault& f, const WriterFault& w) {
  const bool misuse_ok = f.deliberate_misuse.value;
  bool forbidden = false;
  if (w.event.value == WriterEvent::kIdentify && (w.code || !w.component_failures.empty())) {
    forbidden = true;
    if (!misuse_ok) ctx.error(w.code ? w.code->mark : w.component_failures.front().mark, msg::failure_in_identify(w.code ? "code" : "component_failures"));
  }
  if (w.code) {
    const bool ex = w.api.value == FailureApi::kSetWriterFailureEx;
    const std::uint32_t role = ex ? kRoleWriterFailureEx : kRoleWriterFailure;
    if (!code_has_role(w.code->value, role)) {
      forbidden = true;
      if (!misuse_ok) {
        const bool ex_would_take = !ex && code_has_role(w.code->value, kRoleWriterFailureEx);
        ctx.error(w.code->mark,
                  msg::not_allowed_code("code", code_name(w.code->value), ex ? "SetWriterFailureEx" : "SetWriterFailure",
                                        ex ? "S2" : "S3", codes_with(role),
                                        ex_would_take ? "use api: set_writer_failure_ex [S2]" : ""));
      }
    }
    if (w.retryable && is_retryable(w.code->value) != w.retryable->value) {
      ctx.error(w.retryable->mark, msg::retryable_mismatch(code_name(w.code->value), w.retryable->value));
    }
  }
  for (const auto& c : w.component_failures) {
    if (code_has_role(c.code.value, kRoleComponentFailure)) continue;
    forbidden = true;
    if (!misuse_ok) {
      ctx.error(c.code.mark, msg::not_allowed_code("code", code_name(c.code.value), "IVssComponentEx2::SetFailure", "SF",
                                                   codes_with(kRoleComponentFailure), ""));
    }
  }
  return forbidden;
}

bool check_provider(Context& ctx, const Fault& f, const ProviderFault& p) {
  if (!p.code) return false;
  // OnUnload may answer S_FALSE ("should not be unloaded") when it is not forced [OU].
  const bool valid = code_has_role(p.code->value, kRoleProviderReturn) ||
                     (p.method.value == ProviderMethod::kOnUnload && p.code->value == hr::S_FALSE);
  if (valid && p.unexpected.value) ctx.error(p.unexpected.mark, msg::provider_code_is_valid(code_name(p.code->value)));
  if (!valid && !p.unexpected.value && !f.deliberate_misuse.value) {
    ctx.error(p.code->mark, msg::provider_code_not_valid(code_name(p.code->value), codes_with(kRoleProviderReturn)));
  }
  return !valid && !p.unexpected.value;
}

// A VSS-internal requester-call failure: only the codes the method's documentation lists [S1].
bool check_vss_call(Context& ctx, const Fault& f, const VssCallFault& v) {
  const VssCallSpec* spec = find_vss_call(v.method.value);
  if (spec == nullptr || !v.code) return false;  // already reported
  for (HResult c : spec->codes) {
    if (c == v.code->value) return false;
  }
  if (!f.deliberate_misuse.value) {
    std::vector<std::string> names;
    for (HResult c : spec->codes) names.push_back(code_name(c));
    const std::vector<std::string_view> allowed(names.begin(), names.end());
    ctx.error(v.code->mark, msg::vss_call_code_not_allowed(code_name(v.code->value), spec->api, spec->source, allowed));
  }
  return true;
}

using JobIndex = std::unordered_map<std::string_view, const Job*>;

bool check_bits(Context& ctx, const JobIndex& jobs, const Fault& f, const BitsFault& b) {
  const bool misuse_ok = f.deliberate_misuse.value;
  bool forbidden = false;
  const auto found = jobs.find(b.job.value);
  const Job* job = found == jobs.end() ? nullptr : found->second;
  const bool reply = b.point.value == TransferPoint::kReply || b.point.value == TransferPoint::kReplyTransfer;
  if (job != nullptr && reply && job->type.value != JobType::kUploadReply) {
    ctx.error(b.point.mark, msg::reply_needs_upload_reply(job->name.value, to_name(job->type.value)));
  }
  if (!b.code) return false;
  if (!code_has_role(b.code->value, kRoleBitsJobError)) {
    forbidden = true;
    if (!misuse_ok) {
      ctx.error(b.code->mark, msg::bits_code_not_allowed(code_name(b.code->value)));
    }
  }
  if (!b.context) return forbidden;
  if (b.context->value == ErrorContext::kNone) {
    forbidden = true;
    if (!misuse_ok) ctx.error(b.context->mark, msg::context_none_with_code());
  }
  if (job != nullptr && b.context->value == ErrorContext::kRemoteApplication && job->type.value == JobType::kDownload) {
    ctx.error(b.context->mark, msg::context_needs_upload(job->name.value, to_name(job->type.value)));
  }
  return forbidden;
}

}  // namespace

void check_faults(Context& ctx, const Scenario& s) {
  JobIndex jobs;  // the first job of a duplicated name, as Scenario::find_job
  for (const auto& j : s.jobs) jobs.emplace(j.name.value, &j);
  for (const auto& f : s.faults) {
    bool forbidden = false;
    if (const auto* w = std::get_if<WriterFault>(&f.target)) {
      forbidden = check_writer(ctx, f, *w);
    } else if (const auto* p = std::get_if<ProviderFault>(&f.target)) {
      forbidden = check_provider(ctx, f, *p);
    } else if (const auto* b = std::get_if<BitsFault>(&f.target)) {
      forbidden = check_bits(ctx, jobs, f, *b);
    } else if (const auto* v = std::get_if<VssCallFault>(&f.target)) {
      forbidden = check_vss_call(ctx, f, *v);
    }
    if (f.deliberate_misuse.value && !forbidden) ctx.error(f.deliberate_misuse.mark, msg::nothing_to_misuse());
  }
}

}  // namespace vssfault::scenario::detail
