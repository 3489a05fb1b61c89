// VSS world generators: writers (levels, freeze windows, components, faults), providers (volumes,
// faults), volumes, VSS-internal hook faults.
#include "gen_util.h"
#include "vssfault/properties/generators.h"

namespace vssfault::properties::gen {
namespace {

using detail::chance;
using detail::listOf;
using detail::pick;
using vss::WriterEvent;

const std::vector<WriterEvent>& backup_events() {
  static const std::vector<WriterEvent> events{
      WriterEvent::kFreeze,        WriterEvent::kPrepareForSnapshot, WriterEvent::kThaw,
      WriterEvent::kPostSnapshot,  WriterEvent::kPrepareForBackup,   WriterEvent::kBackupComplete,
      WriterEvent::kIdentify,      WriterEvent::kAbort,              WriterEvent::kBackupShutdown};
  return events;
}

const std::vector<vss::ProviderMethod>& all_methods() {
  using M = vss::ProviderMethod;
  static const std::vector<M> methods{M::kCommitSnapshots,     M::kEndPrepareSnapshots,     M::kPreCommitSnapshots,
                                      M::kPostCommitSnapshots, M::kPreFinalCommitSnapshots, M::kPostFinalCommitSnapshots,
                                      M::kBeginPrepareSnapshot, M::kIsVolumeSupported,      M::kAreLunsSupported,
                                      M::kGetTargetLuns,        M::kAbortSnapshots,         M::kOnLoad,
                                      M::kOnUnload};
  return methods;
}

bool receives_components(WriterEvent e) {
  return e == WriterEvent::kPrepareForBackup || e == WriterEvent::kPostSnapshot || e == WriterEvent::kBackupComplete;
}

bool response_timed(WriterEvent e) {
  return e == WriterEvent::kPrepareForBackup || e == WriterEvent::kPrepareForSnapshot ||
         e == WriterEvent::kPostSnapshot || e == WriterEvent::kBackupComplete;
}

rc::Gen<Duration> small_delay() {
  return rc::gen::shrink(
      rc::gen::noShrink(rc::gen::map(rc::gen::inRange<std::int64_t>(0, 5001), [](std::int64_t ms) { return Duration::ms(ms); })),
      [](Duration d) { return shorter(d); });
}

template <class T>
std::vector<std::pair<std::size_t, T>> evenly(const std::vector<T>& items) {
  std::vector<std::pair<std::size_t, T>> out;
  for (const T& t : items) out.emplace_back(1, t);
  return out;
}

}  // namespace

rc::Gen<WriterFaultSpec> writerFault(const VssGenOptions& o, std::uint32_t freeze_timeout_ms, int components) {
  const std::vector<WriterEvent> events = o.writer_events.empty() ? backup_events() : o.writer_events;
  return rc::gen::exec([o, events, freeze_timeout_ms, components] {
    WriterFaultSpec f;
    f.event = *pick(evenly(events));
    f.when = *hits();
    mocks::WriterAction& a = f.action;
    if (o.delays && *chance(1, 2)) {
      if (f.event == WriterEvent::kFreeze) {
        a.delay = *delayAround(Duration::ms(freeze_timeout_ms));
      } else if (response_timed(f.event) && o.long_response_delays) {
        a.delay = *rc::gen::oneOf(small_delay(), delayAround(Duration::seconds(60)));
      } else {
        a.delay = *small_delay();
      }
    }
    enum Kind { kNone, kFailure, kFailureEx, kComponent, kFalse, kThrow };
    const bool identify = f.event == WriterEvent::kIdentify;
    std::vector<std::pair<std::size_t, int>> kinds{{2, kNone}, {2, kFalse}};
    if (!identify || o.writer_misuse) {
      kinds.push_back({3, kFailure});
      kinds.push_back({2, kFailureEx});
    }
    if (receives_components(f.event) && components > 0) kinds.push_back({2, kComponent});
    if (o.throws) kinds.push_back({1, kThrow});
    switch (*pick(kinds)) {
      case kFailure:
        a.failure = mocks::WriterFailureCall{mocks::FailureApi::kSetWriterFailure,
                                             *writerCode(kRoleWriterFailure, o.writer_misuse), HResult{}, {}};
        a.returns = *chance(1, 1);
        break;
      case kFailureEx:
        a.failure = mocks::WriterFailureCall{mocks::FailureApi::kSetWriterFailureEx,
                                             *writerCode(kRoleWriterFailureEx, o.writer_misuse),
                                             *pick<HResult>({{3, HResult{}}, {1, hr::E_FAIL}, {1, HResult{0x80070070u}}}),
                                             *pick<std::string>({{1, ""}, {1, "generated failure"}})};
        a.returns = *chance(1, 1);
        break;
      case kComponent: {
        const int c = *rc::gen::inRange(0, components);
        a.components.push_back(mocks::ComponentFailureCall{
            {}, "c" + std::to_string(c), *writerCode(kRoleComponentFailure, o.writer_misuse), HResult{}, {}});
        if (o.writer_misuse) a.partial_failure_ex = *pick<bool>({{9, true}, {1, false}});
        a.returns = *pick<bool>({{3, true}, {1, false}});
        break;
      }
      case kFalse: a.returns = false; break;
      case kThrow: a.throws = true; break;
      default: break;
    }
    return f;
  });
}

rc::Gen<WriterSpec> writer(const VssGenOptions& o) {
  return rc::gen::exec([o] {
    WriterSpec w;
    using L = vss::ApplicationLevel;
    w.level = *pick<L>({{3, L::kFrontEnd}, {2, L::kBackEnd}, {2, L::kSystem}, {1, L::kSystemRm}, {1, L::kUnknown}});
    w.freeze_timeout_ms = *rc::gen::weightedOneOf<std::uint32_t>(
        {{6, rc::gen::just<std::uint32_t>(60000)},
         {2, rc::gen::just<std::uint32_t>(20000)},  // the Exchange writer's window [SCCP]
         {2, rc::gen::inRange<std::uint32_t>(1000, 120001)}});
    w.components = *pick<int>({{1, 0}, {4, 1}, {3, 2}, {1, 3}});
    w.faults = *listOf(0, o.max_writer_faults, writerFault(o, w.freeze_timeout_ms, w.components));
    return w;
  });
}

rc::Gen<ProviderFaultSpec> providerFault(const VssGenOptions& o) {
  const std::vector<vss::ProviderMethod> methods = o.provider_methods.empty() ? all_methods() : o.provider_methods;
  return rc::gen::exec([o, methods] {
    ProviderFaultSpec f;
    f.method = *pick(evenly(methods));
    f.when = *hits();
    mocks::ProviderAction& a = f.action;
    if (o.delays && *chance(1, 3)) {
      a.delay = f.method == vss::ProviderMethod::kCommitSnapshots
                    ? *delayAround(Duration::seconds(10))  // the hold window [SCCP][CS]
                    : *rc::gen::oneOf(small_delay(), delayAround(Duration::seconds(10)));
    }
    if (*chance(static_cast<std::size_t>(o.code_percent), static_cast<std::size_t>(100 - o.code_percent)))
      a.code = *providerCode(f.method, o.unexpected_codes);
    const bool frozen = f.method == vss::ProviderMethod::kCommitSnapshots;
    if (o.provider_logs && (o.frozen_logs || !frozen) &&
        *chance(static_cast<std::size_t>(o.log_percent), static_cast<std::size_t>(100 - o.log_percent))) {
      a.log = true;
      if (*chance(1, 2)) a.log_code = *providerCode(f.method, false);
    }
    if (o.throws && *chance(1, 19)) a.throws = true;
    return f;
  });
}

rc::Gen<VolumeSpec> volume(const VssGenOptions& o) {
  return rc::gen::exec([o] {
    VolumeSpec v;
    if (o.delays && *chance(1, 9)) v.flush = *delayAround(Duration::seconds(10));  // D8 flush window
    v.system_supports = !*chance(1, 4);
    return v;
  });
}

rc::Gen<ProviderSpec> provider(const VssGenOptions& o) {
  return rc::gen::exec([o] {
    ProviderSpec p;
    p.type = *pick<vss::ProviderType>({{7, vss::ProviderType::kSoftware}, {3, vss::ProviderType::kHardware}});
    const int many = *pick<int>({{18, 3}, {1, o.max_volumes}});
    p.volumes = *listOf(0, std::min(many, o.max_volumes), volume(o));
    p.faults = *listOf(0, o.max_provider_faults, providerFault(o));
    return p;
  });
}

rc::Gen<HookFaultSpec> hook(int writers) {
  return rc::gen::exec([writers] {
    HookFaultSpec h;
    h.when = *hits();
    if (writers > 0 && *chance(1, 1)) {
      h.point = mocks::VssPoint::kWriterStatus;
      h.writer = *rc::gen::inRange(0, writers);
      h.code = *pick<HResult>({{2, hr::VSS_E_WRITER_STATUS_NOT_AVAILABLE}, {1, hr::VSS_E_WRITER_NOT_RESPONDING}});
    } else {
      h.point = mocks::VssPoint::kAsyncResult;
      h.method = *pick<std::string>({{2, "DoSnapshotSet"}, {1, "PrepareForBackup"}, {1, "BackupComplete"}});
      h.code = *pick<HResult>({{2, hr::VSS_E_UNEXPECTED}, {1, hr::E_OUTOFMEMORY},
                               {1, hr::VSS_E_PROVIDER_VETO}, {1, hr::VSS_E_FLUSH_WRITES_TIMEOUT}});
    }
    return h;
  });
}

rc::Gen<GeneratedWorld> vssWorld(const VssGenOptions& o) {
  const auto gen = rc::gen::exec([o] {
    GeneratedWorld w;
    w.seed = *rc::gen::arbitrary<std::uint64_t>();
    w.writers = *listOf(o.min_writers, o.max_writers, writer(o));
    w.providers = *listOf(1, o.max_providers, provider(o));
    w.system_volumes = *listOf(0, std::min(3, o.max_volumes), volume(o));
    w.hooks = *listOf(0, o.max_hooks, hook(static_cast<int>(w.writers.size())));
    w.component_mode = !*chance(1, 3);
    w.accept_vetoes = *chance(1, 2);
    return w;
  });
  return rc::gen::suchThat(gen, [max = o.max_volumes](const GeneratedWorld& w) {
    const auto n = static_cast<int>(w.volumes().size());
    return n >= 1 && n <= max;
  });
}

rc::Gen<GeneratedWorld> world(const VssGenOptions& v, const BitsGenOptions& b) {
  return rc::gen::exec([v, b] {
    GeneratedWorld w = *vssWorld(v);
    w.jobs = (*bitsWorld(b)).jobs;
    return w;
  });
}

}  // namespace vssfault::properties::gen
