#include "bits_world.h"

#include <vector>

namespace vssfault::bench {
std::vector<bits::TransportFault> every_connect_fails() {
  bits::TransportFault f;
  f.job = "stuck";
  f.action = bits::FaultAction::kFailConnect;
  f.when = HitSelector::every();
  f.origin = "bench:(c)";
  return {f};
}

BitsWorld::BitsWorld(std::uint64_t seed)
    : rng(seed),
      injector(ideal, every_connect_fails(), rng, trace, clock),
      service(clock, queue, trace, rng, injector) {
  bits::JobId id;
  service.CreateJob("stuck", bits::JobType::kDownload, &id, &job);
  job->AddFile("http://server/stuck/0", "C:\\dl\\stuck\\0");
  bits::ClientOptions options;
  options.mode = bits::WatchMode::kCallback;
  options.on_error = bits::ErrorPolicy::kCancel;
  client = std::make_unique<bits::ReferenceClient>(service, *job, options);
}

BitsWorld::~BitsWorld() { client.reset(); }

bits::ClientOutcome BitsWorld::Run() {
  client->start();
  queue.run_all();
  return client->outcome();
}

}  // namespace vssfault::bench
