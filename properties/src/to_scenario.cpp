#include "vssfault/properties/to_scenario.h"

#include "vssfault/bits/error_classification.h"
#include "vssfault/codes/catalog.h"
#include "vssfault/vss/provider.h"
#include "vssfault/vss/types.h"

namespace vssfault::properties {
namespace {

namespace sc = scenario;

template <class T>
sc::Located<T> scn_value(T value) {
  return sc::Located<T>{std::move(value), {}};
}

template <class E>
std::optional<E> by_name(std::string_view name) {
  return sc::from_name<E>(name);
}

sc::HitSpec hit_of(const HitSelector& h) { return sc::HitSpec{h.kind, h.n, h.p}; }

std::optional<sc::WriterLevel> level_of(vss::ApplicationLevel l) {
  switch (l) {
    case vss::ApplicationLevel::kFrontEnd: return sc::WriterLevel::kFrontEnd;
    case vss::ApplicationLevel::kBackEnd: return sc::WriterLevel::kBackEnd;
    case vss::ApplicationLevel::kSystem: return sc::WriterLevel::kSystem;
    default: return std::nullopt;
  }
}

std::optional<sc::ErrorContext> context_of(bits::ErrorContext c) {
  switch (c) {
    case bits::ErrorContext::kNone: return sc::ErrorContext::kNone;
    case bits::ErrorContext::kUnknown: return sc::ErrorContext::kUnknown;
    case bits::ErrorContext::kGeneralQueueManager: return sc::ErrorContext::kGeneralQueueManager;
    case bits::ErrorContext::kQueueManagerNotification: return sc::ErrorContext::kQueueManagerNotification;
    case bits::ErrorContext::kLocalFile: return sc::ErrorContext::kLocalFile;
    case bits::ErrorContext::kRemoteFile: return sc::ErrorContext::kRemoteFile;
    case bits::ErrorContext::kGeneralTransport: return sc::ErrorContext::kGeneralTransport;
    case bits::ErrorContext::kRemoteApplication: return sc::ErrorContext::kRemoteApplication;
  }
  return std::nullopt;
}

sc::JobType job_type_of(bits::JobType t) {
  switch (t) {
    case bits::JobType::kDownload: return sc::JobType::kDownload;
    case bits::JobType::kUpload: return sc::JobType::kUpload;
    case bits::JobType::kUploadReply: return sc::JobType::kUploadReply;
  }
  return sc::JobType::kDownload;
}

// The loader's rule (check_faults.cpp): what only a deliberate misuse may do.
bool writer_fault_forbidden(const sc::WriterFault& w) {
  bool forbidden = w.event.value == sc::WriterEvent::kIdentify && (w.code || !w.component_failures.empty());
  if (w.code) {
    const bool ex = w.api.value == sc::FailureApi::kSetWriterFailureEx;
    forbidden = forbidden || !code_has_role(w.code->value, ex ? kRoleWriterFailureEx : kRoleWriterFailure);
  }
  for (const auto& c : w.component_failures) forbidden = forbidden || !code_has_role(c.code.value, kRoleComponentFailure);
  return forbidden;
}

void add_writer_fault(ScenarioConversion& out, const std::string& writer, const WriterFaultSpec& f) {
  const auto event = by_name<sc::WriterEvent>(vss::writer_event_name(f.event));
  if (!event) {
    out.dropped.push_back("writer " + writer + ": fault at " + std::string(vss::writer_event_name(f.event)) +
                          " (no such event in the format)");
    return;
  }
  // A fault that does nothing has no spelling (the loader asks for an effect) and changes nothing.
  if (f.action.delay == Duration() && !f.action.failure && f.action.components.empty() && !f.action.throws &&
      f.action.returns)
    return;
  sc::Fault fault;
  fault.hit = scn_value(hit_of(f.when));
  fault.delay = scn_value(f.action.delay);
  fault.throws = scn_value(f.action.throws);
  sc::WriterFault w;
  w.writer = scn_value(writer);
  w.event = scn_value(*event);
  w.returns = scn_value(f.action.returns);
  if (f.action.failure) {
    const mocks::WriterFailureCall& call = *f.action.failure;
    w.code = scn_value(call.code);
    w.api = scn_value(call.api == mocks::FailureApi::kSetWriterFailureEx ? sc::FailureApi::kSetWriterFailureEx
                                                                  : sc::FailureApi::kSetWriterFailure);
    if (call.api == mocks::FailureApi::kSetWriterFailureEx) {
      w.application_code = scn_value(call.application);
      w.message = scn_value(call.message);
    }
  }
  for (const auto& c : f.action.components) {
    sc::ComponentFailure cf;
    cf.component = scn_value(c.component);
    cf.code = scn_value(c.code);
    cf.application_code = scn_value(c.application);
    cf.message = scn_value(c.message);
    w.component_failures.push_back(std::move(cf));
  }
  // The mock's SetWriterFailureEx(PARTIAL_FAILURE) after component failures is an explicit code here.
  if (!f.action.failure && !f.action.components.empty() && f.action.partial_failure_ex) {
    w.code = scn_value(hr::VSS_E_WRITERERROR_PARTIAL_FAILURE);
    w.api = scn_value(sc::FailureApi::kSetWriterFailureEx);
  }
  fault.deliberate_misuse = scn_value(writer_fault_forbidden(w));
  fault.target = std::move(w);
  out.scenario.faults.push_back(std::move(fault));
}

void add_provider_fault(ScenarioConversion& out, const std::string& provider, const ProviderSpec& spec,
                        const ProviderFaultSpec& f) {
  const std::string method(vss::provider_method_name(f.method));
  const auto m = by_name<sc::ProviderMethod>(method);
  if (!m) {
    out.dropped.push_back("provider " + provider + ": fault at " + method + " (no such method in the format)");
    return;
  }
  if (f.method == vss::ProviderMethod::kOnUnload) {
    out.dropped.push_back("provider " + provider + ": fault at OnUnload (the reference requester never unloads a provider)");
    return;
  }
  // A provider that supports no volume is registered (OnLoad) and asked IsVolumeSupported /
  // AreLunsSupported, but VSS never puts it in a set: its snapshot methods are never called, in the
  // generated world as in the scenario, so such a fault can never fire (the loader rejects it as such).
  // Leaving it out changes no run.
  if (spec.volumes.empty() && f.method != vss::ProviderMethod::kOnLoad) {
    out.dropped.push_back("provider " + provider + ": fault at " + method +
                          " (can never fire: the provider supports no volume, so it never takes part in a set)");
    return;
  }
  if (f.action.throws) {
    out.dropped.push_back("provider " + provider + ": " + method + " throwing (the format throws from writers only)");
    return;
  }
  if (f.action.delay == Duration() && !f.action.code && !f.action.log) return;  // does nothing
  sc::Fault fault;
  fault.hit = scn_value(hit_of(f.when));
  fault.delay = scn_value(f.action.delay);
  sc::ProviderFault p;
  p.provider = scn_value(provider);
  p.method = scn_value(*m);
  if (f.action.code) {
    p.code = scn_value(*f.action.code);
    const bool valid = code_has_role(*f.action.code, kRoleProviderReturn) ||
                       (f.method == vss::ProviderMethod::kOnUnload && *f.action.code == hr::S_FALSE);
    p.unexpected = scn_value(!valid);
  }
  p.log = scn_value(f.action.log);
  if (f.action.log && f.action.log_code && (!f.action.code || *f.action.log_code != *f.action.code)) {
    out.dropped.push_back("provider " + provider + ": " + method + " logs " + f.action.log_code->name() +
                          " (the format logs the returned code)");
  }
  fault.target = std::move(p);
  out.scenario.faults.push_back(std::move(fault));
}

void add_volumes(ScenarioConversion& out, const std::string& name, const VolumeSpec& v,
                 std::vector<sc::Located<std::string>>& system_volumes) {
  out.scenario.volumes.push_back(scn_value(name));
  if (v.system_supports) system_volumes.push_back(scn_value(name));
  if (v.flush > Duration()) {
    sc::VolumeFlush flush;
    flush.volume = scn_value(name);
    flush.duration = scn_value(v.flush);
    out.scenario.settings.flush_durations.push_back(std::move(flush));
  }
}

constexpr Duration kLastingOutage = Duration::days(365);

void add_jobs(ScenarioConversion& out, const GeneratedWorld& world) {
  for (std::size_t i = 0; i < world.jobs.size(); ++i) {
    const JobSpec& spec = world.jobs[i];
    const std::string name = GeneratedWorld::job_name(i);
    sc::Job job;
    job.name = scn_value(name);
    job.type = scn_value(job_type_of(spec.type));
    for (int f = 0; f < spec.files; ++f) {
      const std::string n = std::to_string(f);
      sc::JobFile file;
      file.remote = scn_value("http://server/" + name + "/" + n);
      file.local = scn_value((bits::is_upload(spec.type) ? "C:\\up\\" : "C:\\dl\\") + name + "\\" + n);
      file.size = scn_value(spec.file_size);
      job.files.push_back(std::move(file));
    }
    job.no_progress_timeout = scn_value(Duration::seconds(spec.no_progress_timeout_s));
    job.minimum_retry_delay = scn_value(Duration::seconds(spec.min_retry_delay_s));
    if (!spec.callback) job.notify_flags = scn_value<std::uint32_t>(0);
    out.scenario.jobs.push_back(std::move(job));
    if (!spec.actions.empty()) {
      out.dropped.push_back("job " + name + ": " + std::to_string(spec.actions.size()) +
                            " timed client action(s) (the reference BITS client acts on its own)");
    }
    for (const bits::TransportFault& raw : spec.faults) {
      const bits::TransportFault t = bits::resolved(raw);
      if (t.action == bits::FaultAction::kStall && t.duration == Duration()) continue;  // does nothing
      sc::Fault fault;
      fault.hit = scn_value(hit_of(t.when));
      sc::BitsFault b;
      b.job = scn_value(name);
      switch (t.point) {
        case bits::FaultPoint::kServerReply: b.point = scn_value(sc::TransferPoint::kReply); break;
        case bits::FaultPoint::kConnect: b.point = scn_value(sc::TransferPoint::kConnect); break;
        case bits::FaultPoint::kReplyTransfer: b.point = scn_value(sc::TransferPoint::kReplyTransfer); break;
        default: b.point = scn_value(sc::TransferPoint::kTransfer); break;
      }
      if (t.action == bits::FaultAction::kStall) {
        fault.delay = scn_value(t.duration);
      } else if (t.action == bits::FaultAction::kNetworkDisconnect || t.code == hr::BG_E_NETWORK_DISCONNECTED) {
        // The model reads this code as the machine's network going down, whatever the action, for the
        // plan's duration; 0 is "until the network is brought back", which no generated world does. The
        // format's outage lasts `delay` (at least 1 ms): a lasting one is written as kLastingOutage,
        // past every horizon a generated world runs to (at most 2 days).
        b.code = scn_value(hr::BG_E_NETWORK_DISCONNECTED);
        b.context = scn_value(t.action == bits::FaultAction::kNetworkDisconnect ? sc::ErrorContext::kGeneralTransport
                                                                                : context_of(t.context).value_or(sc::ErrorContext::kGeneralTransport));
        fault.delay = scn_value(t.duration > Duration() ? t.duration : kLastingOutage);
        if (t.duration == Duration()) {
          out.dropped.push_back("job " + name + ": a network outage until the network is brought back (written as " +
                                kLastingOutage.to_string() + ": the format's outages end)");
        }
      } else {
        b.code = scn_value(t.code);
        if (auto c = context_of(t.context)) b.context = scn_value(*c);
      }
      const bool transient = t.nature == bits::Nature::kTransient ||
                             (t.nature == bits::Nature::kDocumented && bits::classify_transient(t.code, t.context));
      b.severity = scn_value(transient ? sc::Severity::kTransient : sc::Severity::kFatal);
      if (t.bytes > 0) {
        const bool takes_bytes =
            b.point.value == sc::TransferPoint::kTransfer || b.point.value == sc::TransferPoint::kReplyTransfer;
        if (takes_bytes) {
          b.bytes = scn_value(t.bytes);
        } else {
          out.dropped.push_back("job " + name + ": fault after " + std::to_string(t.bytes) + " bytes at " +
                                std::string(sc::to_name(b.point.value)) + " (bytes apply to transfer points only)");
        }
      }
      bool forbidden = b.code && !code_has_role(b.code->value, kRoleBitsJobError);
      forbidden = forbidden || (b.code && b.context && b.context->value == sc::ErrorContext::kNone);
      fault.deliberate_misuse = scn_value(forbidden);
      fault.target = std::move(b);
      out.scenario.faults.push_back(std::move(fault));
    }
  }
}

}  // namespace

ScenarioConversion to_scenario(const GeneratedWorld& world, const std::string& name) {
  ScenarioConversion out;
  sc::Scenario& s = out.scenario;
  s.name = scn_value(name);
  s.description = scn_value(std::string("A world generated by the property generators (properties/), written by vssfault explore."));
  s.seed = scn_value(world.seed);

  // The reference requester adds volumes with GUID_NULL (VSS chooses the provider) where the benches
  // name the world's provider: the system provider takes only the system-only volumes, so each
  // provider's volumes go to that provider.
  std::vector<sc::Located<std::string>> system_volumes, unused;
  for (std::size_t p = 0; p < world.providers.size(); ++p)
    for (std::size_t j = 0; j < world.providers[p].volumes.size(); ++j)
      add_volumes(out, GeneratedWorld::provider_volume(p, j), world.providers[p].volumes[j], unused);
  for (std::size_t j = 0; j < world.system_volumes.size(); ++j)
    add_volumes(out, GeneratedWorld::system_volume(j), world.system_volumes[j], system_volumes);

  // The built-in system provider first (it is registered at the System's construction), when it takes
  // any volume (an empty list would mean every volume).
  if (!system_volumes.empty()) {
    sc::Provider sys;
    sys.name = scn_value(std::string("system"));
    sys.kind = scn_value(sc::ProviderKind::kSystem);
    sys.volumes = std::move(system_volumes);
    s.providers.push_back(std::move(sys));
  }
  for (std::size_t p = 0; p < world.providers.size(); ++p) {
    const ProviderSpec& spec = world.providers[p];
    const std::string pname = GeneratedWorld::provider_name(p);
    sc::Provider prov;
    prov.name = scn_value(pname);
    prov.kind = scn_value(spec.type == vss::ProviderType::kHardware ? sc::ProviderKind::kHardware : sc::ProviderKind::kSoftware);
    for (std::size_t j = 0; j < spec.volumes.size(); ++j) prov.volumes.push_back(scn_value(GeneratedWorld::provider_volume(p, j)));
    s.providers.push_back(std::move(prov));
  }

  for (std::size_t i = 0; i < world.writers.size(); ++i) {
    const WriterSpec& spec = world.writers[i];
    const std::string wname = GeneratedWorld::writer_name(i);
    sc::Writer w;
    w.name = scn_value(wname);
    if (auto l = level_of(spec.level)) {
      w.level = scn_value(*l);
    } else {
      out.dropped.push_back("writer " + wname + ": level " + std::string(vss::application_level_name(spec.level)) +
                            " (the format has front-end, back-end, system; written as front-end)");
    }
    w.freeze_timeout = scn_value(Duration::ms(spec.freeze_timeout_ms));
    for (int c = 0; c < spec.components; ++c) {
      sc::Component comp;
      comp.name = scn_value("c" + std::to_string(c));
      w.components.push_back(std::move(comp));
    }
    s.writers.push_back(std::move(w));
  }
  for (std::size_t i = 0; i < world.writers.size(); ++i)
    for (const auto& f : world.writers[i].faults) add_writer_fault(out, GeneratedWorld::writer_name(i), f);
  for (std::size_t p = 0; p < world.providers.size(); ++p)
    for (const auto& f : world.providers[p].faults)
      add_provider_fault(out, GeneratedWorld::provider_name(p), world.providers[p], f);
  for (std::size_t k = 0; k < world.hooks.size(); ++k) {
    out.dropped.push_back("VSS-internal fault " + std::string(mocks::vss_point_name(world.hooks[k].point)) + " " +
                          world.hooks[k].code.name() + " (the format has no VSS-internal faults)");
  }

  // One driver per scenario: the reference requester drives no BITS job, so a world with both halves
  // keeps its VSS half.
  const bool vss_side = !world.writers.empty() || !world.providers.empty() || !world.system_volumes.empty();
  if (vss_side && !world.jobs.empty()) {
    out.dropped.push_back(std::to_string(world.jobs.size()) +
                          " BITS job(s) (the reference requester drives no BITS job; one driver per scenario)");
  } else {
    add_jobs(out, world);
  }

  s.driver.kind = scn_value(vss_side || world.jobs.empty() ? sc::DriverKind::kReferenceRequester
                                                     : sc::DriverKind::kReferenceBitsClient);
  s.driver.requester.component_mode = scn_value(world.component_mode);
  s.driver.requester.accept_vetoes = scn_value(world.accept_vetoes);
  if (s.driver.kind.value == sc::DriverKind::kReferenceRequester) s.driver.requester.volumes = s.volumes;
  return out;
}

}  // namespace vssfault::properties
