// BITS world generators: jobs of every type with their timers, transport faults at every transfer point,
// and client actions.
#include <algorithm>

#include "gen_util.h"
#include "vssfault/properties/generators.h"

namespace vssfault::properties::gen {
namespace {

using bits::FaultAction;
using bits::FaultPoint;
using detail::chance;
using detail::listOf;
using detail::pick;

rc::Gen<Duration> seconds(std::int64_t lo, std::int64_t hi) {
  return rc::gen::shrink(rc::gen::noShrink(rc::gen::map(rc::gen::inRange<std::int64_t>(lo, hi + 1),
                                                        [](std::int64_t s) { return Duration::seconds(s); })),
                         [](Duration d) { return shorter(d); });
}

}  // namespace

rc::Gen<bits::TransportFault> transportFault(const BitsGenOptions& o, bits::JobType type) {
  return rc::gen::exec([o, type] {
    bits::TransportFault f;
    std::vector<std::pair<std::size_t, FaultAction>> actions{
        {4, FaultAction::kFailConnect}, {4, FaultAction::kFailAfterBytes}, {3, FaultAction::kHttpStatus}};
    if (o.stalls) actions.push_back({2, FaultAction::kStall});
    if (o.fatal) actions.push_back({1, FaultAction::kLocalFileError});
    if (o.disconnects) actions.push_back({1, FaultAction::kNetworkDisconnect});
    if (type == bits::JobType::kUploadReply) actions.push_back({2, FaultAction::kServerApplicationFailure});
    f.action = *pick(actions);
    f.when = *hits();
    const bool transfer_like = f.action == FaultAction::kFailAfterBytes || f.action == FaultAction::kStall ||
                               f.action == FaultAction::kHttpStatus;
    if (type == bits::JobType::kUploadReply && transfer_like && *chance(1, 2)) f.point = FaultPoint::kReplyTransfer;
    if (f.action == FaultAction::kHttpStatus) {
      const std::uint32_t status = o.fatal ? *pick<std::uint32_t>({{3, 500}, {3, 503}, {2, 404}, {1, 408}, {1, 407}, {1, 502}})
                                           : *pick<std::uint32_t>({{3, 500}, {3, 503}, {1, 408}, {1, 502}});
      f.code = HResult{0x80190000u | status};
    } else if (f.action != FaultAction::kNetworkDisconnect && *chance(1, 3)) {
      f.code = *bitsCode();
      if (!f.code.failed()) f.code = hr::E_FAIL;  // an error object always carries a failure
      // The model reads this code as the machine's network going down, whatever the action.
      if (!o.disconnects && f.code == hr::BG_E_NETWORK_DISCONNECTED) f.code = hr::E_FAIL;
    }
    f.nature = o.fatal ? *pick<bits::Nature>({{6, bits::Nature::kDocumented}, {3, bits::Nature::kTransient},
                                             {1, bits::Nature::kFatal}})
                       : bits::Nature::kTransient;
    if (f.action == FaultAction::kFailAfterBytes || f.action == FaultAction::kStall)
      f.bytes = *rc::gen::inRange<std::uint64_t>(0, 2 * 1024 * 1024);
    if (f.action == FaultAction::kStall) f.duration = *seconds(1, 600);
    if (f.action == FaultAction::kNetworkDisconnect) f.duration = *seconds(1, 1800);
    return f;
  });
}

rc::Gen<ClientAction> clientAction() {
  return rc::gen::exec([] {
    ClientAction a;
    a.at = Duration::ms(*rc::gen::inRange<std::int64_t>(0, 3 * 3600 * 1000));
    using K = ClientAction::Kind;
    a.kind = *pick<K>({{3, K::kResume}, {2, K::kSuspend}, {2, K::kComplete}, {1, K::kCancel}, {1, K::kAddFile}});
    return a;
  });
}

rc::Gen<JobSpec> job(const BitsGenOptions& o) {
  return rc::gen::exec([o] {
    JobSpec j;
    j.type = *pick<bits::JobType>({{2, bits::JobType::kDownload}, {1, bits::JobType::kUpload},
                                   {1, bits::JobType::kUploadReply}});
    j.files = j.type == bits::JobType::kDownload ? *rc::gen::inRange(1, 4) : 1;
    j.file_size = *pick<std::uint64_t>({{2, 1024}, {2, 64 * 1024}, {2, 1024 * 1024}, {1, 3 * 1024 * 1024}});
    j.no_progress_timeout_s = *rc::gen::weightedOneOf<std::uint32_t>(
        {{1, rc::gen::just<std::uint32_t>(0)},  // "force the job into ERROR for all errors" [NPT]
         {6, rc::gen::inRange<std::uint32_t>(60, 7201)},
         {1, rc::gen::just<std::uint32_t>(14400)}});
    j.min_retry_delay_s = *rc::gen::weightedOneOf<std::uint32_t>(
        {{3, rc::gen::just<std::uint32_t>(60)}, {1, rc::gen::just<std::uint32_t>(600)},
         {3, rc::gen::inRange<std::uint32_t>(5, 901)}});
    j.callback = !*chance(1, 3);
    j.faults = *listOf(0, o.max_faults, transportFault(o, j.type));
    j.actions = *listOf(0, o.max_actions, clientAction());
    std::stable_sort(j.actions.begin(), j.actions.end(),
                     [](const ClientAction& a, const ClientAction& b) { return a.at < b.at; });
    return j;
  });
}

rc::Gen<GeneratedWorld> bitsWorld(const BitsGenOptions& o) {
  return rc::gen::exec([o] {
    GeneratedWorld w;
    w.seed = *rc::gen::arbitrary<std::uint64_t>();
    w.jobs = *listOf(1, o.max_jobs, job(o));
    return w;
  });
}

}  // namespace vssfault::properties::gen
